/*
 * date - print the date and time.
 *
 *     date [-u] [+FORMAT]
 *
 * Prints the current time, as "Thu Jan  1 00:00:00 UTC 1970", or as FORMAT says: FORMAT is
 * text with strftime's % directives (%Y year, %m month, %d day, %H:%M:%S time, %s seconds
 * since 1970, %a %b names, %F = %Y-%m-%d, %T = %H:%M:%S, %% ...). ufos has no time zones: the
 * time is always UTC, so -u changes nothing. Setting the clock is not supported.
 * Exit status: 0, or 1 on an error.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *format = "%a %b %e %H:%M:%S %Z %Y";
    char buf[1024];
    struct tm tm;
    time_t now;
    int c;

    while ((c = getopt(argc, argv, "u")) != -1) {
        if (c != 'u') {
            fprintf(stderr, "usage: date [-u] [+FORMAT]\n");
            return 1;
        }
    }
    if (optind < argc) {
        if (argv[optind][0] != '+' || optind + 1 < argc) {
            fprintf(stderr, "date: invalid argument '%s' (setting the date is not supported)\n",
                    argv[optind][0] != '+' ? argv[optind] : argv[optind + 1]);
            return 1;
        }
        format = argv[optind] + 1;
    }
    if ((now = time(NULL)) == (time_t)-1) {
        fprintf(stderr, "date: cannot read the clock: %s\n", strerror(errno));
        return 1;
    }
    gmtime_r(&now, &tm);
    if (strftime(buf, sizeof buf, format, &tm) == 0 && format[0] != '\0') {
        fprintf(stderr, "date: the result is too long\n");
        return 1;
    }
    puts(buf);
    return 0;
}
