/*
 * resp.c - the Redis protocol. Requests come as RESP multibulk arrays (*2\r\n$3\r\nGET\r\n...,
 * what clients send) or inline (PING\r\n, what telnet and redis-cli's PING_INLINE send); a
 * request is parsed only once all of it has arrived, so a client that sends half a command never
 * holds the others up. Replies are RESP2, and RESP3 (nulls, maps, sets) after HELLO 3. The
 * messages of protocol errors are Redis's own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

#define INLINE_MAX (64 * 1024)             /* PROTO_INLINE_MAX_SIZE */
#define MULTIBULK_MAX (1024 * 1024)
#define BULK_MAX (512LL * 1024 * 1024)
#define QUERY_MAX (64UL * 1024 * 1024)      /* a client's unparsed input: more, and it is closed */

static int protocol_error(struct client *c, const char *msg)
{
    reply_error(c, "ERR Protocol error: %s", msg);
    c->close_after_reply = 1;
    return -1;
}

/* The line starting at pos, up to "\r\n": its length, or -1 when the \r\n is not there yet. */
static long line_at(struct client *c, size_t pos)
{
    char *cr = memchr(c->in + pos, '\r', c->in_len - pos);
    if (!cr || cr + 1 >= c->in + c->in_len)
        return -1;
    return cr - (c->in + pos);
}

/* The number on the line at *pos, after its '*' or '$', as Redis reads it (string2ll: no sign
 * but '-', no leading zero, no space): 1 with *v set and *pos moved past the "\r\n", 0 when the
 * line has not all come, -1 when it is not a number. */
static int careful_length_line(struct client *c, size_t *pos, long long *v)
{
    long len = line_at(c, *pos);
    if (len < 0)
        return 0;
    if (!parse_ll(c->in + *pos + 1, (size_t)len - 1, v))
        return -1;
    *pos += (size_t)len + 2;
    return 1;
}

/* Room in c->argv (and c->views) for n arguments. */
static void argv_room(struct client *c, int n)
{
    if (n <= c->argv_cap)
        return;
    c->argv_cap = n > 2 * c->argv_cap ? n : 2 * c->argv_cap;
    c->slots = xrealloc(c->slots, (size_t)c->argv_cap * sizeof *c->slots);
    c->views = xrealloc(c->views, (size_t)c->argv_cap * sizeof *c->views);
}

/* Argument i is the len bytes at buf, a view of the input: the \r after them becomes its NUL. */
static void view_arg(struct client *c, long long i, char *buf, size_t len)
{
    c->views[i].len = len;
    c->views[i].buf = buf;
    buf[len] = 0;
}

/* The request's count arguments, now in c->views, become c->argv. */
static void take_views(struct client *c, long long count)
{
    c->argv = c->slots;
    for (long long i = 0; i < count; i++)
        c->argv[i] = &c->views[i];
    c->argc = (int)count;
    c->argv_owned = 0;
}

/* The number on a length line ("*2\r\n", "$16\r\n") whose digits start at q: at most 9 digits and
 * no leading zero, then "\r" and one more byte, all before end. Returned with its count of digits
 * as (number << 4 | digits), so that it comes back in a register and the caller's cursor need not
 * live in memory; -1 for anything else, which careful_length_line then reads. */
static long long quick_number(const char *q, const char *end)
{
    long long n = 0, digits = 0;
    unsigned digit;
    if (end - q > 3) {                              /* one or two digits, the usual: no loop */
        unsigned first = (unsigned char)q[0] - '0', second = (unsigned char)q[1] - '0';
        if (first <= 9 && q[1] == '\r')
            return first << 4 | 1;
        if (first - 1 <= 8 && second <= 9 && q[2] == '\r')     /* first - 1 <= 8: 1..9, no leading 0 */
            return (first * 10 + second) << 4 | 2;
    }
    if (end - q > 11)
        end = q + 11;                               /* 9 digits and "\r\n" is the longest */
    while (q + digits < end && (digit = (unsigned char)q[digits] - '0') <= 9) {
        n = n * 10 + digit;
        digits++;
    }
    if (digits == 0 || digits > 9 || q + digits + 1 >= end || q[digits] != '\r'
        || (*q == '0' && digits > 1))
        return -1;
    return n << 4 | digits;
}

