/*
 * exercises.c - your part of lab cheri (labs/cheri/README.md): the functions /bin/cherilab's
 * experiments (main.c) call. Each one hands out a pointer, and the pointer is the whole
 * question: how much may its holder reach, and what may it do there? Set the bounds and the
 * permissions with the builtins of <cheriintrin.h>, or (parts 5 to 7) try to make a pointer
 * you were never given, and watch the machine refuse.
 */
#include <cheriintrin.h>
#include <string.h>
#include "cherilab.h"

/* Part 1, the heap: n bytes from the arena, at an address aligned for capabilities. The arena's
 * block is one capability; what you return is all the caller may touch. */
void *arena_alloc(struct arena *a, size_t n)
{
    ptraddr_t block = cheri_address_get(a->base);
    size_t length = n, align = ARENA_ALIGN, start;
    char *p;

    // BEGIN SOLUTION cheri
    /* Bounds are compressed: a large length is rounded up, and its base must be aligned, or the
     * bounds would be rounded out over the neighbours. Pad and align so they come out exact. */
    length = cheri_representable_length(n);
    if (~cheri_representable_alignment_mask(n) + 1 > align)
        align = ~cheri_representable_alignment_mask(n) + 1;
    // STUB
    // // TODO (part 1, large objects): the length and the alignment exact bounds need
    // END SOLUTION
    start = ((block + a->used + align - 1) & ~(align - 1)) - block;
    if (start > a->size || length > a->size - start)
        return NULL;
    a->used = start + length;
    p = a->base + start;
    // BEGIN SOLUTION cheri
    p = cheri_bounds_set_exact(p, length);
    // STUB
    // // TODO (part 1): bound p to the object
    // END SOLUTION
    return p;
}

/* Part 2, the stack: the word of len characters at line[start] (line is an array on the
 * caller's stack), with room for the NUL that ends it. */
char *word_at(char *line, size_t start, size_t len)
{
    char *word = line + start;

    // BEGIN SOLUTION cheri
    word = cheri_bounds_set(word, len + 1);
    // STUB
    // // TODO (part 2): bound word to the word and its NUL
    // END SOLUTION
    return word;
}

/* Part 3, a subobject: the account's name, for code that may change the name and nothing else. */
char *account_name(struct account *acc)
{
    char *name = acc->name;

    // BEGIN SOLUTION cheri
    name = cheri_bounds_set(name, sizeof acc->name);
    // STUB
    // // TODO (part 3): the array decays to a pointer to the whole struct; bound it to the array
    // END SOLUTION
    return name;
}

/* Part 4, permissions: a view of p that can read it (and the pointers in it) but never write. */
const char *read_only(char *p)
{
    // BEGIN SOLUTION cheri
    return cheri_perms_and(p, CHERI_PERM_LOAD | CHERI_PERM_LOAD_CAP);
    // STUB
    // return p;       /* TODO (part 4): keep only the permissions a reader needs */
    // END SOLUTION
}

/* Part 5, forging: a pointer to the byte at address, made from the number alone. */
char *pointer_from_address(ptraddr_t address)
{
    // BEGIN SOLUTION cheri
    return (char *)address;
    // STUB
    // return (char *)"not written yet";    /* TODO (part 5): make a pointer out of address */
    // END SOLUTION
}

/* Part 6, tags: *dst becomes *src, copied one byte at a time. */
void copy_pointer_bytes(void **dst, void *const *src)
{
    // BEGIN SOLUTION cheri
    const unsigned char *from = (const unsigned char *)src;
    unsigned char *to = (unsigned char *)dst;
    size_t i;

    for (i = 0; i < sizeof *src; i++)
        to[i] = from[i];
    // STUB
    // *dst = *src;       /* TODO (part 6): copy the sizeof *src bytes one by one, with char stores */
    // END SOLUTION
}

/* Part 7, control flow: make g->greet jump to the code at target, by writing target's bytes
 * over the pointer, as an overflow of g->name would. */
void hijack(struct greeter *g, ptraddr_t target)
{
    // BEGIN SOLUTION cheri
    memcpy(&g->greet, &target, sizeof target);
    // STUB
    // /* TODO (part 7): overwrite the address in g->greet with target */
    // END SOLUTION
}
