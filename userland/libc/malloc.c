/*
 * malloc.c - the memory allocator: malloc, calloc, realloc, free and aligned_alloc.
 *
 * WHERE MEMORY COMES FROM. The kernel's mmap gives capabilities to fresh zeroed pages. The
 * allocator takes them in ARENAS of 256 KiB and carves each arena into CHUNKS; a request bigger
 * than 64 KiB gets a mapping of its own (a "big" allocation), returned to the kernel on free.
 *
 * WHAT A CALLER GETS. A capability bounded to exactly the bytes it asked for, so that running
 * off the end of an allocation is a capability fault. CHERI Concentrate cannot represent every
 * length exactly: from 16 KiB up, the length must be rounded up a little
 * (cheri_representable_length) and the start aligned (cheri_representable_alignment_mask).
 * The allocator rounds and aligns first, so cheri_bounds_set_exact always succeeds.
 *
 * WHO MAY TOUCH THE METADATA. The caller's capability covers only its own bytes, so the
 * allocator never reads a chunk's header through it (that would fault, and it would let a
 * caller forge headers). free() takes just the ADDRESS from the caller's pointer, finds the
 * arena that contains it, and reaches the header through the arena's capability, which the
 * allocator keeps to itself. It also checks the pointer: it must be valid (tagged), unsealed,
 * at the start of its bounds, and the start of a chunk in use; anything else stops the program.
 *
 * A CHUNK, in an arena:
 *     +0   size       bytes in the chunk, header included, a multiple of 16; bit 0 = in use
 *     +8   prev_size  bytes in the chunk just below (0 for an arena's first chunk)
 *     +16  the caller's bytes; while the chunk is free, the links of its free list
 * Each arena ends with a header of size 0 (in use), so walking upwards stops there.
 * Free chunks sit in BINS by size: one bin per multiple of 16 below 1 KiB, then one per power
 * of two. Freed neighbours are merged at once (boundary tags: size and prev_size).
 *
 * QUICK LISTS. Most programs free and allocate the same few small sizes over and over (a
 * server: a request's buffers and strings). So a freed chunk below 1 KiB first goes on the quick
 * list of its exact size (up to QUICK_MAX of them), unmerged and still marked in use for its
 * neighbours, with a second bit (QUICK) that says it is free; malloc of that size takes it
 * back in a few instructions, without searching, splitting or merging. (glibc's tcache does
 * the same.) The checks of free() hold for them too: a chunk on a quick list is "already freed".
 *
 * Not done: giving an empty arena back to the kernel; revoking the capabilities a program
 * still holds to freed memory (use after free is not caught; see CHERI's Cornucopia).
 */
#include <cheriintrin.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "libc.h"

#define ARENA_SIZE (256 * 1024)
#define BIG_REQUEST (64 * 1024)     /* larger requests get a mapping of their own */
#define PAGE 4096
#define GRANULE 16                  /* every chunk is 16-aligned: it may hold capabilities */
#define IN_USE 1UL
#define QUICK 2UL                   /* with IN_USE: free, on a quick list */
#define FLAGS (IN_USE | QUICK)
#define QUICK_MAX 32                /* chunks kept on one quick list (beyond: merged in the bins) */

struct chunk {
    size_t size;                    /* bytes in the chunk, header included | IN_USE | QUICK */
    size_t prev_size;               /* bytes in the chunk below (0: none) */
    struct chunk *next;             /* free chunks only: the bin's list, or the quick list */
    struct chunk *prev;
};

#define HEADER 16                                             /* size and prev_size */
#define MIN_CHUNK ((sizeof(struct chunk) + GRANULE - 1) & ~(size_t)(GRANULE - 1))

struct arena {
    struct arena *next;             /* this capability covers the whole arena */
    size_t size;
    size_t unused;
};
#define ARENA_HEADER ((sizeof(struct arena) + GRANULE - 1) & ~(size_t)(GRANULE - 1))

struct big {                        /* one big allocation (itself allocated in an arena) */
    struct big *next;
    char *map;                      /* the whole mapping */
    size_t map_size;
    ptraddr_t user;                 /* the address handed out */
};

#define SMALL_BINS 64               /* sizes 0, 16, ..., 1008 */
#define NBINS (SMALL_BINS + 48)

