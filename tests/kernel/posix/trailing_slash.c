/* A path that ends in / or /. names a directory or nothing (POSIX 4.13): stat, open and access of
   "file/" are ENOTDIR, open("new/", O_CREAT) is EISDIR, "dir/" is the directory; and a path ending
   in . or .. is not a name that can be removed, moved or made. argv[1]: where.
   trailing_slash.out is Linux's output. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void r(const char *what, int v)
{
    printf("%s: %d %s\n", what, v, v < 0 ? strerror(errno) : "");
    errno = 0;
}

int main(int argc, char **argv)
{
    struct stat st;
    if (argc < 2 || chdir(argv[1]) != 0)
        return 2;
    close(open("tsfile", O_CREAT | O_WRONLY, 0644));
    mkdir("tsdir", 0755);
    r("stat file/", stat("tsfile/", &st));
    r("stat file/.", stat("tsfile/.", &st));
    r("stat dir/", stat("tsdir/", &st));
    r("stat dir/.", stat("tsdir/.", &st));
    r("open file/", open("tsfile/", O_RDONLY));
    r("open new/ O_CREAT", open("tsnew/", O_CREAT | O_WRONLY, 0644));
    r("access file/", access("tsfile/", F_OK));
    r("open dir/", open("tsdir/", O_RDONLY) >= 0 ? 0 : -1);
    /* a path ending in . or .. is not a name in a directory: nothing is removed or moved */
    r("rmdir dir/.", rmdir("tsdir/."));
    r("rmdir dir/..", rmdir("tsdir/.."));
    r("unlink dir/..", unlink("tsdir/.."));
    r("rename dir/.. to new", rename("tsdir/..", "tsnew"));
    r("rename file to dir/..", rename("tsfile", "tsdir/.."));
    r("mkdir dir/..", mkdir("tsdir/..", 0755));
    r("link file dir/..", link("tsfile", "tsdir/.."));
    r("symlink file dir/.", symlink("tsfile", "tsdir/."));
    r("mkdir dir/", mkdir("tsdir/", 0755));
    r("mkdir file/", mkdir("tsfile/", 0755));
    r("stat dir", stat("tsdir", &st));
    unlink("tsfile");
    rmdir("tsdir");
    return 0;
}
