// Variadic functions with stdarg.h: ints, longs, doubles, strings, pointers, va_copy, passing a
// va_list on.
// expected: host
#include <stdio.h>
#include <stdarg.h>

static int sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, int);
    va_end(ap);
    return s;
}

static double mean(int n, ...) {
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, double);
    va_end(ap);
    return s / n;
}

/* a tiny formatter: i = int, l = long, d = double, s = string, c = char, p = int pointer */
static void show(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    for (const char *f = fmt; *f; f++) {
        switch (*f) {
        case 'i': printf("[%d]", va_arg(ap, int)); break;
        case 'l': printf("[%ld]", va_arg(ap, long)); break;
        case 'd': printf("[%.3f]", va_arg(ap, double)); break;
        case 's': printf("[%s]", va_arg(ap, const char *)); break;
        case 'c': printf("[%c]", va_arg(ap, int)); break;
        case 'p': printf("[*%d]", *va_arg(ap, int *)); break;
        }
    }
    va_end(ap);
    printf("\n");
}

static int count_twice(int n, ...) {
    va_list ap, again;
    va_start(ap, n);
    va_copy(again, ap);
    int first = 0, second = 0;
    for (int i = 0; i < n; i++)
        first += va_arg(ap, int);
    for (int i = 0; i < n; i++)
        second += 2 * va_arg(again, int);
    va_end(again);
    va_end(ap);
    return first * 1000 + second;
}

static int vformat(char *buf, size_t size, const char *fmt, va_list ap) {
    return vsnprintf(buf, size, fmt, ap);
}
static int format(char *buf, size_t size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vformat(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

static long last_of(int n, ...) {
    va_list ap;
    va_start(ap, n);
    long v = 0;
    while (n-- > 0)
        v = va_arg(ap, long);
    va_end(ap);
    return v;
}

int main(void) {
    printf("%d\n", sum(0));
    printf("%d\n", sum(3, 1, 2, 3));
    printf("%d\n", sum(12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    printf("%.3f\n", mean(4, 1.0, 2.5, 3.5, 5.0));
    float f = 2.5f;
    printf("%.3f\n", mean(2, f, 0.5));          /* float promotes to double */
    int x = 42;
    char c = 'z';
    short s = -7;
    show("ildscp", -5, 1234567890123L, 3.14159, "text", c, &x);
    show("iii", s, (int)c, 'A');
    printf("%d\n", count_twice(3, 1, 2, 3));
    char buf[64];
    int n = format(buf, sizeof buf, "%s-%d-%.2f", "abc", 17, 0.3);
    printf("%s %d\n", buf, n);
    printf("%ld\n", last_of(3, 10L, 20L, -30L));
    return 0;
}