static struct chunk *bins[NBINS];
static struct chunk *quick[SMALL_BINS];         /* quick[i]: free chunks of exactly i * 16 bytes */
static int quick_count[SMALL_BINS];
static unsigned long binmap[(NBINS + 63) / 64];   /* bit i set: bins[i] is not empty */
static struct arena *arenas;
static struct big *bigs;

/* ---- small helpers ---------------------------------------------------------------------- */

static size_t round_up(size_t n, size_t align)
{
    return (n + align - 1) & ~(align - 1);
}

static size_t chunk_size(const struct chunk *c)
{
    return c->size & ~FLAGS;
}

static struct chunk *next_chunk(struct chunk *c)
{
    return (struct chunk *)((char *)c + chunk_size(c));
}

static struct chunk *prev_chunk(struct chunk *c)
{
    return (struct chunk *)((char *)c - c->prev_size);
}

/* Stop the program: a pointer given to free or realloc is not one malloc handed out. */
static _Noreturn void bad_pointer(const char *function, const char *why, void *p)
{
    fprintf(stderr, "%s: %s(%p): %s\n", __progname, function, p, why);
    abort();
}

/* ---- bins --------------------------------------------------------------------------------- */

static int bin_index(size_t size)
{
    int i = SMALL_BINS;

    if (size < SMALL_BINS * GRANULE)
        return (int)(size / GRANULE);
    size >>= 10;                    /* 1 KiB - 2 KiB -> bin 64, 2 KiB - 4 KiB -> 65, ... */
    while (size > 1 && i < NBINS - 1) {
        size >>= 1;
        i++;
    }
    return i;
}

static void bin_insert(struct chunk *c)
{
    int i = bin_index(chunk_size(c));

    c->prev = NULL;
    c->next = bins[i];
    if (bins[i] != NULL)
        bins[i]->prev = c;
    bins[i] = c;
    binmap[i / 64] |= 1UL << (i % 64);
}

static void bin_remove(struct chunk *c)
{
    int i;

    if (c->prev != NULL) {
        c->prev->next = c->next;
    } else {
        i = bin_index(chunk_size(c));
        bins[i] = c->next;
        if (bins[i] == NULL)
            binmap[i / 64] &= ~(1UL << (i % 64));
    }
    if (c->next != NULL)
        c->next->prev = c->prev;
}

/* The first bin at or after i that is not empty (NBINS if none): skips 64 empty bins a step. */
static int next_bin(int i)
{
    unsigned long bits;

    while (i < NBINS) {
        bits = binmap[i / 64] >> (i % 64);
        if (bits == 0) {
            i = (i / 64 + 1) * 64;
            continue;
        }
        while ((bits & 1) == 0) {
            bits >>= 1;
            i++;
        }
        return i;
    }
    return NBINS;
}

/* Give the chunk c a new size (flags included), keeping the chunk above informed. */
static void set_size(struct chunk *c, size_t size)
{
    c->size = size;
    next_chunk(c)->prev_size = size & ~FLAGS;
}

/* Cut c (in use, or about to be) down to `size` bytes; the rest becomes a free chunk, merged
 * with a free chunk above it. */
static void split(struct chunk *c, size_t size)
{
    size_t rest = chunk_size(c) - size;
    struct chunk *tail, *above;

    if (rest < MIN_CHUNK)
        return;
    set_size(c, size | (c->size & IN_USE));
    tail = next_chunk(c);
    tail->prev_size = size;
    above = (struct chunk *)((char *)tail + rest);
    if (above->size != 0 && !(above->size & IN_USE)) {
        bin_remove(above);
        rest += chunk_size(above);
    }
    set_size(tail, rest);
    bin_insert(tail);
}

/* ---- quick lists ------------------------------------------------------------------------ */

/* Keep the freed chunk c (in use, small) on its quick list; 0 if that list is full. */
static int quick_put(struct chunk *c)
{
    size_t i = chunk_size(c) / GRANULE;

    if (i >= SMALL_BINS || quick_count[i] == QUICK_MAX)
        return 0;
    c->size |= QUICK;
    c->next = quick[i];
    quick[i] = c;
    quick_count[i]++;
    return 1;
}

/* A chunk of exactly `size` bytes from its quick list (which is not empty), in use again. */
static struct chunk *quick_take(size_t size)
{
    size_t i = size / GRANULE;
    struct chunk *c = quick[i];

