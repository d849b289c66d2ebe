/*
 * err.c - warn, err and their x and v forms (err.h): "prog: message[: strerror(errno)]" on
 * stderr, and for err/errx an exit. Everything funnels into one function, report().
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"

/* "prog: ", the formatted message if any, ": " and errno's text if with_errno, a newline. */
static void report(int with_errno, const char *fmt, va_list ap)
{
    int error = errno;                  /* before stdio can change it */
    fprintf(stderr, "%s: ", __progname);
    if (fmt != NULL) {
        vfprintf(stderr, fmt, ap);
        if (with_errno)
            fputs(": ", stderr);
    }
    if (with_errno)
        fputs(strerror(error), stderr);
    fputc('\n', stderr);
}

void vwarn(const char *fmt, va_list ap)
{
    report(1, fmt, ap);
}

void vwarnx(const char *fmt, va_list ap)
{
    report(0, fmt, ap);
}

_Noreturn void verr(int status, const char *fmt, va_list ap)
{
    report(1, fmt, ap);
    exit(status);
}

_Noreturn void verrx(int status, const char *fmt, va_list ap)
{
    report(0, fmt, ap);
    exit(status);
}

void warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
}

void warnx(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarnx(fmt, ap);
    va_end(ap);
}

_Noreturn void err(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verr(status, fmt, ap);
}

_Noreturn void errx(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verrx(status, fmt, ap);
}
