/*
 * printf - print formatted text.
 *
 *     printf FORMAT [ARGUMENT...]
 *
 * The shell's printf builtin as a program of its own: the format's rules, and the code, are in
 * userland/bin/sh/printf.c, which this file includes (see sh/tools.h). It owns only main; a mistake
 * is reported as "printf: ..." on stderr by the warn_stderr of sh/tools.h.
 */
#define TOOL_PROGRAM                /* sh/tools.h gives this program its warn_stderr */
#include "sh/printf.c"

int main(int argc, char **argv)
{
    return printf_main(argc, argv, warn_stderr);
}
