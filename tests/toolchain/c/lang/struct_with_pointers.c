// Structs holding pointers, passed and returned by value and copied: the pointers keep working.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct str { char *data; size_t len; };
struct node { const char *name; int *counter; struct node *next; };

static struct str make(const char *s) {
    struct str r;
    r.len = strlen(s);
    r.data = malloc(r.len + 1);
    memcpy(r.data, s, r.len + 1);
    return r;
}
static struct str upper(struct str s) {
    for (size_t i = 0; i < s.len; i++)
        if (s.data[i] >= 'a' && s.data[i] <= 'z')
            s.data[i] -= 32;
    return s;
}
static void bump(struct node n) { (*n.counter)++; }

int main(void) {
    struct str a = make("hello, world");
    struct str b = upper(a);
    printf("%s %s %zu\n", a.data, b.data, b.len);    /* the same buffer */
    int c1 = 0, c2 = 10;
    struct node n2 = {"second", &c2, NULL};
    struct node n1 = {"first", &c1, &n2};
    struct node copy = n1;
    bump(copy);
    bump(*copy.next);
    bump(n1);
    printf("%d %d\n", c1, c2);
    for (struct node *p = &copy; p; p = p->next)
        printf("%s=%d\n", p->name, *p->counter);
    struct node arr[2];
    arr[0] = n1;
    arr[1] = n2;
    arr[0].next = &arr[1];
    printf("%s -> %s\n", arr[0].name, arr[0].next->name);
    free(a.data);
    return 0;
}
