/*
 * test, [ - evaluate a condition: exit status 0 if it is true, 1 if it is false, 2 on a mistake.
 *
 *     test EXPRESSION
 *     [ EXPRESSION ]          (the same program, called "["; the last argument must be "]")
 *
 * The shell's test builtin as a program of its own: the expressions, and the code, are in
 * userland/bin/sh/test.c, which this file includes (see sh/tools.h). It owns only main; a mistake
 * is reported as "test: ..." (or "[: ...") on stderr by the warn_stderr of sh/tools.h.
 */
#define TOOL_PROGRAM                /* sh/tools.h gives this program its warn_stderr */
#include "sh/test.c"

int main(int argc, char **argv)
{
    return test_main(argc, argv, warn_stderr);
}
