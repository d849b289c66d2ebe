/*
 * grp.h - the group database (POSIX): /etc/group, one group a line,
 * "name:password:gid:member,member,...". Implemented in userland/libc/passwd.c, with pwd.h.
 *
 *   getgrnam(name), getgrgid(gid)      the group, or NULL (errno set only on an error)
 *   getgrnam_r, getgrgid_r             into the caller's struct and buffer, which also holds
 *                                      the gr_mem array: 0, or an errno (ERANGE: too small)
 *   setgrent, getgrent, endgrent       every group in turn
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

#endif
