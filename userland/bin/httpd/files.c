/*
 * files.c - a GET or HEAD answered from the document root: which file a target names (never one
 * outside the root), its Content-Type, and the conditional (If-Modified-Since -> 304) and partial
 * (Range -> 206 or 416) answers.
 *
 * STAYING IN THE ROOT. The parser has percent-decoded the path, so "%2e%2e" is already "..", and
 * "%2f" already a "/": the path is then cut into segments and "." and ".." are taken away
 * lexically, and a ".." that would climb above the root is a 400 (as Nginx answers). What is
 * left is walked one segment at a time from the root with lstat, and a symbolic link anywhere on
 * the way is refused (403): a link could point anywhere, and this server follows none.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "httpd.h"

#define CHUNK 16384             /* a file is sent in writes of this size */
#define FULL_MAX (HTTP_MAX_TARGET + 256)    /* a file's name: the root, then the target's path */

/* ---- the target -> a file under the root --------------------------------------------------- */

/* path ("/a/./b/../c") -> "a/c" in out, without "." and "..": 0, or 400 if a ".." climbs above
 * the root. */
static int normalize(const char *path, char *out, size_t cap)
{
    size_t len = 0;

    out[0] = '\0';
    while (*path != '\0') {
        const char *segment = path + strspn(path, "/");
        size_t n = strcspn(segment, "/");

        path = segment + n;
        if (n == 0 || (n == 1 && segment[0] == '.'))
            continue;
        if (n == 2 && segment[0] == '.' && segment[1] == '.') {
            if (len == 0)
                return 400;
            while (len > 0 && out[len - 1] != '/')     /* drop the last segment and its '/' */
                len--;
            len = len > 0 ? len - 1 : 0;
        } else {
            if (len + n + 2 > cap)
                return 400;
            if (len > 0)
                out[len++] = '/';
            memcpy(out + len, segment, n);
            len += n;
        }
        out[len] = '\0';
    }
    return 0;
}

/* lstat root/relative, refusing symbolic links in every segment on the way: 0, 403 or 404. */
static int walk(const char *relative, char *full, size_t cap, struct stat *st)
{
    size_t len = (size_t)snprintf(full, cap, "%s", config.root);

    if (stat(full, st) < 0)                     /* the root itself may be a link: the admin's choice */
        return 404;
    while (*relative != '\0') {
        size_t n = strcspn(relative, "/");

        if (!S_ISDIR(st->st_mode))
            return 404;
        if (len + n + 2 > cap)
            return 404;
        full[len++] = '/';
        memcpy(full + len, relative, n);
        len += n;
        full[len] = '\0';
        relative += n + (relative[n] == '/');
        if (lstat(full, st) < 0)
            return errno == EACCES ? 403 : 404;
        if (S_ISLNK(st->st_mode))
            return 403;
    }
    return 0;
}

/* The file a request's path names, opened, with its stat and its name in full[FULL_MAX]: 0, or
 * the status to answer. A directory is its index.html (403 without one); a directory named
 * without its final '/' is a 301, to the name with it (so that the page's relative links work). */
static int open_target(const struct http_request *req, struct stat *st, int *fd, char *full)
{
    char relative[HTTP_MAX_TARGET];
    size_t n = strlen(req->path);
    int status;

    if ((status = normalize(req->path, relative, sizeof relative)) != 0 ||
        (status = walk(relative, full, FULL_MAX - sizeof "/index.html", st)) != 0)
        return status;
    if (S_ISDIR(st->st_mode)) {
        if (n == 0 || req->path[n - 1] != '/')
            return 301;
        strcat(full, "/index.html");
        if (lstat(full, st) < 0)
            return 403;                         /* no index: listing a directory is not served */
    }
    if (!S_ISREG(st->st_mode))
        return 403;
    *fd = open(full, O_RDONLY);
    if (*fd < 0)
        return errno == EACCES ? 403 : 404;
    return 0;
}

/* ---- what the answer says about the file --------------------------------------------------- */

