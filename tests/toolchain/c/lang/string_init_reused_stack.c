// expected: host
// A local char array initialised by a string literal gets every byte of the literal, its zeros
// included (the terminating one, and any inside it), even where the frame it lives in holds
// another call's leftovers: the initializer may not assume the stack starts out zeroed.
#include <stdio.h>
#include <string.h>

/* Leaves non-zero bytes where the next call's locals will be. */
static void scribble(void) {
    volatile char junk[128];
    for (int i = 0; i < 128; i++)
        junk[i] = 'x';
}

static void terminated(void) {
    char s[] = "{/* a comment of fifty bytes, give or take */ 1}";
    char t[] = "ab";
    printf("%zu %zu %s %zu %s\n", sizeof s, strlen(s), s, strlen(t), t);
}

static void inner_zeros(void) {
    char s[] = "a\0\0\0\0\0\0\0\0b\0c";
    for (size_t i = 0; i < sizeof s; i++)
        printf("%d ", s[i]);
    printf("\n");
}

static void exact_size(void) {
    char s[4] = "abc";            /* the literal's zero fills the last element */
    char u[8] = "ab";             /* and the rest of a bigger array is zero */
    printf("%s %d %s %d %d\n", s, s[3], u, u[5], u[7]);
}

int main(void) {
    scribble();
    terminated();
    scribble();
    inner_zeros();
    scribble();
    exact_size();
    return 0;
}
