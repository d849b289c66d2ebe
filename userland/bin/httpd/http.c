/*
 * http.c - HTTP/1.x requests parsed as they arrive, responses written (the API is in http.h).
 * The grammar is RFC 9112's: a request line, header lines, an empty line, then a body of
 * Content-Length bytes or in chunks (Transfer-Encoding: chunked). Lines may end in CRLF or, as
 * RFC 9112 §2.2 allows a server to accept, a bare LF.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http.h"

/* Every field but the arrays, which the parser fills before anything reads them: clearing the
 * whole struct (over 6 KB, most of it path and headers) was a tenth of a request's work. */
void http_request_init(struct http_request *req)
{
    req->head_length = 0;
    req->method = req->target = req->query = req->body = NULL;
    req->path[0] = '\0';
    req->version_minor = 0;
    req->header_count = 0;
    for (int k = 0; k < HTTP_KNOWN_HEADERS; k++) {
        req->known[k] = NULL;
        req->known_count[k] = 0;
    }
    req->content_length = 0;
    req->chunked = 0;
    req->length = 0;
    req->keep_alive = 0;
}

/* ---- the head: where it ends, and its lines ------------------------------------------------ */

/* The offset just past the empty line that ends the head in buf[start..len), or 0 if it has not
 * arrived yet. On the way each line's end (its LF) goes into req->line_end, so that the parser
 * does not look for the lines again (up to one past the most lines a head may have). */
