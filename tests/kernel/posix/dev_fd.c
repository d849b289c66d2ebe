/* /dev/fd/N: opening it gives another descriptor for what descriptor N is open on; stat of it is
   fstat(N); listing /dev/fd gives the open descriptors. What it prints with no argument is what
   Linux prints too (dev_fd.out). With the argument "bsd" it goes on to what ufos does as the BSDs
   do and Linux does not (ufos/kernel/fs/fdesc.py): a duplicate shares its offset, a closed
   descriptor's name is EBADF, a duplicate cannot add a right. Standard input: "input\n". */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void name_of(char *out, int fd)
{
    sprintf(out, "/dev/fd/%d", fd);
}

static void try_open(const char *path, int flags)
{
    int fd = open(path, flags, 0644);
    printf("open %s: %s\n", path, fd >= 0 ? "ok" : strerror(errno));
    if (fd >= 0)
        close(fd);
}

static void list(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;

    printf("%s:", path);
    while (d != NULL && (e = readdir(d)) != NULL)
        printf(" %s", e->d_name);
    printf("\n");
    if (d != NULL)
        closedir(d);
}

static void portable(void)
{
    char name[64], buf[64];
    int ends[2], fd, dir, n;
    struct stat st, fst;

    fd = open("/dev/fd/0", O_RDONLY);
    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    buf[n > 0 ? n : 0] = 0;
    printf("/dev/fd/0 reads: %s", buf);

    pipe(ends);
    name_of(name, ends[1]);
    fd = open(name, O_WRONLY);
    write(fd, "through the pipe\n", 17);
    close(fd);
    close(ends[1]);
    n = read(ends[0], buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("the pipe's other end reads: %s", buf);
    name_of(name, ends[0]);
    n = stat(name, &st);
    printf("stat of the read end's name: %d, a fifo: %d\n", n, S_ISFIFO(st.st_mode));
    close(ends[0]);

    dir = open("/", O_RDONLY | O_DIRECTORY);
    name_of(name, dir);
    stat(name, &st);
    fstat(dir, &fst);
    printf("stat of a directory's /dev/fd name: a directory %d, same inode %d\n", S_ISDIR(st.st_mode),
           st.st_ino == fst.st_ino);
    fd = open(name, O_RDONLY | O_DIRECTORY);
    printf("open it O_DIRECTORY: %s\n", fd >= 0 ? "ok" : strerror(errno));
    close(fd);
    close(dir);

    list("/dev/fd");            /* 0, 1, 2 and the descriptor the listing reads through */
    list("/dev/fd/");
    stat("/dev/fd", &st);
    printf("/dev/fd is a directory: %d\n", S_ISDIR(st.st_mode));
    try_open("/dev/fd/1x", O_RDONLY);
    try_open("/dev/fd/-1", O_RDONLY);
    try_open("/dev/fd/01", O_RDONLY);
    try_open("/dev/fd/0/x", O_RDONLY);
    try_open("/dev/fd/1", O_WRONLY | O_DIRECTORY);
}

static void bsd(void)
{
    char name[64], buf[8];
    int fd, dup, n;
    struct stat st;

    fd = open("/tmp/dev_fd.txt", O_CREAT | O_TRUNC | O_RDWR, 0644);
    write(fd, "abcdef", 6);
    lseek(fd, 2, SEEK_SET);
    name_of(name, fd);
    dup = open(name, O_RDONLY);
    n = read(dup, buf, 2);
    printf("the duplicate shares the offset: %.*s\n", n, buf);
    close(dup);
    close(fd);
    fd = open("/tmp/dev_fd.txt", O_RDONLY);
    name_of(name, fd);
    try_open(name, O_WRONLY);
    try_open(name, O_RDWR);
    close(fd);
    try_open(name, O_RDONLY);
    n = stat(name, &st);
    printf("stat of a closed descriptor's name: %d %s\n", n, strerror(errno));
    try_open("/dev/fd/99999999999999999999999999", O_RDONLY);
    try_open("/dev/fd/2147483648", O_RDONLY);
    try_open("/dev/fd/255", O_RDONLY | O_CREAT);
    printf("create in /dev/fd: %d\n", open("/dev/fd/new", O_CREAT | O_WRONLY, 0644) >= 0);
    n = unlink("/dev/fd/0");
    printf("unlink /dev/fd/0: %d %s\n", n, strerror(errno));
    printf("mkdir /dev/fd/d: %d\n", mkdir("/dev/fd/d", 0755));
    unlink("/tmp/dev_fd.txt");
}

int main(int argc, char **argv)
{
    portable();
    if (argc > 1 && strcmp(argv[1], "bsd") == 0)
        bsd();
    return 0;
}
