/* glob.h's GLOB_DOOFFS: gl_offs NULLs before the names (room for a command's name and options
   before execv), kept through GLOB_APPEND. The output is glibc's, but written by hand: under
   --check, ASan's glob interceptor reads gl_pathv from its start and falls on the NULLs. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
    char top[] = "/tmp/globXXXXXX";
    glob_t g;
    int err;
    size_t i;

    if (mkdtemp(top) == NULL || chdir(top) != 0)
        return 1;
    close(open("one.c", O_WRONLY | O_CREAT, 0644));
    close(open("two.c", O_WRONLY | O_CREAT, 0644));
    close(open("three.h", O_WRONLY | O_CREAT, 0644));
    g.gl_offs = 2;
    err = glob("*.c", GLOB_DOOFFS, NULL, &g);
    printf("DOOFFS: %d, gl_pathc=%zu\n", err, g.gl_pathc);
    err = glob("*.h", GLOB_DOOFFS | GLOB_APPEND, NULL, &g);
    printf("DOOFFS|APPEND: %d, gl_pathc=%zu:", err, g.gl_pathc);
    for (i = 0; i < g.gl_offs + g.gl_pathc + 1; i++)
        printf(" %s", g.gl_pathv[i] ? g.gl_pathv[i] : "(null)");
    printf("\n");
    globfree(&g);
    g.gl_offs = 1;
    err = glob("*.none", GLOB_DOOFFS | GLOB_NOCHECK, NULL, &g);
    printf("DOOFFS|NOCHECK: %d, gl_pathc=%zu: %s %s\n", err, g.gl_pathc,
           g.gl_pathv[0] ? g.gl_pathv[0] : "(null)", g.gl_pathv[1]);
    globfree(&g);
    unlink("one.c");
    unlink("two.c");
    unlink("three.h");
    chdir("/");
    printf("cleaned up: %d\n", rmdir(top) == 0);
    return 0;
}
