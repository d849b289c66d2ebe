/*
 * stdio.c - FILE streams: a buffer in front of a file (or of something else that reads and writes).
 *
 * A stream reaches what it buffers through four operations, its cookie_io_functions_t: read,
 * write, seek and close, each given the stream's cookie. For a stream on a file descriptor
 * (fopen, fdopen, stdin...) they are read(2), write(2), lseek(2) and close(2), and the cookie is
 * the FILE itself; fopencookie lets a program supply its own (memstream.c builds fmemopen and
 * open_memstream on it). Nothing else in this file knows which kind of stream it has.
 *
 * Writing appends to the buffer; the buffer goes to the kernel (one write) when it is full,
 * on fflush, and - depending on the stream's mode - at each newline (line-buffered, _IOLBF:
 * stdout) or at the end of every call (unbuffered, _IONBF: stderr). Reading fills the buffer
 * with one read and hands it out byte by byte; before a read may wait for input, stdout is
 * flushed, so a prompt appears before the program waits for the answer.
 *
 * A stream opened for both reading and writing ("r+") keeps one direction at a time: switching
 * flushes what was written, or gives back (with lseek) what was read ahead.
 *
 * Every open stream is on a list, so that fflush(NULL) and exit() can flush them all.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"

#define F_READ 1            /* opened for reading */
#define F_WRITE 2           /* opened for writing */
#define F_EOF 4             /* the end-of-file indicator */
#define F_ERR 8             /* the error indicator */
#define F_FREE_BUF 16       /* the buffer was malloc'd here */
#define F_FREE_FILE 32      /* the FILE was malloc'd here */
#define FILE_BUFSIZ 4096    /* the buffer of a stream that fopen opens */

struct __ufos_file {
    int fd;
    int flags;              /* F_* */
    int mode;               /* _IOFBF, _IOLBF or _IONBF */
    int last;               /* what the buffer holds: 0, F_READ (read ahead) or F_WRITE (to write) */
    unsigned char *buf;
    size_t size;            /* the buffer's capacity */
    size_t pos;             /* reading: the next byte to hand out; writing: bytes waiting */
    size_t end;             /* reading: bytes in the buffer */
    int ungot;              /* a character pushed back with ungetc, or EOF */
    FILE *next;             /* the list of open streams */
    int orientation;        /* fwide's record: 0 none yet, > 0 wide (set by wstdio.c), < 0 byte */
    void *cookie;           /* what the operations work on: the FILE itself for a descriptor */
    cookie_io_functions_t io;
};

/* ---- the operations of a stream on a file descriptor ------------------------------------------ */

static ssize_t fd_read(void *cookie, char *buf, size_t n)
{
    return read(((FILE *)cookie)->fd, buf, n);
}

static ssize_t fd_write(void *cookie, const char *buf, size_t n)
{
    return write(((FILE *)cookie)->fd, buf, n);
}

static int fd_seek(void *cookie, off64_t *offset, int whence)
{
    off_t at = lseek(((FILE *)cookie)->fd, *offset, whence);

    if (at < 0)
        return -1;
    *offset = at;
    return 0;
}

static int fd_close(void *cookie)
{
    return close(((FILE *)cookie)->fd);
}

#define FD_IO {fd_read, fd_write, fd_seek, fd_close}     /* for the static streams below */
static const cookie_io_functions_t fd_io = FD_IO;

/* Make f a stream on descriptor fd. */
static void use_descriptor(FILE *f, int fd)
{
    f->fd = fd;
    f->cookie = f;
    f->io = fd_io;
}

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ], stderr_buf[BUFSIZ];
static FILE stderr_file = {2, F_WRITE, _IONBF, 0, stderr_buf, BUFSIZ, 0, 0, EOF, NULL, 0,
                           &stderr_file, FD_IO};
static FILE stdout_file = {1, F_WRITE, _IOLBF, 0, stdout_buf, BUFSIZ, 0, 0, EOF, &stderr_file, 0,
                           &stdout_file, FD_IO};
static FILE stdin_file = {0, F_READ, _IOLBF, 0, stdin_buf, BUFSIZ, 0, 0, EOF, &stdout_file, 0,
                          &stdin_file, FD_IO};

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

static FILE *open_files = &stdin_file;

/* ---- calling the operations ----------------------------------------------------------------- */

/* A missing operation does what fopencookie promises: no read is the end of the file, no write
 * discards the bytes, no seek fails (ESPIPE, as on a pipe), no close does nothing. */

