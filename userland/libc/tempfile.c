/*
 * tempfile.c - temporary files: mkstemp and mkdtemp (POSIX, <stdlib.h>), tmpfile and tmpnam
 * (<stdio.h>).
 *
 * A template's last six characters, "XXXXXX", become letters and digits drawn from the process
 * id, the time and a counter; the file or directory is then created only if nothing has that
 * name yet (O_EXCL, or mkdir's EEXIST), and another name is tried if something has. tmpnam
 * only finds a name nothing has yet (it creates nothing, so another process may take it).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SUFFIX_LEN 6
#define ATTEMPTS 100

/* Where the X's of template start, or NULL (errno EINVAL) if it does not end in six of them. */
static char *suffix_of(char *template)
{
    size_t len = strlen(template);

    if (len < SUFFIX_LEN || strcmp(template + len - SUFFIX_LEN, "XXXXXX") != 0) {
        errno = EINVAL;
        return NULL;
    }
    return template + len - SUFFIX_LEN;
}

/* Six new letters and digits at suffix: a different choice at every call. */
static void fill_suffix(char *suffix)
{
    static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static unsigned long counter;
    unsigned long v = (unsigned long)getpid() * 1000003UL ^ (unsigned long)time(NULL) * 7919UL
                      ^ ++counter * 0x9E3779B97F4A7C15UL;

    for (int i = 0; i < SUFFIX_LEN; i++) {
        suffix[i] = chars[v % (sizeof chars - 1)];
        v /= sizeof chars - 1;
    }
}

int mkstemp(char *template)
{
    char *suffix = suffix_of(template);

    if (suffix == NULL)
        return -1;
    for (int i = 0; i < ATTEMPTS; i++) {
        fill_suffix(suffix);
        int fd = open(template, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

char *mkdtemp(char *template)
{
    char *suffix = suffix_of(template);

    if (suffix == NULL)
        return NULL;
    for (int i = 0; i < ATTEMPTS; i++) {
        fill_suffix(suffix);
        if (mkdir(template, 0700) == 0)
            return template;
        if (errno != EEXIST)
            return NULL;
    }
    return NULL;
}

/* A new file in /tmp, open for reading and writing, its name removed at once: it goes away
 * when it is closed. */
FILE *tmpfile(void)
{
    char name[] = "/tmp/tmpfXXXXXX";
    int fd = mkstemp(name);
    FILE *f;

    if (fd < 0)
        return NULL;
    unlink(name);
    f = fdopen(fd, "w+");
    if (f == NULL)
        close(fd);
    return f;
}

/* A name that no file has (C11 7.21.4.4), "/tmp/fileXXXXXX" as glibc makes them, written into s
 * (at least L_tmpnam bytes) or, s NULL, into a static buffer; NULL if none was found. */
char *tmpnam(char *s)
{
    static char buffer[L_tmpnam];
    char name[] = "/tmp/fileXXXXXX";
    struct stat st;

    for (int i = 0; i < ATTEMPTS; i++) {
        fill_suffix(name + sizeof name - 1 - SUFFIX_LEN);
        if (lstat(name, &st) != 0 && errno == ENOENT)
            return strcpy(s ? s : buffer, name);
    }
    return NULL;
}
