/*
 * http.h - HTTP/1.x on a byte stream: parse a request as its bytes arrive, write a response.
 * A small library: /bin/httpd serves files with it, /bin/faas (`#include "../httpd/http.c"`)
 * serves function calls with it. It knows nothing about files or processes.
 *
 * PARSING (RFC 9112). The caller owns one buffer per connection and appends what it reads:
 *
 *     struct http_request req;
 *     http_request_init(&req);
 *     for (;;) {
 *         len += read(fd, buf + len, cap - len);
 *         int r = http_parse(&req, buf, len, cap);
 *         if (r == HTTP_NEED_MORE) continue;      // (and len < cap: else r is already an error)
 *         if (r != HTTP_DONE) { http_send_error(fd, &req, r, 0); close; }   // r is 400, 413, ...
 *         ... req.method, req.target, req.path, req.known[HTTP_HOST], req.headers, req.body ...
 *         memmove(buf, buf + req.length, len - req.length);   // a pipelined next request
 *         len -= req.length; http_request_init(&req);
 *     }
 *
 * http_parse may be called again with the same buffer grown; it never reads past len. Once the
 * head is complete it is parsed in place: the buffer's CRLFs become NULs and req's strings point
 * into it, so the buffer must not move or be overwritten while req is in use. The errors it
 * returns are the statuses to answer: 400 (malformed), 413 (a body larger than the buffer can
 * hold), 414 (a request line over HTTP_MAX_TARGET), 431 (a head over HTTP_MAX_HEAD, or too many
 * header lines), 501 (a transfer coding other than chunked), 505 (not HTTP/1.x). A chunked body
 * is joined in place: req.body and req.content_length are its data, as with a Content-Length. After an error the connection should be closed: where the next request starts is
 * unknown.
 *
 * WRITING. http_send_response writes a status line, Date, Server, Content-Length, Connection, the
 * caller's own header lines and a body (none for HEAD), in one write if the body is at most
 * HTTP_SMALL_BODY bytes; http_send_error the same with a short HTML page saying the status. For bodies written separately (a file), http_send_head writes only
 * the head. Writes go on until everything is written (poll waits while a non-blocking socket is
 * full), or fail after HTTP_WRITE_TIMEOUT_MS without progress: a client that never reads cannot
 * hold the writer forever.
 */
#ifndef HTTP_H
#define HTTP_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#define HTTP_NEED_MORE 0            /* http_parse: the request is not all there yet */
#define HTTP_DONE 1                 /* http_parse: the request is complete (else: an error status) */

#define HTTP_MAX_HEAD 8192          /* request line and header lines, in bytes */
#define HTTP_MAX_TARGET 4096        /* the request target, in bytes (longer: 414) */
#define HTTP_MAX_HEADERS 64         /* header lines (more: 431) */
#define HTTP_WRITE_TIMEOUT_MS 10000 /* a write that makes no progress for this long fails */
#define HTTP_SMALL_BODY 4096        /* http_send_response writes a body up to this with its head */
#define HTTP_SERVER "ufos-httpd/1.0"    /* the Server header */

struct http_header {
    const char *name;               /* as the client wrote it; compare without case */
    const char *value;              /* without the white space around it */
};

/* The headers the server itself reads: http_parse notes them as the head is parsed, so that
 * reading one is an index, not a search (req.headers has every header, in order). */
enum {
    HTTP_HOST, HTTP_CONNECTION, HTTP_CONTENT_LENGTH, HTTP_TRANSFER_ENCODING, HTTP_IF_MODIFIED_SINCE,
    HTTP_RANGE, HTTP_IF_RANGE, HTTP_EXPECT, HTTP_CONTENT_TYPE, HTTP_KNOWN_HEADERS
};

struct http_request {
    /* the parser's state: http_request_init sets it, http_parse moves it on */
    size_t head_length;             /* the bytes of the head with its empty line; 0 until complete */
    size_t line_end[HTTP_MAX_HEADERS + 2];   /* where each line of the head ends (its LF) */
    int nlines;
    int chunked;                    /* the body comes in chunks (Transfer-Encoding: chunked) */

