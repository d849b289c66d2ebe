// Designated initializers for arrays and structs, nested and mixed with positional ones.
// expected: host
#include <stdio.h>

struct opts { int width; int height; const char *title; int flags[4]; };
struct pair { int a, b; };

int main(void) {
    int a[10] = {[3] = 3, [7] = 7, 8, [1] = 1};
    for (int i = 0; i < 10; i++)
        printf("%d ", a[i]);
    printf("\n");
    struct opts o = {.title = "win", .height = 50, .flags[2] = 4};
    printf("%d %d %s %d %d\n", o.width, o.height, o.title, o.flags[2], o.flags[3]);
    struct opts o2 = {.width = 1, 2, "pos", {1, 2}};
    printf("%d %d %s %d %d\n", o2.width, o2.height, o2.title, o2.flags[1], o2.flags[2]);
    struct pair ps[3] = {[2] = {.b = 9}, [0].a = 4};
    printf("%d %d %d %d %d %d\n", ps[0].a, ps[0].b, ps[1].a, ps[1].b, ps[2].a, ps[2].b);
    char hex[16] = {['a' - 'a'] = 'A', [5] = 'F', [15] = '!'};
    printf("%c %c %c %d\n", hex[0], hex[5], hex[15], hex[1]);
    int sized[] = {[5] = 1};
    printf("%d\n", (int)(sizeof sized / sizeof sized[0]));
    int later[5] = {[1] = 10, [1] = 20};          /* the last one wins */
    printf("%d\n", later[1]);
    return 0;
}
