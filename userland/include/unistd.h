/*
 * unistd.h - POSIX system calls and a few helpers.
 *
 * Every function here that fails returns -1 (or NULL) and sets errno.
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/_types.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

extern char **environ;

/* Files */
ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
ssize_t pread(int fd, void *buf, size_t count, off_t offset);
ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset);
int getentropy(void *buffer, size_t length);                      /* libc/random.c */
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int pipe(int pipefd[2]);
int pipe2(int pipefd[2], int flags);
int dup(int oldfd);
int dup2(int oldfd, int newfd);
int dup3(int oldfd, int newfd, int flags);
int unlink(const char *pathname);
int unlinkat(int dirfd, const char *pathname, int flags);
int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags);
int rmdir(const char *pathname);
int link(const char *oldpath, const char *newpath);
int symlink(const char *target, const char *linkpath);
ssize_t readlink(const char *pathname, char *buf, size_t bufsiz);
int access(const char *pathname, int mode);
int truncate(const char *path, off_t length);
int ftruncate(int fd, off_t length);
int fsync(int fd);
int isatty(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

/* ioctl requests of a terminal (Linux's numbers; termios.h has the functions that make them) */
#define TCGETS 0x5401           /* struct termios *: get the mode */
#define TCSETS 0x5402           /* const struct termios *: set it now */
#define TCSETSW 0x5403          /* ... after the output is written (at once in ufos) */
#define TCSETSF 0x5404          /* ... and discard the input not yet read */
#define TIOCGPGRP 0x540F
#define TIOCSPGRP 0x5410
#define TIOCGWINSZ 0x5413       /* struct winsize *: the window's size */
int chdir(const char *path);
int fchdir(int fd);
char *getcwd(char *buf, size_t size);
ssize_t getdents(int fd, void *dirp, size_t count);    /* struct dirent records; see dirent.h */

/* Processes */
pid_t fork(void);
int execve(const char *pathname, char *const argv[], char *const envp[]);
int execv(const char *pathname, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execl(const char *pathname, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
_Noreturn void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
/* The supplementary group IDs into list (size 0: only how many there are; too small: EINVAL) */
int getgroups(int size, gid_t list[]);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t setsid(void);

/* The machine's names (uname's nodename and domainname): -1 and ENAMETOOLONG if len is too
 * small (what fits is copied). Setting them is not allowed (EPERM). */
int gethostname(char *name, size_t len);
int sethostname(const char *name, size_t len);
int getdomainname(char *name, size_t len);
int setdomainname(const char *name, size_t len);

/* The machine: reboot(RB_POWER_OFF) or reboot(RB_HALT_SYSTEM) stops ufos (Linux's values) */
#define RB_HALT_SYSTEM 0xcdef0123
#define RB_POWER_OFF 0x4321fedc
int reboot(int howto);

/* Memory */
int brk(void *addr);
void *sbrk(intptr_t increment);
int getpagesize(void);

/* The system's limits and configuration: sysconf(_SC_...) (glibc's numbers for the names) */
#define _SC_ARG_MAX 0
#define _SC_CHILD_MAX 1
#define _SC_CLK_TCK 2
#define _SC_NGROUPS_MAX 3
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_LINE_MAX 43
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
long sysconf(int name);

/* Time */
unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);
int pause(void);
unsigned int alarm(unsigned int seconds);   /* SIGALRM after seconds (0: none); what was left */

/* Command-line options */
int getopt(int argc, char *const argv[], const char *optstring);
extern char *optarg;
extern int optind, opterr, optopt;

#endif
