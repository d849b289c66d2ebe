/*
 * pwd.h - the user database (POSIX): /etc/passwd, one user a line,
 * "name:password:uid:gid:comment:home:shell". Implemented in userland/libc/passwd.c.
 *
 *   getpwnam(name), getpwuid(uid)      the user, or NULL (errno set only on an error)
 *   getpwnam_r, getpwuid_r             the same into the caller's struct and buffer: 0 (and
 *                                      *result NULL if there is no such user), or an errno
 *                                      (ERANGE: the buffer is too small for the line)
 *   setpwent, getpwent, endpwent       every user in turn
 *
 * The non-_r functions share one static struct, which each call overwrites. ufos's /etc/passwd
 * (userland/etc/passwd) has root (uid 0: every μprocess's) and nobody.
 */
#ifndef _PWD_H
#define _PWD_H

#include <sys/_types.h>

struct passwd {
    char *pw_name;
    char *pw_passwd;
    uid_t pw_uid;
    gid_t pw_gid;
    char *pw_gecos;     /* the comment: the user's full name */
    char *pw_dir;       /* home directory */
    char *pw_shell;
};

struct passwd *getpwnam(const char *name);
struct passwd *getpwuid(uid_t uid);
int getpwnam_r(const char *name, struct passwd *pwd, char *buf, size_t buflen, struct passwd **result);
int getpwuid_r(uid_t uid, struct passwd *pwd, char *buf, size_t buflen, struct passwd **result);
void setpwent(void);
struct passwd *getpwent(void);
void endpwent(void);

#endif
