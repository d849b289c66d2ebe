/*
 * stat - show what the kernel knows about a file, as GNU coreutils' stat.
 *
 *     stat [-L] [-t | -c FORMAT | --printf=FORMAT] FILE...
 *
 *     -L  --dereference     follow symbolic links (stat(2)); by default a link is itself (lstat)
 *     -c  --format=FORMAT   print FORMAT for each FILE, then a newline
 *         --printf=FORMAT   the same, with backslash escapes (\n, \t, \101, \x41...) and no newline
 *     -t  --terse           FORMAT "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o"
 *     -f  --file-system     ufos has no statfs: each FILE is an error
 * A FILE "-" is standard input (fstat). Without a FORMAT, GNU's layout of several lines.
 *
 * A directive is %[flags][width][.precision]C, flags and width as printf's:
 *   %n name            %N quoted name, and ' -> target' for a link
 *   %s size            %b blocks of %B bytes     %o preferred I/O size
 *   %f raw mode (hex)  %F type in words          %a permissions (octal)   %A as ls -l shows them
 *   %u %U owner's uid and name                   %g %G group's gid and name
 *   %i inode           %h links                  %d %D device (decimal, hex)   %Hd %Ld major, minor
 *   %r %R a device file's device number (decimal, hex)   %Hr %Lr %t %T its major and minor
 *   %x %y %z access, modification, change time as "2026-01-02 03:04:05.123456789 +0000"
 *   %X %Y %Z the same in seconds since 1970 (%.3Y: with 3 digits of fraction, %.Y: 9)
 *   %w %W birth time: ufos keeps none, so "-" and 0, as GNU says when it is unknown
 *   %m the mount point of the file system the file is on
 * Any other letter prints "?" (GNU's way; %C too: ufos has no SELinux contexts);
 * "%" with flags before "%" or the end is an invalid directive, and stat stops.
 * Exit status: 0, or 1 if some FILE could not be examined.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PRINTF_OPTION 256       /* --printf has no short form */

static const struct option long_options[] = {
    {"dereference", no_argument, NULL, 'L'},
    {"file-system", no_argument, NULL, 'f'},
    {"format", required_argument, NULL, 'c'},
    {"printf", required_argument, NULL, PRINTF_OPTION},
    {"terse", no_argument, NULL, 't'},
    {NULL, 0, NULL, 0},
};

/* GNU's layouts (coreutils 9). A device file's second line also shows the device it is. */
static const char default_format[] =
    "  File: %N\n"
    "  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
    "Device: %Hd,%Ld\tInode: %-10i  Links: %h\n"
    "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
    "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
static const char device_format[] =
    "  File: %N\n"
    "  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
    "Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n"
    "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
    "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
static const char terse_format[] = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n";

static int follow_links;        /* -L */
static int escapes;             /* --printf: backslash escapes in FORMAT */
static int quote_names;         /* %N quotes names, except in the default layout (GNU's choice) */

/* ---- numbers and strings with the directive's flags, width and precision ------------------- */

/* A directive's printf part: "%", flags, width, ".precision" (no conversion). GNU lets each kind
 * of value keep only the flags that make sense for it (a "+" on an unsigned number, a "0" on a
 * string, are dropped), then lets printf do the rest. */
#define SPEC_MAX 64

static void make_format(char *out, const char *spec, const char *allowed, const char *conversion)
{
    const char *s = spec + 1;
    *out++ = '%';
    for (; *s && strchr("'-+ #0I", *s); s++)
        if (strchr(allowed, *s))
            *out++ = *s;
    strcpy(out, s);             /* width and precision */
    strcat(out, conversion);
}

static void out_string(const char *spec, const char *s)
{
    char fmt[SPEC_MAX + 8];
    make_format(fmt, spec, "-", "s");
    printf(fmt, s);
}

/* Returns the number of characters printed (the seconds of out_epoch need it). ' (thousands'
 * grouping) is allowed but means nothing in the C locale, and ufos's printf does not know it. */
static int out_int(const char *spec, long long n)
{
    char fmt[SPEC_MAX + 8];
    make_format(fmt, spec, "-+ 0", "lld");
    return printf(fmt, n);
}

static void out_uint(const char *spec, unsigned long long n)
{
    char fmt[SPEC_MAX + 8];
    make_format(fmt, spec, "-0", "llu");
    printf(fmt, n);
}

