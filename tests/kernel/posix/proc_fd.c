/* /proc/self/fd and /proc/self/fdinfo: a directory of the open descriptors, each a symbolic link
   that reads as what the descriptor is open on, and a file of its offset and flags. What it prints
   is what Linux prints (proc_fd.out); inode numbers, which differ, are only compared with each
   other. With the argument "ufos" it goes on to what ufos does and Linux does not
   (ufos/kernel/fs/procfs.py): opening /proc/self/fd/N duplicates N as /dev/fd/N does, and no
   μprocess may open another's descriptor. Argument 1: a directory to work in. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char work[256];

static const char *link_of(const char *path)
{
    static char buf[512];
    ssize_t n = readlink(path, buf, sizeof buf - 1);

    if (n < 0)
        return strerror(errno);
    buf[n] = 0;
    if (strncmp(buf, work, strlen(work)) == 0) {        /* the working directory as W */
        memmove(buf + 1, buf + strlen(work), strlen(buf + strlen(work)) + 1);
        buf[0] = 'W';
    }
    return buf;
}

static const char *fd_link(int fd)
{
    char path[64];

    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    return link_of(path);
}

/* The inode number in "pipe:[INO]". */
static long ino_in(const char *target)
{
    const char *open = strchr(target, '[');
    return open ? atol(open + 1) : -1;
}

/* The value of the line "key:\t..." of /proc/self/fdinfo/FD, or "none". */
static const char *fdinfo(int fd, const char *key)
{
    static char line[128];
    char path[64];
    FILE *f;

    snprintf(path, sizeof path, "/proc/self/fdinfo/%d", fd);
    f = fopen(path, "r");
    if (f == NULL)
        return strerror(errno);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, strlen(key)) == 0 && line[strlen(key)] == ':') {
            fclose(f);
            line[strcspn(line, "\n")] = 0;
            return line + strlen(key) + 2;
        }
    fclose(f);
    return "none";
}

static void list(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int seen[64] = {0}, fd;

    printf("%s:", path);
    while (d != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        fd = atoi(e->d_name);
        if (fd >= 0 && fd < 64 && fd != dirfd(d))          /* not the one the listing reads through */
            seen[fd] = 1;
        if (e->d_type != DT_LNK && strcmp(path, "/proc/self/fd") == 0)
            printf(" (%s is not a link)", e->d_name);
    }
    for (fd = 0; fd < 64; fd++)
        if (seen[fd])
            printf(" %d", fd);
    printf("\n");
    if (d != NULL)
        closedir(d);
}

static void mode_of(int fd)
{
    char path[64];
    struct stat st;

    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    if (lstat(path, &st) < 0) {
        printf("lstat %s: %s\n", path, strerror(errno));
        return;
    }
    printf("lstat fd %d: a link %d, mode %03o, size %lld\n", fd, S_ISLNK(st.st_mode), st.st_mode & 0777,
           (long long)st.st_size);
}

