// expected: host
/* ftw.h: nftw and ftw over a small tree made in a temporary directory, with every flag:
   FTW_PHYS,
   FTW_DEPTH (FTW_DP after a directory's entries), FTW_MOUNT, FTW_CHDIR (fn runs in the
   directory holding the entry), GNU's FTW_ACTIONRETVAL, a non-zero return stopping the walk,
   and a missing root. readdir's order differs between systems, so each walk's entries are
   printed sorted, and the order nftw promises (a directory before or after its entries) is
   checked in the program. (FTW_DNR and FTW_NS need permissions that root does not meet; symbolic
   links, FTW_SL and FTW_SLN, are not tried: ufos's symlink() is ENOSYS.) */
#define _XOPEN_SOURCE 700
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX 32

static char seen[MAX][80];      /* "fpath typeflag level name", in the order of the walk */
static int nseen, stop_at_e, chdir_ok, action;

static const char *type_name(int flag)
{
    static const char *names[] = {"FTW_F", "FTW_D", "FTW_DNR", "FTW_NS", "FTW_SL", "FTW_DP", "FTW_SLN"};
    return flag >= 0 && flag <= 6 ? names[flag] : "?";
}

static int record(const char *fpath, const struct stat *sb, int flag, struct FTW *ftw)
{
    struct stat here;

    if (nseen < MAX)
        snprintf(seen[nseen++], sizeof seen[0], "%s %s level=%d name=%s%s", fpath, type_name(flag),
                 ftw ? ftw->level : -1, ftw ? fpath + ftw->base : "-",
                 flag == FTW_F && sb->st_size == 5 ? " (5 bytes)" : "");
    /* With FTW_CHDIR the entry's own name works from where fn runs. */
    if (ftw != NULL && lstat(fpath + ftw->base, &here) == 0 && here.st_ino == sb->st_ino)
        chdir_ok++;
    if (stop_at_e && strcmp(fpath + ftw->base, "e") == 0)
        return 42;
    if (action && strcmp(fpath + ftw->base, "b") == 0)
        return action;
    return 0;
}

static int record_ftw(const char *fpath, const struct stat *sb, int flag)
{
    return record(fpath, sb, flag, NULL);
}

static int by_text(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* Was every directory reported before (or, with FTW_DEPTH, after) everything below it? */
static int order_ok(int depth_first)
{
    for (int i = 0; i < nseen; i++) {
        size_t len = strcspn(seen[i], " ");
        if (strstr(seen[i], depth_first ? " FTW_DP " : " FTW_D ") == NULL)
            continue;
        for (int j = 0; j < nseen; j++)
            if (strncmp(seen[j], seen[i], len) == 0 && seen[j][len] == '/' && (depth_first ? j > i : j < i))
                return 0;
    }
    return 1;
}

static void walk(const char *title, int flags)
{
    int result;

    nseen = chdir_ok = 0;
    errno = 0;
    result = nftw("tree", record, 4, flags);
    printf("%s: %d%s\n", title, result, result == -1 && errno == ENOENT ? " ENOENT" : "");
    if (result != 0) {          /* stopped: what came before depends on readdir's order */
        printf("  the last: %s\n", seen[nseen - 1]);
        return;
    }
    if (!(flags & FTW_ACTIONRETVAL))
        printf("  order: %s\n", order_ok((flags & FTW_DEPTH) != 0) ? "ok" : "wrong");
    qsort(seen, (size_t)nseen, sizeof seen[0], by_text);
    for (int i = 0; i < nseen; i++)
        printf("  %s\n", seen[i]);
}

int main(void)
{
    char top[] = "/tmp/ftwXXXXXX", before[512], after[512];
    int fd, result;

    if (mkdtemp(top) == NULL || chdir(top) != 0)
        return 1;
    mkdir("tree", 0755);
    mkdir("tree/b", 0755);
    mkdir("tree/b/d", 0755);
    mkdir("tree/empty", 0755);
    fd = open("tree/a", O_WRONLY | O_CREAT, 0644);
    write(fd, "hello", 5);
    close(fd);
    close(open("tree/b/c", O_WRONLY | O_CREAT, 0644));
    close(open("tree/b/d/e", O_WRONLY | O_CREAT, 0644));

    walk("nftw 0", 0);
    walk("nftw FTW_PHYS", FTW_PHYS);
    walk("nftw FTW_PHYS|FTW_DEPTH", FTW_PHYS | FTW_DEPTH);
    walk("nftw FTW_PHYS|FTW_MOUNT", FTW_PHYS | FTW_MOUNT);

    getcwd(before, sizeof before);
    walk("nftw FTW_PHYS|FTW_CHDIR", FTW_PHYS | FTW_CHDIR);
    getcwd(after, sizeof after);
    printf("  fn ran beside each entry: %d of %d; back where it began: %d\n", chdir_ok, nseen,
           strcmp(before, after) == 0);

    stop_at_e = 1;
    walk("nftw returning 42 at e", FTW_PHYS);
    stop_at_e = 0;

    action = FTW_SKIP_SUBTREE;
    walk("nftw FTW_ACTIONRETVAL, FTW_SKIP_SUBTREE at b", FTW_PHYS | FTW_ACTIONRETVAL);
    action = FTW_STOP;
    walk("nftw FTW_ACTIONRETVAL, FTW_STOP at b", FTW_PHYS | FTW_ACTIONRETVAL);
    action = 0;

    nseen = 0;
    result = ftw("tree", record_ftw, 4);
    qsort(seen, (size_t)nseen, sizeof seen[0], by_text);
    printf("ftw: %d\n", result);
    for (int i = 0; i < nseen; i++)
        printf("  %s\n", seen[i]);

    nseen = 0;
    result = nftw("tree/a", record, 4, 0);
    printf("nftw of a file: %d, %s\n", result, seen[0]);
    nseen = 0;
    errno = 0;
    result = nftw("missing", record, 4, 0);
    printf("nftw of a missing path: %d %s, fn called %d times\n", result, errno == ENOENT ? "ENOENT" : "?", nseen);

    unlink("tree/b/d/e");
    unlink("tree/b/c");
    unlink("tree/a");
    rmdir("tree/empty");
    rmdir("tree/b/d");
    rmdir("tree/b");
    rmdir("tree");
    chdir("/");
    printf("cleaned up: %d\n", rmdir(top) == 0);
    return 0;
}
