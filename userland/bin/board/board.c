/*
 * board - a message board: people post short messages and read them back. One command a line:
 *
 *   POST name text...   -> posted #N (L -> P bytes)    the text is kept compressed
 *   READ n              -> #n name: text
 *   QUIT, or the end of the input, ends it; anything else -> ERR ...
 *
 * main (this file) parses the commands and keeps the posts. The compression is a run-length
 * codec from somewhere else (rle.c), which main calls only through glue.c: lab compartments
 * (labs/compartments/README.md) puts it in a compartment of its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glue.h"

#define MAX_POSTS 64
#define MAX_NAME 16
#define MAX_TEXT 256

/* The request line and the board's administrator password just past it: the library must
 * never see the password. */
static struct {
    char line[320];
    char password[32];
} board;

static struct post {
    char name[MAX_NAME];
    char *packed;            /* the text, run-length coded */
    size_t size, length;     /* of packed, and of the text */
} posts[MAX_POSTS];
static int nposts;

static void post(const char *name, const char *text)
{
    static char packed[2 * MAX_TEXT];
    size_t length = strlen(text);
    if (nposts == MAX_POSTS || strlen(name) >= MAX_NAME || length > MAX_TEXT) {
        puts(nposts == MAX_POSTS ? "ERR the board is full" : "ERR name or text too long");
        return;
    }
    long size = board_pack(text, length, packed, sizeof packed);
    if (size < 0) {
        puts("ERR cannot compress that");
        return;
    }
    struct post *p = &posts[nposts++];
    strcpy(p->name, name);
    p->packed = malloc(size);
    memcpy(p->packed, packed, size);
    p->size = size;
    p->length = length;
    printf("posted #%d (%zu -> %ld bytes)\n", nposts, length, size);
}

static void read_post(const char *number)
{
    int n = atoi(number);
    if (n < 1 || n > nposts) {
        printf("ERR no post %s\n", number);
        return;
    }
    struct post *p = &posts[n - 1];
    char *text = malloc(p->length + 1);
    long length = board_unpack(p->packed, p->size, text, p->length);
    if (length != (long)p->length)
        puts("ERR the post is damaged");
    else {
        text[length] = '\0';
        printf("#%d %s: %s\n", n, p->name, text);
    }
    free(text);
}

/* Run one command line; 0 when it says to stop. */
static int command(char *line)
{
    char *cmd = strtok(line, " ");
    char *arg = strtok(NULL, " ");
    char *rest = strtok(NULL, "");
    if (cmd != NULL && strcmp(cmd, "QUIT") == 0)
        return 0;
    if (cmd != NULL && strcmp(cmd, "POST") == 0 && arg && rest)
        post(arg, rest);
    else if (cmd != NULL && strcmp(cmd, "READ") == 0 && arg && !rest)
        read_post(arg);
    else
        puts("ERR usage: POST name text | READ n | QUIT");
    return 1;
}

int main(void)
{
    strcpy(board.password, "PASSWORD=swordfish");
    while (fgets(board.line, sizeof board.line, stdin) != NULL) {
        board.line[strcspn(board.line, "\n")] = '\0';
        if (!command(board.line))
            break;
        fflush(stdout);
    }
    return 0;
}
