// Globals, static locals and string literals are bounded by their sizes.
// Hand-written expectations.
#include <stdio.h>
#include <cheriintrin.h>

int gx;
int garr[7];
char gstr[] = "hello";
struct { long a; char b; } gs;
static double gd[3] = {1, 2, 3};
const char *const names[] = {"a", "bb"};

static unsigned long len(const void *p) { return (unsigned long)cheri_length_get(p); }

static int *counter(void) {
    static int n;
    return &n;
}

int main(void) {
    printf("int %lu\n", len(&gx));
    printf("int[7] %lu\n", len(garr));
    printf("char[] %lu\n", len(gstr));
    printf("struct %lu\n", len(&gs));
    printf("static double[3] %lu\n", len(gd));
    printf("pointer array %lu\n", len(names));
    printf("static local %lu\n", len(counter()));
    printf("literal %lu\n", len("literal"));
    printf("names[1] %lu\n", len(names[1]));
    printf("element offset %ld\n", (long)(cheri_address_get(&garr[6]) - cheri_base_get(&garr[6])));
    return 0;
}
