/*
 * log.c - the access log: a line per answered request, in the common log format that Apache and
 * Nginx write and log analysers read:
 *
 *     127.0.0.1 - - [06/Nov/1994:08:49:37 +0000] "GET /index.html HTTP/1.1" 200 1043
 *
 * (client, identity and user (never known: "-"), the time, the request line, the status, the
 * body's bytes or "-" for none). Every worker appends to the same file, opened with O_APPEND.
 *
 * Lines are gathered in a buffer and written together (log_flush) before the worker's loop
 * waits again, as Nginx's `access_log ... buffer=` does: one write() per turn of the loop rather
 * than one per request, and still every line is in the file before the worker sleeps. A write
 * holds only whole lines, so the lines of two workers never mix.
 */
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "httpd.h"

static int log_fd = 1;              /* -1: no log (-l off) */

int log_open(const char *path)
{
    if (path == NULL)
        return 0;
    if (strcmp(path, "off") == 0) {
        log_fd = -1;
        return 0;
    }
    log_fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    return log_fd < 0 ? -1 : 0;
}

/* What follows the client on a log line: " - - [06/Nov/1994:08:49:37 +0000] " (identity, user,
 * time), made once a second (as the Date of an answer, http.c), not once a line. */
static const char *after_client(size_t *len)
{
    static time_t last_time;
    static char text[48];
    static size_t text_len;
    time_t now = http_time();
    struct tm tm;

    if (text_len == 0 || now != last_time) {
        text_len = strftime(text, sizeof text, " - - [%d/%b/%Y:%H:%M:%S +0000] ", gmtime_r(&now, &tm));
        last_time = now;
    }
    *len = text_len;
    return text;
}

#define LINE_MAX_BYTES (HTTP_MAX_TARGET + 256)
static char pending[16384];         /* whole lines not yet written */
static size_t pending_len;

void log_flush(void)
{
    if (pending_len > 0)
        write(log_fd, pending, pending_len);
    pending_len = 0;
}

/* The line is made in place, after the lines pending (there is always room for one). */
void log_request(const char *client, const struct http_request *req, int status, long sent)
{
    size_t n;
    const char *when;

    if (log_fd < 0)
        return;
    when = after_client(&n);
    if (sizeof pending - pending_len < LINE_MAX_BYTES)
        log_flush();
    struct http_text t = {pending + pending_len, 0, LINE_MAX_BYTES - 1};
    http_text_str(&t, client);
    http_text_add(&t, when, n);
    if (req->method != NULL) {
        http_text_add(&t, "\"", 1);
        http_text_str(&t, req->method);
        http_text_add(&t, " ", 1);
        http_text_str(&t, req->target);
        http_text_add(&t, " HTTP/1.", 8);
        http_text_number(&t, req->version_minor);
        http_text_add(&t, "\" ", 2);
    } else {                                /* a request that did not parse has no request line */
        http_text_add(&t, "\"-\" ", 4);
    }
    http_text_number(&t, status);
    http_text_add(&t, " ", 1);
    if (sent > 0)
        http_text_number(&t, sent);
    else
        http_text_add(&t, "-", 1);
    if (t.len > t.cap)                      /* cut, as the line's buffer holds */
        t.len = t.cap;
    t.buf[t.len++] = '\n';
    pending_len += t.len;
}
