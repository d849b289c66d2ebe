// A fixed-size ring buffer queue and an array stack: push, pop, wrap-around, full and empty.
// expected: host
#include <stdio.h>

#define CAP 5

struct ring { int data[CAP]; int head, tail, count; };

static int put(struct ring *r, int v) {
    if (r->count == CAP)
        return 0;
    r->data[r->tail] = v;
    r->tail = (r->tail + 1) % CAP;
    r->count++;
    return 1;
}
static int get(struct ring *r, int *v) {
    if (r->count == 0)
        return 0;
    *v = r->data[r->head];
    r->head = (r->head + 1) % CAP;
    r->count--;
    return 1;
}

int main(void) {
    struct ring r = {{0}, 0, 0, 0};
    int v;
    for (int i = 1; i <= 7; i++)
        printf("put %d: %d\n", i, put(&r, i));
    for (int i = 0; i < 3; i++)
        if (get(&r, &v))
            printf("got %d\n", v);
    for (int i = 8; i <= 10; i++)
        printf("put %d: %d\n", i, put(&r, i));
    while (get(&r, &v))
        printf("%d ", v);
    printf("\nempty get: %d\n", get(&r, &v));
    int stack[10], sp = 0;
    const char *brackets = "{[()()]}([)]";
    for (const char *p = brackets; *p; p++) {
        if (*p == '(' || *p == '[' || *p == '{') {
            stack[sp++] = *p;
        } else {
            char open = *p == ')' ? '(' : *p == ']' ? '[' : '{';
            if (sp == 0 || stack[--sp] != open) {
                printf("mismatch at %d\n", (int)(p - brackets));
                break;
            }
        }
    }
    return 0;
}
