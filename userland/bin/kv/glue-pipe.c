/*
 * glue-pipe.c - the library in a μprocess of its own (kv-pipe.toml, purecap): kv_start forks a
 * child that serves hash_key over two pipes, (length, key) requests in and 8-byte hashes out. The
 * child execs nothing: it is main's image, forked before main holds its secret. This is the
 * fourth column of FlexCap's comparison - separate address spaces, paid for in system calls.
 */
#include <cheriintrin.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kvglue.h"
#include "kvhash.h"

#define MAX_KEY 512

static int to_library = -1, from_library = -1;
static pid_t library;

/* Move exactly n bytes; -1 if the other end is gone first. */
static int read_all(int fd, void *buf, size_t n)
{
    for (char *p = buf; n > 0;) {
        ssize_t got = read(fd, p, n);
        if (got <= 0)
            return -1;
        p += got;
        n -= got;
    }
    return 0;
}

static int write_all(int fd, const void *buf, size_t n)
{
    for (const char *p = buf; n > 0;) {
        ssize_t put = write(fd, p, n);
        if (put <= 0)
            return -1;
        p += put;
        n -= put;
    }
    return 0;
}

/* The library's μprocess: hash each key it is sent, until main closes the pipe. The key goes to
 * hash_key bounded to exactly its length, as purecap would bound a buffer of that size. */
static void serve(int in, int out)
{
    static char key[MAX_KEY];
    size_t len;
    while (read_all(in, &len, sizeof len) == 0 && len <= MAX_KEY && read_all(in, key, len) == 0) {
        unsigned long h = hash_key(cheri_bounds_set_exact(key, len), len);
        if (write_all(out, &h, sizeof h) != 0)
            break;
    }
    _exit(0);
}

void kv_start(void)
{
    int requests[2], replies[2];
    if (pipe(requests) != 0 || pipe(replies) != 0) {
        perror("kv: pipe");
        exit(1);
    }
    signal(SIGPIPE, SIG_IGN);           /* a dead library is reported by library_died, not by SIGPIPE */
    library = fork();
    if (library < 0) {
        perror("kv: fork");
        exit(1);
    }
    if (library == 0) {
        close(requests[1]);
        close(replies[0]);
        serve(requests[0], replies[1]);
    }
    close(requests[0]);
    close(replies[1]);
    to_library = requests[1];
    from_library = replies[0];
}

/* The library's μprocess is gone: say how it ended, and stop (main has no hash without it). */
static void library_died(void)
{
    int status;
    waitpid(library, &status, 0);
    if (WIFSIGNALED(status))
        fprintf(stderr, "kv: the hash library died: %s\n", strsignal(WTERMSIG(status)));
    else
        fprintf(stderr, "kv: the hash library exited with status %d\n", WEXITSTATUS(status));
    exit(1);
}

unsigned long kv_hash(const char *key, size_t len)
{
    unsigned long h;
    if (write_all(to_library, &len, sizeof len) != 0 || write_all(to_library, key, len) != 0 ||
        read_all(from_library, &h, sizeof h) != 0)
        library_died();
    return h;
}