/* The usual request, all of it here, in one pass with its cursor in a register: "*N\r\n", then
 * N times "$len\r\nbytes\r\n", the numbers a few digits, argv's room already there (the client's
 * last request was as long). The position after it, or 0 for anything else: a request not all
 * here, one that is too long or wrong, which parse_multibulk then reads with care. */
static size_t quick_multibulk(struct client *c, size_t pos)
{
    char *s = c->in + pos, *end = c->in + c->in_len;
    long long count = quick_number(s + 1, end), len;

    if (count < 0 || (count >> 4) == 0 || (count >> 4) > c->argv_cap)
        return 0;
    s += (count & 15) + 3;                          /* '*', the digits, "\r\n" */
    count >>= 4;
    for (long long i = 0; i < count; i++) {
        if (s >= end || *s != '$' || (len = quick_number(s + 1, end)) < 0)
            return 0;
        s += (len & 15) + 3;
        len >>= 4;
        if (len > BULK_MAX || len > end - s - 2)    /* too long, or its bytes not all here */
            return 0;
        view_arg(c, i, s, (size_t)len);
        s += len + 2;
    }
    take_views(c, count);
    return (size_t)(s - c->in);                     /* never 0: a request has at least "*1\r\n" */
}

/* "*N\r\n$len\r\nbytes\r\n...": argv once all of it is here. */
static int parse_multibulk(struct client *c, size_t *pos)
{
    size_t p = quick_multibulk(c, *pos);
    long long count, len;
    int r;

    if (p) {
        *pos = p;
        return 1;
    }
    p = *pos;
    r = careful_length_line(c, &p, &count);
    if (r == 0)
        return c->in_len - p > INLINE_MAX ? protocol_error(c, "too big mbulk count string") : 0;
    if (r < 0 || count > MULTIBULK_MAX)
        return protocol_error(c, "invalid multibulk length");
    if (count <= 0) {                          /* "*0" or "*-1": nothing to run */
        *pos = p;
        return 0;
    }
    /* the arguments become views of the input buffer, not copies: no malloc on the hot path;
     * views of a request that has not all arrived are made again when the rest comes */
    for (long long i = 0; i < count; i++) {
        size_t line = p;
        r = careful_length_line(c, &p, &len);
        if (r == 0)
            return c->in_len - p > INLINE_MAX ? protocol_error(c, "too big bulk count string") : 0;
        char kind = c->in[line];
        if (kind != '$') {
            char msg[40];
            snprintf(msg, sizeof msg, "expected '$', got '%c'", kind);
            return protocol_error(c, msg);
        }
        if (r < 0 || len < 0 || len > BULK_MAX)
            return protocol_error(c, "invalid bulk length");
        if (c->in_len - p < (size_t)len + 2) {
            if (p + (size_t)len + 2 > QUERY_MAX) {    /* as Redis's client-query-buffer-limit */
                log_msg('#', "Closing client that reached max query buffer length");
                c->close_after_reply = 1;
                return -1;
            }
            /* room for the whole bulk now, so the reads that bring it do not grow the buffer
             * again and again */
            if (c->in_cap < p + (size_t)len + 2) {
                char *in = realloc(c->in, p + (size_t)len + 2);
                if (!in) {                         /* no memory for it: this client goes, not all */
                    log_msg('#', "Closing client that asked for more input room than there is memory");
                    c->close_after_reply = 1;
                    return -1;
                }
                c->in = in;
                c->in_cap = p + (size_t)len + 2;
            }
            return 0;
        }
        argv_room(c, (int)i + 1);
        view_arg(c, i, c->in + p, (size_t)len);
        p += (size_t)len + 2;
    }
    take_views(c, count);
    *pos = p;
    return 1;
}

