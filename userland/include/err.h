/*
 * err.h - error messages that name the program (BSD, also in glibc). Implemented in
 * userland/libc/err.c.
 *
 *   warn("open %s", f)    stderr: "prog: open f: <strerror(errno)>\n"
 *   warnx("bad %d", n)    stderr: "prog: bad n\n"
 *   err(1, ...), errx(1, ...)   as warn and warnx, then exit(1)
 *
 * prog is argv[0] without its directory. A null format prints only "prog: <strerror>" (warn)
 * or "prog: " (warnx). The v forms take a va_list.
 */
#ifndef _ERR_H
#define _ERR_H

#include <stdarg.h>

void warn(const char *fmt, ...);
void warnx(const char *fmt, ...);
void vwarn(const char *fmt, va_list ap);
void vwarnx(const char *fmt, va_list ap);
_Noreturn void err(int status, const char *fmt, ...);
_Noreturn void errx(int status, const char *fmt, ...);
_Noreturn void verr(int status, const char *fmt, va_list ap);
_Noreturn void verrx(int status, const char *fmt, va_list ap);

#endif