    quick[i] = c->next;
    quick_count[i]--;
    c->size &= ~QUICK;
    return c;
}

static void release(struct chunk *c);

/* Give every chunk on the quick lists back to the bins, merged: before mapping more memory. */
static void quick_flush(void)
{
    for (int i = 0; i < SMALL_BINS; i++)
        while (quick[i] != NULL)
            release(quick_take((size_t)i * GRANULE));
}

/* ---- finding space ------------------------------------------------------------------------ */

/* Where, in the free chunk c, a chunk of `need` bytes whose data is aligned to `align` would
 * start; 0 if it does not fit. A gap left below it must be big enough to be a chunk itself. */
static ptraddr_t fit(struct chunk *c, size_t need, size_t align)
{
    ptraddr_t start = __ADDR(c);
    ptraddr_t data = round_up(start + HEADER, align);

    if (data - HEADER != start && data - HEADER - start < MIN_CHUNK)
        data = round_up(start + HEADER + MIN_CHUNK, align);
    if (data - HEADER + need > start + chunk_size(c))
        return 0;
    return data - HEADER;
}

/* Take a free chunk of at least `need` bytes with suitably aligned data out of the bins, split
 * off what is not needed, and mark it in use. NULL if no free chunk will do. */
static struct chunk *take(size_t need, size_t align)
{
    int i;
    struct chunk *c;
    ptraddr_t at;
    size_t gap;

    for (i = next_bin(bin_index(need)); i < NBINS; i = next_bin(i + 1)) {
        for (c = bins[i]; c != NULL; c = c->next) {
            at = fit(c, need, align);
            if (at == 0)
                continue;
            bin_remove(c);
            gap = at - __ADDR(c);
            if (gap > 0) {                  /* leave the gap below as a free chunk */
                struct chunk *rest = (struct chunk *)((char *)c + gap);
                set_size(rest, chunk_size(c) - gap);
                set_size(c, gap);
                bin_insert(c);
                c = rest;
            }
            set_size(c, c->size | IN_USE);
            split(c, need);
            return c;
        }
    }
    return NULL;
}

/* Map a new arena with room for at least `need` bytes aligned to `align`, as one free chunk. */
static int new_arena(size_t need, size_t align)
{
    size_t size = round_up(ARENA_HEADER + need + align + MIN_CHUNK + HEADER, PAGE);
    struct arena *a;
    struct chunk *first, *end;

    if (size < ARENA_SIZE)
        size = ARENA_SIZE;
    a = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (a == MAP_FAILED)
        return -1;
    a->size = size;
    a->next = arenas;
    arenas = a;
    first = (struct chunk *)((char *)a + ARENA_HEADER);
    end = (struct chunk *)((char *)a + size - HEADER);
    first->prev_size = 0;
    end->size = 0 | IN_USE;                     /* the end marker */
    set_size(first, size - ARENA_HEADER - HEADER);
    bin_insert(first);
    return 0;
}

/* The arena that holds address addr (through the arena's own capability), or NULL. */
static struct arena *find_arena(ptraddr_t addr)
{
    struct arena *a;

    for (a = arenas; a != NULL; a = a->next)
        if (addr >= __ADDR(a) && addr < __ADDR(a) + a->size)
            return a;
    return NULL;
}

static struct big *find_big(ptraddr_t addr)
{
    struct big *b;

    for (b = bigs; b != NULL; b = b->next)
        if (b->user == addr)
            return b;
    return NULL;
}

/* ---- allocating ----------------------------------------------------------------------------- */

/* The caller's capability: `length` bytes from `data` (a capability of the allocator's own). */
static void *hand_out(char *data, size_t length)
{
    return (void *)cheri_bounds_set_exact((char * __capability)data, length);   /* hybrid: just data */
}

static void *allocate_big(size_t length, size_t align)
{
    size_t map_size = round_up(length + (align > PAGE ? align : 0), PAGE);
    char *map;
    struct big *b;
    ptraddr_t user;

    if (map_size < length)
        return NULL;
    map = mmap(NULL, map_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED)
        return NULL;
    b = malloc(sizeof(struct big));
    if (b == NULL) {
        munmap(map, map_size);
        return NULL;
    }
    user = round_up(__ADDR(map), align);
    b->map = map;
    b->map_size = map_size;
    b->user = user;
    b->next = bigs;
    bigs = b;
    return hand_out(map + (user - __ADDR(map)), length);
}

