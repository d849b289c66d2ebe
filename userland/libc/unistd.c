/*
 * unistd.c - system calls on files, directories and file descriptors.
 *
 * Each function is one system call (docs/abi.md has the numbers; libc.h the syscallN macros,
 * which also turn a failure into -1 and errno). Paths are resolved relative to the current
 * directory with the *at calls and AT_FDCWD, as on Linux.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "libc.h"

ssize_t read(int fd, void *buf, size_t count)
{
    return syscall3(SYS_read, fd, buf, count);
}

ssize_t write(int fd, const void *buf, size_t count)
{
    return syscall3(SYS_write, fd, buf, count);
}

ssize_t pread(int fd, void *buf, size_t count, off_t offset)
{
    return syscall4(SYS_pread64, fd, buf, count, offset);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
    return syscall4(SYS_pwrite64, fd, buf, count, offset);
}

/* open(path, flags) or open(path, flags, mode): the mode is there only with O_CREAT. */
int openat(int dirfd, const char *pathname, int flags, ...)
{
    va_list ap;
    mode_t mode = 0;

    if (flags & O_CREAT) {
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    return (int)syscall4(SYS_openat, dirfd, pathname, flags, mode);
}

int open(const char *pathname, int flags, ...)
{
    va_list ap;
    mode_t mode = 0;

    if (flags & O_CREAT) {
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    return (int)syscall4(SYS_openat, AT_FDCWD, pathname, flags, mode);
}

int creat(const char *pathname, mode_t mode)
{
    return open(pathname, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

/* Only the commands that take an int read a third argument: on ufos, reading an argument that
 * was not passed runs off the end of the variadic area, a capability fault. */
int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    long arg = 0;

    if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_SETFD || cmd == F_SETFL) {
        va_start(ap, cmd);
        arg = va_arg(ap, int);
        va_end(ap);
    }
    return (int)syscall3(SYS_fcntl, fd, cmd, arg);
}

int close(int fd)
{
    return (int)syscall1(SYS_close, fd);
}

off_t lseek(int fd, off_t offset, int whence)
{
    return syscall3(SYS_lseek, fd, offset, whence);
}

int pipe2(int pipefd[2], int flags)
{
    return (int)syscall2(SYS_pipe2, pipefd, flags);
}

int pipe(int pipefd[2])
{
    return pipe2(pipefd, 0);
}

int dup(int oldfd)
{
    return (int)syscall1(SYS_dup, oldfd);
}

int dup3(int oldfd, int newfd, int flags)
{
    return (int)syscall3(SYS_dup3, oldfd, newfd, flags);
}

/* dup3 refuses oldfd == newfd; dup2 then just checks that oldfd is open. */
int dup2(int oldfd, int newfd)
{
    struct stat st;

    if (oldfd == newfd)
        return fstat(oldfd, &st) < 0 ? -1 : newfd;
    return dup3(oldfd, newfd, 0);
}

int fstatat(int dirfd, const char *pathname, struct stat *statbuf, int flags)
{
    return (int)syscall4(SYS_newfstatat, dirfd, pathname, statbuf, flags);
}

int fstat(int fd, struct stat *statbuf)
{
    return (int)syscall2(SYS_fstat, fd, statbuf);
}

int stat(const char *pathname, struct stat *statbuf)
{
    return fstatat(AT_FDCWD, pathname, statbuf, 0);
}

int lstat(const char *pathname, struct stat *statbuf)
{
    return fstatat(AT_FDCWD, pathname, statbuf, AT_SYMLINK_NOFOLLOW);
}

/* Set a file's access and modification times (times NULL: both now; a tv_nsec of UTIME_NOW or
 * UTIME_OMIT: now, or leave it). ufos's own files keep only the modification time. */
int utimensat(int dirfd, const char *pathname, const struct timespec times[2], int flags)
{
    return (int)syscall4(SYS_utimensat, dirfd, pathname, times, flags);
}

int futimens(int fd, const struct timespec times[2])
{
    return utimensat(fd, NULL, times, 0);
}

int mkdirat(int dirfd, const char *pathname, mode_t mode)
{
    return (int)syscall3(SYS_mkdirat, dirfd, pathname, mode);
}

int mkdir(const char *pathname, mode_t mode)
{
    return mkdirat(AT_FDCWD, pathname, mode);
}

int unlinkat(int dirfd, const char *pathname, int flags)
{
    return (int)syscall3(SYS_unlinkat, dirfd, pathname, flags);
}

int unlink(const char *pathname)
{
    return unlinkat(AT_FDCWD, pathname, 0);
}

int rmdir(const char *pathname)
{
    return unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

int rename(const char *oldpath, const char *newpath)
{
    return (int)syscall4(SYS_renameat, AT_FDCWD, oldpath, AT_FDCWD, newpath);
}

int link(const char *oldpath, const char *newpath)
{
    return linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)
{
    return (int)syscall5(SYS_linkat, olddirfd, oldpath, newdirfd, newpath, flags);
}

int symlink(const char *target, const char *linkpath)
{
    return (int)syscall3(SYS_symlinkat, target, AT_FDCWD, linkpath);
}

ssize_t readlink(const char *pathname, char *buf, size_t bufsiz)
{
    return syscall4(SYS_readlinkat, AT_FDCWD, pathname, buf, bufsiz);
}

int access(const char *pathname, int mode)
{
    return (int)syscall3(SYS_faccessat, AT_FDCWD, pathname, mode);
}

int chmod(const char *pathname, mode_t mode)
{
    return (int)syscall3(SYS_fchmodat, AT_FDCWD, pathname, mode);
}

int fchmod(int fd, mode_t mode)
{
    return (int)syscall2(SYS_fchmod, fd, mode);
}

mode_t umask(mode_t mask)
{
    return (mode_t)syscall1(SYS_umask, mask);
}

int truncate(const char *path, off_t length)
{
    return (int)syscall2(SYS_truncate, path, length);
}

int ftruncate(int fd, off_t length)
{
    return (int)syscall2(SYS_ftruncate, fd, length);
}

int fsync(int fd)
{
    return (int)syscall1(SYS_fsync, fd);
}

/* A terminal answers the TCGETS request with its mode; anything else fails it with ENOTTY. */
int isatty(int fd)
{
    struct termios mode;

    return tcgetattr(fd, &mode) == 0;
}

/* The terminal's foreground process group: the one Ctrl-C interrupts. */
pid_t tcgetpgrp(int fd)
{
    int pgrp;

    if (syscall3(SYS_ioctl, fd, TIOCGPGRP, &pgrp) < 0)
        return -1;
    return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
    int value = pgrp;

    return (int)syscall3(SYS_ioctl, fd, TIOCSPGRP, &value);
}

ssize_t getdents(int fd, void *dirp, size_t count)
{
    return syscall3(SYS_getdents64, fd, dirp, count);
}

int chdir(const char *path)
{
    return (int)syscall1(SYS_chdir, path);
}

int fchdir(int fd)
{
    return (int)syscall1(SYS_fchdir, fd);
}

/* With buf NULL, getcwd allocates the buffer (size bytes, or as many as needed if size is 0). */
char *getcwd(char *buf, size_t size)
{
    char *mine = NULL;

    if (buf == NULL) {
        if (size == 0)
            size = 4096;
        buf = mine = malloc(size);
        if (buf == NULL)
            return NULL;
    }
    if (syscall2(SYS_getcwd, buf, size) < 0) {
        free(mine);
        return NULL;
    }
    return buf;
}

/* ---- the system's limits -------------------------------------------------------------------- */

/* What sysconf(name) reports: a limit of <limits.h>, a fact of the machine (one processor, the
 * clock ticks of times()), or -1 for a limit ufos does not have (errno unchanged) and for a name
 * it does not know (errno EINVAL). */
long sysconf(int name)
{
    switch (name) {
    case _SC_ARG_MAX:
        return ARG_MAX;
    case _SC_CHILD_MAX:
        return -1;                      /* no limit but memory */
    case _SC_CLK_TCK:
        return 100;                     /* sys/times.h */
    case _SC_NGROUPS_MAX:
        return NGROUPS_MAX;
    case _SC_OPEN_MAX:
        return OPEN_MAX;
    case _SC_PAGESIZE:
        return getpagesize();
    case _SC_LINE_MAX:
        return LINE_MAX;
    case _SC_NPROCESSORS_CONF:
    case _SC_NPROCESSORS_ONLN:
        return 1;
    default:
        errno = EINVAL;
        return -1;
    }
}
