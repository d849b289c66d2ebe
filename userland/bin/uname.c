/*
 * uname - what system this is.
 *
 *     uname [-asnrvmpio]
 *
 * Prints the fields of uname(2) (sys/utsname.h) that the options ask for, separated by spaces,
 * always in the order -s -n -r -v -m whatever the order of the options: -s the kernel's name
 * ("ufos"), -n the machine's network name, -r the kernel's release, -v its version, -m the
 * hardware ("morello"); -a all five (POSIX's -a). No option is -s. GNU's -p (the processor)
 * and -i (the hardware platform) print "unknown", as GNU uname does on Linux, and -o the
 * operating system ("ufos"), after the others.
 * Exit status: 0, or 1 for a bad option or operand, or if the call fails.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/utsname.h>
#include <unistd.h>

enum { SYSNAME = 1, NODENAME = 2, RELEASE = 4, VERSION = 8, MACHINE = 16, ALL = 31,
       PROCESSOR = 32, PLATFORM = 64, SYSTEM = 128 };
#define NFIELDS 8

static int usage(void)
{
    fprintf(stderr, "usage: uname [-asnrvmpio]\n");
    return 1;
}

int main(int argc, char **argv)
{
    static const char options[] = "asnrvmpio";
    static const int fields[] = {ALL, SYSNAME, NODENAME, RELEASE, VERSION, MACHINE, PROCESSOR,
                                 PLATFORM, SYSTEM};
    struct utsname u;
    int wanted = 0, c;

    while ((c = getopt(argc, argv, options)) != -1) {
        if (c == '?')
            return usage();
        wanted |= fields[strchr(options, c) - options];
    }
    if (optind < argc) {
        fprintf(stderr, "uname: extra operand '%s'\n", argv[optind]);
        return usage();
    }
    if (uname(&u) < 0) {
        fprintf(stderr, "uname: %s\n", strerror(errno));
        return 1;
    }
    const char *values[NFIELDS] = {u.sysname, u.nodename, u.release, u.version, u.machine,
                                   "unknown", "unknown", u.sysname};
    const char *separator = "";
    for (int i = 0; i < NFIELDS; i++) {
        if ((wanted ? wanted : SYSNAME) & (1 << i)) {
            printf("%s%s", separator, values[i]);
            separator = " ";
        }
    }
    putchar('\n');
    return 0;
}
