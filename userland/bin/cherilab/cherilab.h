/*
 * cherilab.h - what the two files of /bin/cherilab share (lab cheri, labs/cheri/README.md):
 * main.c runs the experiments, exercises.c holds the functions the student writes.
 */
#ifndef CHERILAB_H
#define CHERILAB_H

#include <stddef.h>

/* A bump allocator: objects carved one after another out of one block of memory. */
struct arena {
    char *base;         /* the block: a capability to all of it */
    size_t size;
    size_t used;        /* the first byte not handed out yet, from base */
};

#define ARENA_ALIGN 16  /* every object can hold capabilities */

/* A struct with an array inside: the array's neighbour is the balance. */
struct account {
    char name[16];
    long balance;
};

/* A struct with a function pointer beside a buffer. */
struct greeter {
    char name[16];
    void (*greet)(const char *name);
};

/* exercises.c: the student's part. */
void *arena_alloc(struct arena *a, size_t n);
char *word_at(char *line, size_t start, size_t len);
char *account_name(struct account *acc);
const char *read_only(char *p);
char *pointer_from_address(ptraddr_t address);
void copy_pointer_bytes(void **dst, void *const *src);
void hijack(struct greeter *g, ptraddr_t target);

#endif