/* %a is octal, %f %D %R %t %T are hex: "#" gives them their 0 and 0x. */
static void out_uint_base(const char *spec, unsigned long long n, const char *conversion)
{
    char fmt[SPEC_MAX + 8];
    make_format(fmt, spec, "-#0", conversion);
    printf(fmt, n);
}

/* Seconds since 1970, as printf's %f would show them: %X is whole seconds, %.3X has 3 digits of
 * fraction, %.X all 9 the kernel gives (more are zeros). A width is the whole number's, point and
 * fraction included; with "-" the padding goes after the fraction. (ufos's times are all after
 * 1970: the fraction of a negative time is not handled as GNU does.) */
static void out_epoch(const char *spec, struct timespec t)
{
    const char *dot = strchr(spec, '.');
    char head[SPEC_MAX];
    const char *s = spec + 1;
    int precision, width = 0, left = 0, digits, n, i;
    size_t flags;

    if (dot == NULL) {
        out_int(spec, t.tv_sec);
        return;
    }
    precision = isdigit((unsigned char)dot[1]) ? atoi(dot + 1) : 9;
    if (precision == 0) {
        /* no fraction: the flags and width are all the seconds' */
        snprintf(head, sizeof head, "%.*s", (int)(dot - spec), spec);
        out_int(head, t.tv_sec);
        return;
    }
    flags = strspn(s, "'-+ #0I");
    if (isdigit((unsigned char)s[flags]))
        width = atoi(s + flags);
    /* The seconds: the flags (no "-"), and the width that leaves room for the point and fraction. */
    head[0] = '%';
    n = 1;
    for (i = 0; i < (int)flags; i++) {
        if (s[i] == '-')
            left = 1;
        else
            head[n++] = s[i];
    }
    head[n] = '\0';
    if (!left && width - 1 - precision > 1)
        snprintf(head + n, sizeof head - n, "%d", width - 1 - precision);
    n = out_int(head, t.tv_sec);

    digits = precision < 9 ? precision : 9;
    long frac = t.tv_nsec;
    for (i = digits; i < 9; i++)
        frac /= 10;
    n += printf(".%0*ld", digits, frac);
    for (i = digits; i < precision; i++)
        n += putchar('0') != EOF;
    for (; n < width; n++)       /* "-": pad after the fraction */
        putchar(' ');
}

/* ---- what the values say -------------------------------------------------------------------- */

/* Linux's (glibc's) encoding of a device number: 12 bits of major, 20 of minor, interleaved. */
static unsigned dev_major(unsigned long long dev)
{
    return ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffu);
}

static unsigned dev_minor(unsigned long long dev)
{
    return (dev & 0xff) | ((dev >> 12) & ~0xffu);
}

static const char *file_type(const struct stat *st)
{
    switch (st->st_mode & S_IFMT) {
    case S_IFREG: return st->st_size == 0 ? "regular empty file" : "regular file";
    case S_IFDIR: return "directory";
    case S_IFLNK: return "symbolic link";
    case S_IFCHR: return "character special file";
    case S_IFBLK: return "block special file";
    case S_IFIFO: return "fifo";
    case S_IFSOCK: return "socket";
    default: return "weird file";
    }
}

/* The mode as ls -l shows it: "-rw-r--r--", with s, S, t and T for the set-id and sticky bits. */
static const char *mode_string(mode_t mode)
{
    static char out[11];
    static const char types[] = "?pc?d?b?-?l?s???";     /* indexed by the S_IFMT bits >> 12 */
    static const char rwx[] = "rwxrwxrwx";
    int i;

    out[0] = types[(mode & S_IFMT) >> 12];
    for (i = 0; i < 9; i++)
        out[1 + i] = mode & (0400 >> i) ? rwx[i] : '-';
    if (mode & S_ISUID)
        out[3] = out[3] == 'x' ? 's' : 'S';
    if (mode & S_ISGID)
        out[6] = out[6] == 'x' ? 's' : 'S';
    if (mode & S_ISVTX)
        out[9] = out[9] == 'x' ? 't' : 'T';
    out[10] = '\0';
    return out;
}

/* A time in the local zone (ufos's is UTC unless TZ says otherwise), to the nanosecond. */
static const char *human_time(struct timespec t)
{
    static char out[64];
    struct tm tm;
    size_t n;

    localtime_r(&t.tv_sec, &tm);
    n = strftime(out, sizeof out, "%Y-%m-%d %H:%M:%S", &tm);
    n += snprintf(out + n, sizeof out - n, ".%09ld", (long)t.tv_nsec);
    strftime(out + n, sizeof out - n, " %z", &tm);
    return out;
}

