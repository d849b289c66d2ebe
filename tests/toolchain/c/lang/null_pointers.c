// Null pointers: NULL and 0 compare equal to null pointers of every type; !p; p ? : on pointers.
// expected: host
#include <stdio.h>
#include <stddef.h>

struct s { int v; };

static const char *describe(const void *p) { return p ? "set" : "null"; }

int main(void) {
    int *ip = NULL;
    char *cp = 0;
    struct s *sp = (void *)0;
    void (*fp)(void) = NULL;
    printf("%d %d %d %d\n", ip == NULL, cp == 0, !sp, fp == 0);
    int x = 1;
    ip = &x;
    printf("%s %s\n", describe(ip), describe(cp));
    printf("%d %d\n", ip != NULL, !!ip);
    if (ip && *ip == 1)
        printf("deref ok\n");
    ip = 0;
    printf("%d\n", ip == (int *)0);
    const char *names[3] = {"a"};
    int nulls = 0;
    for (int i = 0; i < 3; i++)
        nulls += names[i] == NULL;
    printf("%d\n", nulls);
    return 0;
}
