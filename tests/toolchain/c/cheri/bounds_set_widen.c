// Bounds can only shrink (monotonicity): asking for wider bounds than a pointer has gives an
// untagged result, and using it is a tag fault. Hand-written expectations.
// status: 162
// stderr: capability tag fault: store
#include <stdio.h>
#include <stdlib.h>
#include <cheriintrin.h>

int main(void) {
    char *p = malloc(16);
    char *same = cheri_bounds_set(p, 16);
    char *narrow = cheri_bounds_set(p + 4, 4);
    char *wide = cheri_bounds_set(p, 32);
    char *rewiden = cheri_bounds_set(narrow, 8);
    printf("same %d, narrow %d, wide %d, rewiden %d\n", (int)cheri_tag_get(same), (int)cheri_tag_get(narrow),
           (int)cheri_tag_get(wide), (int)cheri_tag_get(rewiden));
    printf("original still tagged %d\n", (int)cheri_tag_get(p));
    fflush(stdout);
    wide[0] = 1;
    printf("not reached\n");
    return 0;
}
