/*
 * stdio.h - input and output (C11 7.21, plus a few POSIX functions).
 *
 * A FILE is a buffer in front of a file descriptor (or of memory: fmemopen, open_memstream; or of
 * a program's own functions: fopencookie). stdout is line-buffered (written out at each '\n'),
 * stderr is unbuffered, other streams are fully buffered. exit() flushes every stream; _exit()
 * and a fault do not.
 *
 * printf's %p prints a capability the way the machine shows one:
 *     0x1000 [rwRW,0x1000-0x1040]          address [permissions,base-top]
 *     0x1000 [rxR,0x1000-0x2000] (sentry)  sealed as a function entry; (sealed) for other types
 *     0x1000 [rwRW,0x1000-0x1040] (invalid) untagged
 *     0x2a                                 an integer that was cast to a pointer (no metadata)
 * The permission letters are r w x R W E: Load, Store, Execute, LoadCap, StoreCap, Executive.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <sys/_types.h>
#include <stdarg.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

typedef struct __ufos_file FILE;
typedef long fpos_t;

#define EOF (-1)
#define BUFSIZ 1024
#define FILENAME_MAX 4096
#define FOPEN_MAX 64
#define L_tmpnam 32
#define TMP_MAX 10000
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

/* The operations under a stream of fopencookie (glibc): each gets the cookie. read and write
 * return the byte count (read: 0 at the end, write: 0 or -1 on error); seek sets *offset to the
 * new position and returns 0, or -1; close returns 0 or -1. A NULL one: reads see the end of the
 * file, writes are discarded, seeks fail, close does nothing. */
typedef ssize_t cookie_read_function_t(void *cookie, char *buf, size_t size);
typedef ssize_t cookie_write_function_t(void *cookie, const char *buf, size_t size);
typedef int cookie_seek_function_t(void *cookie, off64_t *offset, int whence);
typedef int cookie_close_function_t(void *cookie);
typedef struct {
    cookie_read_function_t *read;
    cookie_write_function_t *write;
    cookie_seek_function_t *seek;
    cookie_close_function_t *close;
} cookie_io_functions_t;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

/* Formatted output */
int printf(const char *format, ...);
int fprintf(FILE *stream, const char *format, ...);
int dprintf(int fd, const char *format, ...);
int sprintf(char *str, const char *format, ...);
int snprintf(char *str, size_t size, const char *format, ...);
int asprintf(char **strp, const char *format, ...);
int vprintf(const char *format, va_list ap);
int vfprintf(FILE *stream, const char *format, va_list ap);
int vdprintf(int fd, const char *format, va_list ap);
int vsprintf(char *str, const char *format, va_list ap);
int vsnprintf(char *str, size_t size, const char *format, va_list ap);
int vasprintf(char **strp, const char *format, va_list ap);

/* Formatted input */
int scanf(const char *format, ...);
int fscanf(FILE *stream, const char *format, ...);
int sscanf(const char *str, const char *format, ...);
int vscanf(const char *format, va_list ap);
int vfscanf(FILE *stream, const char *format, va_list ap);
int vsscanf(const char *str, const char *format, va_list ap);

/* Characters and lines */
int fgetc(FILE *stream);
int getc(FILE *stream);
int getchar(void);
int ungetc(int c, FILE *stream);
char *fgets(char *s, int size, FILE *stream);
ssize_t getline(char **lineptr, size_t *n, FILE *stream);
ssize_t getdelim(char **lineptr, size_t *n, int delim, FILE *stream);
int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int putchar(int c);
int fputs(const char *s, FILE *stream);
int puts(const char *s);

/* POSIX's stream locks and the character functions that skip them: a μprocess has one thread,
 * so there is nothing to lock and the _unlocked forms are the plain ones */
void flockfile(FILE *stream);
int ftrylockfile(FILE *stream);
void funlockfile(FILE *stream);
int getc_unlocked(FILE *stream);
int getchar_unlocked(void);
int putc_unlocked(int c, FILE *stream);
int putchar_unlocked(int c);

/* Blocks */
size_t fread(void *ptr, size_t size, size_t nmemb, FILE *stream);
size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *stream);

/* Streams */
FILE *fopen(const char *pathname, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *pathname, const char *mode, FILE *stream);
FILE *tmpfile(void);                /* a scratch file in /tmp, gone when closed */
char *tmpnam(char *s);              /* a name in /tmp no file has yet, in s (L_tmpnam bytes) */
FILE *popen(const char *command, const char *mode);     /* "r" or "w": a pipe to sh -c command */
int pclose(FILE *stream);           /* close it, and wait: the command's status */
FILE *fmemopen(void *buf, size_t size, const char *mode);  /* a stream on size bytes at buf */
FILE *open_memstream(char **bufp, size_t *sizep);   /* writes to a growing malloc'd string */
FILE *fopencookie(void *cookie, const char *mode, cookie_io_functions_t io);
int fclose(FILE *stream);
int fflush(FILE *stream);
int setvbuf(FILE *stream, char *buf, int mode, size_t size);
void setbuf(FILE *stream, char *buf);
void setlinebuf(FILE *stream);      /* BSD: setvbuf(stream, NULL, _IOLBF, 0) */
int fseek(FILE *stream, long offset, int whence);
long ftell(FILE *stream);
int fseeko(FILE *stream, off_t offset, int whence);
off_t ftello(FILE *stream);
void rewind(FILE *stream);
int fgetpos(FILE *stream, fpos_t *pos);
int fsetpos(FILE *stream, const fpos_t *pos);
int feof(FILE *stream);
int ferror(FILE *stream);
void clearerr(FILE *stream);
int fileno(FILE *stream);

/* Files and errors */
int remove(const char *pathname);
int rename(const char *oldpath, const char *newpath);
void perror(const char *s);

#endif