static size_t head_end(struct http_request *req, const char *buf, size_t start, size_t len)
{
    req->nlines = 0;
    for (size_t i = start; i < len; i++) {
        if (buf[i] != '\n')
            continue;
        if (req->nlines <= HTTP_MAX_HEADERS + 1)
            req->line_end[req->nlines++] = i;
        if (i + 1 < len && buf[i + 1] == '\n')
            return i + 2;
        if (i + 2 < len && buf[i + 1] == '\r' && buf[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* The error for a head that has not ended in the room it may take: a request line that never
 * ended is a target too long (414), anything else is headers too large (431). */
static int head_too_large(const char *buf, size_t start, size_t len)
{
    return memchr(buf + start, '\n', len - start) == NULL ? 414 : 431;
}

/* RFC 9110 §5.6.2: the characters of a token (a method, a header name) are the digits, the
 * letters and !#$%&'*+-.^_`|~ -- as bit sets over the character codes 0-63 and 64-127. */
#define TCHAR_0_63 0x03ff6cfa00000000UL      /* ! # $ % & ' * + - . and 0-9 */
#define TCHAR_64_127 0x57ffffffc7fffffeUL    /* A-Z ^ _ ` a-z | ~ */

static const unsigned long TCHARS[2] = {TCHAR_0_63, TCHAR_64_127};

static int is_tchar(unsigned char c)
{
    return c < 128 && (int)((TCHARS[c >> 6] >> (c & 63)) & 1);
}

/* Past the token at p (a method, a header name): the first character that is not a tchar. */
static char *skip_token(char *p)
{
    while (is_tchar((unsigned char)*p))
        p++;
    return p;
}

/* ---- the request line ---------------------------------------------------------------------- */

/* The path part of a target: origin-form "/p?q" as it is, absolute-form "http://host/p?q" from
 * its path (RFC 9112 §3.2.2: a server must accept it), "*" (OPTIONS) as it is. */
static const char *target_path(const char *target)
{
    const char *p;

    if (target[0] == '/' ||                     /* origin-form, the usual one */
        (strncasecmp(target, "http://", 7) != 0 && strncasecmp(target, "https://", 8) != 0))
        return target;
    p = strstr(target, "://") + 3;
    p = strchr(p, '/');
    return p != NULL ? p : "/";
}

/* Split the target into the decoded path and the query. The path ends at a fragment ("#top"),
 * which is not the server's (a client should not send one; nginx drops it too). 0, or 400. */
static int parse_target(struct http_request *req, const char *target)
{
    const char *path = target_path(target);
    size_t n = 0;

    while (path[n] != '\0' && path[n] != '?' && path[n] != '#')
        n++;
    if (path[0] != '/' && strcmp(target, "*") != 0)
        return 400;
    req->query = path[n] == '?' ? path + n + 1 : "";
    if (http_percent_decode(path, n, req->path, sizeof req->path, 0) < 0)
        return 400;
    return 0;
}

/* "HTTP/1.1": sets version_minor. 0, 400 (not a version) or 505 (not HTTP/1.x). */
static int parse_version(struct http_request *req, const char *v)
{
    if (v[0] != 'H' || v[1] != 'T' || v[2] != 'T' || v[3] != 'P' || v[4] != '/' ||
        !(v[5] >= '0' && v[5] <= '9') || v[6] != '.' || !(v[7] >= '0' && v[7] <= '9') || v[8] != '\0')
        return 400;
    if (v[5] != '1')
        return 505;
    req->version_minor = v[7] - '0';    /* 1.2 and later are 1.1-compatible (RFC 9110 §2.5) */
    return 0;
}

/* METHOD SP target SP HTTP/x.y, the line [line, end) with a NUL at end; one pass over it. 0 or
 * an error status. */
static int parse_request_line(struct http_request *req, char *line, char *end)
{
    char *sp1 = skip_token(line), *target = sp1 + 1, *sp2 = target;
    int status;

    if (sp1 == line || *sp1 != ' ')
        return 400;
    while ((unsigned char)*sp2 > ' ' && *sp2 != 0x7f)   /* a target is visible characters */
        sp2++;
    if (sp2 == target || *sp2 != ' ' || end - sp2 != 9)    /* " HTTP/x.y", nothing after */
        return 400;
    *sp1 = *sp2 = '\0';
    req->method = line;
    req->target = target;
    if (sp2 - target >= HTTP_MAX_TARGET)
        return 414;
    if ((status = parse_version(req, sp2 + 1)) != 0)
        return status;
    return parse_target(req, target);
}

/* ---- header lines -------------------------------------------------------------------------- */

/* The headers the server itself reads, in the order of the HTTP_* names in http.h. */
static const struct {
    const char *name;
    size_t length;
} KNOWN_HEADERS[HTTP_KNOWN_HEADERS] = {
    {"Host", 4}, {"Connection", 10}, {"Content-Length", 14}, {"Transfer-Encoding", 17},
    {"If-Modified-Since", 17}, {"Range", 5}, {"If-Range", 8}, {"Expect", 6}, {"Content-Type", 12},
};

/* Note a header the server reads: the first of each name, and how many came. */
static void note_known_header(struct http_request *req, const char *name, size_t length, const char *value)
{
    for (int k = 0; k < HTTP_KNOWN_HEADERS; k++)
        if (KNOWN_HEADERS[k].length == length && strcasecmp(name, KNOWN_HEADERS[k].name) == 0) {
            if (req->known_count[k]++ == 0)
                req->known[k] = value;
            return;
        }
}

/* name ":" OWS value OWS, the line [line, end) with a NUL at end, into req->headers. 0, 400 or
 * 431. */
static int parse_header_line(struct http_request *req, char *line, char *end)
{
    char *colon = skip_token(line), *value;

    if (colon == line || *colon != ':')         /* also: no space before the colon (§5.1), and */
        return 400;                             /* no obsolete line folding (§5.2 allows 400) */
    if (req->header_count == HTTP_MAX_HEADERS)
        return 431;
    *colon = '\0';
    for (value = colon + 1; *value == ' ' || *value == '\t'; value++)
        ;
    while (end > value && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    *end = '\0';
    req->headers[req->header_count].name = line;
    req->headers[req->header_count].value = value;
    req->header_count++;
    note_known_header(req, line, (size_t)(colon - line), value);
    return 0;
}

/* Is header i named name (in any case)? The first letters are compared first, which settles
 * most of the (many) lookups of a request without a call. */
static int header_is(const struct http_request *req, int i, const char *name)
{
    const char *h = req->headers[i].name;

    return (h[0] | 0x20) == (name[0] | 0x20) && strcasecmp(h, name) == 0;
}

/* Does a comma-separated list of tokens (a Connection header) hold token, in any case? */
static int list_has(const char *list, const char *token)
{
    size_t n = strlen(token);

    while (*list != '\0') {
        while (*list == ' ' || *list == '\t' || *list == ',')
            list++;
        if (strncasecmp(list, token, n) == 0 && strchr(" \t,", list[n]) != NULL)
            return 1;
        while (*list != '\0' && *list != ',')
            list++;
    }
    return 0;
}

/* Content-Length: digits only, every copy the same (RFC 9112 §6.3). 0 or 400. */
static int parse_content_length(struct http_request *req)
{
    for (int i = 0; i < req->header_count; i++) {
        const char *v = req->headers[i].value;
        long n = 0;

        if (!header_is(req, i, "Content-Length"))
            continue;
        if (*v == '\0')
            return 400;
        for (; *v != '\0'; v++) {
            if (*v < '0' || *v > '9' || n > (0x7fffffffffffffffL - 9) / 10)
                return 400;
            n = n * 10 + (*v - '0');
        }
        if (req->content_length != 0 && req->content_length != n)
            return 400;
        req->content_length = n;
    }
    return 0;
}

/* Is chunked the last of a list of transfer codings ("gzip, chunked")? */
static int ends_in_chunked(const char *codings)
{
    const char *last = strrchr(codings, ',');

    for (last = last != NULL ? last + 1 : codings; *last == ' ' || *last == '\t'; last++)
        ;
    return strcasecmp(last, "chunked") == 0;
}

/* What the headers say about the whole request: Host, the body's framing, keep-alive. */
static int check_headers(struct http_request *req)
{
    const char *connection = req->known[HTTP_CONNECTION];
    const char *transfer_encoding = req->known[HTTP_TRANSFER_ENCODING];
    int hosts = req->known_count[HTTP_HOST];

    if (req->version_minor >= 1 ? hosts != 1 : hosts > 1)
        return 400;                             /* RFC 9112 §3.2: exactly one Host in HTTP/1.1 */
    if (transfer_encoding != NULL) {
        /* A body framed two ways, or chunked in HTTP/1.0, could be read differently by a proxy in
         * front of us (request smuggling): refused (RFC 9112 §6.1, §6.3). */
        if (req->version_minor == 0 || req->known[HTTP_CONTENT_LENGTH] != NULL)
            return 400;
        if (req->known_count[HTTP_TRANSFER_ENCODING] > 1)
            return 400;
        if (strcasecmp(transfer_encoding, "chunked") != 0)     /* chunked must come last: */
            return ends_in_chunked(transfer_encoding) ? 501 : 400;   /* "gzip, chunked": not done */
        req->chunked = 1;
    }
    if (connection == NULL)
        connection = "";
    req->keep_alive = req->version_minor >= 1 ? !list_has(connection, "close")
                                              : list_has(connection, "keep-alive");
    return req->known[HTTP_CONTENT_LENGTH] != NULL ? parse_content_length(req) : 0;
}

/* ---- chunked bodies (RFC 9112 §7.1) ------------------------------------------------------- */

static int hex_value(int c);

/* The end of the line starting at pos in buf[0..len), just past its LF, or 0 if it is not all here. */
static size_t line_end(const char *buf, size_t pos, size_t len)
{
    const char *lf = memchr(buf + pos, '\n', len - pos);
    return lf != NULL ? (size_t)(lf - buf) + 1 : 0;
}

/* Walk a chunked body from buf[pos]: chunks of "size in hex[;extension]" CRLF, size bytes, CRLF,
 * until a chunk of size 0, then trailer lines and an empty line. Where it ends (0 if it is not
 * all here yet, -400 if it is malformed); *size is the data's length. With `out`, the chunks'
 * data are also copied together to out (which never passes the bytes still to read). */
static long walk_chunks(char *buf, size_t pos, size_t len, char *out, size_t *size)
{
    size_t end;

    *size = 0;
    for (;;) {
        size_t chunk = 0, digits = 0;

        for (; pos < len && hex_value(buf[pos]) >= 0; pos++, digits++) {
            if (chunk > len)
                return -413;                    /* more than could ever fit (and no overflow) */
            chunk = chunk * 16 + (size_t)hex_value(buf[pos]);
        }
        if ((end = line_end(buf, pos, len)) == 0)
            return 0;
        if (digits == 0 || strchr(";\r\n \t", buf[pos]) == NULL)
            return -400;
        pos = end;
        if (chunk == 0)
            break;
        if (len - pos < chunk + 1 || (buf[pos + chunk] == '\r' && len - pos < chunk + 2))
            return 0;
        if (out != NULL)
            memmove(out + *size, buf + pos, chunk);
        *size += chunk;
        pos += chunk + (buf[pos + chunk] == '\r');
        if (buf[pos++] != '\n')
            return -400;
    }
    while ((end = line_end(buf, pos, len)) != 0) {    /* trailers, ignored, then the empty line */
        int empty = end == pos + 1 || (end == pos + 2 && buf[pos] == '\r');
        pos = end;
        if (empty)
            return (long)pos;
    }
    return 0;
}

/* A chunked body: HTTP_NEED_MORE until it is all here, then its data are moved together where
 * the body starts (over the framing), as if it had come with a Content-Length. */
static int chunked_body(struct http_request *req, char *buf, size_t len, size_t cap)
{
    size_t size;
    long end = walk_chunks(buf, req->head_length, len, NULL, &size);

    if (end < 0)
        return (int)-end;
    if (end == 0)
        return len == cap ? 413 : HTTP_NEED_MORE;
    walk_chunks(buf, req->head_length, len, buf + req->head_length, &size);
    req->body = buf + req->head_length;
    req->content_length = (long)size;
    req->length = (size_t)end;
    return HTTP_DONE;
}

/* The head, complete from buf[start], its line ends in req->line_end: parsed in place, each line
 * cut at its CR LF (or bare LF) by a NUL. 0 or an error status. */
static int parse_head(struct http_request *req, char *buf, size_t start)
{
    char *line = buf + start;
    int status = 0;

    if (req->nlines > HTTP_MAX_HEADERS + 1)
        return 431;                             /* more header lines than req->headers holds */
    for (int i = 0; i < req->nlines && status == 0; i++) {
        char *lf = buf + req->line_end[i], *end = lf > line && lf[-1] == '\r' ? lf - 1 : lf;

        *end = '\0';
        status = i == 0 ? parse_request_line(req, line, end) : parse_header_line(req, line, end);
        line = lf + 1;
    }
    return status != 0 ? status : check_headers(req);
}

int http_parse(struct http_request *req, char *buf, size_t len, size_t cap)
{
    if (req->head_length == 0) {
        size_t start = 0, end, room;
        int status;

        while (start < len && (buf[start] == '\r' || buf[start] == '\n'))
            start++;                            /* empty lines before a request (RFC 9112 §2.2) */
        room = len - start < HTTP_MAX_HEAD ? len - start : HTTP_MAX_HEAD;
        end = head_end(req, buf, start, start + room);
        if (end == 0) {
            if (room == HTTP_MAX_HEAD || len == cap)
                return head_too_large(buf, start, start + room);
            if (memchr(buf + start, '\n', room) == NULL && room > HTTP_MAX_TARGET + 32)
                return 414;                     /* no need to wait for the rest of that line */
            return HTTP_NEED_MORE;
        }
        if ((status = parse_head(req, buf, start)) != 0)
            return status;
        if (req->content_length > (long)(cap - end))
            return 413;
        req->head_length = end;
    }
    if (req->chunked)
        return chunked_body(req, buf, len, cap);
    if (len < req->head_length + req->content_length)
        return HTTP_NEED_MORE;
    req->body = buf + req->head_length;
    req->length = req->head_length + req->content_length;
    return HTTP_DONE;
}

/* ---- percent-decoding ---------------------------------------------------------------------- */

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

long http_percent_decode(const char *in, size_t n, char *out, size_t cap, int plus_is_space)
{
    size_t o = 0;

    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)in[i];

        if (c == '%') {
            int hi = i + 2 < n ? hex_value(in[i + 1]) : -1;
            int lo = i + 2 < n ? hex_value(in[i + 2]) : -1;

            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
                return -1;
            c = hi * 16 + lo;
            i += 2;
        } else if (c == '+' && plus_is_space) {
            c = ' ';
        }
        if (o + 1 >= cap)
            return -1;
        out[o++] = (char)c;
    }
    out[o] = '\0';
    return (long)o;
}

/* ---- dates (RFC 9110 §5.6.7) --------------------------------------------------------------- */

static const char *const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

char *http_format_date(time_t t, char *buf)
{
    struct tm tm;

    strftime(buf, 30, "%a, %d %b %Y %H:%M:%S GMT", gmtime_r(&t, &tm));
    return buf;
}

/* The server's clock. A server that sets it (http_set_time) once per turn of its event loop, as
 * Nginx updates its cached time, saves a system call per answer; one that does not gets time(). */
static time_t clock_now = -1;

void http_set_time(time_t now)
{
    clock_now = now;
}

time_t http_time(void)
{
    return clock_now >= 0 ? clock_now : time(NULL);
}

/* The Date of an answer. Most answers come within the same second as the one before, so the
 * string is made once a second, as Nginx makes its own, not once an answer. */
static const char *date_now(void)
{
    static time_t last_time;
    static char last[30];
    time_t now = http_time();

    if (last[0] == '\0' || now != last_time) {
        http_format_date(now, last);
        last_time = now;
    }
    return last;
}

static int month_number(const char *name)
{
    for (int i = 0; i < 12; i++)
        if (strcmp(name, MONTHS[i]) == 0)
            return i;
    return -1;
}

time_t http_parse_date(const char *s)
{
    struct tm tm;
    char month[4], zone[4];
    int n = 0;

    memset(&tm, 0, sizeof tm);
    s = strpbrk(s, ", ");                       /* past the day's name, which says nothing more */
    if (s == NULL)
        return -1;
    if (sscanf(s, ", %2d %3s %4d %2d:%2d:%2d %3s%n", &tm.tm_mday, month, &tm.tm_year, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec, zone, &n) == 7 && strcmp(zone, "GMT") == 0) {
        tm.tm_year -= 1900;                     /* IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT */
    } else if (sscanf(s, ", %2d-%3s-%2d %2d:%2d:%2d %3s%n", &tm.tm_mday, month, &tm.tm_year,
                      &tm.tm_hour, &tm.tm_min, &tm.tm_sec, zone, &n) == 7 && strcmp(zone, "GMT") == 0) {
        if (tm.tm_year < 70)                    /* RFC 850: Sunday, 06-Nov-94 08:49:37 GMT */
            tm.tm_year += 100;
    } else if (sscanf(s, " %3s %2d %2d:%2d:%2d %4d%n", month, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                      &tm.tm_sec, &tm.tm_year, &n) == 6) {
        tm.tm_year -= 1900;                     /* asctime: Sun Nov  6 08:49:37 1994 */
    } else {
        return -1;
    }
    tm.tm_mon = month_number(month);
    if (tm.tm_mon < 0 || s[n] != '\0' || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
        tm.tm_min > 59 || tm.tm_sec > 60)
        return -1;
    return timegm(&tm);
}

/* ---- responses ----------------------------------------------------------------------------- */

const char *http_reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Content";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

int http_write_all(int fd, const void *data, size_t n)
{
    const char *p = data;

    while (n > 0) {
        long w = write(fd, p, n);

        if (w > 0) {
            p += w;
            n -= (size_t)w;
        } else if (w < 0 && errno == EAGAIN) {      /* a non-blocking socket, full: wait for room */
            struct pollfd pfd = {fd, POLLOUT, 0};
            if (poll(&pfd, 1, HTTP_WRITE_TIMEOUT_MS) <= 0 && errno != EINTR)
                return -1;
        } else if (!(w < 0 && errno == EINTR)) {
            return -1;
        }
    }
    return 0;
}

/* ---- text without printf: a response's head is built on every answer ----------------------- */

/* A byte at a time, in locals: the pieces are short, and a function that calls none (not even
 * memcpy) needs no frame, so the call itself costs little. */
void http_text_add(struct http_text *t, const char *s, size_t n)
{
    size_t len = t->len, room = len < t->cap ? t->cap - len : 0;
    size_t fits = n < room ? n : room;          /* what fits: a text cut short is still its start */
    char *buf = t->buf;

    for (size_t i = 0; i < fits; i++)
        buf[len + i] = s[i];
    t->len = len + n;
}

void http_text_str(struct http_text *t, const char *s)
{
    size_t len = t->len, cap = t->cap;      /* in locals: the loop then stays in registers */
    char *buf = t->buf, ch;

    while ((ch = *s++) != '\0') {           /* byte by byte: the pieces are short, and a strlen */
        if (len < cap)                      /* then a memcpy cost more */
            buf[len] = ch;
        len++;
    }
    t->len = len;
}

void http_text_number(struct http_text *t, long v)
{
    char digits[24];
    int i = sizeof digits;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

    do
        digits[--i] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        digits[--i] = '-';
    http_text_add(t, digits + i, sizeof digits - (size_t)i);
}

/* HTTP/1.1 even to a 1.0 client: a server names the highest version it speaks (RFC 9110 §6.2). */
int http_format_head(char *head, size_t cap, int status, const char *extra, long content_length,
                       int keep_alive)
{
    struct http_text t = {head, 0, cap};

    http_text_str(&t, "HTTP/1.1 ");
    http_text_number(&t, status);
    http_text_add(&t, " ", 1);
    http_text_str(&t, http_reason(status));
    http_text_str(&t, "\r\nDate: ");
    http_text_str(&t, date_now());
    http_text_str(&t, "\r\nServer: " HTTP_SERVER "\r\n");
    if (extra != NULL)
        http_text_str(&t, extra);
    if (content_length >= 0) {
        http_text_str(&t, "Content-Length: ");
        http_text_number(&t, content_length);
        http_text_str(&t, "\r\n");
    }
    http_text_str(&t, keep_alive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n");
    return t.len <= cap ? (int)t.len : -1;
}

int http_send_head(int fd, const struct http_request *req, int status, const char *extra,
                   long content_length, int keep_alive)
{
    char head[HTTP_HEAD_MAX];
    int n = http_format_head(head, sizeof head, status, extra, content_length, keep_alive);

    (void)req;      /* the head is the same for every request; req keeps the calls alike */
    return n < 0 ? -1 : http_write_all(fd, head, (size_t)n);
}

/* Was the request a HEAD (whose answer has the head of a GET's and no body)? */
static int is_head(const struct http_request *req)
{
    return req->method != NULL && strcmp(req->method, "HEAD") == 0;
}

long http_send_response(int fd, const struct http_request *req, int status, const char *content_type,
                        const char *extra, const char *body, size_t length, int keep_alive)
{
    char typed[HTTP_MAX_TARGET + 512], out[HTTP_HEAD_MAX + HTTP_SMALL_BODY];
    const char *headers = extra;
    int n;

    if (content_type != NULL) {                 /* Content-Type first, then the caller's lines */
        struct http_text t = {typed, 0, sizeof typed};
        http_text_str(&t, "Content-Type: ");
        http_text_str(&t, content_type);
        http_text_str(&t, "\r\n");
        if (extra != NULL)
            http_text_str(&t, extra);
        http_text_add(&t, "", 1);               /* the NUL */
        if (t.len > t.cap)
            return -1;
        headers = typed;
    }
    if (is_head(req) || length > HTTP_SMALL_BODY) {
        if (http_send_head(fd, req, status, headers, (long)length, keep_alive) < 0)
            return -1;
        if (is_head(req))
            return 0;
        return http_write_all(fd, body, length) < 0 ? -1 : (long)length;
    }
    /* a small body: one write with its head (one system call, and one TCP segment, not two) */
    n = http_format_head(out, HTTP_HEAD_MAX, status, headers, (long)length, keep_alive);
    if (n < 0)
        return -1;
    memcpy(out + n, body, length);
    return http_write_all(fd, out, (size_t)n + length) < 0 ? -1 : (long)length;
}

long http_send_error(int fd, const struct http_request *req, int status, const char *extra, int keep_alive)
{
    char page[256];
    int n = snprintf(page, sizeof page,
                     "<html><head><title>%d %s</title></head><body><h1>%d %s</h1></body></html>\n",
                     status, http_reason(status), status, http_reason(status));

    return http_send_response(fd, req, status, "text/html", extra, page, (size_t)n, keep_alive);
}

/* ---- the listening socket ------------------------------------------------------------------ */

int http_listen(const char *who, int port, int flags)
{
    struct sockaddr_in addr;
    int one = 1, fd = socket(AF_INET, SOCK_STREAM | flags, 0);

    if (fd < 0) {
        fprintf(stderr, "%s: socket: %s\n", who, strerror(errno));
        return -1;
    }
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 128) < 0) {
        fprintf(stderr, "%s: port %d: %s\n", who, port, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}
