// expected: host
// Temporary files: mkstemp and mkdtemp replace the XXXXXX of a template with a name nothing else
// has (two calls give two names) and create the file or directory; tmpfile gives an open,
// nameless scratch file. Tests and tools that write to a scratch file use them.
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    char first[] = "/tmp/scratchXXXXXX", second[] = "/tmp/scratchXXXXXX";
    int fd1 = mkstemp(first), fd2 = mkstemp(second);
    printf("opened: %d %d\n", fd1 >= 0, fd2 >= 0);
    printf("prefix kept: %d, XXXXXX replaced: %d, names differ: %d\n",
           strncmp(first, "/tmp/scratch", 12) == 0, strstr(first, "XXXXXX") == NULL,
           strcmp(first, second) != 0);
    printf("write: %zd\n", write(fd1, "hello", 5));
    close(fd1);
    close(fd2);
    FILE *f = fopen(first, "r");
    char buf[16] = "";
    printf("read back: %s\n", f && fgets(buf, sizeof buf, f) ? buf : "(nothing)");
    if (f)
        fclose(f);
    printf("unlinked: %d %d\n", unlink(first) == 0, unlink(second) == 0);

    char bad[] = "/tmp/scratchXXXX";                     /* fewer than six X's */
    errno = 0;
    int bad_fd = mkstemp(bad);
    printf("bad template: %d, EINVAL: %d\n", bad_fd, errno == EINVAL);

    char dir[] = "/tmp/dirXXXXXX";
    char *made = mkdtemp(dir);
    struct stat st;
    printf("mkdtemp: %d, is a directory: %d\n", made == dir,
           made && stat(made, &st) == 0 && S_ISDIR(st.st_mode));
    printf("removed: %d\n", made && rmdir(made) == 0);

    FILE *scratch = tmpfile();
    printf("tmpfile: %d\n", scratch != NULL);
    if (scratch) {
        fprintf(scratch, "line %d\n", 42);
        rewind(scratch);
        printf("tmpfile read back: %s", fgets(buf, sizeof buf, scratch) ? buf : "(nothing)\n");
        fclose(scratch);
    }
    return 0;
}