/* The heart of malloc: n bytes whose start is aligned to align (a power of two). */
static void *allocate(size_t n, size_t align)
{
    size_t length, need, mask;
    struct chunk *c;

    if (n > ((size_t)-1) / 2) {
        errno = ENOMEM;
        return NULL;
    }
    length = cheri_representable_length(n);
    mask = cheri_representable_alignment_mask(n);
    if (~mask + 1 > align)                      /* the alignment exact bounds need */
        align = ~mask + 1;
    if (align < GRANULE)
        align = GRANULE;

    if (length > BIG_REQUEST) {
        void *p = allocate_big(length, align);
        if (p == NULL)
            errno = ENOMEM;
        return p;
    }
    need = round_up(HEADER + length, GRANULE);
    if (need < MIN_CHUNK)
        need = MIN_CHUNK;
    if (align == GRANULE && need < SMALL_BINS * GRANULE && quick[need / GRANULE] != NULL)
        return hand_out((char *)quick_take(need) + HEADER, length);
    c = take(need, align);
    if (c == NULL) {
        quick_flush();
        c = take(need, align);
    }
    if (c == NULL) {
        if (new_arena(need, align) < 0) {
            errno = ENOMEM;
            return NULL;
        }
        c = take(need, align);
    }
    return hand_out((char *)c + HEADER, length);
}

void *malloc(size_t size)
{
    return allocate(size, GRANULE);
}

void *calloc(size_t nmemb, size_t size)
{
    void *p;

    if (size != 0 && nmemb > ((size_t)-1) / size) {
        errno = ENOMEM;
        return NULL;
    }
    p = malloc(nmemb * size);
    if (p != NULL)
        memset(p, 0, nmemb * size);
    return p;
}

void *aligned_alloc(size_t alignment, size_t size)
{
    if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
        errno = EINVAL;
        return NULL;
    }
    return allocate(size, alignment);
}

int posix_memalign(void **memptr, size_t alignment, size_t size)
{
    void *p;

    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    p = allocate(size, alignment);
    if (p == NULL)
        return ENOMEM;
    *memptr = p;
    return 0;
}

/* ---- freeing -------------------------------------------------------------------------------- */

/* Does c look like a chunk of arena a? Its size must be sane and agree with the boundary tags of
 * its neighbours (a pointer into the middle of an allocation almost never passes). */
static int is_chunk(struct arena *a, struct chunk *c)
{
    size_t size = chunk_size(c);
    ptraddr_t end = __ADDR(a) + a->size - HEADER;      /* the end marker */
    struct chunk *next = (struct chunk *)((char *)c + size), *prev;

    if (size < MIN_CHUNK || (size & (GRANULE - 1)) != 0 || __ADDR(c) + size > end)
        return 0;
    if (next->prev_size != size)
        return 0;
    if (c->prev_size == 0)
        return 1;                               /* the arena's first chunk */
    if (c->prev_size > __ADDR(c) - __ADDR(a) - ARENA_HEADER)
        return 0;
    prev = (struct chunk *)((char *)c - c->prev_size);
    return chunk_size(prev) == c->prev_size;
}

/* Check that p is a pointer malloc handed out and find its chunk, through the arena's
 * capability; *bigp is set instead (and NULL returned) for a big allocation. */
static struct chunk *owner(const char *function, void *p, struct big **bigp)
{
    void * __capability cap = __CAP(p);
    ptraddr_t addr = __ADDR(p);          /* as the arenas' addresses are: an offset in hybrid C */
    struct arena *a;
    struct chunk *c;

