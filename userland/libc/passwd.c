/*
 * passwd.c - the user and group databases (pwd.h, grp.h): /etc/passwd and /etc/group read
 * line by line, each line split in place at its ':'s.
 *
 * Everything goes through the _r functions' way of working: a line is read into the caller's
 * buffer and the struct's strings point into it (a group's gr_mem array goes in the buffer
 * too, after the line). The other functions use a static struct and buffer. A malformed line
 * (too few fields, an id that is not a number) is skipped, as glibc does.
 */
#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"

#define PASSWD_FILE "/etc/passwd"
#define GROUP_FILE "/etc/group"
#define LINE_SIZE 1024                  /* the static functions' buffer */

/* Fill entry from line (split in place); spare is the buffer's room after the line. 0, or
 * EINVAL for a malformed line, or ERANGE if spare is too small. */
typedef int (*parser)(char *line, void *entry, char *spare, size_t spare_len);
typedef int (*matcher)(const void *entry, const void *key);

/* ---- lines and fields ----------------------------------------------------------------------- */

/* Split s at each sep into at most n fields (the last keeps any further seps); how many. */
static int split(char *s, char sep, char **fields, int n)
{
    int count = 0;
    fields[count++] = s;
    while (count < n && (s = strchr(s, sep)) != NULL) {
        *s++ = '\0';
        fields[count++] = s;
    }
    return count;
}

/* A uid or gid: decimal digits that fit in 32 bits; -1 if the field is not one. */
static long id_of(const char *field)
{
    char *end;
    if (!isdigit((unsigned char)field[0]))
        return -1;
    unsigned long id = strtoul(field, &end, 10);
    return *end != '\0' || id > UINT_MAX ? -1 : (long)id;
}

/* The next line of f that parses into entry: 0, ENOENT at the end of the file, or ERANGE if
 * a line (and what its entry needs besides) is longer than buf. */
static int next_entry(FILE *f, parser parse, void *entry, char *buf, size_t buflen)
{
    if (buflen < 2)
        return ERANGE;
    while (fgets(buf, (int)(buflen > INT_MAX ? INT_MAX : buflen), f) != NULL) {
        size_t len = strlen(buf);
        if (buf[len - 1] == '\n')
            buf[--len] = '\0';
        else if (!feof(f))
            return ERANGE;                          /* the line goes on past the buffer */
        int r = parse(buf, entry, buf + len + 1, buflen - len - 1);
        if (r != EINVAL)
            return r;
    }
    return ENOENT;
}

/* The first entry of the file at path that match accepts, into entry: 0, ENOENT if there is
 * none, or an errno. */
static int lookup(const char *path, parser parse, matcher match, const void *key, void *entry,
                  char *buf, size_t buflen)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return errno;
    int r;
    while ((r = next_entry(f, parse, entry, buf, buflen)) == 0 && !match(entry, key))
        ;
    fclose(f);
    return r;
}

/* ---- enumeration (getpwent, getgrent) ------------------------------------------------------- */
struct cursor {
    const char *path;
    FILE *f;            /* open from the first get*ent until end*ent */
};

static struct cursor users = {PASSWD_FILE, NULL}, groups = {GROUP_FILE, NULL};

static void *next_of(struct cursor *c, parser parse, void *entry, char *buf, size_t buflen)
{
    if (c->f == NULL && (c->f = fopen(c->path, "r")) == NULL)
        return NULL;
    int r = next_entry(c->f, parse, entry, buf, buflen);
    if (r == ERANGE)
        errno = r;
    return r == 0 ? entry : NULL;
}

static void rewind_cursor(struct cursor *c)
{
    if (c->f != NULL)
        rewind(c->f);
}

static void close_cursor(struct cursor *c)
{
    if (c->f != NULL)
        fclose(c->f);
    c->f = NULL;
}

/* ---- users ---------------------------------------------------------------------------------- */
static struct passwd static_user;
static char user_line[LINE_SIZE];

static int parse_passwd(char *line, void *entry, char *spare, size_t spare_len)
{
    struct passwd *pw = entry;
    char *f[7];
    (void)spare, (void)spare_len;                   /* a user needs nothing besides its line */
    if (split(line, ':', f, 7) != 7 || id_of(f[2]) < 0 || id_of(f[3]) < 0)
        return EINVAL;
    *pw = (struct passwd){f[0], f[1], (uid_t)id_of(f[2]), (gid_t)id_of(f[3]), f[4], f[5], f[6]};
    return 0;
}

static int user_named(const void *entry, const void *name)
{
    return strcmp(((const struct passwd *)entry)->pw_name, name) == 0;
}

