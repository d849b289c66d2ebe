/* Hard links (link, linkat): a second name for the same file, its link count, what unlink and
   rename do to it, and the errors: EEXIST, EPERM for a directory, ENOENT, EXDEV to another file
   system. argv[1]: a directory to work in; argv[2]: a directory on another file system.
   The same output on Linux (run in a temporary directory, with /dev/shm as the other one). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *label, int result)
{
    printf("%s: %d %s\n", label, result, result == 0 ? "" : strerror(errno));
    errno = 0;
}

static long links_of(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 ? (long)st.st_nlink : -1;
}

int main(int argc, char **argv)
{
    char a[256], b[256], c[256], d[256], other[256], buf[16] = {0};
    struct stat sa, sb;
    int fd;

    if (argc < 3 || chdir(argv[1]) != 0)
        return 2;
    snprintf(a, sizeof a, "links-a");
    snprintf(b, sizeof b, "links-b");
    snprintf(c, sizeof c, "links-c");
    snprintf(d, sizeof d, "links-dir");
    snprintf(other, sizeof other, "%s/links-other", argv[2]);
    fd = open(a, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    write(fd, "one", 3);
    close(fd);
    printf("a has %ld link\n", links_of(a));
    show("link a b", link(a, b));
    stat(a, &sa);
    stat(b, &sb);
    printf("same inode: %s, links %ld %ld\n", sa.st_ino == sb.st_ino ? "yes" : "no", (long)sa.st_nlink,
           (long)sb.st_nlink);
    fd = open(b, O_WRONLY | O_APPEND);
    write(fd, " two", 4);
    close(fd);
    fd = open(a, O_RDONLY);
    read(fd, buf, sizeof buf - 1);
    close(fd);
    printf("a reads what b wrote: %s\n", buf);
    show("linkat a c", linkat(AT_FDCWD, a, AT_FDCWD, c, AT_SYMLINK_FOLLOW));
    printf("links: %ld\n", links_of(a));
    show("link a b again (EEXIST)", link(a, b));
    show("link missing (ENOENT)", link("links-missing", "links-x"));
    mkdir(d, 0755);
    show("link a directory (EPERM)", link(d, "links-x"));
    show("link into another file system (EXDEV)", link(a, other));
    show("linkat with a bad flag (EINVAL)", linkat(AT_FDCWD, a, AT_FDCWD, "links-x", 0x8000));
    show("unlink a", unlink(a));
    printf("b: %ld links, %lld bytes\n", links_of(b), (long long)(stat(b, &sb) == 0 ? sb.st_size : -1));
    show("rename c over b, a name of the same file (does nothing)", rename(c, b));
    printf("b: %ld links, c still there: %s\n", links_of(b), access(c, F_OK) == 0 ? "yes" : "no");
    fd = open(a, O_CREAT | O_WRONLY, 0644);
    close(fd);
    show("rename a new a over c", rename(a, c));
    printf("b: %ld link, c: %ld link\n", links_of(b), links_of(c));
    unlink(b);
    unlink(c);
    rmdir(d);
    return 0;
}
