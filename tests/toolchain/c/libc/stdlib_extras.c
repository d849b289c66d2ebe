// More of stdlib.h: lldiv, strtof, reallocarray, aligned_alloc, posix_memalign,
// malloc_usable_size, rand_r, random/srandom, and the environment (setenv, getenv, unsetenv,
// putenv). Only implementation-independent properties are printed.
// expected: host
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>                 /* glibc declares malloc_usable_size here, not in stdlib.h */
#endif

int main(void) {
    lldiv_t d = lldiv(-7000000000000LL, 3LL);
    printf("%lld %lld\n", d.quot, d.rem);
    char *end;
    float f = strtof("2.5e-1xyz", &end);
    printf("%.3f %s\n", (double)f, end);
    int *a = reallocarray(NULL, 10, sizeof(int));
    for (int i = 0; i < 10; i++)
        a[i] = i;
    a = reallocarray(a, 20, sizeof(int));
    printf("%d %d\n", a[9], reallocarray(a, (size_t)-1, 16) == NULL);
    free(a);
    void *al = aligned_alloc(64, 128);
    printf("aligned_alloc: %d\n", al != NULL && (uintptr_t)al % 64 == 0);
    free(al);
    void *pm = NULL;
    int rc = posix_memalign(&pm, 256, 100);
    printf("posix_memalign: %d %d\n", rc, pm != NULL && (uintptr_t)pm % 256 == 0);
    free(pm);
    char *m = malloc(40);
    printf("usable: %d\n", malloc_usable_size(m) >= 40);
    free(m);
    unsigned seed1 = 99, seed2 = 99;
    int same = 1;
    for (int i = 0; i < 10; i++)
        same &= rand_r(&seed1) == rand_r(&seed2);
    printf("rand_r repeatable: %d\n", same);
    srandom(5);
    long r1 = random();
    srandom(5);
    printf("random repeatable: %d, in range %d\n", random() == r1, r1 >= 0 && r1 <= 2147483647L);
    printf("%d\n", getenv("UFOS_TEST_VAR") == NULL);
    printf("%d\n", setenv("UFOS_TEST_VAR", "one", 1));
    printf("%s\n", getenv("UFOS_TEST_VAR"));
    setenv("UFOS_TEST_VAR", "two", 0);            /* no overwrite */
    printf("%s\n", getenv("UFOS_TEST_VAR"));
    setenv("UFOS_TEST_VAR", "three", 1);
    printf("%s\n", getenv("UFOS_TEST_VAR"));
    static char entry[] = "UFOS_OTHER=put";
    putenv(entry);
    printf("%s\n", getenv("UFOS_OTHER"));
    unsetenv("UFOS_TEST_VAR");
    printf("%d\n", getenv("UFOS_TEST_VAR") == NULL);
    printf("%d\n", setenv("BAD=NAME", "x", 1) == -1);
    return 0;
}
