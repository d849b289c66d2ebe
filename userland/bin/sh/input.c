/*
 * input.c - where the shell's commands come from: a string (sh -c, eval), a file (a script, `.`)
 * or standard input (a pipe, or the terminal with prompts).
 *
 * The text read so far stays in one buffer until the command parsed from it has run
 * (input_discard), so the lexer can look back at any part of it: a $( ... ) is found by parsing
 * it, and its text is then copied out of the buffer.
 *
 * Standard input is read one byte at a time. That is slow, but POSIX requires it: in
 * `echo 'read x; echo $x
 * hello' | sh` the line "hello" belongs to `read`, so the shell must not read past the end of the
 * command it is parsing. Other files are read in blocks.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

void input_from_string(struct input *in, const char *s)
{
    size_t n = strlen(s);

    in->cap = n + 1;
    in->buf = xmalloc(in->cap);
    memcpy(in->buf, s, n + 1);
    in->len = n;
    in->pos = 0;
    in->fd = -1;
    in->bytewise = 0;
    in->eof = 1;
    in->line = 1;
    in->prompt = 0;
    in->exit_after = 0;
    in->condition = 0;
}

void input_from_fd(struct input *in, int fd)
{
    in->cap = 256;
    in->buf = xmalloc(in->cap);
    in->buf[0] = '\0';
    in->len = in->pos = 0;
    in->fd = fd;
    in->bytewise = (fd == 0);
    in->eof = 0;
    in->line = 1;
    in->prompt = 0;
    in->exit_after = 0;
    in->condition = 0;
}

void input_free(struct input *in)
{
    free(in->buf);
    in->buf = NULL;
}

/* The interactive prompt: "ufos:/current/dir$ ", or $PS1 if the user set it. */
static void print_prompt(int which)
{
    const char *ps;
    char cwd[512];

    if (which == 2) {
        ps = var_get("PS2");
        out_str(2, ps ? ps : "> ");
        return;
    }
    jobs_notify();
    ps = var_get("PS1");
    if (ps != NULL) {
        out_str(2, ps);
        return;
    }
    if (getcwd(cwd, sizeof cwd) == NULL)
        strcpy(cwd, "?");
    out_fmt(2, "ufos:%s$ ", cwd);
}

static void make_room(struct input *in, size_t n)
{
    if (in->len + n + 1 <= in->cap)
        return;
    while (in->len + n + 1 > in->cap)
        in->cap *= 2;
    in->buf = xrealloc(in->buf, in->cap);
}

/* Read more text: a line (byte-wise) or a block. 0 if nothing more came. */
static int fill(struct input *in)
{
    ssize_t n;
    size_t before = in->len;

    if (in->eof)
        return 0;
    if (in->prompt) {
        print_prompt(in->prompt);
        in->prompt = 2;          /* a command that goes on needs the continuation prompt */
    }
    for (;;) {
        make_room(in, in->bytewise ? 1 : 4096);
        n = read(in->fd, in->buf + in->len, in->bytewise ? 1 : 4096);
        if (n < 0 && errno == EINTR)
            continue;           /* Ctrl-C at the prompt: keep reading */
        if (n <= 0) {
            in->eof = 1;
            return in->len > before;
        }
        in->len += (size_t)n;
        in->buf[in->len] = '\0';
        if (!in->bytewise || in->buf[in->len - 1] == '\n')
            return 1;
    }
}

int input_peek(struct input *in)
{
    while (in->pos >= in->len)
        if (!fill(in))
            return -1;
    return (unsigned char)in->buf[in->pos];
}

int input_peek2(struct input *in)
{
    if (input_peek(in) < 0)
        return -1;
    while (in->pos + 1 >= in->len)
        if (!fill(in))
            return -1;
    return (unsigned char)in->buf[in->pos + 1];
}

int input_get(struct input *in)
{
    int c = input_peek(in);

    if (c >= 0) {
        in->pos++;
        if (c == '\n')
            in->line++;
    }
    return c;
}

/* Replace oldlen characters at start by text (an alias's value) and read on from there. */
void input_replace(struct input *in, size_t start, size_t oldlen, const char *text, size_t newlen)
{
    if (newlen > oldlen)
        make_room(in, newlen - oldlen);
    memmove(in->buf + start + newlen, in->buf + start + oldlen, in->len - start - oldlen + 1);
    memcpy(in->buf + start, text, newlen);
    in->len = in->len + newlen - oldlen;
    in->pos = start;
}

/* Drop the text before pos: the commands in it have run. */
void input_discard(struct input *in)
{
    memmove(in->buf, in->buf + in->pos, in->len - in->pos);
    in->len -= in->pos;
    in->pos = 0;
    in->buf[in->len] = '\0';
}
