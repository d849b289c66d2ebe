/*
 * test, [ - evaluate a condition: exit status 0 if it is true, 1 if it is false, 2 on a mistake.
 *
 *     test EXPRESSION
 *     [ EXPRESSION ]          (the same program, called "["; the last argument must be "]")
 *
 * The shell's test builtin as a program of its own: the expressions, and the code, are in
 * userland/bin/sh/test.c, which this file includes (see sh/tools.h). It owns only main and how a
 * mistake is reported: "test: ..." (or "[: ...") on stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include "sh/test.c"

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
    return test_main(argc, argv, warn_stderr);
}