static ssize_t stream_read(FILE *f, void *buf, size_t n)
{
    return f->io.read != NULL ? f->io.read(f->cookie, buf, n) : 0;
}

static ssize_t stream_write(FILE *f, const void *buf, size_t n)
{
    return f->io.write != NULL ? f->io.write(f->cookie, buf, n) : (ssize_t)n;
}

/* Move the stream's position like lseek: the new position, or -1. */
static off_t stream_seek(FILE *f, off_t offset, int whence)
{
    off64_t at = offset;

    if (f->io.seek == NULL) {
        errno = ESPIPE;
        return -1;
    }
    return f->io.seek(f->cookie, &at, whence) == 0 ? at : -1;
}

static int stream_close(FILE *f)
{
    return f->io.close != NULL ? f->io.close(f->cookie) : 0;
}

/* Write all n bytes (write may take fewer at a time). 0, or EOF with the error indicator set. */
static int write_all(FILE *f, const unsigned char *p, size_t n)
{
    ssize_t w;

    while (n > 0) {
        w = stream_write(f, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            f->flags |= F_ERR;
            return EOF;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Send what the buffer holds for writing to the kernel. */
static int flush_writes(FILE *f)
{
    size_t n = f->pos;

    if (f->last != F_WRITE || n == 0)
        return 0;
    f->pos = 0;
    return write_all(f, f->buf, n);
}

/* Forget what was read ahead, moving the file offset back to what the program has consumed. */
static void drop_reads(FILE *f)
{
    long ahead = (long)(f->end - f->pos) + (f->ungot != EOF);

    if (f->last == F_READ && ahead > 0)
        stream_seek(f, -ahead, SEEK_CUR);
    f->pos = f->end = 0;
    f->ungot = EOF;
}

/* Get the stream ready to write: 0, or EOF if it cannot be written. */
static int start_writing(FILE *f)
{
    if (!(f->flags & F_WRITE)) {
        f->flags |= F_ERR;
        errno = EBADF;
        return EOF;
    }
    if (f->last == F_READ)
        drop_reads(f);
    f->last = F_WRITE;
    return 0;
}

/* Refill the read buffer when it is empty. The number of bytes available, 0 at the end of the
 * file, EOF on error. */
static int fill(FILE *f)
{
    ssize_t r;

    if (f->last == F_READ && f->pos < f->end)
        return (int)(f->end - f->pos);
    if (!(f->flags & F_READ)) {
        f->flags |= F_ERR;
        errno = EBADF;
        return EOF;
    }
    if (f->last == F_WRITE && flush_writes(f) != 0)
        return EOF;
    f->last = F_READ;
    f->pos = f->end = 0;
    if (f->mode != _IOFBF && stdout->last == F_WRITE && stdout->mode == _IOLBF)
        fflush(stdout);             /* the prompt first */
    do {
        r = stream_read(f, f->buf, f->size);
    } while (r < 0 && errno == EINTR);
    if (r == 0) {
        f->flags |= F_EOF;
        return 0;
    }
    if (r < 0) {
        f->flags |= F_ERR;
        return EOF;
    }
    f->end = (size_t)r;
    return (int)r;
}

/* ---- writing -------------------------------------------------------------------------------- */

/* Buffer (or write) n bytes; the number accepted. The heart of fwrite, fputs and fputc. */
static size_t put_bytes(FILE *f, const void *data, size_t n)
{
    const unsigned char *s = data;
    size_t done = 0, k;

    if (start_writing(f) != 0)
        return 0;
    while (done < n) {
        if (f->pos == f->size && flush_writes(f) != 0)
            return done;
        if (f->pos == 0 && n - done >= f->size) {   /* big: straight from the caller's memory */
            if (write_all(f, s + done, n - done) != 0)
                return done;
            done = n;
            break;
        }
        k = f->size - f->pos;
        if (k > n - done)
            k = n - done;
        memcpy(f->buf + f->pos, s + done, k);
        f->pos += k;
        done += k;
    }
    if (f->mode == _IONBF || (f->mode == _IOLBF && memchr(s, '\n', n) != NULL))
        flush_writes(f);
    return done;
}

size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *stream)
{
    size_t total = size * nmemb;

    if (size == 0 || nmemb == 0)
        return 0;
    return put_bytes(stream, ptr, total) / size;
}

int fputc(int c, FILE *stream)
{
    unsigned char b = (unsigned char)c;

    return put_bytes(stream, &b, 1) == 1 ? b : EOF;
}

int putc(int c, FILE *stream)
{
    return fputc(c, stream);
}

int putchar(int c)
{
    return fputc(c, stdout);
}

int fputs(const char *s, FILE *stream)
{
    size_t n = strlen(s);

    return put_bytes(stream, s, n) == n ? 0 : EOF;
}

int puts(const char *s)
{
    if (fputs(s, stdout) == EOF)
        return EOF;
    return fputc('\n', stdout) == EOF ? EOF : 0;
}

/* ---- reading -------------------------------------------------------------------------------- */

int fgetc(FILE *stream)
{
    int c;

    if (stream->ungot != EOF) {
        c = stream->ungot;
        stream->ungot = EOF;
        return c;
    }
    if (stream->last == F_READ && stream->pos < stream->end)
        return stream->buf[stream->pos++];
    if (stream->flags & F_EOF)
        return EOF;
    if (fill(stream) <= 0)
        return EOF;
    return stream->buf[stream->pos++];
}

int getc(FILE *stream)
{
    return fgetc(stream);
}

int getchar(void)
{
    return fgetc(stdin);
}

/* ---- locks: one thread, nothing to lock --------------------------------------------------- */

void flockfile(FILE *stream)
{
    (void)stream;
}

int ftrylockfile(FILE *stream)
{
    (void)stream;
    return 0;                           /* always had at once */
}

void funlockfile(FILE *stream)
{
    (void)stream;
}

int getc_unlocked(FILE *stream)
{
    return fgetc(stream);
}

int getchar_unlocked(void)
{
    return fgetc(stdin);
}

int putc_unlocked(int c, FILE *stream)
{
    return fputc(c, stream);
}

int putchar_unlocked(int c)
{
    return fputc(c, stdout);
}

/* The stream's orientation, fixed by the first call that asks for one (mode != 0). Only fwide
 * and the wide functions record it; the byte functions work on either kind of stream. */
int fwide(FILE *stream, int mode)
{
    if (stream->orientation == 0 && mode != 0)
        stream->orientation = mode > 0 ? 1 : -1;
    return stream->orientation;
}

int ungetc(int c, FILE *stream)
{
    if (c == EOF || stream->ungot != EOF)
        return EOF;
    if (stream->last == F_WRITE)
        flush_writes(stream);
    stream->last = F_READ;
    stream->ungot = (unsigned char)c;
    stream->flags &= ~F_EOF;
    return (unsigned char)c;
}

size_t fread(void *ptr, size_t size, size_t nmemb, FILE *stream)
{
    unsigned char *p = ptr;
    size_t total = size * nmemb, done = 0, k;
    ssize_t r;

    if (size == 0 || nmemb == 0)
        return 0;
    if (stream->ungot != EOF) {
        p[done++] = (unsigned char)stream->ungot;
        stream->ungot = EOF;
    }
    while (done < total) {
        if (stream->last == F_READ && stream->pos < stream->end) {
            k = stream->end - stream->pos;
            if (k > total - done)
                k = total - done;
            memcpy(p + done, stream->buf + stream->pos, k);
            stream->pos += k;
            done += k;
            continue;
        }
        if (stream->flags & F_EOF)
            break;
        if (total - done >= stream->size && (stream->flags & F_READ) && stream->last != F_WRITE) {
            r = stream_read(stream, p + done, total - done);    /* big: straight to the caller */
            if (r == 0)
                stream->flags |= F_EOF;
            else if (r < 0 && errno != EINTR)
                stream->flags |= F_ERR;
            if (r <= 0 && !(r < 0 && errno == EINTR))
                break;
            if (r > 0)
                done += (size_t)r;
            continue;
        }
        if (fill(stream) <= 0)
            break;
    }
    return done / size;
}

/* Read a line (with its '\n') of at most size - 1 bytes; NULL at the end of the file. */
char *fgets(char *s, int size, FILE *stream)
{
    int n = 0, c;

    if (size <= 0)
        return NULL;
    while (n < size - 1) {
        c = fgetc(stream);
        if (c == EOF)
            break;
        s[n++] = (char)c;
        if (c == '\n')
            break;
    }
    if (n == 0 && size > 1)
        return NULL;
    s[n] = '\0';
    return s;
}

/* Read up to and including delim into *lineptr, growing it (with realloc) as needed. */
ssize_t getdelim(char **lineptr, size_t *n, int delim, FILE *stream)
{
    size_t len = 0;
    int c;
    char *bigger;

    if (lineptr == NULL || n == NULL) {
        errno = EINVAL;
        return -1;
    }
    for (;;) {
        c = fgetc(stream);
        if (c == EOF)
            break;
        if (*lineptr == NULL || len + 2 > *n) {
            size_t want = *n < 64 ? 128 : *n * 2;
            bigger = realloc(*lineptr, want);
            if (bigger == NULL)
                return -1;
            *lineptr = bigger;
            *n = want;
        }
        (*lineptr)[len++] = (char)c;
        if (c == delim)
            break;
    }
    if (len == 0)
        return -1;
    (*lineptr)[len] = '\0';
    return (ssize_t)len;
}

ssize_t getline(char **lineptr, size_t *n, FILE *stream)
{
    return getdelim(lineptr, n, '\n', stream);
}

/* ---- opening and closing -------------------------------------------------------------------- */

/* The open flags for an fopen mode ("r", "w+", "ab", ...); -1 if it is not one. */
static int mode_flags(const char *mode, int *fflags)
{
    int flags;

    switch (*mode) {
    case 'r':
        flags = O_RDONLY;
        *fflags = F_READ;
        break;
    case 'w':
        flags = O_WRONLY | O_CREAT | O_TRUNC;
        *fflags = F_WRITE;
        break;
    case 'a':
        flags = O_WRONLY | O_CREAT | O_APPEND;
        *fflags = F_WRITE;
        break;
    default:
        return -1;
    }
    for (mode++; *mode != '\0'; mode++) {
        if (*mode == '+') {
            flags = (flags & ~O_ACCMODE) | O_RDWR;
            *fflags = F_READ | F_WRITE;
        } else if (*mode == 'x') {
            flags |= O_EXCL;
        } else if (*mode == 'e') {
            flags |= O_CLOEXEC;
        }
    }
    return flags;
}

/* A new stream on fd (-1 for none) with a buffer, on the list of open streams; its operations
 * are the descriptor's. */
static FILE *new_stream(int fd, int fflags)
{
    FILE *f = malloc(sizeof(FILE));

    if (f == NULL)
        return NULL;
    f->buf = malloc(FILE_BUFSIZ);
    if (f->buf == NULL) {
        free(f);
        return NULL;
    }
    use_descriptor(f, fd);
    f->flags = fflags | F_FREE_BUF | F_FREE_FILE;
    f->mode = _IOFBF;
    f->last = 0;
    f->size = FILE_BUFSIZ;
    f->pos = f->end = 0;
    f->ungot = EOF;
    f->orientation = 0;
    f->next = open_files;
    open_files = f;
    return f;
}

FILE *fopen(const char *pathname, const char *mode)
{
    int fflags, flags = mode_flags(mode, &fflags), fd;
    FILE *f;

    if (flags < 0) {
        errno = EINVAL;
        return NULL;
    }
    fd = open(pathname, flags, 0666);
    if (fd < 0)
        return NULL;
    f = new_stream(fd, fflags);
    if (f == NULL)
        close(fd);
    return f;
}

FILE *fdopen(int fd, const char *mode)
{
    int fflags;

    if (mode_flags(mode, &fflags) < 0) {
        errno = EINVAL;
        return NULL;
    }
    return new_stream(fd, fflags);
}

/* A stream whose operations are io, working on cookie (glibc): what fmemopen and
 * open_memstream are made of. */
FILE *fopencookie(void *cookie, const char *mode, cookie_io_functions_t io)
{
    int fflags;
    FILE *f;

    if (mode_flags(mode, &fflags) < 0) {
        errno = EINVAL;
        return NULL;
    }
    f = new_stream(-1, fflags);
    if (f != NULL) {
        f->cookie = cookie;
        f->io = io;
    }
    return f;
}

/* Take f off the list and give back its memory. */
static void discard(FILE *f)
{
    FILE **link = &open_files;

    while (*link != NULL && *link != f)
        link = &(*link)->next;
    if (*link == f)
        *link = f->next;
    if (f->flags & F_FREE_BUF)
        free(f->buf);
    if (f->flags & F_FREE_FILE)
        free(f);
}

int fclose(FILE *stream)
{
    int result = fflush(stream);

    if (stream_close(stream) < 0)
        result = EOF;
    discard(stream);
    return result;
}

FILE *freopen(const char *pathname, const char *mode, FILE *stream)
{
    int fflags, flags = mode_flags(mode, &fflags), fd;

    fflush(stream);
    if (pathname == NULL || flags < 0) {
        errno = EINVAL;
        return NULL;
    }
    fd = open(pathname, flags, 0666);
    if (fd < 0)
        return NULL;
    if (stream->fd < 0) {       /* a fopencookie stream becomes a descriptor's */
        stream_close(stream);
        use_descriptor(stream, fd);
    } else if (fd != stream->fd) {
        dup2(fd, stream->fd);   /* keep the descriptor number (stdin stays 0) */
        close(fd);
    }
    stream->flags = (stream->flags & (F_FREE_BUF | F_FREE_FILE)) | fflags;
    stream->last = 0;
    stream->pos = stream->end = 0;
    stream->ungot = EOF;
    stream->orientation = 0;    /* freopen clears the orientation (C11 7.21.5.4) */
    return stream;
}

/* ---- buffering and position ----------------------------------------------------------------- */

int fflush(FILE *stream)
{
    FILE *f;
    int result = 0;

    if (stream == NULL) {
        for (f = open_files; f != NULL; f = f->next)
            if (f->last == F_WRITE && fflush(f) != 0)
                result = EOF;
        return result;
    }
    if (stream->last == F_WRITE)
        return flush_writes(stream);
    if (stream->last == F_READ) {
        drop_reads(stream);         /* POSIX: flushing an input stream forgets what was read ahead */
        stream->last = 0;
    }
    return 0;
}

void __stdio_flush_all(void)
{
    fflush(NULL);
}

int setvbuf(FILE *stream, char *buf, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
        return EOF;
    fflush(stream);
    if (buf != NULL && size > 0) {
        if (stream->flags & F_FREE_BUF)
            free(stream->buf);
        stream->flags &= ~F_FREE_BUF;
        stream->buf = (unsigned char *)buf;
        stream->size = size;
    }
    stream->mode = mode;
    return 0;
}

void setbuf(FILE *stream, char *buf)
{
    setvbuf(stream, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

void setlinebuf(FILE *stream)
{
    setvbuf(stream, NULL, _IOLBF, 0);
}

off_t ftello(FILE *stream)
{
    off_t at = stream_seek(stream, 0, SEEK_CUR);

    if (at < 0)
        return -1;
    if (stream->last == F_WRITE)
        return at + (off_t)stream->pos;
    if (stream->last == F_READ)
        return at - (off_t)(stream->end - stream->pos) - (stream->ungot != EOF);
    return at;
}

long ftell(FILE *stream)
{
    return ftello(stream);
}

int fseeko(FILE *stream, off_t offset, int whence)
{
    if (whence == SEEK_CUR && stream->last == F_READ)
        offset -= (off_t)(stream->end - stream->pos) + (stream->ungot != EOF);
    if (stream->last == F_WRITE && flush_writes(stream) != 0)
        return -1;
    stream->last = 0;
    stream->pos = stream->end = 0;
    stream->ungot = EOF;
    if (stream_seek(stream, offset, whence) < 0)
        return -1;
    stream->flags &= ~F_EOF;
    return 0;
}

int fseek(FILE *stream, long offset, int whence)
{
    return fseeko(stream, offset, whence);
}

void rewind(FILE *stream)
{
    fseeko(stream, 0, SEEK_SET);
    stream->flags &= ~F_ERR;
}

int fgetpos(FILE *stream, fpos_t *pos)
{
    off_t at = ftello(stream);

    if (at < 0)
        return -1;
    *pos = at;
    return 0;
}

int fsetpos(FILE *stream, const fpos_t *pos)
{
    return fseeko(stream, *pos, SEEK_SET);
}

int feof(FILE *stream)
{
    return (stream->flags & F_EOF) != 0;
}

int ferror(FILE *stream)
{
    return (stream->flags & F_ERR) != 0;
}

void clearerr(FILE *stream)
{
    stream->flags &= ~(F_EOF | F_ERR);
}

/* The stream's descriptor; -1 (EBADF) for a stream of fopencookie, which has none. */
int fileno(FILE *stream)
{
    if (stream->fd < 0)
        errno = EBADF;
    return stream->fd;
}

/* ---- files and errors ----------------------------------------------------------------------- */

int remove(const char *pathname)
{
    if (unlink(pathname) == 0)
        return 0;
    if (errno == EISDIR)
        return rmdir(pathname);
    return -1;
}

void perror(const char *s)
{
    const char *message = strerror(errno);

    if (s != NULL && *s != '\0')
        fprintf(stderr, "%s: %s\n", s, message);
    else
        fprintf(stderr, "%s\n", message);
}
