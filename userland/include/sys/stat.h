/*
 * sys/stat.h - file status (POSIX).
 *
 * struct stat is the layout the kernel writes (Linux's generic one, as on aarch64): 128 bytes.
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/_types.h>

struct stat {
    dev_t st_dev;               /* +0   the device of the file system */
    ino_t st_ino;               /* +8   the inode number */
    mode_t st_mode;             /* +16  type and permissions (S_IF* | 0777) */
    nlink_t st_nlink;           /* +20 */
    uid_t st_uid;               /* +24 */
    gid_t st_gid;               /* +28 */
    dev_t st_rdev;              /* +32  the device, for a device file */
    unsigned long __pad1;       /* +40 */
    off_t st_size;              /* +48  size in bytes */
    blksize_t st_blksize;       /* +56 */
    int __pad2;                 /* +60 */
    blkcnt_t st_blocks;         /* +64  512-byte blocks */
    struct timespec st_atim;    /* +72  last access */
    struct timespec st_mtim;    /* +88  last modification */
    struct timespec st_ctim;    /* +104 last status change */
    unsigned int __unused4;     /* +120 */
    unsigned int __unused5;     /* +124 */
};

#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#define S_IFMT 0170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000

#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)

#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 0070
#define S_IRGRP 0040
#define S_IWGRP 0020
#define S_IXGRP 0010
#define S_IRWXO 0007
#define S_IROTH 0004
#define S_IWOTH 0002
#define S_IXOTH 0001

#define UTIME_NOW 0x3fffffff        /* utimensat: this time becomes now */
#define UTIME_OMIT 0x3ffffffe       /* utimensat: this time stays */

int stat(const char *pathname, struct stat *statbuf);
int fstat(int fd, struct stat *statbuf);
int lstat(const char *pathname, struct stat *statbuf);
int fstatat(int dirfd, const char *pathname, struct stat *statbuf, int flags);
int utimensat(int dirfd, const char *pathname, const struct timespec times[2], int flags);
int futimens(int fd, const struct timespec times[2]);
int mkdir(const char *pathname, mode_t mode);
int mkdirat(int dirfd, const char *pathname, mode_t mode);
int chmod(const char *pathname, mode_t mode);
int fchmod(int fd, mode_t mode);
mode_t umask(mode_t mask);

#endif
