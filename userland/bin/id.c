/*
 * id - the user and group IDs, of this process or of USER.
 *
 *     id [-u | -g | -G] [-n] [-r] [-z] [USER...]
 *
 * Without options: "uid=UID(NAME) gid=GID(NAME) groups=GID(NAME),..." (with euid= and egid= if
 * the effective IDs differ from the real ones).
 *   -u  only the user ID        -g  only the group ID        -G  every group ID, space-separated
 *   -n  names instead of numbers (with -u, -g or -G)         -r  the real IDs, not the effective
 *   -z  a NUL byte after each, not a space or newline
 * Each USER (a name, or a number; GNU's id takes several) is looked up in /etc/passwd, and its groups are its own (passwd's)
 * and the /etc/group lines that list it as a member.
 * This process's groups are its group ID (and effective group ID) and its supplementary groups
 * (getgroups: none unless setgroups gave it some). Every process is root (uid 0).
 * Exit status: 0, or 1 for a user that does not exist, an ID without a name, or bad options.
 */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int names, real_ids, nul_ends;
static int status;

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: id [-u | -g | -G] [-n] [-r] [-z] [USER...]\n");
    exit(1);
}

static void put_user(uid_t uid)
{
    struct passwd *pw;

    if (names) {
        if ((pw = getpwuid(uid)) != NULL) {
            fputs(pw->pw_name, stdout);
            return;
        }
        fprintf(stderr, "id: cannot find name for user ID %lu\n", (unsigned long)uid);
        status = 1;
    }
    printf("%lu", (unsigned long)uid);
}

static void put_group(gid_t gid)
{
    struct group *gr;

    if (names) {
        if ((gr = getgrgid(gid)) != NULL) {
            fputs(gr->gr_name, stdout);
            return;
        }
        fprintf(stderr, "id: cannot find name for group ID %lu\n", (unsigned long)gid);
        status = 1;
    }
    printf("%lu", (unsigned long)gid);
}

/* "ID(NAME)", or "ID" if it has no name */
static void put_named(unsigned long id, const char *name)
{
    printf("%lu", id);
    if (name != NULL)
        printf("(%s)", name);
}

static const char *user_name(uid_t uid)
{
    struct passwd *pw = getpwuid(uid);

    return pw ? pw->pw_name : NULL;
}

static const char *group_name(gid_t gid)
{
    struct group *gr = getgrgid(gid);

    return gr ? gr->gr_name : NULL;
}

/* add gid to groups[0, *n) unless it is there already */
static void add_group(gid_t *groups, size_t *n, size_t max, gid_t gid)
{
    for (size_t i = 0; i < *n; i++)
        if (groups[i] == gid)
            return;
    if (*n < max)
        groups[(*n)++] = gid;
}

/* the groups: gid, egid if it differs, then USER's memberships in /etc/group (without a user:
   this process's supplementary groups), each once */
static size_t group_list(gid_t gid, gid_t egid, const char *user, gid_t *groups, size_t max)
{
    size_t n = 0;
    struct group *gr;

    add_group(groups, &n, max, gid);
    add_group(groups, &n, max, egid);
    if (user == NULL) {
        gid_t mine[NGROUPS_MAX];
        int count = getgroups(NGROUPS_MAX, mine);

        for (int i = 0; i < count; i++)
            add_group(groups, &n, max, mine[i]);
        return n;
    }
    setgrent();
    while ((gr = getgrent()) != NULL) {
        for (char **m = gr->gr_mem; m && *m; m++)
            if (strcmp(*m, user) == 0)
                add_group(groups, &n, max, gr->gr_gid);
    }
    endgrent();
    return n;
}

/* the line (or IDs) asked for, of the user called name, or of this process (NULL) */
static void show(const char *name, int only)
{
    uid_t uid, euid;
    gid_t gid, egid, groups[256];
    const char *user = NULL;
    size_t ngroups;

    if (name != NULL) {
        struct passwd *pw = getpwnam(name);
        char *end;

        if (pw == NULL) {               /* a number names the user too */
            unsigned long n = strtoul(name, &end, 10);

            if (*name != '\0' && *end == '\0')
                pw = getpwuid((uid_t)n);
        }
        if (pw == NULL) {
            fprintf(stderr, "id: '%s': no such user\n", name);
            status = 1;
            return;
        }
        uid = euid = pw->pw_uid;
        gid = egid = pw->pw_gid;
        user = strdup(pw->pw_name);
    } else {
        uid = getuid();
        euid = geteuid();
        gid = getgid();
        egid = getegid();
    }
    ngroups = group_list(gid, egid, user, groups, sizeof groups / sizeof *groups);
    if (only == 'u') {
        put_user(real_ids ? uid : euid);
        putchar(nul_ends ? '\0' : '\n');
    } else if (only == 'g') {
        put_group(real_ids ? gid : egid);
        putchar(nul_ends ? '\0' : '\n');
    } else if (only == 'G') {
        for (size_t i = 0; i < ngroups; i++) {
            if (i > 0 && !nul_ends)
                putchar(' ');
            put_group(groups[i]);
            if (nul_ends)
                putchar('\0');
        }
        if (!nul_ends)
            putchar('\n');
    } else {
        printf("uid=");
        put_named(uid, user_name(uid));
        printf(" gid=");
        put_named(gid, group_name(gid));
        if (euid != uid) {
            printf(" euid=");
            put_named(euid, user_name(euid));
        }
        if (egid != gid) {
            printf(" egid=");
            put_named(egid, group_name(egid));
        }
        printf(" groups=");
        for (size_t i = 0; i < ngroups; i++) {
            if (i > 0)
                putchar(',');
            put_named(groups[i], group_name(groups[i]));
        }
        putchar('\n');
    }
}

int main(int argc, char **argv)
{
    int only = 0, c;

    while ((c = getopt(argc, argv, "ugGnrz")) != -1) {
        switch (c) {
        case 'u': case 'g': case 'G':
            if (only != 0 && only != c) {
                fprintf(stderr, "id: cannot print \"only\" of more than one choice\n");
                return 1;
            }
            only = c;
            break;
        case 'n': names = 1; break;
        case 'r': real_ids = 1; break;
        case 'z': nul_ends = 1; break;
        default: usage();
        }
    }
    if ((names || real_ids) && only == 0) {
        fprintf(stderr, "id: cannot print only names or real IDs in default format\n");
        return 1;
    }
    if (nul_ends && only == 0) {
        fprintf(stderr, "id: option --zero not permitted in default format\n");
        return 1;
    }
    if (optind == argc)
        show(NULL, only);
    for (int i = optind; i < argc; i++)
        show(argv[i], only);
    return status;
}
