/* Success and error paths of the kernel's system calls, one line each. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SHOW(expr) do { long r_ = (long)(expr); printf("%-40s = %ld%s%s\n", #expr, r_, \
        r_ < 0 ? " " : "", r_ < 0 ? strerror(errno) : ""); errno = 0; } while (0)

static volatile int got_signal;
static void on_usr1(int sig) { got_signal = sig; }

int main(void)
{
    char buf[64];
    int fds[2], fd, status;
    struct stat st;
    struct timespec ts;
    struct sigaction sa;
    DIR *d;
    struct dirent *e;

    SHOW(open("/nonexistent", O_RDONLY));
    SHOW(open("/tmp/f", O_WRONLY | O_CREAT | O_TRUNC, 0644));
    SHOW(write(3, "hello, file\n", 12));
    SHOW(open("/tmp/f", O_WRONLY | O_CREAT | O_EXCL, 0644));
    SHOW(close(3));
    SHOW(close(3));
    SHOW(read(42, buf, 1));
    fd = open("/tmp/f", O_RDONLY);
    SHOW(read(fd, buf, 5));
    SHOW(lseek(fd, 0, SEEK_END));
    SHOW(lseek(fd, -100, SEEK_SET));
    SHOW(fstat(fd, &st));
    printf("size %ld regular %d\n", (long)st.st_size, S_ISREG(st.st_mode));
    SHOW(write(fd, "x", 1));
    SHOW(dup2(fd, 10));
    SHOW(read(10, buf, 100));
    close(fd);
    close(10);
    SHOW(stat("/tmp", &st));
    printf("dir %d\n", S_ISDIR(st.st_mode));
    SHOW(mkdir("/tmp/d", 0755));
    SHOW(mkdir("/tmp/d", 0755));
    SHOW(rename("/tmp/f", "/tmp/d/g"));
    SHOW(rmdir("/tmp/d"));
    SHOW(unlink("/tmp/d/g"));
    SHOW(unlink("/tmp/d/g"));
    SHOW(rmdir("/tmp/d"));
    SHOW(chdir("/etc"));
    printf("cwd %s\n", getcwd(buf, sizeof buf));
    SHOW(chdir("/etc/motd"));
    SHOW(getcwd(buf, 2) == NULL);
    d = opendir("/");
    while ((e = readdir(d)) != NULL)
        printf("%s ", e->d_name);
    printf("\n");
    closedir(d);
    SHOW(pipe(fds));
    SHOW(lseek(fds[0], 0, SEEK_SET));
    SHOW(write(fds[1], "abc", 3));
    SHOW(read(fds[0], buf, 10));
    SHOW(close(fds[1]));
    SHOW(read(fds[0], buf, 10));
    SHOW(wait(&status));
    SHOW(kill(9999, SIGTERM));
    SHOW(kill(getpid(), 99));
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    SHOW(sigaction(SIGUSR1, &sa, NULL));
    SHOW(sigaction(SIGKILL, &sa, NULL));
    SHOW(kill(getpid(), SIGUSR1));
    printf("handler ran with %d\n", got_signal);
    char *m = mmap(NULL, 10000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap ok %d, zeroed %d\n", m != MAP_FAILED, m[9999] == 0);
    m[0] = 1;
    SHOW(munmap(m, 10000));
    SHOW(mmap(NULL, 4096, PROT_READ, MAP_SHARED, 5, 0) == MAP_FAILED);
    SHOW(clock_gettime(CLOCK_MONOTONIC, &ts));
    ts.tv_sec = 0;
    ts.tv_nsec = 1000000;
    SHOW(nanosleep(&ts, NULL));
    SHOW(getpid());
    SHOW(getppid());
    SHOW(isatty(1));
    return 0;
}
