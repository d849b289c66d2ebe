// uname (sys/utsname.h): what ufos must say, not the host. Hand-written expectations (the
// release is the package's version: only its form is checked here; tests/userland checks it).
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

/* each field ends with a '\0' inside its 65 bytes */
static int terminated(const char *field) {
    return memchr(field, '\0', sizeof ((struct utsname *)0)->sysname) != NULL;
}

int main(void) {
    struct utsname u;
    memset(&u, 0x7f, sizeof u);
    printf("uname: %d\n", uname(&u));
    printf("size %d\n", (int)sizeof u);
    printf("terminated: %d %d %d %d %d %d\n", terminated(u.sysname), terminated(u.nodename),
           terminated(u.release), terminated(u.version), terminated(u.machine), terminated(u.domainname));
    printf("sysname %s\nnodename %s\nmachine %s\nversion %s\ndomainname %s\n", u.sysname, u.nodename,
           u.machine, u.version, u.domainname);
    printf("release starts with a digit: %d\n", isdigit((unsigned char)u.release[0]) != 0);
    errno = 0;
    int r = uname(NULL);
    printf("uname(NULL): %d %s\n", r, strerror(errno));
    return 0;
}
