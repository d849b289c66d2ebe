// Pointer comparison compares addresses only: an untagged copy or a copy with fewer permissions
// compares equal to the original. Hand-written expectations.
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    int arr[4];
    int *p = &arr[1];
    int *cleared = cheri_tag_clear(p);
    int *readonly = cheri_perms_and(p, ~CHERI_PERM_STORE);
    int *narrow = cheri_bounds_set(p, sizeof(int));
    printf("%d %d %d\n", p == cleared, p == readonly, p == narrow);
    printf("%d %d\n", p < &arr[2], p > &arr[0]);
    printf("%d\n", (int)(&arr[3] - narrow));
    printf("tags %d %d %d\n", (int)cheri_tag_get(cleared), (int)cheri_tag_get(readonly), (int)cheri_tag_get(narrow));
    return 0;
}
