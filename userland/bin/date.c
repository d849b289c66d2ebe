/*
 * date - print the date and time.
 *
 *     date [-uR] [-I[FMT]] [-d DATE | -r FILE] [+FORMAT]
 *
 * Prints the current time, as "Thu Jan  1 00:00:00 UTC 1970", or as FORMAT says: FORMAT is
 * text with strftime's % directives (%Y year, %m month, %d day, %H:%M:%S time, %s seconds
 * since 1970, %a %b names, %F = %Y-%m-%d, %T = %H:%M:%S, %% ...).
 *     -d, --date=DATE        that time instead of now: "now", "@SECONDS", "YYYY-MM-DD" or
 *                            "YYYY-MM-DD HH:MM[:SS]" (dates.h)
 *     -r, --reference=FILE   the time FILE was last modified
 *     -R, --rfc-email        as RFC 5322 writes dates: "Thu, 01 Jan 1970 00:00:00 +0000"
 *     -I[FMT], --iso-8601[=FMT]  as ISO 8601: FMT "date" (the default: 1970-01-01), "hours",
 *                            "minutes" or "seconds" (1970-01-01T00:00:00+00:00)
 *     -u, --utc              UTC: ufos has no time zones, so the time is always UTC and -u
 *                            changes nothing
 * Setting the clock is not supported.
 * Exit status: 0, or 1 on an error.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "dates.h"

/* The strftime format of -I's FMT (NULL or "" for the default), or NULL for an unknown one. */
static const char *iso_format(const char *fmt)
{
    static const char *const names[][2] = {
        {"date", "%Y-%m-%d"}, {"hours", "%Y-%m-%dT%H+00:00"},
        {"minutes", "%Y-%m-%dT%H:%M+00:00"}, {"seconds", "%Y-%m-%dT%H:%M:%S+00:00"},
    };
    size_t i;

    if (fmt == NULL || *fmt == '\0')
        return names[0][1];
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strncmp(names[i][0], fmt, strlen(fmt)) == 0)    /* GNU's: any prefix will do */
            return names[i][1];
    return NULL;
}

int main(int argc, char **argv)
{
    static const struct option longs[] = {
        {"date", required_argument, NULL, 'd'},
        {"reference", required_argument, NULL, 'r'},
        {"rfc-email", no_argument, NULL, 'R'},
        {"iso-8601", optional_argument, NULL, 'I'},
        {"utc", no_argument, NULL, 'u'},
        {NULL, 0, NULL, 0},
    };
    const char *format = "%a %b %e %H:%M:%S %Z %Y", *date = NULL, *reference = NULL;
    char buf[1024];
    struct tm tm;
    time_t when;
    int c;

    while ((c = getopt_long(argc, argv, "d:r:RI::u", longs, NULL)) != -1) {
        switch (c) {
        case 'd': date = optarg; break;
        case 'r': reference = optarg; break;
        case 'R': format = "%a, %d %b %Y %H:%M:%S +0000"; break;
        case 'I':
            if ((format = iso_format(optarg)) == NULL) {
                fprintf(stderr, "date: invalid argument '%s' for '--iso-8601'\n", optarg);
                return 1;
            }
            break;
        case 'u': break;
        default:
            fprintf(stderr, "usage: date [-uR] [-I[FMT]] [-d DATE | -r FILE] [+FORMAT]\n");
            return 1;
        }
    }
    if (date != NULL && reference != NULL) {
        fprintf(stderr, "date: the options to specify dates for printing are mutually exclusive\n");
        return 1;
    }
    if (optind < argc) {
        if (argv[optind][0] != '+' || optind + 1 < argc) {
            fprintf(stderr, "date: invalid argument '%s' (setting the date is not supported)\n",
                    argv[optind][0] != '+' ? argv[optind] : argv[optind + 1]);
            return 1;
        }
        format = argv[optind] + 1;
    }
    if (date != NULL) {
        if (parse_date(date, &when) < 0) {
            fprintf(stderr, "date: invalid date '%s'\n", date);
            return 1;
        }
    } else if (reference != NULL) {
        struct stat st;
        if (stat(reference, &st) < 0) {
            fprintf(stderr, "date: %s: %s\n", reference, strerror(errno));
            return 1;
        }
        when = st.st_mtim.tv_sec;
    } else if ((when = time(NULL)) == (time_t)-1) {
        fprintf(stderr, "date: cannot read the clock: %s\n", strerror(errno));
        return 1;
    }
    gmtime_r(&when, &tm);
    tm.tm_zone = "UTC";         /* gmtime's zone is "GMT" (glibc's name); GNU's date says UTC */
    if (strftime(buf, sizeof buf, format, &tm) == 0 && format[0] != '\0') {
        fprintf(stderr, "date: the result is too long\n");
        return 1;
    }
    puts(buf);
    return 0;
}
