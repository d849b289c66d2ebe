/*
 * ps - report the μprocesses.
 *
 *     ps [-e | -A]
 *
 * Lists every μprocess (ufos has one user, so plain ps shows them all, as -e and -A do), one per
 * line, from /proc/PID/status:
 *     PID, PPID, PGID   its id, its parent's and its process group's
 *     STAT              R runnable (or running: ps itself), S sleeping, T stopped (by a
 *                       signal: Ctrl-Z, SIGSTOP), Z zombie (exited, not yet waited for)
 *     INSNS             the instructions it has executed: ufos's measure of CPU time
 *     CMD               its arguments
 * Exit status: 0, or 1 if /proc could not be read or an option is unknown.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NFIELDS 6
static const char *fields[NFIELDS] = {"Pid:", "PPid:", "Pgid:", "State:", "Instructions:", "Cmdline:"};

/* The kernel's name for a state -> ps's letter for it. */
static const struct {
    const char *name, *letter;
} states[] = {{"runnable", "R"}, {"sleeping", "S"}, {"stopped", "T"}, {"zombie", "Z"}};

static const char *state_letter(const char *name)
{
    int i;

    for (i = 0; i < (int)(sizeof states / sizeof states[0]); i++)
        if (strcmp(name, states[i].name) == 0)
            return states[i].letter;
    return "?";
}

/* Read /proc/NAME/status into value[] (in the order of fields[]); 0, or -1 if it is gone. */
static int read_status(const char *name, char value[NFIELDS][256])
{
    char path[64], line[256 + 32];
    FILE *f;
    int i;

    snprintf(path, sizeof path, "/proc/%s/status", name);
    if ((f = fopen(path, "r")) == NULL)
        return -1;                      /* it ended between readdir and open */
    for (i = 0; i < NFIELDS; i++)
        value[i][0] = '\0';
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (tab == NULL)
            continue;
        *tab = '\0';
        tab[strcspn(tab + 1, "\n") + 1] = '\0';
        for (i = 0; i < NFIELDS; i++)
            if (strcmp(line, fields[i]) == 0)
                snprintf(value[i], 256, "%s", tab + 1);
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    char value[NFIELDS][256];
    struct dirent *d;
    DIR *proc;
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-e") != 0 && strcmp(argv[i], "-A") != 0) {
            fprintf(stderr, "ps: unknown option '%s'\nusage: ps [-e | -A]\n", argv[i]);
            return 1;
        }
    }
    if ((proc = opendir("/proc")) == NULL) {
        fprintf(stderr, "ps: /proc: %s\n", strerror(errno));
        return 1;
    }
    printf("%5s %5s %5s %-4s %12s CMD\n", "PID", "PPID", "PGID", "STAT", "INSNS");
    while ((d = readdir(proc)) != NULL) {
        if (!isdigit((unsigned char)d->d_name[0]) || read_status(d->d_name, value) < 0)
            continue;
        printf("%5s %5s %5s %-4s %12s %s\n", value[0], value[1], value[2], state_letter(value[3]),
               value[4], value[5]);
    }
    closedir(proc);
    return 0;
}
