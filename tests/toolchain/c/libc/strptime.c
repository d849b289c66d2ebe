// expected: host
/* strptime in the C locale: every POSIX conversion, white space, the fields worked out at the
 * end (day of the week and of the year, %p with %I, %C with %y), and inputs that do not match. */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <string.h>
#include <time.h>

static void try(const char *input, const char *format)
{
    struct tm tm;
    char *rest;

    memset(&tm, 0, sizeof tm);
    rest = strptime(input, format, &tm);
    printf("%-28s %-22s ", input, format);
    if (rest == NULL) {
        printf("NULL\n");
        return;
    }
    printf("%04d-%02d-%02d %02d:%02d:%02d wday %d yday %d rest \"%s\"\n", tm.tm_year + 1900,
           tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday,
           rest);
}

/* strptime reads back what strftime wrote. */
static void round_trip(const char *format)
{
    struct tm tm, back;
    time_t t = 1709876543;          /* 2024-03-08 05:42:23 UTC */
    char text[64];

    gmtime_r(&t, &tm);
    strftime(text, sizeof text, format, &tm);
    memset(&back, 0, sizeof back);
    if (strptime(text, format, &back) == NULL)
        printf("round trip %s: NULL\n", format);
    else
        printf("round trip %-8s %-26s %d %d %d %d %d %d wday %d yday %d\n", format, text,
               back.tm_year, back.tm_mon, back.tm_mday, back.tm_hour, back.tm_min, back.tm_sec,
               back.tm_wday, back.tm_yday);
}

int main(void)
{
    try("2024-03-08 14:05:09", "%Y-%m-%d %H:%M:%S");
    try("2024-03-08T14:05:09Z", "%Y-%m-%dT%H:%M:%S");
    try("Fri Mar  8 14:05:09 2024", "%c");
    try("fri MAR 8 14:05:09 2024", "%a %b %e %T %Y");
    try("Friday, March 08, 2024", "%A, %B %d, %Y");
    try("Sunday 1 December 1999", "%A %d %h %Y");
    try("03/08/24", "%D");
    try("03/08/69", "%x");
    try("03/08/68", "%m/%d/%y");
    try("12:30:00 AM", "%r");
    try("12:30:00 pm", "%r");
    try("01:05:00 PM", "%I:%M:%S %p");
    try("7 PM", "%H %p");
    try("23:59", "%R");
    try("23:59:60", "%X");
    try("19 24", "%C %y");
    try("20", "%C");
    try("2024 060", "%Y %j");
    try("2023 365", "%Y %j");
    try("100", "%j");
    try("2024 5 10", "%Y %w %U");
    try("2024 10", "%Y %W");
    try("2022 Sat 00", "%Y %a %U");
    try("2023 Sat 52", "%Y %a %U");
    try("2021 1 01", "%Y %w %W");
    try("  2024   3", "%Y %m");
    try("2024\t\n3", "%Y%n%m");
    try("2024 3", "%Y%t%m");
    try("100%", "%Y%%");
    try("2024", "%EY");
    try("08", "%Od");
    try("2024-03-08 and more", "%F");
    try("20240308", "%Y%m%d");
    try("451", "%d%m");
    try("2024-13-01", "%Y-%m-%d");
    try("2024-00-01", "%Y-%m-%d");
    try("25:00", "%H:%M");
    try("2024-03-32", "%Y-%m-%d");
    try("Frid", "%a");
    try("Fr", "%a");
    try("Xyz", "%b");
    try("2024x", "%Yy");
    try("", "%Y");
    try("12", "%Q");
    try("2024", "%");
    try("noon", "%p");
    round_trip("%c");
    round_trip("%D %T");
    round_trip("%F %r");
    round_trip("%A %B %d %Y");
    round_trip("%a %h %e %C%y");
    round_trip("%j %Y");
    return 0;
}
