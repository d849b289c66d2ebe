// goto: forward and backward jumps, leaving nested loops, a cleanup label.
// expected: host
#include <stdio.h>

static int find(int m[3][3], int target, int *ri, int *rj) {
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            if (m[i][j] == target) {
                *ri = i;
                *rj = j;
                goto found;
            }
    return 0;
found:
    return 1;
}

static int work(int fail_at) {
    int steps = 0;
    if (fail_at == 1)
        goto fail1;
    steps++;
    if (fail_at == 2)
        goto fail2;
    steps++;
    printf("all done (%d)\n", steps);
    return 0;
fail2:
    printf("undo step 2\n");
fail1:
    printf("undo step 1\n");
    return -fail_at;
}

int main(void) {
    int i = 0;
again:
    printf("%d ", i);
    i++;
    if (i < 5)
        goto again;
    printf("\n");
    int m[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    int r = -1, c = -1;
    printf("%d", find(m, 6, &r, &c));
    printf(" %d %d\n", r, c);
    printf("%d\n", find(m, 10, &r, &c));
    printf("%d\n", work(0));
    printf("%d\n", work(1));
    printf("%d\n", work(2));
    int n = 0;
    goto skip;
    n = 100;
skip:
    n++;
    printf("%d\n", n);
    return 0;
}
