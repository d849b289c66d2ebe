/*
 * logname - the name the user logged in as.
 *
 *     logname
 *
 * POSIX's logname prints what getlogin() says: the login name recorded for the session. ufos
 * records none (init starts its login shell without a login, there is no utmp and libc has no
 * getlogin), so logname says so, in GNU's words when getlogin fails: "logname: no login name",
 * status 1. It does not guess from $LOGNAME or the user ID: scripts that want a name anyway
 * fall back to whoami ("logname 2>/dev/null || whoami").
 * Exit status: 1 (no login name, or an operand was given).
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    while (getopt(argc, argv, "") != -1) {
        fprintf(stderr, "usage: logname\n");
        return 1;
    }
    if (optind < argc) {
        fprintf(stderr, "logname: extra operand '%s'\n", argv[optind]);
        fprintf(stderr, "usage: logname\n");
        return 1;
    }
    fprintf(stderr, "logname: no login name\n");
    return 1;
}
