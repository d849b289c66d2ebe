// Arbitrary-precision arithmetic in base 10^9: 100! and 2^500 printed in decimal, digit sums.
// expected: host
#include <stdio.h>

#define LIMBS 60
#define BASE 1000000000u

struct big { unsigned limb[LIMBS]; int n; };

static void set(struct big *b, unsigned v) { b->limb[0] = v; b->n = 1; }

static void mul_small(struct big *b, unsigned m) {
    unsigned long carry = 0;
    for (int i = 0; i < b->n; i++) {
        unsigned long t = (unsigned long)b->limb[i] * m + carry;
        b->limb[i] = (unsigned)(t % BASE);
        carry = t / BASE;
    }
    while (carry) {
        b->limb[b->n++] = (unsigned)(carry % BASE);
        carry /= BASE;
    }
}

static void print(const struct big *b) {
    printf("%u", b->limb[b->n - 1]);
    for (int i = b->n - 2; i >= 0; i--)
        printf("%09u", b->limb[i]);
    printf("\n");
}

static int digit_sum(const struct big *b) {
    int s = 0;
    for (int i = 0; i < b->n; i++)
        for (unsigned v = b->limb[i]; v; v /= 10)
            s += (int)(v % 10);
    return s;
}

int main(void) {
    struct big f;
    set(&f, 1);
    for (unsigned i = 2; i <= 100; i++)
        mul_small(&f, i);
    print(&f);
    printf("digit sum %d\n", digit_sum(&f));
    struct big p;
    set(&p, 1);
    for (int i = 0; i < 500; i++)
        mul_small(&p, 2);
    print(&p);
    printf("digit sum %d\n", digit_sum(&p));
    struct big g;
    set(&g, 1);
    for (unsigned i = 1; i <= 25; i++) {
        mul_small(&g, i);
        if (i % 5 == 0) {
            printf("%u! = ", i);
            print(&g);
        }
    }
    return 0;
}
