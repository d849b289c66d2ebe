// More of stdio.h for input: ungetc, fread, getline and getdelim with a growing buffer, scanf and
// fscanf from stdin.
// expected: host
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    int c = getchar();
    printf("got %c\n", c);
    printf("%d\n", ungetc(c, stdin) == c);
    printf("%c\n", getchar());                /* the same character again */
    ungetc('X', stdin);                       /* any character may be pushed back */
    printf("%c\n", getchar());
    printf("%c\n", getchar());
    char raw[8] = {0};
    size_t n = fread(raw, 1, 5, stdin);
    printf("%zu [%s]\n", n, raw);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len = getline(&line, &cap, stdin);
    printf("%zd [%.*s]\n", len, (int)len - 1, line);
    len = getline(&line, &cap, stdin);
    printf("%zd %d\n", len, cap >= 100);
    len = getdelim(&line, &cap, ';', stdin);
    printf("%zd [%s]\n", len, line);
    len = getline(&line, &cap, stdin);
    printf("%zd [%s]\n", len, line);
    free(line);
    int a = 0, b = 0;
    char word[16];
    int k = scanf("%d %d %15s", &a, &b, word);
    printf("%d %d %d %s\n", k, a, b, word);
    double x = 0;
    k = fscanf(stdin, "%lf", &x);
    printf("%d %.2f\n", k, x);
    k = scanf("%d", &a);
    printf("%d\n", k);
    return 0;
}
