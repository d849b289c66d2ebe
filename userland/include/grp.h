/*
 * grp.h - the group database (POSIX): /etc/group, one group a line,
 * "name:password:gid:member,member,...". Implemented in userland/libc/passwd.c, with pwd.h.
 *
 *   getgrnam(name), getgrgid(gid)      the group, or NULL (errno set only on an error)
 *   getgrnam_r, getgrgid_r             into the caller's struct and buffer, which also holds
 *                                      the gr_mem array: 0, or an errno (ERANGE: too small)
 *   setgrent, getgrent, endgrent       every group in turn
 *   setgroups(size, list)              the process's supplementary groups (getgroups: unistd.h)
 *
 * gr_mem is a NULL-terminated array of the members' names. ufos's /etc/group
 * (userland/etc/group) has root (gid 0) and nobody.
 */
#ifndef _GRP_H
#define _GRP_H

#include <sys/_types.h>

struct group {
    char *gr_name;
    char *gr_passwd;
    gid_t gr_gid;
    char **gr_mem;
};

struct group *getgrnam(const char *name);
struct group *getgrgid(gid_t gid);
int getgrnam_r(const char *name, struct group *grp, char *buf, size_t buflen, struct group **result);
int getgrgid_r(gid_t gid, struct group *grp, char *buf, size_t buflen, struct group **result);
void setgrent(void);
struct group *getgrent(void);
void endgrent(void);

/* Set the process's supplementary group IDs (at most NGROUPS_MAX, limits.h): root only, and every
 * ufos process is root. As in glibc, declared here, not in unistd.h. */
int setgroups(size_t size, const gid_t *list);

#endif
