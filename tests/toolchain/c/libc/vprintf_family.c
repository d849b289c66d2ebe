// vprintf, vfprintf, vsprintf, vsnprintf called from variadic wrappers.
// expected: host
#include <stdio.h>
#include <stdarg.h>

static int my_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}
static int my_fprintf(FILE *f, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}
static int my_sprintf(char *buf, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsprintf(buf, fmt, ap);
    va_end(ap);
    return n;
}
static int my_snprintf(char *buf, size_t size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int main(void) {
    int n = my_printf("%s %d %.1f\n", "vprintf", 1, 2.5);
    printf("%d\n", n);
    n = my_fprintf(stdout, "%s %ld\n", "vfprintf", 123456789012L);
    printf("%d\n", n);
    char buf[64];
    n = my_sprintf(buf, "%c%c%c %x", 'a', 'b', 'c', 255u);
    printf("%d [%s]\n", n, buf);
    n = my_snprintf(buf, 8, "%s", "truncated output");
    printf("%d [%s]\n", n, buf);
    return 0;
}
