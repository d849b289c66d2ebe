// Every address-taken local gets a capability bounded to exactly that object; a pointer to an
// element keeps the whole array's bounds. Hand-written expectations.
#include <stdio.h>
#include <cheriintrin.h>

struct s { int a; char b[20]; };

static unsigned long len(const void *p) { return (unsigned long)cheri_length_get(p); }
static long off(const void *p) { return (long)(cheri_address_get(p) - cheri_base_get(p)); }

int main(void) {
    int x = 1;
    char c = 'c';
    double d = 2.0;
    struct s st = {0};
    int arr[10] = {0};
    char *ptr = &c;
    printf("int %lu\n", len(&x));
    printf("char %lu\n", len(&c));
    printf("double %lu\n", len(&d));
    printf("struct %lu\n", len(&st));
    printf("array %lu\n", len(arr));
    printf("pointer variable %lu\n", len(&ptr));
    printf("element: length %lu, offset %ld\n", len(&arr[2]), off(&arr[2]));
    printf("tags %d %d\n", (int)cheri_tag_get(&x), (int)cheri_tag_get(arr));
    return 0;
}
