/*
 * mmap - file and shared mappings, MAP_FIXED, guard pages, mprotect and munmap of parts of a
 * mapping, and what fork does to each, one check a line. Portable POSIX C: compiled by gcc and
 * run on Linux it prints the same (mmap.out was made that way). argv[1] is a directory to
 * make files in.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "in_child.h"

#define PAGE 4096

static char path[256];

static void show(const char *name, long r)
{
    if (r < 0)
        printf("%s = -1 %s\n", name, strerror(errno));
    else
        printf("%s = %ld\n", name, r);
}

static void show_map(const char *name, void *p)
{
    show(name, p == MAP_FAILED ? -1 : 0);
}


static int write_first(char *p)
{
    p[0] = 'w';
    return 0;
}

static int read_first(char *p)
{
    return p[0] == 0 ? 1 : 2;
}

static int write_text(char *p)
{
    strcpy(p, "the child wrote this");
    return 0;
}

/* A file of three pages: page i is full of 'A' + i. */
static int make_file(void)
{
    char page[PAGE];
    int i, fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

    for (i = 0; i < 3; i++) {
        memset(page, 'A' + i, PAGE);
        write(fd, page, PAGE);
    }
    return fd;
}

static char byte_at(int fd, off_t offset)
{
    char c = '?';

    lseek(fd, offset, SEEK_SET);
    read(fd, &c, 1);
    return c;
}

static void test_shared_file(void)
{
    int fd = make_file();
    char *m = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char buf[8];

    show_map("mmap shared file", m);
    printf("the mapping reads the file: %c %c %c\n", m[0], m[PAGE], m[2 * PAGE + 4095]);
    m[10] = 'x';
    printf("read() sees a store through the mapping: %c\n", byte_at(fd, 10));
    lseek(fd, PAGE + 5, SEEK_SET);
    write(fd, "hello", 5);
    printf("the mapping sees write(): %.5s\n", m + PAGE + 5);
    printf("a child's store is the parent's: %s\n", in_child(write_text, m + 100));
    printf("the parent sees \"%.20s\"\n", m + 100);
    show("msync MS_SYNC", msync(m, 3 * PAGE, MS_SYNC));
    show("msync MS_ASYNC of one page", msync(m + PAGE, PAGE, MS_ASYNC));
    show("msync MS_INVALIDATE", msync(m, PAGE, MS_INVALIDATE));
    show("msync both", msync(m, PAGE, MS_SYNC | MS_ASYNC));
    show("msync bad flags", msync(m, PAGE, 64));
    show("msync unaligned", msync(m + 1, PAGE, MS_SYNC));
    m[2 * PAGE] = 'z';
    show("munmap", munmap(m, 3 * PAGE));
    show("msync after munmap", msync(m, PAGE, MS_SYNC));
    close(fd);
    fd = open(path, O_RDONLY);
    printf("the file after munmap: %c", byte_at(fd, 10));
    printf(" %c", byte_at(fd, 100));
    lseek(fd, PAGE + 5, SEEK_SET);
    read(fd, buf, 5);
    printf(" %.5s %c\n", buf, byte_at(fd, 2 * PAGE));
    close(fd);
}

static void test_truncate(void)
{
    int fd = make_file();
    char *m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

    m[PAGE + 1] = 'y';
    show("ftruncate to 10 bytes", ftruncate(fd, 10));
    show("ftruncate back to two pages", ftruncate(fd, 2 * PAGE));
    printf("the kept bytes: %c, the cut ones read as zeros: %d %d\n", m[9], m[10], m[PAGE + 1]);
    printf("read() agrees: %d\n", byte_at(fd, PAGE + 1));
    m[PAGE + 2] = 'n';
    printf("a store after it reaches read(): %c\n", byte_at(fd, PAGE + 2));
    munmap(m, 2 * PAGE);
    close(fd);
}

