/*
 * utsname.c - what system this is: the uname system call (sys/utsname.h), and the host and
 * domain names read from it (unistd.h). The names cannot be changed: ufos keeps them fixed.
 */
#include <errno.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "libc.h"

int uname(struct utsname *buf)
{
    return (int)syscall1(SYS_uname, buf);
}

/* Copy name, with its NUL, into len bytes at out; as glibc, a name that does not fit is cut
 * (without a NUL) and the answer is -1, ENAMETOOLONG. */
static int copy_name(char *out, size_t len, const char *name)
{
    size_t need = strlen(name) + 1;

    memcpy(out, name, len < need ? len : need);
    if (need > len) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

int gethostname(char *name, size_t len)
{
    struct utsname u;

    if (uname(&u) != 0)
        return -1;
    return copy_name(name, len, u.nodename);
}

int getdomainname(char *name, size_t len)
{
    struct utsname u;

    if (uname(&u) != 0)
        return -1;
    return copy_name(name, len, u.domainname);
}

int sethostname(const char *name, size_t len)
{
    (void)name;
    (void)len;
    errno = EPERM;
    return -1;
}

int setdomainname(const char *name, size_t len)
{
    (void)name;
    (void)len;
    errno = EPERM;
    return -1;
}
