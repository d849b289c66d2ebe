// expected: host
// The type of `c ? x : y` with pointers (C11 6.5.15p6): a null pointer constant such as NULL,
// which is `((void *)0)`, takes the other operand's type, so `(p ? p : NULL)->field` works; two
// pointers whose targets are qualified differently meet in a pointer to the qualified target.
#include <stddef.h>
#include <stdio.h>

struct node { int value; struct node *next; };

static struct node fallback = { -1, NULL };

static int value_or_default(struct node *n, int use_null) {
    return (use_null ? NULL : n)->value + (n ? n : (void *)0)->value;
}

int main(void) {
    struct node second = { 2, NULL }, first = { 1, &second };
    printf("%d\n", value_or_default(&first, 0));
    printf("%d\n", (first.next ? first.next : NULL)->value);
    printf("%d\n", (second.next ? second.next : &fallback)->value);
    struct node *list[] = { &first, &second };
    printf("%d\n", (1 ? list : NULL)[1]->value);
    printf("%d\n", sizeof *(first.next ? first.next : NULL) == sizeof(struct node));
    printf("%s\n", _Generic(1 ? &first : NULL, struct node *: "struct node *", default: "other"));

    const char *name = "ufos";
    char buffer[] = "buffer";
    printf("%s\n", _Generic(0 ? name : buffer, const char *: "const char *", char *: "char *"));
    printf("%s\n", _Generic(0 ? buffer : name, const char *: "const char *", char *: "char *"));
    void *any = buffer;
    printf("%s\n", _Generic(0 ? any : name, const void *: "const void *", void *: "void *",
                            default: "other"));
    return 0;
}
