// expected: host
/* Variable-length arrays at block scope: sizeof evaluated at run time, VLAs of arrays, VLA
   parameters, sizeof of a VLA type, and VLAs in loops giving their stack back every iteration
   (4,000 iterations of 16 KB would not fit otherwise), also when the body continues or breaks,
   or is a switch entered past the start of the VLA's block. */
#include <stdio.h>
#include <string.h>

static long sum(int n, const int a[n])
{
    long s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

static int squares(int n)
{
    int a[n];
    for (int i = 0; i < n; i++)
        a[i] = i * i;
    printf("n=%d sizeof=%d sum=%ld\n", n, (int)sizeof a, sum(n, a));
    return (int)(sizeof a / sizeof a[0]);
}

static int nested(int depth)
{
    char buf[depth * 100 + 1];
    memset(buf, 'a' + depth, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    return depth == 0 ? (int)strlen(buf) : (int)strlen(buf) + nested(depth - 1);
}

int main(void)
{
    long total = 0;
    for (int round = 0; round < 4000; round++) {
        char big[16384 + round % 5];
        memset(big, round & 0x7f, sizeof big);
        total += (long)sizeof big + big[round % 100];
        if (round % 3 == 0)
            continue;
        if (round == 3998)
            break;
    }
    printf("total %ld\n", total);

    int k = 0;
    while (k < 3000) {
        double d[k % 50 + 1000];
        d[0] = k;
        k += (int)(sizeof d / sizeof d[0] > 0) + (int)d[0] * 0;
    }
    printf("k %d\n", k);

    long cases = 0;
    for (int j = 0; j < 3000; j++) {
        switch (j % 3) {              /* the VLA's block is entered at a case label */
        case 0:
            cases += 1;
            break;
        case 1:
            cases += 2;
            char tmp[j % 7 + 10000];
            memset(tmp, 1, sizeof tmp);
            cases += (long)sizeof tmp + tmp[j % 100];
        }
    }
    printf("cases %ld\n", cases);

    int n = 5;
    double m[n][3];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < 3; j++)
            m[i][j] = i + j / 10.0;
    printf("%d %.1f %d %d\n", (int)sizeof m, m[4][2], (int)sizeof(int[n + 1]), (int)sizeof m[0]);

    int three = squares(3);
    printf("%d %d\n", three, squares(10));
    printf("%d\n", nested(4));
    {
        int len = 7;
        char s[len];
        strcpy(s, "abcdef");
        puts(s);
        len = 100;                     /* the array keeps the size it was made with */
        printf("%d\n", (int)sizeof s);
    }
    return 0;
}
