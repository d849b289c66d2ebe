/*
 * tools.h - the commands that are both shell builtins and programs of /bin, each written once:
 *
 *   test.c     test and [        the shell's builtins, and /bin/test, /bin/[
 *   printf.c   printf            the shell's builtin, and /bin/printf
 *   pwd.c      names_cwd         whether a logical path still names the current directory: the
 *                                shell's cd and pwd, and /bin/pwd -L
 *
 * The shell compiles these files with the rest of sh/ and builtins.c calls them;
 * userland/bin/test.c and userland/bin/printf.c include them and call them from main. So the
 * builtin and the program cannot disagree.
 *
 * They use only libc, never the shell. Each is called like main, with one more argument: warn,
 * a printf-like function that writes one line on stderr. The shell passes sh_warn, so a mistake
 * reads "sh: 3: test: ..."; the programs pass
 * warn_stderr (below), so it reads "test: ...".
 */
#ifndef TOOLS_H
#define TOOLS_H

typedef void (*warn_fn)(const char *fmt, ...);

int test_main(int argc, char **argv, warn_fn warn);     /* 0 true, 1 false, 2 a mistake */
int printf_main(int argc, char **argv, warn_fn warn);   /* 0, 1 a bad number, 2 a bad format */
const char *names_cwd(const char *path);    /* path if it is a logical path to ".", else NULL */

#ifdef TOOL_PROGRAM
/* The warn of the /bin programs (they define TOOL_PROGRAM): the line on stderr, as it is. */
#include <stdarg.h>
#include <stdio.h>

static void warn_stderr(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
#endif

#endif