static const char *const TYPES[][2] = {
    {"html", "text/html"}, {"htm", "text/html"}, {"css", "text/css"}, {"txt", "text/plain"},
    {"js", "text/javascript"}, {"mjs", "text/javascript"}, {"json", "application/json"},
    {"xml", "application/xml"}, {"pdf", "application/pdf"}, {"wasm", "application/wasm"},
    {"png", "image/png"}, {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"}, {"gif", "image/gif"},
    {"svg", "image/svg+xml"}, {"ico", "image/x-icon"}, {"webp", "image/webp"},
    {"woff", "font/woff"}, {"woff2", "font/woff2"}, {"mp3", "audio/mpeg"}, {"mp4", "video/mp4"},
    {"c", "text/plain"}, {"h", "text/plain"}, {"md", "text/markdown"},
};

/* The Content-Type of a file by its extension (any case); application/octet-stream if unknown. */
static const char *content_type(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash != NULL ? slash : path, '.');

    if (dot != NULL)
        for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++)
            if (strcasecmp(dot + 1, TYPES[i][0]) == 0)
                return TYPES[i][1];
    return "application/octet-stream";
}

/* If-Modified-Since: is the file no newer than the client's copy? (Only whole seconds count:
 * that is all an HTTP date holds.) */
static int not_modified(const struct http_request *req, time_t mtime)
{
    const char *since = http_header(req, "If-Modified-Since");
    time_t t = since != NULL ? http_parse_date(since) : -1;

    return t >= 0 && mtime <= t;
}

/* A Range header of one range ("bytes=A-B", "bytes=A-", "bytes=-N") for a file of size bytes:
 * 206 with [*first, *last], 416 if it asks only for bytes past the end, 200 to send the whole
 * file (no Range, several ranges, one that does not parse, or an If-Range that no longer holds:
 * RFC 9110 §14.2 says to ignore those). */
static int parse_range(const struct http_request *req, long size, time_t mtime, long *first, long *last)
{
    const char *range = http_header(req, "Range");
    const char *if_range = http_header(req, "If-Range");
    long from, to;
    char *end;

    if (range == NULL || strncmp(range, "bytes=", 6) != 0 || strchr(range, ',') != NULL ||
        (if_range != NULL && http_parse_date(if_range) != mtime))
        return 200;
    range += 6;
    if (*range == '-') {                        /* the last N bytes */
        long n = strtol(range + 1, &end, 10);
        if (end == range + 1 || *end != '\0' || n < 0)
            return 200;
        if (n == 0 || size == 0)
            return 416;
        *first = n > size ? 0 : size - n;
        *last = size - 1;
        return 206;
    }
    if (*range < '0' || *range > '9')
        return 200;
    from = strtol(range, &end, 10);
    if (*end++ != '-')
        return 200;
    to = size - 1;
    if (*end != '\0') {                          /* A-B: B may be past the end, then it is the end */
        long b = strtol(end, &end, 10);
        if (*end != '\0' || b < from)
            return 200;
        to = b < to ? b : to;
    }
    if (from >= size)
        return 416;
    *first = from;
    *last = to;
    return 206;
}

/* ---- the answer ---------------------------------------------------------------------------- */

/* An error page (or a redirection's): status, or -1 if the client is gone. */
static int send_error(int sock, const struct http_request *req, int status, const char *extra,
                      int keep_alive, long *sent)
{
    *sent = http_send_error(sock, req, status, extra, keep_alive);
    return *sent < 0 ? -1 : status;
}

/* Move to offset in the file, which was just opened (so at 0 already: no lseek for a whole file).
 * 0 or -1. */
static int seek_to(int fd, long offset)
{
    return offset == 0 || lseek(fd, offset, SEEK_SET) >= 0 ? 0 : -1;
}

/* Read n bytes of the file into buf: 0, or -1 if it failed or ended early (it shrank). */
static int read_fully(int fd, char *buf, long n)
{
    while (n > 0) {
        long r = read(fd, buf, (size_t)n);
        if (r <= 0)
            return -1;
        buf += r;
        n -= r;
    }
    return 0;
}

