// free() of a small allocation twice stops the program, even though the first free kept the
// chunk on a quick list for reuse (malloc.c): it is still "already freed".
// status: 134
// stderr: already freed (double free?)
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char *a = malloc(40), *b = malloc(40);
    free(a);
    char *c = malloc(40);                   /* a's chunk again, from the quick list */
    printf("reused: %d\n", c == a);
    free(c);
    free(b);
    printf("freed twice:\n");
    fflush(stdout);
    free(b);
    printf("not reached\n");
    return 0;
}
