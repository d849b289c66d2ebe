/*
 * tsort - a total order from a partial one (a topological sort).
 *
 *     tsort [FILE]
 *
 * Reads pairs of words (separated by blanks and newlines) from FILE (standard input without
 * one, or for "-"): "a b" says a comes before b; "a a" only says a exists. Writes every word,
 * one a line, each after all those that must come before it.
 * The order is GNU tsort's (Knuth's algorithm T): the words nothing comes before, in byte
 * order, then the ones that frees, in the order they are freed. A cycle is reported on stderr
 * ("tsort: FILE: input contains a loop:" and its words), broken, and the sort goes on; the
 * status is then 1.
 * Exit status: 0, or 1 for a loop, an odd number of words or an unreadable file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct successor {
    struct item *item;
    struct successor *next;
};

struct item {
    char *word;
    long count;                 /* how many must still come before it */
    int printed;
    struct item *qlink;         /* the queue of free items; the path while looking for a loop */
    struct successor *top;      /* the items it comes before, the last recorded first */
};

static struct item **items;     /* in byte order of their words (GNU walks a search tree) */
static size_t nitems, items_size;
static struct item *head, *zeros, *loop;

/* the item of word, added if new */
static struct item *find_item(const char *word)
{
    size_t lo = 0, hi = nitems;
    struct item *it;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int order = strcmp(word, items[mid]->word);

        if (order == 0)
            return items[mid];
        if (order < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (nitems == items_size)
        items = realloc(items, (items_size = items_size * 2 + 64) * sizeof *items);
    memmove(items + lo + 1, items + lo, (nitems - lo) * sizeof *items);
    it = calloc(1, sizeof *it);
    it->word = strdup(word);
    items[lo] = it;
    nitems++;
    return it;
}

static void record_relation(struct item *j, struct item *k)
{
    struct successor *p;

    if (strcmp(j->word, k->word) == 0)
        return;
    k->count++;
    p = malloc(sizeof *p);
    p->item = k;
    p->next = j->top;
    j->top = p;
}

/* GNU's loop finder, called on each item in order until it returns 1: a path is grown back
   from the first item still waiting through qlink, until it closes; that loop is printed and
   one of its relations removed */
static int detect_loop(struct item *k, const char *file)
{
    struct successor **p;

    if (k->count <= 0)
        return 0;
    if (loop == NULL) {
        loop = k;
        return 0;
    }
    for (p = &k->top; *p; p = &(*p)->next) {
        if ((*p)->item != loop)
            continue;
        if (k->qlink) {
            (void)file;
            while (loop) {
                struct item *tmp = loop->qlink;

                fprintf(stderr, "tsort: %s\n", loop->word);
                if (loop == k) {
                    (*p)->item->count--;
                    *p = (*p)->next;
                    break;
                }
                loop->qlink = NULL;
                loop = tmp;
            }
            while (loop) {
                struct item *tmp = loop->qlink;

                loop->qlink = NULL;
                loop = tmp;
            }
            return 1;
        }
        k->qlink = loop;
        loop = k;
        break;
    }
    return 0;
}

/* the next word of f into *word: 0 at the end */
static int read_word(FILE *f, char **word, size_t *size)
{
    size_t len = 0;
    int c;

    while ((c = getc(f)) == ' ' || c == '\t' || c == '\n')
        ;
    if (c == EOF)
        return 0;
    do {
        if (len + 1 >= *size)
            *word = realloc(*word, *size = *size * 2 + 32);
        (*word)[len++] = (char)c;
    } while ((c = getc(f)) != EOF && c != ' ' && c != '\t' && c != '\n');
    (*word)[len] = '\0';
    return 1;
}

int main(int argc, char **argv)
{
    const char *file = "-";
    struct item *j = NULL, *k = NULL;
    char *word = NULL;
    size_t size = 0, left;
    int status = 0, c;
    FILE *f = stdin;

    while ((c = getopt(argc, argv, "")) != -1) {
        fprintf(stderr, "usage: tsort [FILE]\n");
        return 1;
    }
    if (argc - optind > 1) {
        fprintf(stderr, "tsort: extra operand '%s'\n", argv[optind + 1]);
        fprintf(stderr, "usage: tsort [FILE]\n");
        return 1;
    }
    if (optind < argc)
        file = argv[optind];
    if (strcmp(file, "-") != 0 && (f = fopen(file, "r")) == NULL) {
        fprintf(stderr, "tsort: %s: %s\n", file, strerror(errno));
        return 1;
    }
    while (read_word(f, &word, &size)) {
        k = find_item(word);
        if (j != NULL) {
            record_relation(j, k);
            k = NULL;
        }
        j = k;
    }
    if (k != NULL) {
        fprintf(stderr, "tsort: %s: input contains an odd number of tokens\n", file);
        return 1;
    }
    left = nitems;
    while (left > 0) {
        /* the items nothing waits before, in order */
        for (size_t i = 0; i < nitems; i++) {
            struct item *it = items[i];

            if (it->count == 0 && !it->printed) {
                if (head == NULL)
                    head = it;
                else
                    zeros->qlink = it;
                zeros = it;
            }
        }
        while (head) {
            puts(head->word);
            head->printed = 1;
            left--;
            for (struct successor *p = head->top; p; p = p->next) {
                if (--p->item->count == 0) {
                    zeros->qlink = p->item;
                    zeros = p->item;
                }
            }
            head = head->qlink;
        }
        if (left > 0) {
            fflush(stdout);
            fprintf(stderr, "tsort: %s: input contains a loop:\n", file);
            status = 1;
            do {
                for (size_t i = 0; i < nitems; i++)
                    if (detect_loop(items[i], file))
                        break;
            } while (loop);
        }
    }
    return status;
}
