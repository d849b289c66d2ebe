/*
 * dirent.c - reading directories: opendir, readdir, closedir.
 *
 * A DIR is an open directory plus a buffer of records from getdents (struct dirent, each
 * d_reclen bytes long); readdir hands them out one at a time and refills the buffer when it runs
 * dry. The pointer readdir returns stays good until the next readdir or closedir.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#define DIR_BUFSIZ 4096

struct __ufos_dir {
    int fd;
    size_t pos;                 /* the next record in buf */
    size_t len;                 /* bytes of records in buf */
    void *align;                /* (keeps buf 16-byte aligned) */
    char buf[DIR_BUFSIZ];
};

DIR *fdopendir(int fd)
{
    DIR *d = malloc(sizeof(DIR));

    if (d == NULL)
        return NULL;
    d->fd = fd;
    d->pos = d->len = 0;
    return d;
}

DIR *opendir(const char *name)
{
    int fd = open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d;

    if (fd < 0)
        return NULL;
    d = fdopendir(fd);
    if (d == NULL)
        close(fd);
    return d;
}

/* The next entry, or NULL at the end (errno unchanged) or on error (errno set). */
struct dirent *readdir(DIR *dirp)
{
    struct dirent *e;
    ssize_t n;

    if (dirp->pos >= dirp->len) {
        n = getdents(dirp->fd, dirp->buf, sizeof dirp->buf);
        if (n <= 0)
            return NULL;
        dirp->len = (size_t)n;
        dirp->pos = 0;
    }
    e = (struct dirent *)(dirp->buf + dirp->pos);
    dirp->pos += e->d_reclen;
    return e;
}

void rewinddir(DIR *dirp)
{
    lseek(dirp->fd, 0, SEEK_SET);
    dirp->pos = dirp->len = 0;
}

int dirfd(DIR *dirp)
{
    return dirp->fd;
}

int closedir(DIR *dirp)
{
    int r = close(dirp->fd);

    free(dirp);
    return r;
}