static void test_private_file(void)
{
    int fd = open(path, O_RDONLY);
    char *m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, PAGE);

    show_map("mmap private, offset one page, read-only file", m);
    printf("it starts at the file's second page: %c %c\n", m[0], m[PAGE]);
    m[0] = 'p';
    printf("a store stays private: %c, the file has %c\n", m[0], byte_at(fd, PAGE));
    printf("a child's store is its own: %s\n", in_child(write_first, m));
    printf("the parent has %c\n", m[0]);
    show("munmap", munmap(m, 2 * PAGE));

    show_map("shared writable of a read-only file", mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
    m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
    show_map("shared read-only of a read-only file", m);
    show("mprotect it writable", mprotect(m, PAGE, PROT_READ | PROT_WRITE));
    printf("a store into it: %s\n", in_child(write_first, m));
    munmap(m, PAGE);
    show_map("unaligned offset", mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 100));
    show_map("neither shared nor private", mmap(NULL, PAGE, PROT_READ, 0, fd, 0));
    show_map("a closed descriptor", mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0));
    show_map("zero length", mmap(NULL, 0, PROT_READ, MAP_PRIVATE, fd, 0));
    close(fd);
    fd = open(path, O_WRONLY);
    show_map("a write-only file", mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0));
    close(fd);
}

static void test_shared_anonymous(void)
{
    char *s = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    char *q = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int status;

    show_map("mmap shared anonymous", s);
    printf("zeroed: %d\n", s[0] == 0 && s[2 * PAGE - 1] == 0);
    printf("a child's store to shared memory: %s\n", in_child(write_text, s + PAGE));
    printf("the parent sees \"%.20s\"\n", s + PAGE);
    printf("a child's store to private memory: %s\n", in_child(write_text, q));
    printf("the parent sees %d\n", q[0]);
    if (fork() == 0) {                    /* the parent's stores after fork reach the child */
        while (s[0] == 0)
            usleep(1000);
        _exit(s[0] == 'P' ? 0 : 1);
    }
    s[0] = 'P';
    wait(&status);
    printf("the child saw the parent's later store: %d\n", WIFEXITED(status) && WEXITSTATUS(status) == 0);
    printf("another child's store: %s\n", in_child(write_text, s + 3000));
    printf("the parent sees it: %.20s\n", s + 3000);
    show("munmap half", munmap(s, PAGE));
    printf("the other half stays: %.20s\n", s + PAGE);
    show("munmap", munmap(s + PAGE, PAGE));
    munmap(q, PAGE);
}

static void test_guard_pages(void)
{
    char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *g = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    memset(p, 'a', 3 * PAGE);
    show("mprotect the middle page PROT_NONE", mprotect(p + PAGE, PAGE, PROT_NONE));
    printf("read the guard page: %s\n", in_child(read_first, p + PAGE));
    printf("write the guard page: %s\n", in_child(write_first, p + PAGE));
    printf("the pages around it: %c %c\n", p[PAGE - 1], p[2 * PAGE]);
    printf("a PROT_NONE mapping: %s\n", in_child(read_first, g));
    show("munmap the middle page", munmap(p + PAGE, PAGE));
    printf("touch the hole: %s\n", in_child(read_first, p + PAGE));
    printf("the pages around it: %c %c\n", p[0], p[3 * PAGE - 1]);
    show("mprotect over the hole", mprotect(p + PAGE, 2 * PAGE, PROT_READ));
    show("mprotect the last page read-only", mprotect(p + 2 * PAGE, PAGE, PROT_READ));
    printf("write it: %s\n", in_child(write_first, p + 2 * PAGE));
    munmap(p, PAGE);
    munmap(p + 2 * PAGE, PAGE);
    munmap(g, PAGE);
}

static void test_fixed(void)
{
    char *p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *f, *s;
    int fd = open(path, O_RDWR);

    memset(p, 'a', 4 * PAGE);
    f = mmap(p + PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED lands where asked: %d\n", f == p + PAGE);
    printf("its page is new: %d, the others stay: %c %c\n", f[0], p[0], p[2 * PAGE]);
    s = mmap(p + 2 * PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 2 * PAGE);
    printf("MAP_FIXED of a file's third page: %d %c\n", s == p + 2 * PAGE, s[0]);
    printf("a child's store there: %s\n", in_child(write_first, s));
    printf("the parent sees it: %c\n", s[0]);
    show_map("MAP_FIXED_NOREPLACE over a mapping",
             mmap(p + 3 * PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0));
    show_map("MAP_FIXED unaligned",
             mmap(p + 1, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
    show("munmap all four", munmap(p, 4 * PAGE));
    printf("the file got the child's store: %c\n", byte_at(fd, 2 * PAGE));
    close(fd);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    snprintf(path, sizeof path, "%s/mmap-test", argc > 1 ? argv[1] : "/tmp");
    test_shared_file();
    test_private_file();
    test_shared_anonymous();
    test_guard_pages();
    test_fixed();
    test_truncate();
    unlink(path);
    return 0;
}
