/*
 * log.c - the access log: a line per answered request, in the common log format that Apache and
 * Nginx write and log analysers read:
 *
 *     127.0.0.1 - - [06/Nov/1994:08:49:37 +0000] "GET /index.html HTTP/1.1" 200 1043
 *
 * (client, identity and user (never known: "-"), the time, the request line, the status, the
 * body's bytes or "-" for none). Every worker appends to the same file: each line is one write()
 * on a descriptor opened with O_APPEND, so lines of two workers never mix.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "httpd.h"

static int log_fd = 1;

int log_open(const char *path)
{
    if (path == NULL)
        return 0;
    log_fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    return log_fd < 0 ? -1 : 0;
}

/* The time of a log line, "06/Nov/1994:08:49:37 +0000": formatted once a second (as the Date of
 * an answer, http.c), not once a line. */
static const char *log_time(void)
{
    static time_t last_time;
    static char last[32];
    time_t now = time(NULL);
    struct tm tm;

    if (last[0] == '\0' || now != last_time) {
        strftime(last, sizeof last, "%d/%b/%Y:%H:%M:%S +0000", gmtime_r(&now, &tm));
        last_time = now;
    }
    return last;
}

void log_request(const char *client, const struct http_request *req, int status, long sent)
{
    char line[HTTP_MAX_TARGET + 256], bytes[24] = "-";
    const char *when = log_time();
    int n;

    if (sent > 0)
        snprintf(bytes, sizeof bytes, "%ld", sent);
    if (req->method != NULL)
        n = snprintf(line, sizeof line, "%s - - [%s] \"%s %s HTTP/1.%d\" %d %s\n", client, when,
                     req->method, req->target, req->version_minor, status, bytes);
    else                                    /* a request that did not parse has no request line */
        n = snprintf(line, sizeof line, "%s - - [%s] \"-\" %d %s\n", client, when, status, bytes);
    if (n > 0)
        write(log_fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}
