// String literals are read-only data: their capabilities have no Store permission, so writing to
// one is a capability permission fault. Hand-written expectations.
// status: 162
// stderr: capability permission fault: store
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    char *s = (char *)"read only";
    char copy[] = "writable";
    copy[0] = 'W';
    printf("%s\n", copy);
    printf("literal store permission %d\n", (cheri_perms_get(s) & CHERI_PERM_STORE) != 0);
    fflush(stdout);
    s[0] = 'R';
    printf("not reached\n");
    return 0;
}
