/*
 * io.c - the streams that print > >> | and getline < | open, by name, and close(), fflush(),
 * system().
 *
 * A stream stays open from its first use until close(NAME) or the end of the program, so that
 * print > "f" in a loop writes every line to f, and "cmd" | getline reads cmd's lines one by
 * one. "/dev/stdout" and "/dev/stderr" are awk's own standard output and error, "-" and
 * "/dev/stdin" (for getline <) its standard input. Before a command runs, our output is
 * flushed, so that what was printed before comes out before what the command prints.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "awk.h"

typedef struct Stream {
    char *name;
    int kind;                   /* '>' TK_APPEND '|' (output), GL_FILE GL_CMD (input) */
    FILE *f;
    struct Stream *next;
} Stream;

static Stream *streams;

static Stream *find_stream(const char *name)
{
    for (Stream *s = streams; s; s = s->next)
        if (strcmp(s->name, name) == 0)
            return s;
    return NULL;
}

static void flush_all(void)
{
    fflush(stdout);
    for (Stream *s = streams; s; s = s->next)
        if (s->kind == '>' || s->kind == TK_APPEND || s->kind == '|')
            fflush(s->f);
}

static FILE *open_stream(int kind, const char *name)
{
    if (strcmp(name, "/dev/stdout") == 0 && kind != GL_FILE && kind != GL_CMD)
        return stdout;
    if (strcmp(name, "/dev/stderr") == 0 && kind != GL_FILE && kind != GL_CMD)
        return stderr;
    if ((strcmp(name, "-") == 0 || strcmp(name, "/dev/stdin") == 0) && kind == GL_FILE)
        return stdin;
    switch (kind) {
    case '>':
        return fopen(name, "w");
    case TK_APPEND:
        return fopen(name, "a");
    case GL_FILE:
        return fopen(name, "r");
    default:
        flush_all();
        return popen(name, kind == '|' ? "w" : "r");
    }
}

static FILE *get_stream(int kind, const char *name)
{
    Stream *s = find_stream(name);
    if (s)
        return s->f;
    FILE *f = open_stream(kind, name);
    if (!f)
        return NULL;
    s = xmalloc(sizeof *s);
    s->name = xstrdup(name);
    s->kind = kind;
    s->f = f;
    s->next = streams;
    streams = s;
    return f;
}

FILE *output_stream(int kind, const char *name, int line)
{
    FILE *f = get_stream(kind, name);
    if (!f)
        fatal(line, "can't redirect to %s", name);
    return f;
}

FILE *input_stream(int kind, const char *name)
{
    return get_stream(kind, name);
}

/* A command's exit status from wait's status. */
static int exit_status(int status)
{
    if (status == -1)
        return -1;
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 256 + WTERMSIG(status);
}

static int close_one(Stream *s)
{
    forget_input(s->f);
    if (s->f == stdout || s->f == stderr)
        return fflush(s->f);
    if (s->f == stdin)
        return 0;
    if (s->kind == '|' || s->kind == GL_CMD)
        return exit_status(pclose(s->f));
    return fclose(s->f);
}

int close_stream(const char *name)
{
    for (Stream **p = &streams; *p; p = &(*p)->next)
        if (strcmp((*p)->name, name) == 0) {
            Stream *s = *p;
            *p = s->next;
            int status = close_one(s);
            free(s->name);
            free(s);
            return status;
        }
    return -1;
}

int flush_stream(const char *name)
{
    Stream *s = find_stream(name);
    if (!s)
        return -1;
    return fflush(s->f);
}

/* At the end: the pipes are closed (and waited for) before our own output is flushed, as mawk
 * does, so that "sort"'s lines come before what was printed after them. */
void close_all_streams(void)
{
    while (streams)
        close_stream(streams->name);
}

int run_system(const char *cmd)
{
    flush_all();
    return exit_status(system(cmd));
}
