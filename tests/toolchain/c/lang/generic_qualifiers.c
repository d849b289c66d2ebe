// expected: host
// _Generic associations whose types differ only in their qualifiers (`int` and `const int`,
// `char *` and `char *const`) are different types, so one list may hold both; the controlling
// expression, qualifiers dropped by lvalue conversion, picks the unqualified one.
#include <stdio.h>

#define KIND(x) _Generic((x), int: "int", const int: "const int", \
                         char *: "char *", char *const: "char *const", \
                         const char *: "const char *", default: "other")

static int twenty(void) { return 20; }
static int ten(void) { return 10; }

int main(void) {
    const int ci = 1;
    int i = 2;
    char buf[4] = "ab";
    char *const cp = buf;
    const char *pc = buf;
    printf("%s %s %s %s %s %s\n", KIND(ci), KIND(i), KIND(cp), KIND(pc), KIND(buf), KIND(1.5));
    printf("%d\n", _Generic(ci, int: twenty, const int: ten)());
    return 0;
}