static void portable(void)
{
    char path[300], buf[16], text[256];
    int fd, ro, ends[2], dir, n, saved;
    long ino;
    struct stat st, fst;

    snprintf(path, sizeof path, "%s/file", work);
    fd = open(path, O_CREAT | O_TRUNC | O_RDWR, 0644);
    write(fd, "abcdefgh", 8);
    close(fd);
    ro = open(path, O_RDONLY);
    n = read(ro, buf, 3);
    printf("a file: %s\n", fd_link(ro));
    printf("fdinfo pos after reading %d: %s\n", n, fdinfo(ro, "pos"));
    printf("fdinfo access mode: %ld\n", strtol(fdinfo(ro, "flags"), NULL, 8) & O_ACCMODE);
    dir = open(work, O_RDONLY | O_DIRECTORY);
    printf("a directory: %s\n", fd_link(dir));

    pipe(ends);
    printf("a pipe's ends: %.6s %.6s\n", fd_link(ends[0]), fd_link(ends[1]));
    ino = ino_in(fd_link(ends[0]));
    printf("both ends show one pipe: %d\n", ino > 0 && ino == ino_in(fd_link(ends[1])));
    fstat(ends[0], &fst);
    printf("its number is the pipe's inode: %d\n", ino == (long)fst.st_ino);
    mode_of(ro);
    mode_of(ends[1]);
    fd = open(path, O_RDWR);
    mode_of(fd);
    close(fd);

    fd = socket(AF_INET, SOCK_STREAM, 0);
    printf("a socket: %.8s\n", fd_link(fd));
    close(fd);
    fd = open("/dev/null", O_WRONLY);
    printf("a device: %s\n", fd_link(fd));
    close(fd);

    dup2(ends[1], 10);
    printf("dup2 to 10: %.6s, the same pipe: %d\n", fd_link(10), ino_in(fd_link(10)) == ino);
    snprintf(path, sizeof path, "/proc/self/fd/%d", ends[0]);
    n = stat(path, &st);
    printf("stat follows to the pipe: %d, a fifo %d, same inode %d\n", n, S_ISFIFO(st.st_mode),
           (long)st.st_ino == ino);
    fd = open(path, O_RDONLY);
    write(10, "piped\n", 6);
    n = read(fd, buf, sizeof buf);
    printf("reopened the read end: %.*s", n > 0 ? n : 0, buf);
    close(fd);

    /* an fdinfo file that is itself the descriptor it describes (dup2 over that descriptor) */
    snprintf(path, sizeof path, "/proc/self/fdinfo/%d", ro);
    fd = open(path, O_RDONLY);
    saved = dup(ro);
    dup2(fd, ro);
    n = read(fd, text, sizeof text - 1);
    text[n > 0 ? n : 0] = 0;
    printf("an fdinfo read through the descriptor it describes: %.*s\n", (int)strcspn(text, "\n"), text);
    dup2(saved, ro);
    close(saved);
    close(fd);

    list("/proc/self/fd");
    list("/proc/self/fdinfo");
    close(10);
    printf("a closed descriptor: %s\n", fd_link(10));
    printf("its fdinfo: %s\n", fdinfo(10, "pos"));
    fd = open("/proc/self/fd/10", O_RDONLY);
    printf("open it: %d %s\n", fd, strerror(errno));
    printf("/proc/self/fd/1x: %s\n", link_of("/proc/self/fd/1x"));

    snprintf(path, sizeof path, "%s/file", work);
    unlink(path);
    printf("an unlinked file: %s\n", fd_link(ro));
    stat("/proc/self/fd", &st);
    printf("/proc/self/fd is a directory: %d\n", S_ISDIR(st.st_mode));
    close(ro);
    close(dir);
    close(ends[0]);
    close(ends[1]);
}

static void ufos(void)
{
    char path[300], name[64], buf[8];
    int fd, dup, n, status;
    pid_t parent = getpid();

    snprintf(path, sizeof path, "%s/file", work);
    fd = open(path, O_CREAT | O_TRUNC | O_RDWR, 0644);
    write(fd, "abcdef", 6);
    lseek(fd, 2, SEEK_SET);
    snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
    dup = open(name, O_RDONLY);
    n = read(dup, buf, 2);
    printf("the duplicate shares the offset: %.*s\n", n > 0 ? n : 0, buf);
    close(dup);
    close(fd);
    fd = open(path, O_RDONLY);
    snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
    dup = open(name, O_WRONLY);
    printf("no more rights than the descriptor: %d %s\n", dup, strerror(errno));

    fflush(stdout);
    if (fork() == 0) {
        struct stat st;
        snprintf(name, sizeof name, "/proc/%d/fd/%d", (int)parent, fd);
        printf("the child reads its parent's link: %s\n", link_of(name));
        printf("and stats it: %d\n", stat(name, &st));
        dup = open(name, O_RDONLY);
        printf("but may not open it: %d %s\n", dup, strerror(errno));
        snprintf(name, sizeof name, "/proc/%d/fdinfo/%d", (int)parent, fd);
        dup = open(name, O_RDONLY);
        n = read(dup, buf, 4);
        printf("its fdinfo: %.*s\n", n > 0 ? n : 0, buf);
        fflush(stdout);
        _exit(0);
    }
    wait(&status);
    close(fd);
    unlink(path);
}

int main(int argc, char **argv)
{
    snprintf(work, sizeof work, "%s", argc > 1 ? argv[1] : "/tmp");
    portable();
    if (argc > 2 && strcmp(argv[2], "ufos") == 0)
        ufos();
    return 0;
}