/* A body of at most HTTP_SMALL_BODY bytes, read first and sent in one write with its head. */
static int send_small(int sock, const struct http_request *req, int status, const char *extra, int fd,
                      long offset, long length, int keep_alive, long *sent)
{
    char body[HTTP_SMALL_BODY];

    if (seek_to(fd, offset) < 0 || read_fully(fd, body, length) < 0)
        return -1;
    *sent = http_send_response(sock, req, status, NULL, extra, body, (size_t)length, keep_alive);
    return *sent < 0 ? -1 : status;
}

/* Send length bytes of the file from offset. 0, or -1 if the client is gone. */
static int send_body(int sock, int fd, long offset, long length)
{
    char buf[CHUNK];

    if (seek_to(fd, offset) < 0)
        return -1;
    while (length > 0) {
        long n = read(fd, buf, length < CHUNK ? (size_t)length : CHUNK);
        if (n <= 0 || http_write_all(sock, buf, (size_t)n) < 0)
            return -1;
        length -= n;
    }
    return 0;
}

/* The answer to a file found and opened: 304, 206, 416 or 200, each with its headers. */
static int answer_file(int sock, const struct http_request *req, int keep_alive, int fd,
                       const struct stat *st, const char *path, long *sent)
{
    char extra[256], modified[30];
    long first = 0, last = st->st_size - 1;
    int status = 200, head = strcmp(req->method, "HEAD") == 0;

    http_format_date(st->st_mtime, modified);
    if (not_modified(req, st->st_mtime)) {
        snprintf(extra, sizeof extra, "Last-Modified: %s\r\n", modified);
        return http_send_head(sock, req, 304, extra, -1, keep_alive) < 0 ? -1 : 304;
    }
    if (!head)
        status = parse_range(req, st->st_size, st->st_mtime, &first, &last);
    if (status == 416) {
        snprintf(extra, sizeof extra, "Content-Range: bytes */%ld\r\n", (long)st->st_size);
        return send_error(sock, req, 416, extra, keep_alive, sent);
    }
    snprintf(extra, sizeof extra, "Content-Type: %s\r\nLast-Modified: %s\r\nAccept-Ranges: bytes\r\n",
             content_type(path), modified);
    if (status == 206)
        snprintf(extra + strlen(extra), sizeof extra - strlen(extra), "Content-Range: bytes %ld-%ld/%ld\r\n",
                 first, last, (long)st->st_size);
    if (!head && last - first + 1 <= HTTP_SMALL_BODY)
        return send_small(sock, req, status, extra, fd, first, last - first + 1, keep_alive, sent);
    if (http_send_head(sock, req, status, extra, last - first + 1, keep_alive) < 0)
        return -1;
    if (!head) {
        if (send_body(sock, fd, first, last - first + 1) < 0)
            return -1;
        *sent = last - first + 1;
    }
    return status;
}

/* The 301 to a directory's name with a '/' after it: the target as sent (still percent-encoded),
 * the '/' before its query. */
static int redirect_to_directory(int sock, const struct http_request *req, int keep_alive, long *sent)
{
    char extra[HTTP_MAX_TARGET + 48];
    const char *target = req->target[0] == '/' ? req->target : req->path;
    int n = (int)strcspn(target, "?");

    snprintf(extra, sizeof extra, "Location: %.*s/%s%s\r\n", n, target, req->query[0] ? "?" : "", req->query);
    return send_error(sock, req, 301, extra, keep_alive, sent);
}

int serve_file(int sock, const struct http_request *req, int keep_alive, long *sent)
{
    char full[FULL_MAX];
    struct stat st;
    int fd = -1, status;

    *sent = 0;
    if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0)
        return send_error(sock, req, 405, "Allow: GET, HEAD\r\n", keep_alive, sent);
    status = open_target(req, &st, &fd, full);
    if (status == 301)
        return redirect_to_directory(sock, req, keep_alive, sent);
    if (status != 0)
        return send_error(sock, req, status, NULL, keep_alive, sent);
    status = answer_file(sock, req, keep_alive, fd, &st, full, sent);
    close(fd);
    return status;
}
