/*
 * error.h - GNU's error reporting (glibc): error(status, errnum, format, ...) flushes stdout, then
 * writes "PROGRAM: message[: strerror(errnum)]" on stderr, PROGRAM being argv[0] as the program
 * was run (program_invocation_name, errno.h), and exits with status if it is not 0.
 * error_at_line puts "FILE:LINE: " before the message. err.h's warn and err are the BSD
 * counterparts (they name the program by its last component).
 */
#ifndef _ERROR_H
#define _ERROR_H

void error(int status, int errnum, const char *format, ...);
void error_at_line(int status, int errnum, const char *filename, unsigned int linenum,
                   const char *format, ...);

extern unsigned int error_message_count;        /* messages written so far */
extern int error_one_per_line;                  /* error_at_line: once per file and line in a row */
extern void (*error_print_progname)(void);      /* if set, prints the program's name instead */

#endif