static int hex_digit(int ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* The escape after a backslash inside "...": its byte; *used is how many bytes it took. */
static char unescape(const char *p, const char *end, int *used)
{
    *used = 1;
    if (p[0] == 'x' && end - p >= 3 && hex_digit(p[1]) >= 0 && hex_digit(p[2]) >= 0) {
        *used = 3;
        return (char)(hex_digit(p[1]) * 16 + hex_digit(p[2]));
    }
    switch (p[0]) {
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'b': return '\b';
    case 'a': return '\a';
    default: return p[0];
    }
}

/* One argument of an inline request at *p (as Redis's sdssplitargs): plain, "double quoted"
 * with escapes, or 'single quoted'. NULL on unbalanced quotes. */
static struct str *inline_arg(const char **p, const char *end)
{
    struct str *arg = str_new(NULL, (size_t)(end - *p));   /* never longer than the rest of the line */
    char quote = 0;
    const char *s = *p;
    size_t n = 0;

    if (*s == '"' || *s == '\'')
        quote = *s++;
    for (;;) {
        if (s >= end) {
            if (quote)
                goto unbalanced;
            break;
        }
        if (!quote && (*s == ' ' || *s == '\t'))
            break;
        if (quote && *s == quote) {
            s++;
            if (s < end && *s != ' ' && *s != '\t')   /* a closing quote must end the argument */
                goto unbalanced;
            break;
        }
        if (*s == '\\' && s + 1 < end && (quote == '"' || (quote == '\'' && s[1] == '\''))) {
            int used;
            arg->buf[n++] = quote == '"' ? unescape(s + 1, end, &used) : (used = 1, '\'');
            s += 1 + used;
            continue;
        }
        arg->buf[n++] = *s++;
    }
    arg->len = n;
    arg->buf[n] = 0;
    *p = s;
    return arg;
unbalanced:
    str_free(arg);
    return NULL;
}

static int parse_inline(struct client *c, size_t *pos)
{
    size_t p = *pos;
    char *nl = memchr(c->in + p, '\n', c->in_len - p);
    if (!nl)
        return c->in_len - p > INLINE_MAX ? protocol_error(c, "too big inline request") : 0;
    const char *s = c->in + p, *end = nl;
    if (end > s && end[-1] == '\r')
        end--;
    int argc = 0;
    c->argv = c->slots;
    for (;;) {
        while (s < end && (*s == ' ' || *s == '\t'))
            s++;
        if (s >= end)
            break;
        struct str *arg = inline_arg(&s, end);
        if (!arg) {
            for (int i = 0; i < argc; i++)
                str_free(c->argv[i]);
            return protocol_error(c, "unbalanced quotes in request");
        }
        argv_room(c, argc + 1);
        c->argv = c->slots;
        c->argv[argc++] = arg;
    }
    *pos = (size_t)(nl - c->in) + 1;
    if (argc == 0)                            /* an empty line: nothing to run */
        return 0;
    c->argc = argc;
    c->argv_owned = 1;
    return 1;
}

/* The next request from pos: 1 with c->argv set and *pos past it, 0 when it has not all arrived
 * (or was empty: *pos still moves past it), -1 after a protocol error (already replied). */
int parse_request(struct client *c, size_t *pos)
{
    if (*pos >= c->in_len)
        return 0;
    return c->in[*pos] == '*' ? parse_multibulk(c, pos) : parse_inline(c, pos);
}

/* ---- replies ------------------------------------------------------------------------------- */

/* A client whose answers outgrow OUTPUT_MAX (or the memory there is) is closed before it gets
 * them, as Redis closes one over its client-output-buffer-limit: one command asking for more than
 * the server can hold (SRANDMEMBER key -9223372036854775807) must not take the server down. Real
 * Redis leaves normal clients unlimited; here all of memory is 256 MB. */
#define OUTPUT_MAX (64UL << 20)

static void output_overflow(struct client *c)
{
    if (c->close_asap)
        return;
    log_msg('#', "Client id=%lld closed for overcoming of output buffer limits.", c->id);
    c->close_asap = 1;
    server.nkilled++;
}

/* Could c's answers grow by n more bytes? If not, it is closed (output_overflow): a command about
 * to answer a great many items asks first, rather than make 64 MB of them to throw away. */
int reply_room(struct client *c, size_t n)
{
    if (!c->close_asap && n <= OUTPUT_MAX - c->out_len)
        return 1;
    output_overflow(c);
    return 0;
}

/* Where n more bytes of answer go, at the end of c->out, grown if need be; NULL if c is closed
 * instead (output_overflow). The caller writes them and counts them into out_len. */
static char *reply_space(struct client *c, size_t n)
{
    if (c->out_len + n > c->out_cap) {
        size_t cap = c->out_cap ? c->out_cap : 16384;
        char *out;
        while (cap < c->out_len + n)
            cap *= 2;
        if (c->close_asap || c->out_len + n > OUTPUT_MAX || !(out = realloc(c->out, cap))) {
            output_overflow(c);
            return NULL;
        }
        c->out = out;
        c->out_cap = cap;
    }
    return c->out + c->out_len;
}

void reply_raw(struct client *c, const char *p, size_t n)
{
    char *out = reply_space(c, n);
    if (out) {
        memcpy(out, p, n);
        c->out_len += n;
    }
}

/* A one-line reply: the type byte, a number, \r\n ("*3\r\n", ":42\r\n", "$5\r\n"). */
static void reply_header(struct client *c, char type, long long v)
{
    char buf[32];
    buf[0] = type;
    int n = 1 + ll_to_str(buf + 1, v);
    buf[n++] = '\r';
    buf[n++] = '\n';
    reply_raw(c, buf, (size_t)n);
}

void reply_status(struct client *c, const char *s)
{
    reply_raw(c, "+", 1);
    reply_raw(c, s, strlen(s));
    reply_raw(c, "\r\n", 2);
}

void reply_ok(struct client *c)
{
    reply_raw(c, "+OK\r\n", 5);
}

void reply_error(struct client *c, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *s = msg; *s; s++)              /* an error is one line */
        if (*s == '\r' || *s == '\n')
            *s = ' ';
    reply_raw(c, "-", 1);
    reply_raw(c, msg, strlen(msg));
    reply_raw(c, "\r\n", 2);
}

