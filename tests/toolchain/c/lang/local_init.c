// Initialisation of local aggregates: partial arrays are zero-filled, strings in char arrays,
// structs with nested arrays; each call starts afresh.
// expected: host
#include <stdio.h>

struct rec { int a; char s[6]; double d[2]; };

static int fresh(int add) {
    int v[4] = {add};
    v[3] += add;
    return v[0] + v[1] + v[2] + v[3];
}

int main(void) {
    int zeros[6] = {0};
    int partial[6] = {1, 2};
    char buf[8] = "hi";
    struct rec r = {7, "abc"};
    struct rec z = {0};
    printf("%d %d %d\n", zeros[0], zeros[5], partial[1] + partial[2] + partial[5]);
    printf("%s %d %d\n", buf, buf[2], buf[7]);
    printf("%d %s %d %.1f %.1f\n", r.a, r.s, r.s[5], r.d[0], r.d[1]);
    printf("%d %d %.1f\n", z.a, z.s[0], z.d[1]);
    printf("%d %d\n", fresh(1), fresh(5));
    int computed[3] = {fresh(1), fresh(2), partial[0] + 10};
    printf("%d %d %d\n", computed[0], computed[1], computed[2]);
    char chars[] = {'x', 'y', 'z'};
    printf("%d %c\n", (int)sizeof chars, chars[2]);
    return 0;
}
