// sizeof applied to expressions: arrays versus the pointers they decay to (16 bytes), array
// parameters, string literals, and operands that are not evaluated. Hand-written expectations.
#include <stdio.h>

static int param_size(int a[10]) { return (int)sizeof a; }     /* a is an int * */
static int evaluated;
static int side_effect(void) { evaluated = 1; return 1; }

int main(void) {
    int arr[10];
    int *p = arr;
    char str[] = "hello";
    const char *sp = "hello";
    printf("%d %d\n", (int)sizeof arr, (int)sizeof p);          /* 40 16 */
    printf("%d %d\n", (int)sizeof str, (int)sizeof sp);         /* 6 16 */
    printf("%d\n", param_size(arr));                            /* 16 */
    printf("%d\n", (int)sizeof(arr + 0));                       /* 16 */
    printf("%d\n", (int)sizeof *p);                             /* 4 */
    printf("%d\n", (int)sizeof &arr);                           /* 16 */
    printf("%d\n", (int)sizeof "abc");                          /* 4 */
    printf("%d\n", (int)sizeof(side_effect()));                 /* 4, and not called */
    printf("%d\n", evaluated);                                  /* 0 */
    int *ptrs[4];
    printf("%d %d\n", (int)sizeof ptrs, (int)(sizeof ptrs / sizeof ptrs[0]));   /* 64 4 */
    char *words[] = {"a", "bb", "ccc"};
    printf("%d\n", (int)(sizeof words / sizeof *words));        /* 3 */
    printf("%d\n", (int)sizeof(sizeof(int)));                   /* size_t: 8 */
    printf("%d\n", (int)sizeof(p - p));                         /* ptrdiff_t: 8 */
    return 0;
}
