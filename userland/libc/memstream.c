/*
 * memstream.c - streams on memory: fmemopen (a fixed buffer) and open_memstream (a growing one).
 *
 * Both are fopencookie streams (stdio.c): the FILE buffers as usual, and what it reads, writes
 * and seeks reaches the functions here, which copy to and from memory. So, as with a file, what
 * a program writes is in the memory once the stream is flushed (fflush, fclose, a seek).
 *
 * fmemopen(buf, size, mode) follows POSIX: the stream has a position and an end (the bytes it
 * holds). "r" and "r+" start with all size bytes at position 0; "w" and "w+" start empty ("w+"
 * also makes buf an empty string); "a" and "a+" start at the first NUL in buf (or at size) and
 * always write at the end. A write that moves the end writes a NUL after it, if there is room -
 * and in "w" modes a full buffer gets its last byte replaced by the NUL - so that buf stays a
 * string. Nothing is written past size: the write that does not fit fails with ENOSPC. A NULL
 * buf is a buffer malloc'd here and freed by fclose.
 *
 * open_memstream(&buf, &size) writes into a malloc'd buffer that grows, always NUL-terminated;
 * after each flush *bufp points to it and *sizep is the smaller of its length and the position.
 * fclose ends the string at *sizep; the program frees it after that.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The position a seek asks for (whence: from 0, from here, or from end), in *offset; -1
 * (EINVAL) if it is before 0 or past limit. */
static int seek_target(off64_t *offset, int whence, size_t here, size_t end, size_t limit)
{
    off64_t base;

    switch (whence) {
    case SEEK_SET:
        base = 0;
        break;
    case SEEK_CUR:
        base = (off64_t)here;
        break;
    case SEEK_END:
        base = (off64_t)end;
        break;
    default:
        errno = EINVAL;
        return -1;
    }
    if (*offset < -base || *offset > (off64_t)limit - base) {
        errno = EINVAL;
        return -1;
    }
    *offset += base;
    return 0;
}

/* ---- fmemopen ------------------------------------------------------------------------------- */

struct fixed {
    char *buf;
    size_t size;            /* the buffer's capacity */
    size_t pos;             /* the next byte to read or write */
    size_t end;             /* the bytes the stream holds: reads stop here */
    int append;             /* "a" modes: every write goes to the end */
    int mine;               /* buf was malloc'd here */
};

static ssize_t fixed_read(void *cookie, char *out, size_t n)
{
    struct fixed *m = cookie;
    size_t left = m->pos < m->end ? m->end - m->pos : 0;

    if (n > left)
        n = left;
    memcpy(out, m->buf + m->pos, n);
    m->pos += n;
    return (ssize_t)n;
}

static ssize_t fixed_write(void *cookie, const char *in, size_t n)
{
    struct fixed *m = cookie;
    size_t at = m->append ? m->end : m->pos;
    int needs_nul = n == 0 || in[n - 1] != '\0';      /* bytes that end in a NUL need no other */

    if (at + n > m->size) {
        if (at + needs_nul >= m->size) {
            errno = ENOSPC;
            return 0;
        }
        n = m->size - at;                               /* as much as fits */
    }
    memcpy(m->buf + at, in, n);
    m->pos = at + n;
    if (m->pos > m->end) {
        m->end = m->pos;
        if (m->end < m->size && needs_nul)
            m->buf[m->end] = '\0';
        else if (!m->append && needs_nul)
            m->buf[m->size - 1] = '\0';                 /* "w": the string ends in the buffer */
    }
    return (ssize_t)n;
}

static int fixed_seek(void *cookie, off64_t *offset, int whence)
{
    struct fixed *m = cookie;

    if (seek_target(offset, whence, m->pos, m->end, m->size) != 0)
        return -1;
    m->pos = (size_t)*offset;
    return 0;
}

static int fixed_close(void *cookie)
{
    struct fixed *m = cookie;

    if (m->mine)
        free(m->buf);
    free(m);
    return 0;
}

