/*
 * printf - print formatted text.
 *
 *     printf FORMAT [ARGUMENT...]
 *
 * The shell's printf builtin as a program of its own: the format's rules, and the code, are in
 * userland/bin/sh/printf.c, which this file includes (see sh/tools.h). It owns only main and how a
 * mistake is reported: "printf: ..." on stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include "sh/printf.c"

static void warn_stderr(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int main(int argc, char **argv)
{
    return printf_main(argc, argv, warn_stderr);
}
