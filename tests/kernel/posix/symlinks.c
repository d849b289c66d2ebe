/* Symbolic links (symlink, readlink, lstat, O_NOFOLLOW): a name whose content is another path.
   Reading through links to files and directories, relative targets taken from the link's own
   directory, `..` after a link (the physical parent), dangling links and O_CREAT through them,
   loops (ELOOP), what unlink, rename and link do to a link, and the errors. argv[1]: a directory
   to work in. The same output on Linux (run in a temporary directory). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *label, int result)
{
    printf("%s: %d %s\n", label, result, result < 0 ? strerror(errno) : "");
    errno = 0;
}

static void show_link(const char *p)
{
    char buf[64];
    ssize_t n = readlink(p, buf, sizeof buf);

    if (n < 0)
        printf("readlink %s: %s\n", p, strerror(errno));
    else
        printf("readlink %s: %zd '%.*s'\n", p, n, (int)n, buf);
    errno = 0;
}

static void show_kind(const char *p)
{
    struct stat st, lst;
    const char *s = stat(p, &st) != 0 ? strerror(errno)
                    : S_ISDIR(st.st_mode) ? "directory" : S_ISREG(st.st_mode) ? "file" : "other";
    const char *l = lstat(p, &lst) != 0 ? strerror(errno)
                    : S_ISLNK(lst.st_mode) ? "link" : S_ISDIR(lst.st_mode) ? "directory"
                    : S_ISREG(lst.st_mode) ? "file" : "other";
    printf("%s: stat %s, lstat %s", p, s, l);
    if (S_ISLNK(lst.st_mode))
        printf(" of size %lld", (long long)lst.st_size);
    printf("\n");
    errno = 0;
}

static void show_contents(const char *p)
{
    char buf[32] = {0};
    int fd = open(p, O_RDONLY);

    if (fd < 0) {
        printf("open %s: %s\n", p, strerror(errno));
        errno = 0;
        return;
    }
    printf("open %s reads '%.*s'\n", p, (int)read(fd, buf, sizeof buf - 1), buf);
    close(fd);
}

static void write_file(const char *p, const char *text)
{
    int fd = open(p, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    write(fd, text, strlen(text));
    close(fd);
}

static const char *last(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
    char cwd[512], buf[8];
    struct stat a, b;
    int fd;

    if (argc < 2 || chdir(argv[1]) != 0)
        return 2;
    mkdir("sl", 0755);
    if (chdir("sl") != 0)
        return 2;
    write_file("file", "hello");
    mkdir("dir", 0755);
    mkdir("dir/sub", 0755);
    write_file("dir/inner", "inside");

    printf("-- links to a file and a directory\n");
    show("symlink file", symlink("file", "to-file"));
    show("symlink dir", symlink("dir", "to-dir"));
    show_kind("to-file");
    show_kind("to-dir");
    show_link("to-file");
    show_contents("to-file");
    show_contents("to-dir/inner");
    show("readlink into 3 bytes", (int)readlink("to-dir", buf, 3));
    printf("  the bytes: '%.3s'\n", buf);
    show_link("file");
    show_link("missing");
    show("symlink over a name", symlink("x", "file"));
    show("symlink with an empty target", symlink("", "empty"));

    printf("-- relative targets and ..\n");
    show("symlink ../file in dir", symlink("../file", "dir/up"));
    show_contents("dir/up");
    show("symlink sub in dir", symlink("sub", "dir/to-sub"));
    stat("to-dir/to-sub/..", &a);
    stat("dir", &b);
    printf("to-dir/to-sub/.. is dir: %d\n", a.st_ino == b.st_ino);
    show("chdir to-dir/to-sub", chdir("to-dir/to-sub"));
    getcwd(cwd, sizeof cwd);
    printf("getcwd ends in %s\n", last(cwd));
    show("chdir ..", chdir(".."));
    getcwd(cwd, sizeof cwd);
    printf("getcwd ends in %s\n", last(cwd));
    show("chdir ..", chdir(".."));
    show("symlink /-absolute", symlink(argv[1], "abs"));
    show_contents("abs/sl/file");

    printf("-- chains, dangling links, loops\n");
    symlink("to-file", "chain1");
    symlink("chain1", "chain2");
    show_contents("chain2");
    show("symlink to nothing", symlink("new-file", "dangling"));
    show_kind("dangling");
    show("O_CREAT|O_EXCL through it", open("dangling", O_CREAT | O_EXCL | O_WRONLY, 0644));
    fd = open("dangling", O_CREAT | O_WRONLY, 0644);
    show("O_CREAT through it", fd < 0 ? -1 : 0);
    write(fd, "made", 4);
    close(fd);
    show_contents("new-file");
    symlink("loop-b", "loop-a");
    symlink("loop-a", "loop-b");
    show_kind("loop-a");
    show("open a loop", open("loop-a", O_RDONLY));
    show("open O_NOFOLLOW a link", open("to-file", O_RDONLY | O_NOFOLLOW));
    fd = open("file", O_RDONLY | O_NOFOLLOW);
    show("open O_NOFOLLOW a file", fd < 0 ? -1 : 0);
    close(fd);

    printf("-- trailing slashes\n");
    show_kind("to-dir/");
    show_kind("to-file/");
    show("rename to-file/", rename("to-file/", "x"));
    show("rename to-dir/", rename("to-dir/", "x"));
    show("unlink to-file/", unlink("to-file/"));
    show("rmdir to-dir/", rmdir("to-dir/"));
    show("rename file to new/", rename("file", "new/"));
    show("link file to new/", link("file", "new/"));
    show("symlink to new/", symlink("file", "new/"));
    show("mkdir over a link", mkdir("to-dir", 0755));
    show("rmdir a link to a directory", rmdir("to-dir"));
    show("unlink a link to a directory", unlink("to-dir"));
    show_kind("dir");

    printf("-- unlink, rename, link\n");
    show("link (not following)", link("to-file", "hard-to-link"));
    show_kind("hard-to-link");
    show("linkat AT_SYMLINK_FOLLOW", linkat(AT_FDCWD, "to-file", AT_FDCWD, "hard-to-file", AT_SYMLINK_FOLLOW));
    show_kind("hard-to-file");
    show("rename a link", rename("chain1", "chain1-moved"));
    show_contents("chain2");
    show_link("chain1-moved");
    show("unlink a link", unlink("to-file"));
    show_kind("file");
    show_contents("hard-to-link");

    const char *names[] = {"hard-to-link", "hard-to-file", "chain1-moved", "chain2", "dangling", "new-file",
                           "loop-a", "loop-b", "abs", "dir/up", "dir/to-sub", "dir/inner", "file", "empty"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        unlink(names[i]);
    rmdir("dir/sub");
    rmdir("dir");
    chdir("..");
    show("all gone", rmdir("sl"));
    return 0;
}
