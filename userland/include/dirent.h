/*
 * dirent.h - reading directories (POSIX). opendir/readdir sit on the getdents system call
 * (getdents64, 61), whose records are exactly struct dirent up to d_reclen bytes.
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/_types.h>

struct dirent {
    ino_t d_ino;                /* +0 */
    off_t d_off;                /* +8: where the next record starts (opaque) */
    unsigned short d_reclen;    /* +16: the length of this record */
    unsigned char d_type;       /* +18: DT_* */
    char d_name[256];           /* +19: NUL-terminated */
};

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

typedef struct __ufos_dir DIR;

DIR *opendir(const char *name);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dirp);
int closedir(DIR *dirp);
void rewinddir(DIR *dirp);
int dirfd(DIR *dirp);

#endif
