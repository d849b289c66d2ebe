/* What symbolic links cannot do in ufos: be made in /host (EPERM: a link there would be a link
   on the host, which the host's programs follow anywhere), show a link the host has in the shared
   directory (argv[1] names one), or lead out of the guest's own tree by `..` or an absolute path.
   And the limits: 40 links followed for one path, the buffer readlink is given. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *label, long result)
{
    printf("%s: %ld %s\n", label, result, result < 0 ? strerror(errno) : "");
    errno = 0;
}

static int same(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_ino == sb.st_ino && sa.st_dev == sb.st_dev;
}

int main(int argc, char **argv)
{
    char name[64], target[64], buf[8];
    char *long_target = malloc(PATH_MAX + 1);
    struct stat st;

    show("symlink in /host", symlink("anything", "/host/link"));
    show("the host's own link, lstat", lstat(argv[1], &st));
    show("through it", open("/host/outside/passwd", O_RDONLY));
    symlink("/host/..", "/tmp/up");
    printf("/tmp/up is the guest's root: %d\n", same("/tmp/up", "/"));
    symlink("/host", "/tmp/h");
    printf("/tmp/h/.. is the guest's root: %d\n", same("/tmp/h/..", "/"));
    printf("/tmp/h/../bin is the guest's /bin: %d\n", same("/tmp/h/../bin", "/bin"));
    symlink("../../../../..", "/tmp/climb");
    printf("/tmp/climb is the guest's root: %d\n", same("/tmp/climb", "/"));

    mkdir("/tmp/chain", 0755);
    symlink("/tmp/chain", "/tmp/chain/l0");
    for (int i = 1; i <= 41; i++) {
        snprintf(name, sizeof name, "/tmp/chain/l%d", i);
        snprintf(target, sizeof target, "l%d", i - 1);
        symlink(target, name);
    }
    show("40 links (l39 to l0)", stat("/tmp/chain/l39", &st));
    show("41 links", stat("/tmp/chain/l40", &st));
    symlink("self/x", "/tmp/self");
    show("a link into itself", stat("/tmp/self", &st));

    memset(long_target, 'a', PATH_MAX);
    long_target[PATH_MAX] = 0;
    show("a target of PATH_MAX bytes", symlink(long_target, "/tmp/long"));
    show("readlink, size 0", readlink("/tmp/up", buf, 0));
    show("readlink, size 2", readlink("/tmp/up", buf, 2));
    show("readlink of a directory", readlink("/tmp", buf, sizeof buf));
    return 0;
}
