/*
 * cherilab - the experiments of lab cheri (labs/cheri/README.md), CHERI C in practice.
 *
 *     cherilab EXPERIMENT
 *
 * Each experiment takes a pointer from a function of exercises.c (the student's part), uses it
 * as it should be used, then does the one wrong thing a buggy or malicious program would do:
 *
 *     heap        write 40 bytes into a 24-byte object of an arena        (bounds)
 *     heap-big    write one byte below a 200001-byte object of the arena  (bounds)
 *     stack       copy a long word over a short one in a line on the stack (bounds)
 *     subobject   write a 24-character name into a 16-byte member          (bounds)
 *     readonly    write through a read-only view of a buffer               (permission)
 *     forge       read through a pointer made from an integer              (tag)
 *     tags        read through a pointer copied byte by byte               (tag)
 *     funcptr     call a function pointer whose address was overwritten    (tag)
 *
 * On a CHERI machine with the right bounds and permissions, the wrong access traps: the kernel
 * kills the program with SIGPROT and says why on its standard error. If it does not trap, the
 * experiment says what the wrong access did on its standard error and exits with 1.
 * Exit status: 128 + SIGPROT when caught, 1 when not, 2 for a bad argument.
 */
#include <cheriintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cherilab.h"

#define ARENA_SIZE (256 * 1024)
#define PAGE 4096

/* The wrong access did not trap: say what it did instead. */
static int not_caught(const char *experiment, const char *what, const char *value)
{
    fprintf(stderr, "cherilab %s: not caught: %s%s\n", experiment, what, value);
    return 1;
}

/* Say what comes next, and make sure it is out before a trap can end the program. */
static void say(const char *what, const void *p)
{
    printf("%s %p\n", what, p);
    fflush(stdout);
}

static void fill(char *p, char c, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = c;
}

/* An arena over a fresh block of memory whose first byte is at a page boundary, so that where
 * objects land does not depend on malloc. */
static int arena_init(struct arena *a)
{
    char *block = malloc(ARENA_SIZE + PAGE);

    if (block == NULL)
        return 0;
    a->base = block + ((PAGE - cheri_address_get(block) % PAGE) % PAGE);
    a->size = ARENA_SIZE;
    a->used = 0;
    return 1;
}

static int heap(void)
{
    struct arena ar;
    char *a, *b;

    if (!arena_init(&ar) || (a = arena_alloc(&ar, 24)) == NULL || (b = arena_alloc(&ar, 24)) == NULL)
        return not_caught("heap", "the arena is out of memory", "");
    fill(a, 'a', 24);
    strcpy(b, "balance=100");
    say("a =", a);
    say("b =", b);
    say("writing 40 bytes into a, which holds 24:", a);
    fill(a, 'A', 40);
    return not_caught("heap", "the overflow reached b, which now says ", b);
}

static int heap_big(void)
{
    struct arena ar;
    char *a, *big;

    if (!arena_init(&ar) || (a = arena_alloc(&ar, 24)) == NULL || (big = arena_alloc(&ar, 200001)) == NULL)
        return not_caught("heap-big", "the arena is out of memory", "");
    strcpy(a, "balance=100");
    say("a =", a);
    say("big =", big);
    fill(big, 'B', 200001);
    say("writing the byte before big:", big - 1);
    big[-1] = 'X';
    return not_caught("heap-big", "the write below big went into the arena, outside big", "");
}

static int stack(void)
{
    char line[64];
    char *first, *second;

    strcpy(line, "alpha beta gamma");
    first = word_at(line, 0, 5);
    second = word_at(line, 6, 4);
    first[5] = second[4] = '\0';
    say("first =", first);
    say("second =", second);
    say("copying \"alphabetical\" over the first word:", first);
    strcpy(first, "alphabetical");
    return not_caught("stack", "the second word is now ", second);
}

static int subobject(void)
{
    struct account *acc = malloc(sizeof *acc);
    char *name;

    if (acc == NULL)
        return not_caught("subobject", "out of memory", "");
    acc->balance = 100;
    name = account_name(acc);
    strcpy(name, "Eve");
    say("name =", name);
    say("writing a 24-character name into name[16]:", name);
    strcpy(name, "Mallory the Magnificent");
    return not_caught("subobject", "the name ran over into the balance", "");
}

static int readonly(void)
{
    char *secret = malloc(32);
    const char *view;

    if (secret == NULL)
        return not_caught("readonly", "out of memory", "");
    strcpy(secret, "the launch code is 0000");
    view = read_only(secret);
    say("view =", view);
    printf("through the view: %s\n", view);
    say("writing through the view:", view);
    ((char *)view)[0] = 'X';
    return not_caught("readonly", "the secret now says ", secret);
}

static int forge(void)
{
    static char secret[16] = "s3cret";
    char *p;

    say("secret =", secret);
    p = pointer_from_address(cheri_address_get(secret));
    say("p =", p);
    say("reading through p:", p);
    if (*p != 's' || p != secret)
        return not_caught("forge", "read a byte through p, from ", p);
    return not_caught("forge", "read the secret through p: ", p);
}

static int tags(void)
{
    char *secret = malloc(16);
    void *copy = NULL;

    if (secret == NULL)
        return not_caught("tags", "out of memory", "");
    strcpy(secret, "s3cret");
    say("secret =", secret);
    copy_pointer_bytes(&copy, (void *const *)&secret);
    printf("the copy's 16 bytes %s the original's\n", memcmp(&copy, &secret, sizeof copy) ? "differ from" : "match");
    say("copy =", copy);
    say("reading through copy:", copy);
    return not_caught("tags", "read the secret through the copy: ", (char *)copy);
}

static void greet(const char *name)
{
    printf("hello, %s\n", name);
}

static void win(const char *name)
{
    (void)name;
    fprintf(stderr, "cherilab funcptr: not caught: win() ran: the control flow was hijacked\n");
    exit(1);
}

static int funcptr(void)
{
    struct greeter g;

    strcpy(g.name, "world");
    g.greet = greet;
    g.greet(g.name);
    say("win =", win);
    hijack(&g, cheri_address_get(win));
    say("calling g.greet:", g.greet);
    g.greet(g.name);
    return not_caught("funcptr", "g.greet still greets", "");
}

static const struct {
    const char *name;
    int (*run)(void);
} experiments[] = {
    {"heap", heap}, {"heap-big", heap_big}, {"stack", stack}, {"subobject", subobject},
    {"readonly", readonly}, {"forge", forge}, {"tags", tags}, {"funcptr", funcptr},
};

int main(int argc, char **argv)
{
    size_t i;

    for (i = 0; argc == 2 && i < sizeof experiments / sizeof experiments[0]; i++)
        if (strcmp(argv[1], experiments[i].name) == 0)
            return experiments[i].run();
    fprintf(stderr, "usage: cherilab EXPERIMENT, one of:");
    for (i = 0; i < sizeof experiments / sizeof experiments[0]; i++)
        fprintf(stderr, " %s", experiments[i].name);
    fprintf(stderr, "\n");
    return 2;
}