/* In a table of pairs "kvkv...", the v of the pair whose k is c, or 0: C's one-letter escapes. */
static char pair_of(const char *table, char c)
{
    for (; table[0] != '\0'; table += 2)
        if (table[0] == c)
            return table[1];
    return 0;
}

/* Can this character stand inside "..." as itself, for a shell and for C alike? (gnulib's
 * quotearg: letters, digits, space, ' and %+,-./:]_@ and such; { } only alone; # ~ only first.) */
static int c_and_shell_compatible(const char *name, size_t i)
{
    unsigned char c = name[i];
    if (c == '{' || c == '}')
        return name[1] == '\0';
    if (c == '#' || c == '~')
        return i == 0;
    return isprint(c) && !strchr("?\\!\"$&()*;<=>[^`|", c);
}

/* The name quoted as GNU's shell-escape-always style does, so that a shell would read it back:
 * 'a b', 'it'\''s' (but "it's" when nothing else needs care), 'new'$'\n''line'. */
static char *quote(const char *name)
{
    size_t len = strlen(name), i, n = 0;
    char *out = malloc(8 * len + 3);     /* at worst ''$'\ooo per byte, and the outer quotes */
    int all_compatible = 1, has_quote = 0, in_dollar = 0;

    for (i = 0; i < len; i++) {
        has_quote |= name[i] == '\'';
        all_compatible &= c_and_shell_compatible(name, i);
    }
    if (has_quote && all_compatible) {
        sprintf(out, "\"%s\"", name);
        return out;
    }
    /* gnulib quotes a name with an ' twice (to learn whether "..." will do), and the second time
     * begins as still inside the $'...' the first one ended in: a name with an ' that ends in an
     * escape begins with an empty '' (GNU's stat shows "q'" and a tab as '''q'\'''$'\t'). */
    in_dollar = has_quote && len > 0 && (pair_of("\aa\bb\ff\nn\rr\tt\vv", name[len - 1]) ||
                                         !isprint((unsigned char)name[len - 1]));
    out[n++] = '\'';
    for (i = 0; i < len; i++) {
        unsigned char c = name[i];
        char escape = pair_of("\aa\bb\ff\nn\rr\tt\vv", c);
        if (escape || !isprint(c)) {
            /* a character no '...' can hold: out of the quotes into $'...', which has escapes */
            if (!in_dollar)
                n += sprintf(out + n, "'$'");
            in_dollar = 1;
            if (escape)
                n += sprintf(out + n, "\\%c", escape);
            else
                n += sprintf(out + n, "\\%03o", c);
            continue;
        }
        if (c == '\'') {
            n += sprintf(out + n, "'\\''");     /* end the quotes, an escaped ', begin again */
            in_dollar = 0;
            continue;
        }
        if (in_dollar)
            n += sprintf(out + n, "''");        /* back from $'...' into '...' */
        in_dollar = 0;
        out[n++] = c;
    }
    out[n++] = '\'';
    out[n] = '\0';
    return out;
}

/* %N: the name, and for a symbolic link " -> " and what it holds. 0, or -1 if the link cannot be
 * read. */
static int out_name_and_target(const char *spec, const char *name, const struct stat *st)
{
    char target[PATH_MAX], *q;
    ssize_t len;

    q = quote_names ? quote(name) : NULL;
    out_string(spec, q ? q : name);
    free(q);
    if (!S_ISLNK(st->st_mode))
        return 0;
    if ((len = readlink(name, target, sizeof target - 1)) < 0) {
        q = quote(name);
        fprintf(stderr, "stat: cannot read symbolic link %s: %s\n", q, strerror(errno));
        free(q);
        return -1;
    }
    target[len] = '\0';
    printf(" -> ");
    q = quote_names ? quote(target) : NULL;
    out_string(spec, q ? q : target);
    free(q);
    return 0;
}

/* %m: the directory a file system is mounted on that holds the file: from the file's directory (a
 * link's own, unless -L), go up the canonical path while the parent is on the same device.
 * 0, or -1 if the path cannot be made canonical. */