FILE *fmemopen(void *buf, size_t size, const char *mode)
{
    static const cookie_io_functions_t io = {fixed_read, fixed_write, fixed_seek, fixed_close};
    struct fixed *m;
    FILE *f;

    if (mode[0] != 'r' && mode[0] != 'w' && mode[0] != 'a') {
        errno = EINVAL;
        return NULL;
    }
    m = calloc(1, sizeof *m);
    if (m == NULL)
        return NULL;
    m->buf = buf;
    if (buf == NULL) {
        m->buf = calloc(1, size > 0 ? size : 1);   /* an empty string */
        m->mine = 1;
        if (m->buf == NULL) {
            free(m);
            return NULL;
        }
    } else if (mode[0] == 'w' && strchr(mode, '+') != NULL && size > 0) {
        m->buf[0] = '\0';                           /* POSIX: "w+" truncates */
    }
    m->size = size;
    m->append = mode[0] == 'a';
    if (mode[0] == 'r')
        m->end = size;
    else if (m->append)
        m->end = strnlen(m->buf, size);
    m->pos = m->append ? m->end : 0;
    f = fopencookie(m, mode, io);
    if (f == NULL)
        fixed_close(m);
    return f;
}

/* ---- open_memstream ------------------------------------------------------------------------- */

struct growing {
    char **bufp;            /* the program's variables, updated after each operation */
    size_t *sizep;
    char *buf;              /* malloc'd, NUL-terminated at len */
    size_t capacity;
    size_t len;             /* the bytes written */
    size_t pos;             /* where the next write goes (may be past len after a seek) */
};

/* Tell the program where the string is and how long. */
static void publish(struct growing *m)
{
    *m->bufp = m->buf;
    *m->sizep = m->pos < m->len ? m->pos : m->len;
}

/* Make room for need bytes (with the NUL); 0, or -1 (ENOMEM). */
static int grow(struct growing *m, size_t need)
{
    size_t capacity = m->capacity;
    char *bigger;

    if (need <= capacity)
        return 0;
    while (capacity < need)
        capacity = capacity * 2;
    bigger = realloc(m->buf, capacity);
    if (bigger == NULL)
        return -1;
    m->buf = bigger;
    m->capacity = capacity;
    return 0;
}

static ssize_t growing_write(void *cookie, const char *in, size_t n)
{
    struct growing *m = cookie;

    if (m->pos + n < m->pos || grow(m, m->pos + n + 1) != 0) {
        errno = ENOMEM;
        return -1;
    }
    if (m->pos > m->len)                            /* a seek past the end: a gap of zeros */
        memset(m->buf + m->len, 0, m->pos - m->len);
    memcpy(m->buf + m->pos, in, n);
    m->pos += n;
    if (m->pos > m->len) {
        m->len = m->pos;
        m->buf[m->len] = '\0';
    }
    publish(m);
    return (ssize_t)n;
}

static int growing_seek(void *cookie, off64_t *offset, int whence)
{
    struct growing *m = cookie;

    if (seek_target(offset, whence, m->pos, m->len, SSIZE_MAX) != 0)
        return -1;
    m->pos = (size_t)*offset;
    publish(m);
    return 0;
}

static int growing_close(void *cookie)
{
    struct growing *m = cookie;

    publish(m);
    m->buf[*m->sizep] = '\0';      /* as glibc: the final string ends at the size (a seek back) */
    free(m);                                        /* the string is the program's now */
    return 0;
}

FILE *open_memstream(char **bufp, size_t *sizep)
{
    static const cookie_io_functions_t io = {NULL, growing_write, growing_seek, growing_close};
    struct growing *m;
    FILE *f;

    if (bufp == NULL || sizep == NULL) {
        errno = EINVAL;
        return NULL;
    }
    m = calloc(1, sizeof *m);
    if (m == NULL)
        return NULL;
    m->capacity = 64;
    m->buf = calloc(1, m->capacity);
    m->bufp = bufp;
    m->sizep = sizep;
    f = m->buf != NULL ? fopencookie(m, "w", io) : NULL;
    if (f == NULL) {
        free(m->buf);
        free(m);
        return NULL;
    }
    publish(m);
    return f;
}
