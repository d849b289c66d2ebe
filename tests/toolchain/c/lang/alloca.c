// expected: host
// alloca (<alloca.h>): storage in the calling function's frame, of a size known only at run time,
// that lives until the function returns (not only until the end of its block), as in gcc.
#include <alloca.h>
#include <stdio.h>
#include <string.h>

static int sum_squares(int n) {
    int *v = alloca(n * sizeof *v);
    for (int i = 0; i < n; i++)
        v[i] = i * i;
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

static void join(const char *a, const char *b) {
    char *both;
    {
        size_t n = strlen(a) + strlen(b) + 1;
        both = __builtin_alloca(n);         /* still ours after the block */
        strcpy(both, a);
        strcat(both, b);
    }
    printf("%s\n", both);
}

int main(void) {
    printf("%d %d %d\n", sum_squares(1), sum_squares(10), sum_squares(100));
    join("alloca", " works");
    char *blocks[4];
    for (int i = 0; i < 4; i++) {           /* each call takes more; none is given back early */
        blocks[i] = alloca(32);
        snprintf(blocks[i], 32, "block %d", i);
    }
    for (int i = 0; i < 4; i++)
        printf("%s\n", blocks[i]);
    return 0;
}
