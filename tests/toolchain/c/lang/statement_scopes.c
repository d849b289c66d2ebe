// expected: host
// if, switch, while, do and for statements are blocks of their own (C11 6.8.4, 6.8.5): an enum
// constant or struct tag declared in the controlling expression is seen inside the statement
// and gone after it, where the outer declaration is seen again.
#include <stdio.h>

enum { LEVEL = 0 };
struct tag { int outer; };

int main(void) {
    if (sizeof(enum { LEVEL = 1 }))
        printf("if: %d\n", LEVEL);
    printf("after if: %d\n", LEVEL);

    switch (sizeof(enum { LEVEL = 2 })) {
    default:
        printf("switch: %d\n", LEVEL);
    }
    printf("after switch: %d\n", LEVEL);

    while (sizeof(enum { LEVEL = 3 })) {
        printf("while: %d\n", LEVEL);
        break;
    }
    printf("after while: %d\n", LEVEL);

    do
        printf("do body: %d\n", LEVEL);
    while (0 * sizeof(enum { LEVEL = 4 }));
    printf("after do: %d\n", LEVEL);

    for (int i = 0; i < (int)sizeof(struct tag { char inner[2]; }); i++)
        printf("for: sizeof(struct tag) = %zu\n", sizeof(struct tag));
    printf("after for: sizeof(struct tag) = %zu, LEVEL %d\n", sizeof(struct tag), LEVEL);
    return 0;
}