    /* the request, once http_parse returned HTTP_DONE (the strings point into the buffer) */
    const char *method;             /* "GET", "HEAD", "POST", ...: case matters (RFC 9110 9.1) */
    const char *target;             /* as sent: "/a%20b/c.html?x=1" */
    char path[HTTP_MAX_TARGET];     /* the target's path, percent-decoded: "/a b/c.html" */
    const char *query;              /* what follows '?' in the target, not decoded, or "" */
    int version_minor;              /* HTTP/1.0 -> 0, HTTP/1.1 -> 1 */
    struct http_header headers[HTTP_MAX_HEADERS];
    int header_count;
    const char *known[HTTP_KNOWN_HEADERS];  /* the first of each of those headers, or NULL */
    int known_count[HTTP_KNOWN_HEADERS];    /* how many came */
    long content_length;            /* of the body (chunks joined), 0 without one */
    const char *body;               /* content_length bytes (not NUL-terminated) */
    size_t length;                  /* the whole request's bytes, head and body: where the next starts */
    int keep_alive;                 /* the client wants the connection kept after the answer */
};

void http_request_init(struct http_request *req);

/* Parse the request in buf[0..len) (a buffer of cap bytes): HTTP_NEED_MORE, HTTP_DONE, or the
 * error status to answer. */
int http_parse(struct http_request *req, char *buf, size_t len, size_t cap);

/* Decode %XX escapes of in[0..n) into out (cap bytes, NUL-terminated). '+' stays '+' (that is
 * only a space in form data: pass plus_is_space). The length written, or -1 if an escape is
 * malformed, decodes to NUL, or out is too small. */
long http_percent_decode(const char *in, size_t n, char *out, size_t cap, int plus_is_space);

/* The reason phrase of a status ("Not Found"), "Unknown" for one this file does not know. */
const char *http_reason(int status);

/* t as an HTTP date (IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT") into buf (30 bytes). */
char *http_format_date(time_t t, char *buf);

/* An HTTP date (IMF-fixdate, or the obsolete RFC 850 and asctime forms) as a time, or -1. */
time_t http_parse_date(const char *s);

#define HTTP_HEAD_MAX (HTTP_MAX_TARGET + 1024)    /* a response's head, extra headers included */

/* The head http_send_head writes, into head[cap]: its length, or -1 if it is longer than cap. */
int http_format_head(char *head, size_t cap, int status, const char *extra, long content_length,
                     int keep_alive);

/* Write the head of a response: status line, Date, Server, then extra (header lines each ending
 * in "\r\n", or NULL), then Content-Length (if content_length >= 0) and Connection, then the empty
 * line. 0, or -1 if the client is gone. */
int http_send_head(int fd, const struct http_request *req, int status, const char *extra,
                   long content_length, int keep_alive);

/* A whole response: the head (with Content-Type if content_type is not NULL) and, unless the
 * request was HEAD, the body. The body's bytes sent (0 for HEAD, for an access log), or -1 if the
 * client is gone. */
long http_send_response(int fd, const struct http_request *req, int status, const char *content_type,
                        const char *extra, const char *body, size_t length, int keep_alive);

/* An error page: the status and its reason as a small HTML document. extra as above (405 needs
 * "Allow: GET, HEAD\r\n"). As http_send_response: the body's bytes sent, or -1. */
long http_send_error(int fd, const struct http_request *req, int status, const char *extra, int keep_alive);

/* The time for Date headers: a server sets it once per turn of its event loop (as Nginx caches
 * its time), else each answer asks the kernel. http_time() is that time. */
void http_set_time(time_t now);
time_t http_time(void);

/* Text built without printf (a head is built for every answer): t->len counts every byte added,
 * but only what fits in t->cap is written, so t->len > t->cap at the end means it was too long
 * (and buf holds its first cap bytes). */
struct http_text {
    char *buf;
    size_t len, cap;
};
void http_text_add(struct http_text *t, const char *s, size_t n);
void http_text_str(struct http_text *t, const char *s);
void http_text_number(struct http_text *t, long v);

/* Write all of data[0..n), waiting while the socket is full (see WRITING above). 0 or -1. */
int http_write_all(int fd, const void *data, size_t n);

/* A TCP socket listening on port on every address, with SO_REUSEADDR and TCP_NODELAY (as nginx's
 * tcp_nodelay and Redis: a reply's head and body go out at once, not held by Nagle's algorithm
 * for the client's delayed ACK; accepted sockets inherit it), and flags (SOCK_NONBLOCK) for
 * socket(). -1 after saying why on stderr, naming who. */
int http_listen(const char *who, int port, int flags);

#endif
