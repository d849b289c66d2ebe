/*
 * ps - report the μprocesses.
 *
 *     ps [-e | -A] [-f] [-p PID[,PID...]] [-o FIELD[,FIELD...]]
 *     ps [a][u][x]                        (BSD style, no dash: ps aux)
 *
 * Lists every μprocess (ufos has one user, so plain ps shows them all, as -e, -A and ps ax do),
 * one per line, from /proc/PID/status. The default columns:
 *     PID, PPID, PGID   its id, its parent's and its process group's
 *     STAT              R runnable (or running: ps itself), S sleeping, T stopped (by a
 *                       signal: Ctrl-Z, SIGSTOP), Z zombie (exited, not yet waited for)
 *     INSNS             the instructions it has executed: ufos's measure of CPU time
 *     CMD               its arguments
 *   -f          the full format of procps's ps -f: UID PID PPID C STIME TTY TIME CMD
 *   u           the user format of ps aux: USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND
 *   -p PIDS     only these μprocesses
 *   -o FIELDS   these columns: pid ppid pgid stat (s, state) user uid insns time rss vsz comm
 *               args (cmd, command), %mem, %cpu, tty, stime, start; "name=HEADING" gives it
 *               another heading, the rest of the argument (so -o pid= -o args=): "pid=" none,
 *               and if no column has one, there is no heading line (ps -o pid= -p $$)
 * TIME is the instructions run, timed at the 2.5 GHz the cost model gives the machine; RSS and
 * VSZ are its pages in kB; %MEM is RSS as a share of the machine's memory (sysinfo). What ufos
 * does not keep (C and %CPU, the start time, a controlling terminal) is shown as "-".
 * Exit status: 0, or 1 if /proc could not be read or an option is unknown.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#define CLOCK_HZ 2500000000ULL          /* the modeled clock (ufos/kernel/cost.py) */
#define MAX_COLUMNS 16

/* What ps reads of one μprocess. */
struct proc {
    char pid[16], ppid[16], pgid[16], state[16], name[64], cmdline[256];
    unsigned long long instructions;
    unsigned long pages;
};

/* A column: its -o names, its heading, its width (negative: left-aligned), how to show it. */
struct column {
    const char *names, *heading;
    int width;
    void (*show)(const struct proc *p, char *out, size_t n);
};

static const char *state_letter(const char *name)
{
    static const struct { const char *name, *letter; } states[] = {
        {"runnable", "R"}, {"sleeping", "S"}, {"stopped", "T"}, {"zombie", "Z"}};
    size_t i;

    for (i = 0; i < sizeof states / sizeof states[0]; i++)
        if (strcmp(name, states[i].name) == 0)
            return states[i].letter;
    return "?";
}

static const char *user_name(void)
{
    struct passwd *pw = getpwuid(getuid());
    return pw ? pw->pw_name : "?";
}

static unsigned long memory_kb(void)
{
    struct sysinfo info;
    return sysinfo(&info) == 0 ? info.totalram * (info.mem_unit / 1024) : 0;
}

/* --- the columns ------------------------------------------------------------------------------ */
static void show_pid(const struct proc *p, char *out, size_t n) { snprintf(out, n, "%s", p->pid); }
static void show_ppid(const struct proc *p, char *out, size_t n) { snprintf(out, n, "%s", p->ppid); }
static void show_pgid(const struct proc *p, char *out, size_t n) { snprintf(out, n, "%s", p->pgid); }
static void show_stat(const struct proc *p, char *out, size_t n) { snprintf(out, n, "%s", state_letter(p->state)); }
static void show_user(const struct proc *p, char *out, size_t n) { (void)p; snprintf(out, n, "%s", user_name()); }
static void show_uid(const struct proc *p, char *out, size_t n) { (void)p; snprintf(out, n, "%u", (unsigned)getuid()); }
static void show_insns(const struct proc *p, char *out, size_t n) { snprintf(out, n, "%llu", p->instructions); }
static void show_rss(const struct proc *p, char *out, size_t n) { snprintf(out, n, "%lu", p->pages * 4); }
static void show_comm(const struct proc *p, char *out, size_t n) { snprintf(out, n, "%s", p->name); }
static void show_args(const struct proc *p, char *out, size_t n) { snprintf(out, n, "%s", p->cmdline); }
static void show_none(const struct proc *p, char *out, size_t n) { (void)p; snprintf(out, n, "-"); }