static int user_numbered(const void *entry, const void *uid)
{
    return ((const struct passwd *)entry)->pw_uid == *(const uid_t *)uid;
}

static int find_user(matcher match, const void *key, struct passwd *pwd, char *buf, size_t buflen,
                     struct passwd **result)
{
    int r = lookup(PASSWD_FILE, parse_passwd, match, key, pwd, buf, buflen);
    *result = r == 0 ? pwd : NULL;
    return r == ENOENT ? 0 : r;
}

int getpwnam_r(const char *name, struct passwd *pwd, char *buf, size_t buflen, struct passwd **result)
{
    return find_user(user_named, name, pwd, buf, buflen, result);
}

int getpwuid_r(uid_t uid, struct passwd *pwd, char *buf, size_t buflen, struct passwd **result)
{
    return find_user(user_numbered, &uid, pwd, buf, buflen, result);
}

/* The static struct filled by a find_user, or NULL (errno set if that was an error). */
static struct passwd *static_user_of(matcher match, const void *key)
{
    struct passwd *result;
    int r = find_user(match, key, &static_user, user_line, sizeof user_line, &result);
    if (r != 0)
        errno = r;
    return result;
}

struct passwd *getpwnam(const char *name)
{
    return static_user_of(user_named, name);
}

struct passwd *getpwuid(uid_t uid)
{
    return static_user_of(user_numbered, &uid);
}

struct passwd *getpwent(void)
{
    return next_of(&users, parse_passwd, &static_user, user_line, sizeof user_line);
}

void setpwent(void)
{
    rewind_cursor(&users);
}

void endpwent(void)
{
    close_cursor(&users);
}

/* ---- groups --------------------------------------------------------------------------------- */
static struct group static_group;
static char group_line[LINE_SIZE];

/* The member list "a,b,c" as a NULL-terminated array in spare (aligned for pointers). */
static int parse_members(char *list, struct group *gr, char *spare, size_t spare_len)
{
    size_t pad = -__ADDR(spare) & (_Alignof(char *) - 1);
    size_t count = *list == '\0' ? 0 : 1;
    for (const char *c = list; *c; c++)
        count += *c == ',';
    if (spare_len < pad || (spare_len - pad) / sizeof(char *) < count + 1)
        return ERANGE;
    gr->gr_mem = (char **)(spare + pad);
    if (count > 0)
        split(list, ',', gr->gr_mem, (int)count);
    gr->gr_mem[count] = NULL;
    return 0;
}

static int parse_group(char *line, void *entry, char *spare, size_t spare_len)
{
    struct group *gr = entry;
    char *f[4];
    if (split(line, ':', f, 4) != 4 || id_of(f[2]) < 0)
        return EINVAL;
    gr->gr_name = f[0];
    gr->gr_passwd = f[1];
    gr->gr_gid = (gid_t)id_of(f[2]);
    return parse_members(f[3], gr, spare, spare_len);
}

static int group_named(const void *entry, const void *name)
{
    return strcmp(((const struct group *)entry)->gr_name, name) == 0;
}

static int group_numbered(const void *entry, const void *gid)
{
    return ((const struct group *)entry)->gr_gid == *(const gid_t *)gid;
}

static int find_group(matcher match, const void *key, struct group *grp, char *buf, size_t buflen,
                      struct group **result)
{
    int r = lookup(GROUP_FILE, parse_group, match, key, grp, buf, buflen);
    *result = r == 0 ? grp : NULL;
    return r == ENOENT ? 0 : r;
}

int getgrnam_r(const char *name, struct group *grp, char *buf, size_t buflen, struct group **result)
{
    return find_group(group_named, name, grp, buf, buflen, result);
}

int getgrgid_r(gid_t gid, struct group *grp, char *buf, size_t buflen, struct group **result)
{
    return find_group(group_numbered, &gid, grp, buf, buflen, result);
}

static struct group *static_group_of(matcher match, const void *key)
{
    struct group *result;
    int r = find_group(match, key, &static_group, group_line, sizeof group_line, &result);
    if (r != 0)
        errno = r;
    return result;
}

struct group *getgrnam(const char *name)
{
    return static_group_of(group_named, name);
}

struct group *getgrgid(gid_t gid)
{
    return static_group_of(group_numbered, &gid);
}

struct group *getgrent(void)
{
    return next_of(&groups, parse_group, &static_group, group_line, sizeof group_line);
}

void setgrent(void)
{
    rewind_cursor(&groups);
}

void endgrent(void)
{
    close_cursor(&groups);
}
