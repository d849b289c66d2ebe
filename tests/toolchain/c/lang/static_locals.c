// Static local variables keep their values between calls and are initialised once.
// expected: host
#include <stdio.h>

static int counter(void) {
    static int n;
    return ++n;
}

static int fib_memo(int k) {
    static long memo[50];
    static int ready;
    if (!ready) {
        memo[0] = 0;
        memo[1] = 1;
        for (int i = 2; i < 50; i++)
            memo[i] = memo[i - 1] + memo[i - 2];
        ready = 1;
    }
    return (int)(memo[k] % 1000000);
}

static const char *next_name(void) {
    static const char *names[] = {"ann", "ben", "cat"};
    static int i = 0;
    const char *r = names[i];
    i = (i + 1) % 3;
    return r;
}

static int *shared(void) {
    static int cell = 100;
    return &cell;
}

int main(void) {
    for (int i = 0; i < 4; i++)
        printf("%d ", counter());
    printf("\n");
    printf("%d %d\n", fib_memo(10), fib_memo(45));
    for (int i = 0; i < 5; i++)
        printf("%s ", next_name());
    printf("\n");
    *shared() += 5;
    (*shared())++;
    printf("%d\n", *shared());
    for (int i = 0; i < 3; i++) {
        static int s = 10;
        int a = 10;
        s++;
        a++;
        printf("%d %d\n", s, a);
    }
    return 0;
}