static void show_time(const struct proc *p, char *out, size_t n)        /* [DD-]HH:MM:SS */
{
    unsigned long long s = p->instructions / CLOCK_HZ;
    snprintf(out, n, "%02llu:%02llu:%02llu", s / 3600, s / 60 % 60, s % 60);
}

static void show_bsd_time(const struct proc *p, char *out, size_t n)    /* M:SS */
{
    unsigned long long s = p->instructions / CLOCK_HZ;
    snprintf(out, n, "%llu:%02llu", s / 60, s % 60);
}

static void show_mem(const struct proc *p, char *out, size_t n)
{
    unsigned long total = memory_kb();
    snprintf(out, n, "%.1f", total ? 100.0 * (double)(p->pages * 4) / (double)total : 0.0);
}

static const struct column COLUMNS[] = {
    {"pid", "PID", 5, show_pid},         {"ppid", "PPID", 5, show_ppid},
    {"pgid", "PGID", 5, show_pgid},      {"stat,s,state", "STAT", -4, show_stat},
    {"user", "USER", -8, show_user},     {"uid", "UID", -8, show_uid},
    {"insns", "INSNS", 12, show_insns},  {"time", "TIME", 8, show_time},
    {"rss", "RSS", 6, show_rss},         {"vsz", "VSZ", 6, show_rss},
    {"comm", "COMMAND", -15, show_comm}, {"args,cmd,command", "CMD", 0, show_args},
    {"%mem", "%MEM", 4, show_mem},       {"%cpu,c", "%CPU", 4, show_none},
    {"stime", "STIME", 5, show_none},    {"start", "START", 5, show_none},
    {"tty", "TTY", -8, show_none},       {"bsdtime", "TIME", 6, show_bsd_time},
};
#define NCOLUMNS (sizeof COLUMNS / sizeof COLUMNS[0])

/* The column -o calls name, or NULL. */
static const struct column *column_named(const char *name, size_t len)
{
    size_t i;
    const char *s;

    for (i = 0; i < NCOLUMNS; i++)
        for (s = COLUMNS[i].names; *s; s += strcspn(s, ",") + (s[strcspn(s, ",")] == ',')) {
            if (strcspn(s, ",") == len && strncmp(s, name, len) == 0)
                return &COLUMNS[i];
        }
    return NULL;
}

/* The columns to print, with the heading of each (NULL: none, as "pid=" asks). */
static const struct column *columns[MAX_COLUMNS];
static const char *headings[MAX_COLUMNS];
static int ncolumns;

static void add_column(const char *name, const char *heading)
{
    const struct column *c = column_named(name, strlen(name));

    if (c == NULL) {
        fprintf(stderr, "ps: unknown user-defined format specifier \"%s\"\n", name);
        exit(1);
    }
    if (ncolumns == MAX_COLUMNS) {
        fprintf(stderr, "ps: too many columns\n");
        exit(1);
    }
    columns[ncolumns] = c;
    headings[ncolumns++] = heading ? heading : c->heading;
}

/* -o's list of names, split at commas; "name=HEADING" ends it, the heading being the rest. The
 * list is kept: the headings point into it. */
static void add_format(const char *names)
{
    char *name = strdup(names), *comma, *eq;

    while (name && *name) {
        eq = strchr(name, '=');
        comma = strchr(name, ',');
        if (eq && (!comma || eq < comma)) {
            *eq = '\0';
            add_column(name, eq + 1);
            return;
        }
        if (comma)
            *comma = '\0';
        add_column(name, NULL);
        name = comma ? comma + 1 : NULL;
    }
}

