// Enumerations: implicit and explicit values, negative values, use in switch and arrays.
// expected: host
#include <stdio.h>

enum color { RED, GREEN, BLUE };
enum weird { A = -2, B, C = 10, D, E = D + 5, F = 'x' };
typedef enum { MON = 1, TUE, WED } day;

static const char *color_name(enum color c) {
    switch (c) {
    case RED: return "red";
    case GREEN: return "green";
    case BLUE: return "blue";
    }
    return "?";
}

int main(void) {
    printf("%d %d %d\n", RED, GREEN, BLUE);
    printf("%d %d %d %d %d %d\n", A, B, C, D, E, F);
    for (enum color c = RED; c <= BLUE; c++)
        printf("%s ", color_name(c));
    printf("\n");
    day d = WED;
    printf("%d\n", d);
    int counts[BLUE + 1] = {0};
    counts[GREEN] += 5;
    printf("%d %d %d\n", counts[RED], counts[GREEN], counts[BLUE]);
    enum color c = (enum color)1;
    printf("%s\n", color_name(c));
    printf("%d\n", (int)sizeof(enum color));
    enum { LOCAL_X = 100, LOCAL_Y };
    printf("%d\n", LOCAL_Y);
    printf("%d\n", B < 0);
    return 0;
}
