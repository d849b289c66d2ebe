// expected: host
// GNU range designators `[first ... last] = value`, as gcc and clang accept them: lookup tables
// fill a run of elements at once, later designators override earlier ones, and the array's
// length comes from the last index named.
#include <stdio.h>

static const char digit_value[128] = {
    [0 ... 127] = -1,
    ['0' ... '9'] = 7,          /* overridden just below for '0' and '1' */
    ['0'] = 0, ['1'] = 1,
    ['a' ... 'f'] = 10,
};

static int squares_then_zero[] = { [2 ... 4] = 9, 16 };     /* the next element follows 4 */

struct op { const char *name; int prec; };
static struct op ops[6] = { [0 ... 5] = { "?", -1 }, [2].name = "+", [2].prec = 4 };

static void hello(void) { printf("hello\n"); }
static void bye(void) { printf("bye\n"); }
static void (*const handlers[4])(void) = { [0 ... 3] = hello, [3] = bye };

int main(void) {
    for (int c = '.'; c <= 'g'; c++)
        if (c <= '2' || c >= 'a')
            printf("%c=%d ", c, digit_value[c]);
    printf("\n%zu:", sizeof squares_then_zero / sizeof squares_then_zero[0]);
    for (unsigned i = 0; i < sizeof squares_then_zero / sizeof squares_then_zero[0]; i++)
        printf(" %d", squares_then_zero[i]);
    printf("\n");
    for (int i = 0; i < 6; i++)
        printf("%s%d ", ops[i].name, ops[i].prec);
    printf("\n");
    for (int i = 0; i < 4; i++)
        handlers[i]();

    int n = 5;
    int local[8] = { [1 ... 3] = n, [5 ... 7] = n * 2, [6] = 0 };
    for (int i = 0; i < 8; i++)
        printf("%d ", local[i]);
    printf("\n");
    struct op local_ops[3] = { [0 ... 2].name = "x", [1 ... 2].prec = n };
    for (int i = 0; i < 3; i++)
        printf("%s%d ", local_ops[i].name, local_ops[i].prec);
    printf("\n");
    return 0;
}
