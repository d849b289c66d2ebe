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
 *
 * THE FILE CACHE. Finding a file costs a system call per segment, and reading it more; a busy
 * server is asked for the same few files again and again. So, as Nginx's open_file_cache, the
 * files found are remembered: the target's path -> the file's name, its stat, its answer's
 * header lines and, for a small file, its bytes. An entry is checked again with one lstat() of
 * the file's name when it is used in a later second than it was last checked (as Nginx's
 * open_file_cache_valid, here 1 s): any change (another inode, size, modification or
 * status-change time, type) and the target is walked and read again. So a file changed is
 * served changed within a second. A link put anywhere on the way since shows up as another
 * inode there, so the walk's refusal still holds.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

/* Does path name a directory by its form: a final '/', or a final "." or ".." ("/a/.." is "/")? */
static int names_directory(const char *path)
{
    const char *last = strrchr(path, '/');
    return last != NULL && (strcmp(last, "/") == 0 || strcmp(last, "/.") == 0 || strcmp(last, "/..") == 0);
}

/* The file a request's path names, with its stat and its name in full[FULL_MAX]: 0, or the status
 * to answer. A directory is its index.html (403 without one); a directory named without its
 * final '/' is a 301, to the name with it (so that the page's relative links work); a file named
 * as a directory ("/a.txt/") is not found, as open() says ENOTDIR. */
static int find_target(const struct http_request *req, struct stat *st, char *full)
{
    char relative[HTTP_MAX_TARGET];
    int status;

    if ((status = normalize(req->path, relative, sizeof relative)) != 0 ||
        (status = walk(relative, full, FULL_MAX - sizeof "/index.html", st)) != 0)
        return status;
    if (!S_ISDIR(st->st_mode) && names_directory(req->path))
        return 404;
    if (S_ISDIR(st->st_mode)) {
        if (!names_directory(req->path))
            return 301;
        strcat(full, "/index.html");
        if (lstat(full, st) < 0)
            return 403;                         /* no index: listing a directory is not served */
    }
    return S_ISREG(st->st_mode) ? 0 : 403;
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
    const char *since = req->known[HTTP_IF_MODIFIED_SINCE];
    time_t t = since != NULL ? http_parse_date(since) : -1;

    return t >= 0 && mtime <= t;
}

/* A Range header of one range ("bytes=A-B", "bytes=A-", "bytes=-N") for a file of size bytes:
 * 206 with [*first, *last], 416 if it asks only for bytes past the end, 200 to send the whole
 * file (no Range, several ranges, one that does not parse, or an If-Range that no longer holds:
 * RFC 9110 §14.2 says to ignore those). */
