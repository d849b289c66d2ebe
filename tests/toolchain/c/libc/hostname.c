/* gethostname and getdomainname give uname's nodename and domainname; a buffer too small is
 * ENAMETOOLONG with what fits copied; setting either name is EPERM. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
    struct utsname u;
    char name[HOST_NAME_MAX + 1], small[3];
    int r;

    uname(&u);
    r = gethostname(name, sizeof name);
    printf("gethostname %d \"%s\", same as nodename %d\n", r, name, strcmp(name, u.nodename) == 0);
    memset(small, 'x', sizeof small);
    errno = 0;
    r = gethostname(small, sizeof small);
    printf("too small: %d ENAMETOOLONG %d, copied \"%.3s\"\n", r, errno == ENAMETOOLONG, small);
    r = getdomainname(name, sizeof name);
    printf("getdomainname %d \"%s\", same as domainname %d\n", r, name,
           strcmp(name, u.domainname) == 0);
    errno = 0;
    printf("sethostname %d EPERM %d\n", sethostname("other", 5), errno == EPERM);
    errno = 0;
    printf("setdomainname %d EPERM %d\n", setdomainname("other", 5), errno == EPERM);
    gethostname(name, sizeof name);
    printf("still \"%s\"\n", name);
    return 0;
}
