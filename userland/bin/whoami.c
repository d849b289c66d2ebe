/*
 * whoami - the name of the effective user.
 *
 *     whoami
 *
 * Looks the effective user ID up in /etc/passwd (in ufos every process is root, uid 0).
 * Exit status: 0, or 1 if the ID has no name or an operand was given.
 */
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct passwd *pw;
    uid_t uid;

    while (getopt(argc, argv, "") != -1) {
        fprintf(stderr, "usage: whoami\n");
        return 1;
    }
    if (optind < argc) {
        fprintf(stderr, "whoami: extra operand '%s'\n", argv[optind]);
        fprintf(stderr, "usage: whoami\n");
        return 1;
    }
    uid = geteuid();
    if ((pw = getpwuid(uid)) == NULL) {
        fprintf(stderr, "whoami: cannot find name for user ID %lu\n", (unsigned long)uid);
        return 1;
    }
    puts(pw->pw_name);
    return 0;
}