    *bigp = NULL;
    if (!cheri_tag_get(cap))
        bad_pointer(function, "not a valid pointer (its tag is clear)", p);
    if (cheri_is_sealed(cap))
        bad_pointer(function, "a sealed pointer", p);
    if (__BOUNDED_POINTERS && cheri_offset_get(cap) != 0)
        bad_pointer(function, "not the start of an allocation", p);
    a = find_arena(addr);
    if (a == NULL) {
        *bigp = find_big(addr);
        if (*bigp == NULL)
            bad_pointer(function, "not allocated by malloc", p);
        return NULL;
    }
    if ((addr & (GRANULE - 1)) != 0 || addr < __ADDR(a) + ARENA_HEADER + HEADER)
        bad_pointer(function, "not allocated by malloc", p);
    c = (struct chunk *)((char *)a + (addr - HEADER - __ADDR(a)));   /* the arena's authority */
    if (!is_chunk(a, c))
        bad_pointer(function, "not the start of an allocation", p);
    if (!(c->size & IN_USE) || (c->size & QUICK))
        bad_pointer(function, "already freed (double free?)", p);
    if (__BOUNDED_POINTERS && cheri_length_get(cap) > chunk_size(c) - HEADER)
        bad_pointer(function, "not allocated by malloc", p);
    return c;
}

/* Return the chunk c to the bins, merged with free neighbours. */
static void release(struct chunk *c)
{
    struct chunk *n = next_chunk(c);
    size_t size = chunk_size(c);

    if (n->size != 0 && !(n->size & IN_USE)) {
        bin_remove(n);
        size += chunk_size(n);
    }
    if (c->prev_size != 0 && !(prev_chunk(c)->size & IN_USE)) {
        c = prev_chunk(c);
        bin_remove(c);
        size += chunk_size(c);
    }
    set_size(c, size);
    bin_insert(c);
}

static void release_big(struct big *b)
{
    struct big **link = &bigs;

    while (*link != b)
        link = &(*link)->next;
    *link = b->next;
    munmap(b->map, b->map_size);
    free(b);
}

void free(void *p)
{
    struct big *b;
    struct chunk *c;

    if (p == NULL)
        return;
    c = owner("free", p, &b);
    if (c == NULL)
        release_big(b);
    else if (!quick_put(c))
        release(c);
}

/* ---- resizing ------------------------------------------------------------------------------- */

/* Make the chunk c (in use) hold need bytes in place, if it can or its free upper neighbour
 * can make room; 1 if done. */
static int resize_in_place(struct chunk *c, size_t need)
{
    struct chunk *n = next_chunk(c);

    if (chunk_size(c) < need && n->size != 0 && !(n->size & IN_USE)
            && chunk_size(c) + chunk_size(n) >= need) {
        bin_remove(n);
        set_size(c, (chunk_size(c) + chunk_size(n)) | IN_USE);
    }
    if (chunk_size(c) < need)
        return 0;
    split(c, need);
    return 1;
}

void *realloc(void *p, size_t size)
{
    struct big *b;
    struct chunk *c;
    size_t length, old, need;
    void *q;

    if (p == NULL)
        return malloc(size);
    if (size == 0) {
        free(p);
        return NULL;
    }
    c = owner("realloc", p, &b);
    length = cheri_representable_length(size);
    if (c != NULL && length <= BIG_REQUEST
            && (__ADDR(p) & ~cheri_representable_alignment_mask(size)) == 0) {
        need = round_up(HEADER + length, GRANULE);
        if (need < MIN_CHUNK)
            need = MIN_CHUNK;
        if (resize_in_place(c, need))
            return hand_out((char *)c + HEADER, length);   /* new bounds, from the arena */
    }
    if (b != NULL && length > BIG_REQUEST
            && b->user + length <= __ADDR(b->map) + b->map_size
            && (b->user & ~cheri_representable_alignment_mask(size)) == 0)
        return hand_out(b->map + (b->user - __ADDR(b->map)), length);  /* fits its mapping */
    q = malloc(size);
    if (q == NULL)
        return NULL;
    old = malloc_usable_size(p);
    memcpy(q, p, old < size ? old : size);
    free(p);
    return q;
}

void *reallocarray(void *p, size_t nmemb, size_t size)
{
    if (size != 0 && nmemb > ((size_t)-1) / size) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, nmemb * size);
}

/* The bytes the caller may use: exactly its pointer's bounds. A hybrid pointer has no bounds of
 * its own: there it is what its chunk or its mapping holds. */
size_t malloc_usable_size(void *p)
{
    struct big *b;
    struct chunk *c;

    if (p == NULL)
        return 0;
    if (__BOUNDED_POINTERS)
        return cheri_length_get(__CAP(p));
    c = owner("malloc_usable_size", p, &b);
    return c != NULL ? chunk_size(c) - HEADER : __ADDR(b->map) + b->map_size - b->user;
}
