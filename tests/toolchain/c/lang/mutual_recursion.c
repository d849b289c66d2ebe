// Mutual recursion: even/odd, Hofstadter's female and male sequences, a recursive-descent
// parser whose functions call each other.
// expected: host
#include <stdio.h>

static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static int M(int n);
static int F(int n) { return n == 0 ? 1 : n - M(F(n - 1)); }
static int M(int n) { return n == 0 ? 0 : n - F(M(n - 1)); }

static const char *src;
static int expr(void);
static int atom(void) {
    if (*src == '(') {
        src++;
        int v = expr();
        src++;                                  /* ')' */
        return v;
    }
    int v = 0;
    while (*src >= '0' && *src <= '9')
        v = v * 10 + (*src++ - '0');
    return v;
}
static int term(void) {
    int v = atom();
    while (*src == '*') {
        src++;
        v *= atom();
    }
    return v;
}
static int expr(void) {
    int v = term();
    while (*src == '+' || *src == '-') {
        char op = *src++;
        int r = term();
        v = op == '+' ? v + r : v - r;
    }
    return v;
}
static int eval(const char *s) { src = s; return expr(); }

int main(void) {
    printf("%d %d %d %d\n", is_even(10), is_odd(10), is_even(77), is_odd(77));
    for (int i = 0; i < 15; i++)
        printf("%d ", F(i));
    printf("\n");
    for (int i = 0; i < 15; i++)
        printf("%d ", M(i));
    printf("\n");
    printf("%d\n", eval("2+3*4"));
    printf("%d\n", eval("(2+3)*4"));
    printf("%d\n", eval("((1+2)*(3+4)-5)*2"));
    printf("%d\n", eval("100-20-30"));
    return 0;
}
