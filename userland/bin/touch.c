/*
 * touch - make files exist, and mark them as changed now.
 *
 *     touch [-acm] [-d DATE | -t STAMP | -r FILE] FILE...
 *
 * Sets the access and modification times of each FILE to the current time; a FILE that does
 * not exist is created, empty.
 *     -c, --no-create        a FILE that does not exist is left alone
 *     -a                     change the access time only
 *     -m                     change the modification time only
 *     -d, --date=DATE        that time instead of now: "now", "@SECONDS", "YYYY-MM-DD" or
 *                            "YYYY-MM-DD HH:MM[:SS]" (dates.h)
 *     -t STAMP               that time, written [[CC]YY]MMDDhhmm[.ss] (POSIX's): a year of two
 *                            digits is 1969-1999 from 69, else 20YY; without one, this year
 *     -r, --reference=FILE   FILE's times
 * ufos has no time zones: the times are UTC, as date prints them. ufos keeps only the
 * modification time (stat gives it as the access time too: -r copies it into both); -a sets
 * the access time of a /host file, which the host keeps.
 * Exit status: 0, or 1 if a file could not be touched.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dates.h"

static const char usage[] = "usage: touch [-acm] [-d DATE | -t STAMP | -r FILE] FILE...\n";

/* The next n digits of *s as a number, *s moved past them; -1 if they are not all digits. */
static int take_digits(const char **s, int n)
{
    int v = 0;

    for (; n > 0; n--, (*s)++) {
        if (!isdigit((unsigned char)**s))
            return -1;
        v = v * 10 + (**s - '0');
    }
    return v;
}

/* Set *t to the time of a -t STAMP, [[CC]YY]MMDDhhmm[.ss]; 0, or -1 if it is not one. */
static int parse_stamp(const char *s, time_t *t)
{
    const char *dot = strchr(s, '.');
    size_t len = dot != NULL ? (size_t)(dot - s) : strlen(s);
    time_t now = time(NULL);
    struct tm tm;
    int year;

    gmtime_r(&now, &tm);
    tm.tm_sec = 0;
    if (len == 12)
        tm.tm_year = take_digits(&s, 4) - 1900;
    else if (len == 10 && (year = take_digits(&s, 2)) >= 0)
        tm.tm_year = year < 69 ? year + 100 : year;
    else if (len != 8)
        return -1;
    tm.tm_mon = take_digits(&s, 2) - 1;
    tm.tm_mday = take_digits(&s, 2);
    tm.tm_hour = take_digits(&s, 2);
    tm.tm_min = take_digits(&s, 2);
    if (dot != NULL) {
        if (strlen(dot) != 3)
            return -1;
        s = dot + 1;
        tm.tm_sec = take_digits(&s, 2);
    }
    /* each field in its range (a digit that was not one made it negative) */
    if (tm.tm_year < -1900 || tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 ||
        tm.tm_mday > 31 || tm.tm_hour < 0 || tm.tm_hour > 23 || tm.tm_min < 0 || tm.tm_min > 59 ||
        tm.tm_sec < 0 || tm.tm_sec > 60)
        return -1;
    *t = timegm(&tm);
    return 0;
}

/* Make path exist with the times asked for (times NULL: now). Returns 0, or -1 with errno set
   (-c: a missing file is fine). */
static int touch(const char *path, const struct timespec *times, int no_create)
{
    int fd;

    if (utimensat(AT_FDCWD, path, times, 0) == 0)
        return 0;
    if (errno != ENOENT)
        return -1;
    if (no_create)
        return 0;
    if ((fd = open(path, O_WRONLY | O_CREAT, 0666)) < 0)
        return -1;
    close(fd);
    /* a new file's times are now: only another time needs setting */
    return times == NULL ? 0 : utimensat(AT_FDCWD, path, times, 0);
}

int main(int argc, char **argv)
{
    static const struct option longs[] = {
        {"no-create", no_argument, NULL, 'c'},
        {"date", required_argument, NULL, 'd'},
        {"reference", required_argument, NULL, 'r'},
        {NULL, 0, NULL, 0},
    };
    struct timespec times[2] = {{0, UTIME_NOW}, {0, UTIME_NOW}};     /* access, modification */
    int c, i, no_create = 0, access_only = 0, modification_only = 0, given = 0, status = 0;
    struct stat st;
    time_t t;

    while ((c = getopt_long(argc, argv, "acmd:t:r:", longs, NULL)) != -1) {
        switch (c) {
        case 'a': access_only = 1; break;
        case 'c': no_create = 1; break;
        case 'm': modification_only = 1; break;
        case 'd':
        case 't':
            if ((c == 'd' ? parse_date(optarg, &t) : parse_stamp(optarg, &t)) < 0) {
                fprintf(stderr, "touch: invalid date format '%s'\n", optarg);
                return 1;
            }
            times[0].tv_sec = times[1].tv_sec = t;
            times[0].tv_nsec = times[1].tv_nsec = 0;
            given = 1;
            break;
        case 'r':
            if (stat(optarg, &st) < 0) {
                fprintf(stderr, "touch: failed to get attributes of '%s': %s\n", optarg, strerror(errno));
                return 1;
            }
            times[0] = st.st_atim;
            times[1] = st.st_mtim;
            given = 1;
            break;
        default:
            fputs(usage, stderr);
            return 1;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "touch: missing file operand\n%s", usage);
        return 1;
    }
    /* -a and -m together are both times, as neither */
    if (access_only && !modification_only)
        times[1].tv_nsec = UTIME_OMIT;
    if (modification_only && !access_only)
        times[0].tv_nsec = UTIME_OMIT;
    for (i = optind; i < argc; i++) {
        if (touch(argv[i], given || access_only != modification_only ? times : NULL, no_create) < 0) {
            fprintf(stderr, "touch: cannot touch '%s': %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
