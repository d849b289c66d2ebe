// malloc, calloc, realloc and free: contents survive realloc, calloc zeroes, free(NULL) is fine.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    int *a = malloc(10 * sizeof *a);
    printf("%d\n", a != NULL);
    for (int i = 0; i < 10; i++)
        a[i] = i * i;
    a = realloc(a, 1000 * sizeof *a);
    printf("%d %d\n", a[3], a[9]);
    for (int i = 10; i < 1000; i++)
        a[i] = i;
    long sum = 0;
    for (int i = 0; i < 1000; i++)
        sum += a[i];
    printf("%ld\n", sum);
    a = realloc(a, 5 * sizeof *a);
    printf("%d %d\n", a[1], a[4]);
    free(a);
    char *z = calloc(100, 1);
    int zeros = 0;
    for (int i = 0; i < 100; i++)
        zeros += z[i] == 0;
    printf("%d\n", zeros);
    free(z);
    double *dz = calloc(7, sizeof(double));
    printf("%.1f %.1f\n", dz[0], dz[6]);
    free(dz);
    char *s = realloc(NULL, 6);
    strcpy(s, "hello");
    printf("%s\n", s);
    free(s);
    free(NULL);
    char *blocks[50];
    for (int i = 0; i < 50; i++) {
        blocks[i] = malloc((size_t)i + 1);
        memset(blocks[i], 'a' + i % 26, (size_t)i);
        blocks[i][i] = '\0';
    }
    int ok = 1;
    for (int i = 0; i < 50; i++)
        for (int j = 0; j < i; j++)
            ok &= blocks[i][j] == 'a' + i % 26;
    printf("%d %s\n", ok, blocks[5]);
    for (int i = 0; i < 50; i += 2)
        free(blocks[i]);
    for (int i = 0; i < 50; i += 2)
        blocks[i] = calloc(1, 3);
    printf("%d %s\n", blocks[0][0], blocks[7]);
    for (int i = 0; i < 50; i++)
        free(blocks[i]);
    return 0;
}