static int out_mount_point(const char *spec, const char *name, const struct stat *st)
{
    char dir[PATH_MAX], *path, *slash, *q;
    struct stat up;

    snprintf(dir, sizeof dir, "%s", name);
    if (!S_ISDIR(st->st_mode)) {
        /* the directory the name is in */
        slash = strrchr(dir, '/');
        if (slash == NULL)
            strcpy(dir, ".");
        else
            slash[slash == dir] = '\0';
    }
    if ((path = realpath(dir, NULL)) == NULL) {
        q = quote(name);
        fprintf(stderr, "stat: failed to canonicalize %s: %s\n", q, strerror(errno));
        free(q);
        putchar('?');
        return -1;
    }
    while (strcmp(path, "/") != 0) {
        slash = strrchr(path, '/');
        char keep = slash[slash == path];
        slash[slash == path] = '\0';               /* path is now its parent */
        if (stat(path, &up) < 0 || up.st_dev != st->st_dev) {
            slash[slash == path] = keep;           /* the parent is another file system's */
            break;
        }
    }
    out_string(spec, path);
    free(path);
    return 0;
}

/* One directive: SPEC is its printf part, MOD 'H' or 'L' (major, minor) or 0, C its letter.
 * 0, or -1 if it failed (the message said why). */
static int print_directive(const char *spec, char mod, char c, const char *name, const struct stat *st)
{
    struct passwd *pw;
    struct group *gr;
    struct timespec unknown = {0, 0};

    switch (c) {
    case 'n': out_string(spec, name); break;
    case 'N': return out_name_and_target(spec, name, st);
    case 'd':
        out_uint(spec, mod == 'H' ? dev_major(st->st_dev) : mod == 'L' ? dev_minor(st->st_dev) : st->st_dev);
        break;
    case 'D': out_uint_base(spec, st->st_dev, "llx"); break;
    case 'i': out_uint(spec, st->st_ino); break;
    case 'a': out_uint_base(spec, st->st_mode & 07777, "llo"); break;
    case 'A': out_string(spec, mode_string(st->st_mode)); break;
    case 'f': out_uint_base(spec, st->st_mode, "llx"); break;
    case 'F': out_string(spec, file_type(st)); break;
    case 'h': out_uint(spec, st->st_nlink); break;
    case 'u': out_uint(spec, st->st_uid); break;
    case 'U':
        pw = getpwuid(st->st_uid);
        out_string(spec, pw ? pw->pw_name : "UNKNOWN");
        break;
    case 'g': out_uint(spec, st->st_gid); break;
    case 'G':
        gr = getgrgid(st->st_gid);
        out_string(spec, gr ? gr->gr_name : "UNKNOWN");
        break;
    case 's': out_int(spec, st->st_size); break;      /* GNU 9.1 signed: "%+s" shows "+3" */
    case 'r':
        out_uint(spec, mod == 'H' ? dev_major(st->st_rdev) : mod == 'L' ? dev_minor(st->st_rdev) : st->st_rdev);
        break;
    case 'R': out_uint_base(spec, st->st_rdev, "llx"); break;
    case 't': out_uint_base(spec, dev_major(st->st_rdev), "llx"); break;
    case 'T': out_uint_base(spec, dev_minor(st->st_rdev), "llx"); break;
    case 'B': out_uint(spec, 512); break;               /* st_blocks counts 512-byte blocks */
    case 'b': out_uint(spec, st->st_blocks); break;
    case 'o': out_uint(spec, st->st_blksize); break;
    case 'x': out_string(spec, human_time(st->st_atim)); break;
    case 'X': out_epoch(spec, st->st_atim); break;
    case 'y': out_string(spec, human_time(st->st_mtim)); break;
    case 'Y': out_epoch(spec, st->st_mtim); break;
    case 'z': out_string(spec, human_time(st->st_ctim)); break;
    case 'Z': out_epoch(spec, st->st_ctim); break;
    case 'm': return out_mount_point(spec, name, st);
    case 'w': out_string(spec, "-"); break;             /* no birth time kept */
    case 'W': out_epoch(spec, unknown); break;
    default: putchar('?'); break;
    }
    return 0;
}

/* One backslash escape of --printf, at *p (just after the backslash): printed, and *p moved past
 * it. As GNU: \NNN octal (1 to 3 digits), \xHH hex (1 or 2), C's letters, and anything else is
 * itself, with a warning. */
