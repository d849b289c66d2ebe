/* System calls that once crashed the kernel (issue 10 §2), each made from C: one line per call with
 * its result and errno. The kernel must answer every one with an errno and run on. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SHOW(expr) do { long r_ = (long)(expr); printf("%s = %ld%s%s\n", #expr, r_, \
        r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); errno = 0; } while (0)
#define RAW(expr) do { long r_ = (expr); printf("%s = %ld%s%s\n", #expr, r_ < 0 ? -1 : r_, \
        r_ < 0 ? " " : "", r_ < 0 ? strerror((int)-r_) : ""); } while (0)

static struct timespec forever = {LONG_MAX, 999999999};

/* A child that sleeps (nanosleep, or ppoll on an empty pipe) with the longest timeout there is;
 * the parent lets it fall asleep, kills it, and returns its wait status. */
static int sleep_forever_then_die(int use_ppoll)
{
    int fds[2], status, pid;
    struct timespec moment = {0, 10000000};
    pipe(fds);
    pid = fork();
    if (pid == 0) {
        struct pollfd pfd = {fds[0], POLLIN, 0};
        if (use_ppoll)
            __syscall(SYS_ppoll, (uintptr_t)&pfd, 1, (uintptr_t)&forever, 0, sizeof(sigset_t), 0);
        else
            nanosleep(&forever, 0);
        _exit(1);
    }
    nanosleep(&moment, 0);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return status;
}

int main(void)
{
    char *argv[3] = {"true", 0, 0};
    char buf[64];
    int fds[2], fd;
    struct timespec negative = {-1, 0}, too_many_ns = {0, 1000000000};
    struct sigaction sa[2];
    struct pollfd pfd;

    /* capability arrays at a misaligned address */
    SHOW(execve("/bin/true", (char **)((char *)argv + 1), 0));
    RAW(__syscall(SYS_rt_sigaction, SIGUSR1, (uintptr_t)((char *)sa + 8), 0, sizeof(sigset_t), 0, 0));
    RAW(__syscall(SYS_rt_sigaction, SIGUSR1, 0, (uintptr_t)((char *)sa + 8), sizeof(sigset_t), 0, 0));

    /* /proc names that are digits to str.isdigit but not pids */
    SHOW(open("/proc/\xc2\xb2/status", O_RDONLY));
    SHOW(open("/proc/\xd9\xa1/status", O_RDONLY));

    /* timeouts: negative, malformed, and the longest */
    SHOW(nanosleep(&negative, 0));
    SHOW(nanosleep(&too_many_ns, 0));
    pipe(fds);
    pfd.fd = fds[0];
    pfd.events = POLLIN;
    RAW(__syscall(SYS_ppoll, (uintptr_t)&pfd, 1, (uintptr_t)&negative, 0, sizeof(sigset_t), 0));
    write(fds[1], "x", 1);
    RAW(__syscall(SYS_ppoll, (uintptr_t)&pfd, 1, (uintptr_t)&forever, 0, sizeof(sigset_t), 0));
    printf("nanosleep(forever) in a child: killed by %d\n", sleep_forever_then_die(0) & 0x7f);
    printf("ppoll(forever) in a child: killed by %d\n", sleep_forever_then_die(1) & 0x7f);

    /* sizes and offsets of RAM files */
    fd = open("/tmp/big", O_RDWR | O_CREAT, 0644);
    SHOW(ftruncate(fd, 1L << 62));
    SHOW(ftruncate(fd, -1));
    SHOW(lseek(fd, 1L << 40, SEEK_SET));
    SHOW(write(fd, "x", 1));
    SHOW(lseek(fd, LONG_MAX, SEEK_SET));
    SHOW(lseek(fd, 1, SEEK_CUR));
    SHOW(read(fd, buf, sizeof buf));

    /* offsets of host files: past 2^63 - 1 is EINVAL, at it a read is end of file */
    fd = open("/host/f", O_RDWR | O_CREAT, 0644);
    SHOW(lseek(fd, LONG_MAX, SEEK_SET));
    SHOW(lseek(fd, 10, SEEK_CUR));
    SHOW(read(fd, buf, sizeof buf));
    SHOW(write(fd, "x", 1));

    /* flags open does not know are dropped, not handed back by F_GETFL (bit 31: "negative") */
    fd = open("/tmp/flags", O_RDWR | O_CREAT | (int)0x80000000, 0644);
    SHOW(fcntl(fd, F_GETFL) == (O_RDWR | O_CREAT));

    /* what only files have, asked of a pipe or a terminal */
    SHOW(ftruncate(fds[1], 0));
    SHOW(fchmod(fds[0], 0600));
    SHOW(fchmod(1, 0600));
    SHOW(openat(fds[0], "x", O_RDONLY));

    /* a directory whose name is not UTF-8 */
    SHOW(mkdir("/tmp/\xff", 0755));
    SHOW(chdir("/tmp/\xff"));
    SHOW(getcwd(buf, sizeof buf) == buf && strcmp(buf, "/tmp/\xff") == 0);
    fd = open("/proc/self/status", O_RDONLY);
    SHOW(read(fd, buf, sizeof buf) > 0);
    printf("the machine runs on\n");
    return 0;
}
