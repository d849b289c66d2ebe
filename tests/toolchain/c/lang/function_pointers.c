// Function pointers: variables, tables, callbacks, returned from functions, compared.
// expected: host
#include <stdio.h>

typedef int (*binop)(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int max_(int a, int b) { return a > b ? a : b; }

static const binop table[] = {add, sub, mul, max_};
static const char *const names[] = {"add", "sub", "mul", "max"};

static int fold(const int *v, int n, binop f, int init) {
    for (int i = 0; i < n; i++)
        init = f(init, v[i]);
    return init;
}
static binop pick(char op) {
    switch (op) {
    case '+': return add;
    case '-': return sub;
    case '*': return &mul;
    default: return NULL;
    }
}
static void apply_all(void (*each)(int), int n) { for (int i = 0; i < n; i++) each(i); }
static int total;
static void accumulate(int i) { total += i * i; }

struct handler { const char *name; int (*fn)(int, int); };

int main(void) {
    for (int i = 0; i < 4; i++)
        printf("%s(7, 3) = %d\n", names[i], table[i](7, 3));
    int v[] = {3, 1, 4, 1, 5, 9, 2, 6};
    printf("%d %d %d\n", fold(v, 8, add, 0), fold(v, 8, mul, 1), fold(v, 8, max_, 0));
    printf("%d\n", pick('-')(10, 4));
    printf("%d\n", (*pick('*'))(6, 7));
    printf("%d\n", pick('/') == NULL);
    binop f = add;
    printf("%d %d\n", f == add, f == sub);
    f = table[2];
    printf("%d\n", f == mul);
    apply_all(accumulate, 5);
    printf("%d\n", total);                     /* 0+1+4+9+16 = 30 */
    struct handler hs[2] = {{"plus", add}, {"times", mul}};
    for (int i = 0; i < 2; i++)
        printf("%s %d\n", hs[i].name, hs[i].fn(5, 6));
    int (*arr_of_fp[3])(int, int) = {sub, sub, add};
    printf("%d\n", arr_of_fp[2](arr_of_fp[0](10, 1), arr_of_fp[1](3, 2)));
    return 0;
}