static void print_escape(const char **p)
{
    const char *s = *p;
    char letter;
    int value = 0, n;

    if (*s >= '0' && *s <= '7') {
        for (n = 0; n < 3 && *s >= '0' && *s <= '7'; n++)
            value = value * 8 + (*s++ - '0');
        putchar(value);
    } else if (*s == 'x' && isxdigit((unsigned char)s[1])) {
        for (s++, n = 0; n < 2 && isxdigit((unsigned char)*s); n++, s++)
            value = value * 16 + (isdigit((unsigned char)*s) ? *s - '0' : tolower((unsigned char)*s) - 'a' + 10);
        putchar(value);
    } else if (*s == '\0') {
        fflush(stdout);
        fprintf(stderr, "stat: warning: backslash at end of format\n");
        putchar('\\');
    } else {
        letter = pair_of("a\ab\be\033f\fn\nr\rt\tv\v\"\"\\\\", *s);
        if (letter) {
            putchar(letter);
        } else {
            fflush(stdout);
            fprintf(stderr, "stat: warning: unrecognized escape '\\%c'\n", *s);
            putchar(*s);
        }
        s++;
    }
    *p = s;
}

/* FORMAT for one file. 0, or -1 if a directive failed. An invalid directive ends stat. */
static int print_format(const char *format, const char *name, const struct stat *st)
{
    const char *p = format;
    char spec[SPEC_MAX];
    int status = 0;

    while (*p) {
        if (*p == '\\' && escapes) {
            p++;
            print_escape(&p);
            continue;
        }
        if (*p != '%') {
            putchar(*p++);
            continue;
        }
        /* "%", flags, width, ".precision": the directive's printf part */
        const char *start = p++;
        p += strspn(p, "'-+ #0I");
        p += strspn(p, "0123456789");
        if (*p == '.') {
            p++;
            p += strspn(p, "0123456789");
        }
        size_t len = p - start;
        if (len >= SPEC_MAX)
            len = SPEC_MAX - 1;     /* a width no one writes: cut, not overrun */
        memcpy(spec, start, len);
        spec[len] = '\0';

        if (*p == '%' || *p == '\0') {
            if (len > 1) {          /* "%-5%": flags on nothing */
                fflush(stdout);
                fprintf(stderr, "stat: '%s%s': invalid directive\n", spec, *p ? "%" : "");
                exit(1);
            }
            putchar('%');
            if (*p)
                p++;
            continue;
        }
        char mod = 0, c = *p++;
        if ((c == 'H' || c == 'L') && (*p == 'd' || *p == 'r')) {
            mod = c;                /* %Hd %Ld %Hr %Lr: major and minor */
            c = *p++;
        }
        if (print_directive(spec, mod, c, name, st) < 0)
            status = -1;
    }
    return status;
}

/* stat, or lstat, or fstat for "-": 0, or -1 with the message printed. */
static int examine(const char *name, struct stat *st)
{
    char *q;

    if (strcmp(name, "-") == 0) {
        if (fstat(0, st) == 0)
            return 0;
        fprintf(stderr, "stat: cannot stat standard input: %s\n", strerror(errno));
        return -1;
    }
    if ((follow_links ? stat(name, st) : lstat(name, st)) == 0)
        return 0;
    q = quote(name);
    fprintf(stderr, "stat: cannot stat %s: %s\n", q, strerror(errno));
    free(q);
    return -1;
}

int main(int argc, char **argv)
{
    const char *format = NULL, *newline = "";
    int file_system = 0, terse = 0, status = 0, c, i;

    while ((c = getopt_long(argc, argv, "c:fLt", long_options, NULL)) != -1) {
        switch (c) {
        case 'c': format = optarg; escapes = 0; newline = "\n"; break;
        case PRINTF_OPTION: format = optarg; escapes = 1; newline = ""; break;
        case 'L': follow_links = 1; break;
        case 'f': file_system = 1; break;
        case 't': terse = 1; break;
        default:
            fprintf(stderr, "Try 'stat --help' for more information.\n");
            return 1;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "stat: missing operand\nTry 'stat --help' for more information.\n");
        return 1;
    }
    /* GNU quotes %N's names only in a FORMAT of one's own: the default layout shows them as they are. */
    quote_names = format != NULL;

    for (i = optind; i < argc; i++) {
        struct stat st;
        if (file_system) {
            /* There is no statfs system call to ask: say so in GNU's words. */
            char *q = quote(argv[i]);
            fprintf(stderr, "stat: cannot read file system information for %s: %s\n", q,
                    strerror(stat(argv[i], &st) < 0 ? errno : ENOSYS));
            free(q);
            status = 1;
            continue;
        }
        if (examine(argv[i], &st) < 0) {
            status = 1;
            continue;
        }
        const char *f = format ? format : terse ? terse_format
                      : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? device_format : default_format;
        if (print_format(f, argv[i], &st) < 0)
            status = 1;
        fputs(format ? newline : "", stdout);
        fflush(stdout);     /* in order with the messages on standard error */
    }
    return status;
}