void reply_int(struct client *c, long long v)
{
    reply_header(c, ':', v);
}

/* "$n\r\n", the n bytes, "\r\n": written in place, at once (GET answers with one). */
void reply_bulk(struct client *c, const char *p, size_t n)
{
    char *out = reply_space(c, n + 25), *at;    /* '$', 20 digits at most, their NUL, two "\r\n" */
    if (!out)
        return;
    at = out + 1 + ll_to_str(out + 1, (long long)n);
    out[0] = '$';
    at[0] = '\r';
    at[1] = '\n';
    memcpy(at + 2, p, n);
    at += n + 2;
    at[0] = '\r';
    at[1] = '\n';
    c->out_len += (size_t)(at + 2 - out);
}

void reply_str(struct client *c, struct str *s)
{
    reply_bulk(c, s->buf, s->len);
}

void reply_cstr(struct client *c, const char *s)
{
    reply_bulk(c, s, strlen(s));
}

void reply_ll_bulk(struct client *c, long long v)
{
    char buf[24];
    reply_bulk(c, buf, (size_t)ll_to_str(buf, v));
}

/* Text for people to read (CLIENT LIST, INFO): a bulk string in RESP2, in RESP3 a verbatim
 * string of format "txt", as Redis's addReplyVerbatim. */
void reply_verbatim(struct client *c, const char *p, size_t n)
{
    if (c->resp == 2) {
        reply_bulk(c, p, n);
        return;
    }
    reply_header(c, '=', (long long)n + 4);
    reply_raw(c, "txt:", 4);
    reply_raw(c, p, n);
    reply_raw(c, "\r\n", 2);
}

void reply_null(struct client *c)
{
    if (c->resp == 3)
        reply_raw(c, "_\r\n", 3);
    else
        reply_raw(c, "$-1\r\n", 5);
}

void reply_null_array(struct client *c)
{
    if (c->resp == 3)
        reply_raw(c, "_\r\n", 3);
    else
        reply_raw(c, "*-1\r\n", 5);
}

void reply_array(struct client *c, long n)
{
    reply_header(c, '*', n);
}

void reply_map(struct client *c, long n)
{
    if (c->resp == 3)
        reply_header(c, '%', n);
    else
        reply_header(c, '*', 2 * n);
}

void reply_set(struct client *c, long n)
{
    reply_header(c, c->resp == 3 ? '~' : '*', n);
}

/* What the server sends unasked (pub/sub's messages and confirmations): an array in RESP2, a
 * push in RESP3, which a client can tell from the answer to a command. */
void reply_push(struct client *c, long n)
{
    reply_header(c, c->resp == 3 ? '>' : '*', n);
}

/* A score: a bulk string in RESP2, a double in RESP3; 17 digits, as Redis prints them, so that
 * the client reads back the very double ("1.1000000000000001"); infinities as "inf", "-inf". */
void reply_double(struct client *c, double d)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%.17g", d);
    if (c->resp == 3) {
        reply_raw(c, ",", 1);
        reply_raw(c, buf, (size_t)n);
        reply_raw(c, "\r\n", 2);
    } else {
        reply_bulk(c, buf, (size_t)n);
    }
}