static int parse_range(const struct http_request *req, long size, time_t mtime, long *first, long *last)
{
    const char *range = req->known[HTTP_RANGE];
    const char *if_range = req->known[HTTP_IF_RANGE];
    long from, to;
    char *end;

    if (range == NULL || strncasecmp(range, "bytes=", 6) != 0 || strchr(range, ',') != NULL ||
        (if_range != NULL && http_parse_date(if_range) != mtime))
        return 200;
    range += 6 + strspn(range + 6, " \t");     /* "bytes= 0-9": a list may have spaces (RFC 9110 §5.6.1) */
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

/* ---- the file cache ------------------------------------------------------------------------ */

#define CACHE_SIZE 32               /* files remembered; the oldest entry makes room */

struct cached_file {
    char *path;                     /* the target's decoded path: the key (NULL: a free slot) */
    char *full;                     /* the file's name under the root */
    struct stat st;                 /* as lstat saw it: the entry holds while lstat sees the same */
    time_t checked;                 /* the second lstat last saw it the same */
    char *body;                     /* its bytes, if at most HTTP_SMALL_BODY; else NULL (read per answer) */
    char modified[30];              /* its modification time as an HTTP date */
    char headers[160];              /* Content-Type, Last-Modified and Accept-Ranges lines */
    char *answer;                   /* a small file's whole 200 answer (keep-alive), head and body, */
    size_t answer_head;             /* as sent: made again each second, for its Date; the head's */
    time_t answer_time;             /* length, and the second it was made */
};

static struct cached_file cache[CACHE_SIZE];
static int cache_next;              /* the slot the next new entry takes */

static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_ino == b->st_ino && a->st_dev == b->st_dev && a->st_mode == b->st_mode &&
           a->st_size == b->st_size && a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
           a->st_mtim.tv_nsec == b->st_mtim.tv_nsec && a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
           a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

static void forget(struct cached_file *f)
{
    free(f->path);
    free(f->full);
    free(f->body);
    free(f->answer);
    memset(f, 0, sizeof *f);
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

/* Read the whole (small) file into a new buffer: NULL if it cannot, or it changed meanwhile. */
static char *read_small(const char *full, const struct stat *st)
{
    struct stat now;
    int fd = open(full, O_RDONLY);
    char *body = fd < 0 ? NULL : malloc(st->st_size > 0 ? (size_t)st->st_size : 1);

    if (body != NULL && (fstat(fd, &now) < 0 || !same_file(&now, st) || read_fully(fd, body, st->st_size) < 0)) {
        free(body);
        body = NULL;
    }
    if (fd >= 0)
        close(fd);
    return body;
}

/* Make slot f the entry for req's target: 0, or the status to answer (the slot is left as it
 * was if the target is not found, and empty if it is found but cannot be read). */
static int remember(struct cached_file *f, const struct http_request *req)
{
    char full[FULL_MAX];
    struct stat st;
    int status = find_target(req, &st, full);

    if (status != 0)
        return status;
    forget(f);
    f->st = st;
    if (st.st_size <= HTTP_SMALL_BODY && (f->body = read_small(full, &st)) == NULL)
        status = errno == EACCES ? 403 : 404;
    else if ((f->path = strdup(req->path)) == NULL || (f->full = strdup(full)) == NULL)
        status = 500;
    if (status != 0) {
        forget(f);
        return status;
    }
    struct http_text t = {f->headers, 0, sizeof f->headers - 1};
    http_text_str(&t, "Content-Type: ");
    http_text_str(&t, content_type(full));
    http_text_str(&t, "\r\nLast-Modified: ");
    http_text_str(&t, http_format_date(st.st_mtime, f->modified));
    http_text_str(&t, "\r\nAccept-Ranges: bytes\r\n");
    f->headers[t.len] = '\0';                    /* fits: the longest type is 24 bytes */
    f->checked = http_time();
    return 0;
}

/* The cache's entry for req's target, checked or made again: *file, or the status to answer. */
static int lookup(const struct http_request *req, struct cached_file **file)
{
    struct cached_file *f = NULL;
    struct stat now;
    int status;

    for (int i = 0; i < CACHE_SIZE && f == NULL; i++)
        if (cache[i].path != NULL && strcmp(cache[i].path, req->path) == 0)
            f = &cache[i];
    if (f != NULL && (f->checked == http_time() || (lstat(f->full, &now) == 0 && same_file(&now, &f->st)))) {
        f->checked = http_time();
        *file = f;
        return 0;
    }
    if (f != NULL) {
        forget(f);                              /* changed: made again in its own slot */
    } else {
        f = &cache[cache_next];
        cache_next = (cache_next + 1) % CACHE_SIZE;
    }
    status = remember(f, req);
    *file = f;
    return status;
}

/* ---- the answer ---------------------------------------------------------------------------- */

/* An error page (or a redirection's): status, or -1 if the client is gone. */
static int send_error(int sock, const struct http_request *req, int status, const char *extra,
                      int keep_alive, long *sent)
{
    *sent = http_send_error(sock, req, status, extra, keep_alive);
    return *sent < 0 ? -1 : status;
}

/* Send length bytes of the file from offset, read as they go. 0, or -1 if the client is gone (or
 * the file cannot be read: the head is sent, so all that can be done is to close). */
static int send_body(int sock, const char *full, long offset, long length)
{
    char buf[CHUNK];
    int fd = open(full, O_RDONLY), status = -1;

    if (fd >= 0 && (offset == 0 || lseek(fd, offset, SEEK_SET) >= 0)) {
        while (length > 0) {
            long n = read(fd, buf, length < CHUNK ? (size_t)length : CHUNK);
            if (n <= 0 || http_write_all(sock, buf, (size_t)n) < 0)
                break;
            length -= n;
        }
        status = length == 0 ? 0 : -1;
    }
    if (fd >= 0)
        close(fd);
    return status;
}

/* The commonest answer, a 200 to a GET or HEAD of a small file on a connection kept alive, is
 * written straight from the cache, made once a second (for its Date), not once an answer. Make
 * it if it is not made yet for this second: 0, or -1 if there is no memory for it. */
static int make_answer(struct cached_file *f)
{
    size_t size = (size_t)f->st.st_size;
    char *answer;
    int n;

    if (f->answer != NULL && f->answer_time == http_time())
        return 0;
    answer = realloc(f->answer, HTTP_HEAD_MAX + size);
    if (answer == NULL)
        return -1;
    f->answer = answer;
    n = http_format_head(answer, HTTP_HEAD_MAX, 200, f->headers, (long)size, 1);
    memcpy(answer + n, f->body, size);          /* n >= 0: the headers are far below the limit */
    f->answer_head = (size_t)n;
    f->answer_time = http_time();
    return 0;
}

/* The answer to a file found: 304, 206, 416 or 200, each with its headers. */
static int answer_file(int sock, const struct http_request *req, int keep_alive, struct cached_file *f,
                       long *sent)
{
    char extra[sizeof f->headers + 64];
    long size = f->st.st_size, first = 0, last = size - 1;
    int status = 200, head = strcmp(req->method, "HEAD") == 0;

    if (not_modified(req, f->st.st_mtime)) {
        snprintf(extra, sizeof extra, "Last-Modified: %s\r\n", f->modified);
        return http_send_head(sock, req, 304, extra, -1, keep_alive) < 0 ? -1 : 304;
    }
    if (!head)
        status = parse_range(req, size, f->st.st_mtime, &first, &last);
    if (status == 416) {
        snprintf(extra, sizeof extra, "Content-Range: bytes */%ld\r\n", size);
        return send_error(sock, req, 416, extra, keep_alive, sent);
    }
    if (f->body != NULL && status == 200 && keep_alive && make_answer(f) == 0) {
        *sent = head ? 0 : size;
        return http_write_all(sock, f->answer, f->answer_head + (size_t)*sent) < 0 ? -1 : 200;
    }
    strcpy(extra, f->headers);
    if (status == 206)
        snprintf(extra + strlen(extra), sizeof extra - strlen(extra), "Content-Range: bytes %ld-%ld/%ld\r\n",
                 first, last, size);
    if (f->body != NULL) {
        *sent = http_send_response(sock, req, status, NULL, extra, f->body + first, (size_t)(last - first + 1),
                                   keep_alive);
        return *sent < 0 ? -1 : status;
    }
    if (http_send_head(sock, req, status, extra, last - first + 1, keep_alive) < 0)
        return -1;
    if (!head) {
        if (send_body(sock, f->full, first, last - first + 1) < 0)
            return -1;
        *sent = last - first + 1;
    }
    return status;
}

/* The 301 to a directory's name with a '/' after it: the target as sent (still percent-encoded),
 * the '/' before its query (or a fragment, if the client sent one). */
static int redirect_to_directory(int sock, const struct http_request *req, int keep_alive, long *sent)
{
    char extra[HTTP_MAX_TARGET + 48];
    const char *target = req->target[0] == '/' ? req->target : req->path;
    int n = (int)strcspn(target, "?#");

    snprintf(extra, sizeof extra, "Location: %.*s/%s%s\r\n", n, target, req->query[0] ? "?" : "", req->query);
    return send_error(sock, req, 301, extra, keep_alive, sent);
}

int serve_file(int sock, const struct http_request *req, int keep_alive, long *sent)
{
    struct cached_file *f;
    int status;

    *sent = 0;
    if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0)
        return send_error(sock, req, 405, "Allow: GET, HEAD\r\n", keep_alive, sent);
    status = lookup(req, &f);
    if (status == 301)
        return redirect_to_directory(sock, req, keep_alive, sent);
    if (status != 0)
        return send_error(sock, req, status, NULL, keep_alive, sent);
    return answer_file(sock, req, keep_alive, f, sent);
}
