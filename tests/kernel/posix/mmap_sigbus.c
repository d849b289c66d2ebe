/*
 * mmap_sigbus - a file mapping's pages wholly past the file's end raise SIGBUS (BUS_ADRERR, the
 * address in si_addr), as on Linux; the page holding the end reads zeros past it. Each touch is
 * made by a child, whose SIGBUS handler prints what it learned and exits; a child that inherits
 * the mapping by fork gets the same. A system call handed such a page fails with EFAULT.
 *
 *     mmap_sigbus DIR
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile char *expected;

static void on_sigbus(int sig, siginfo_t *info, void *context)
{
    (void)context;
    printf("SIGBUS %d, si_code %d, at the address: %d\n", sig == SIGBUS, info->si_code,
           (char *)info->si_addr == (char *)expected);
    fflush(stdout);
    _exit(3);
}

/* In a child: read (or write) p[at]; print the byte read, or what ended the child. */
static void touch(const char *what, char *p, long at, int write)
{
    int status;
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_sigbus;
        sa.sa_flags = SA_SIGINFO;
        sigaction(SIGBUS, &sa, NULL);
        expected = p + at;
        if (write)
            p[at] = 'w';
        printf("%s: byte %d\n", what, p[at]);
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    printf("%s: exit %d\n", what, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

int main(int argc, char **argv)
{
    char path[256];
    char *shared, *private;
    int fd, flags[2] = { MAP_SHARED, MAP_PRIVATE };
    long n;
    int i;

    if (argc != 2)
        return 2;
    snprintf(path, sizeof path, "%s/sigbus.dat", argv[1]);
    fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "0123456789", 10);               /* 10 bytes: page 0 holds the end */
    for (i = 0; i < 2; i++) {
        const char *kind = i ? "private" : "shared";
        char *p = mmap(0, 3 * 4096, PROT_READ | PROT_WRITE, flags[i], fd, 0);
        printf("%s mapping of 3 pages of a 10-byte file: %d\n", kind, p != MAP_FAILED);
        touch("the last byte of the file", p, 9, 0);
        touch("past the end, in its page", p, 100, 0);
        touch("read the next page", p, 4096, 0);
        touch("write the next page", p, 4096 + 17, 1);
        touch("read the third page", p, 2 * 4096 + 4095, 0);
        errno = 0;
        lseek(fd, 0, SEEK_SET);
        n = read(fd, p + 4096, 1);
        printf("read() into the next page: %ld %s\n", n, strerror(errno));
        if (i)
            private = p;
        else
            shared = p;
    }
    ftruncate(fd, 5000);                        /* the file grows into the second page */
    touch("shared, grown into page 1", shared, 4096 + 17, 0);
    touch("private, grown into page 1", private, 4096 + 17, 0);
    touch("shared, still past in page 2", shared, 2 * 4096, 0);
    ftruncate(fd, 0);
    touch("shared, the file emptied", shared, 0, 0);
    close(fd);
    unlink(path);
    return 0;
}
