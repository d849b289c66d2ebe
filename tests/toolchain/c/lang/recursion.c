// Recursion: factorial, Fibonacci, Ackermann, gcd, power set counting, a 1000-deep chain.
// expected: host
#include <stdio.h>

static long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int ack(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}
static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }
static int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }
static long hanoi(int n, int from, int to, int via) {
    if (n == 0) return 0;
    return hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from);
}
static int subsets_sum(const int *v, int n, int target) {
    if (n == 0) return target == 0;
    return subsets_sum(v + 1, n - 1, target) + subsets_sum(v + 1, n - 1, target - v[0]);
}
static void print_binary(unsigned n) {
    if (n > 1)
        print_binary(n / 2);
    putchar('0' + n % 2);
}

int main(void) {
    printf("%ld %ld\n", fact(10), fact(20));
    printf("%d\n", fib(20));
    printf("%d %d\n", ack(2, 3), ack(3, 3));
    printf("%d %d\n", gcd(1071, 462), gcd(17, 5));
    printf("%d\n", depth(1000));
    printf("%ld\n", hanoi(12, 1, 3, 2));
    int v[] = {3, 34, 4, 12, 5, 2};
    printf("%d\n", subsets_sum(v, 6, 9));
    print_binary(2025);
    putchar('\n');
    return 0;
}
