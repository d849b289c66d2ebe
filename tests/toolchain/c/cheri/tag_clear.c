// cheri_tag_clear gives a pointer with the same address that can no longer be used.
// Hand-written expectations.
// status: 162
// stderr: capability tag fault: load
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    int x = 5;
    int *p = &x;
    int *cleared = cheri_tag_clear(p);
    printf("value %d\n", *p);
    printf("tags %d %d\n", (int)cheri_tag_get(p), (int)cheri_tag_get(cleared));
    printf("same address %d, same bounds %d\n", cheri_address_get(cleared) == cheri_address_get(p),
           cheri_length_get(cleared) == cheri_length_get(p));
    fflush(stdout);
    printf("%d\n", *cleared);
    printf("not reached\n");
    return 0;
}