/* Read /proc/NAME/status; 0, or -1 if the μprocess is gone. */
static int read_proc(const char *name, struct proc *p)
{
    char path[64], line[512], *value;
    FILE *f;

    snprintf(path, sizeof path, "/proc/%s/status", name);
    if ((f = fopen(path, "r")) == NULL)
        return -1;                      /* it ended between readdir and open */
    memset(p, 0, sizeof *p);
    while (fgets(line, sizeof line, f)) {
        if ((value = strchr(line, '\t')) == NULL)
            continue;
        *value++ = '\0';
        value[strcspn(value, "\n")] = '\0';
        if (strcmp(line, "Pid:") == 0) snprintf(p->pid, sizeof p->pid, "%s", value);
        else if (strcmp(line, "PPid:") == 0) snprintf(p->ppid, sizeof p->ppid, "%s", value);
        else if (strcmp(line, "Pgid:") == 0) snprintf(p->pgid, sizeof p->pgid, "%s", value);
        else if (strcmp(line, "State:") == 0) snprintf(p->state, sizeof p->state, "%s", value);
        else if (strcmp(line, "Name:") == 0) snprintf(p->name, sizeof p->name, "%s", value);
        else if (strcmp(line, "Cmdline:") == 0) snprintf(p->cmdline, sizeof p->cmdline, "%s", value);
        else if (strcmp(line, "Instructions:") == 0) p->instructions = strtoull(value, NULL, 10);
        else if (strcmp(line, "Pages:") == 0) p->pages = strtoul(value, NULL, 10);
    }
    fclose(f);
    return 0;
}

/* One line: the columns, each in its width; the last one (a command) as it is. */
static void print_row(const char *cells[])
{
    int i, w;

    for (i = 0; i < ncolumns; i++) {
        w = columns[i]->width;
        if (i == ncolumns - 1 && w < 0)
            w = 0;                      /* a left-aligned last column: no trailing blanks */
        printf(i ? " %*s" : "%*s", w, cells[i]);
    }
    putchar('\n');
}

/* Is pid among the comma-separated list (NULL: every one is)? */
static int selected(const char *pid, const char *list)
{
    size_t len = strlen(pid);
    const char *s;

    if (list == NULL)
        return 1;
    for (s = list; *s; s += strcspn(s, ",") + (s[strcspn(s, ",")] == ','))
        if (strcspn(s, ",") == len && strncmp(s, pid, len) == 0)
            return 1;
    return 0;
}

/* BSD options, a word without a dash: a, x (every μprocess: ufos shows them all anyway), u. */
static int bsd_options(const char *word)
{
    for (; *word; word++) {
        if (*word == 'u') {
            add_format("user,pid,%cpu,%mem,vsz,rss,tty,stat,start,bsdtime");
            add_format("command=COMMAND");
        }
        else if (*word != 'a' && *word != 'x')
            return -1;
    }
    return 0;
}

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: ps [-e | -A] [-f] [-p PID[,PID...]] [-o FIELD[,FIELD...]] | ps [a][u][x]\n");
    exit(1);
}

int main(int argc, char **argv)
{
    const char *cells[MAX_COLUMNS], *pids = NULL;
    static char text[MAX_COLUMNS][300];
    int c, i, headed = 0, full = 0;
    struct proc p;
    struct dirent *d;
    DIR *proc;

    while ((c = getopt(argc, argv, "eAfp:o:")) != -1) {
        switch (c) {
        case 'e': case 'A': break;               /* every μprocess: ps shows them all anyway */
        case 'f': full = 1; break;
        case 'p': pids = optarg; break;
        case 'o': add_format(optarg); break;
        default: usage();
        }
    }
    for (i = optind; i < argc; i++) {             /* what is left: BSD options, "aux" */
        if (bsd_options(argv[i]) < 0) {
            fprintf(stderr, "ps: unknown option '%s'\n", argv[i]);
            usage();
        }
    }
    if (full && ncolumns == 0) {                 /* procps's -f: the user's name under UID */
        add_column("user", "UID");
        add_format("pid,ppid");
        add_column("c", "C");
        add_format("stime,tty,time,args");
    }
    if (ncolumns == 0)
        add_format("pid,ppid,pgid,stat,insns,args");
    if ((proc = opendir("/proc")) == NULL) {
        fprintf(stderr, "ps: /proc: %s\n", strerror(errno));
        return 1;
    }
    for (i = 0; i < ncolumns; i++)
        headed |= headings[i][0] != '\0';
    if (headed)
        print_row(headings);
    while ((d = readdir(proc)) != NULL) {
        if (!isdigit((unsigned char)d->d_name[0]) || !selected(d->d_name, pids) || read_proc(d->d_name, &p) < 0)
            continue;
        for (i = 0; i < ncolumns; i++) {
            columns[i]->show(&p, text[i], sizeof text[i]);
            cells[i] = text[i];
        }
        print_row(cells);
    }
    closedir(proc);
    return 0;
}
