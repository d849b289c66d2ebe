// stddef.h: offsetof (in a struct without pointers), NULL, size_t and ptrdiff_t arithmetic.
// expected: host
#include <stdio.h>
#include <stddef.h>

struct s { char c; int i; short h; double d; char tail[3]; };

int main(void) {
    printf("%zu %zu %zu %zu %zu\n", offsetof(struct s, c), offsetof(struct s, i), offsetof(struct s, h),
           offsetof(struct s, d), offsetof(struct s, tail));
    printf("%zu\n", sizeof(struct s));
    int arr[10];
    ptrdiff_t d = &arr[9] - &arr[2];
    size_t n = sizeof arr / sizeof arr[0];
    printf("%td %zu\n", d, n);
    void *p = NULL;
    printf("%d\n", p == 0);
    size_t big = (size_t)-1;
    printf("%d\n", big > 0);
    return 0;
}
