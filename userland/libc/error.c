/*
 * error.c - GNU's error and error_at_line (error.h).
 */
#define _GNU_SOURCE                     /* program_invocation_name */
#include <errno.h>
#include <error.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"

unsigned int error_message_count;
int error_one_per_line;
void (*error_print_progname)(void);

/* The message after the program's name and the place: the text, errnum's, a newline; then the
 * exit, if status asks for one. */
static void finish(int status, int errnum, const char *format, va_list ap)
{
    vfprintf(stderr, format, ap);
    if (errnum != 0)
        fprintf(stderr, ": %s", strerror(errnum));
    fputc('\n', stderr);
    fflush(stderr);
    error_message_count++;
    if (status != 0)
        exit(status);
}

/* stdout first, so that what the program printed comes before the message, then the name
 * (followed by the separator glibc writes: ": ", or ":" before a file's name). */
static void start(const char *separator)
{
    fflush(stdout);
    if (error_print_progname != NULL)
        error_print_progname();
    else
        fprintf(stderr, "%s%s", program_invocation_name, separator);
}

void error(int status, int errnum, const char *format, ...)
{
    va_list ap;

    start(": ");
    va_start(ap, format);
    finish(status, errnum, format, ap);
    va_end(ap);
}

void error_at_line(int status, int errnum, const char *filename, unsigned int linenum,
                   const char *format, ...)
{
    static const char *last_file;
    static unsigned int last_line;
    va_list ap;

    if (error_one_per_line) {           /* the place is remembered only while this is set */
        if (linenum == last_line && (filename == last_file
                                     || (last_file != NULL && strcmp(filename, last_file) == 0)))
            return;
        last_file = filename;
        last_line = linenum;
    }
    start(":");
    fprintf(stderr, "%s:%u: ", filename, linenum);
    va_start(ap, format);
    finish(status, errnum, format, ap);
    va_end(ap);
}
