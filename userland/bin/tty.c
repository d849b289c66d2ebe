/*
 * tty - the name of the terminal on standard input.
 *
 *     tty [-s]
 *
 * Prints the terminal's file name ("/dev/console" on ufos's console), or "not a tty" if
 * standard input is not a terminal.
 *   -s  print nothing: only the exit status says
 * libc has no ttyname, so the name is found as ttyname finds it without /proc: the character
 * device in /dev that is the same file as standard input (/dev/tty, the name every process's
 * terminal has, is left for last). A terminal with no name in /dev is "not a tty", as when
 * GNU's ttyname fails.
 * Exit status: 0 on a terminal, 1 if not, 2 for bad arguments.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: tty [-s]\n");
    exit(2);
}

/* the name in /dev of the terminal fd is, or NULL */
static const char *terminal_name(int fd)
{
    static char path[300];
    struct stat st, dev;
    struct dirent *e;
    DIR *d;
    int found = 0;

    if (!isatty(fd) || fstat(fd, &st) != 0 || (d = opendir("/dev")) == NULL)
        return NULL;
    while (!found && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, "tty") == 0 || strlen(e->d_name) > 200)
            continue;
        snprintf(path, sizeof path, "/dev/%s", e->d_name);
        found = stat(path, &dev) == 0 && S_ISCHR(dev.st_mode) && dev.st_ino == st.st_ino
                && dev.st_dev == st.st_dev;
    }
    closedir(d);
    if (found)
        return path;
    if (stat("/dev/tty", &dev) == 0 && dev.st_ino == st.st_ino && dev.st_dev == st.st_dev)
        return "/dev/tty";
    return NULL;
}

int main(int argc, char **argv)
{
    int silent = 0, c;
    const char *name;

    while ((c = getopt(argc, argv, "s")) != -1) {
        switch (c) {
        case 's': silent = 1; break;
        default: usage();
        }
    }
    if (optind < argc) {
        fprintf(stderr, "tty: extra operand '%s'\n", argv[optind]);
        usage();
    }
    if (silent)
        return isatty(0) ? 0 : 1;
    name = terminal_name(0);
    puts(name ? name : "not a tty");
    return name ? 0 : 1;
}
