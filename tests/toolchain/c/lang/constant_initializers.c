// Static initializers that are constant expressions: arithmetic, sizeof, casts, enum constants,
// ?:, addresses of struct members and array elements, a char array exactly filled by a string
// (no terminator), and static locals initialised with addresses.
// expected: host
#include <stdio.h>

enum { WIDTH = 8, HEIGHT = WIDTH * 2 + 1 };
struct cfg { int w, h; double ratio; const char *name; };
struct cfg config = {WIDTH, HEIGHT, (double)WIDTH / HEIGHT, "cfg"};
int *h_ptr = &config.h;
int cells[HEIGHT];
int *middle = cells + HEIGHT / 2;
long mask = (1L << 40) - 1;
unsigned char small = (unsigned char)0x1234;
int ternary = sizeof(long) == 8 ? 64 : 32;
char exact[3] = "abc";
double half = 1 / 2.0;
int negative = -(3 + 4) * 2;
const char *tail = &"constant"[5];
char matrix[2][3] = {{'a', 'b', 'c'}, {'d', 'e', 'f'}};
char *row1 = matrix[1];
unsigned long shifted = 0xffUL << 56 >> 60;

static int *first_cell(void) {
    static int *p = &cells[0];
    return p;
}

int main(void) {
    printf("%d %d %.4f %s\n", config.w, config.h, config.ratio, config.name);
    *h_ptr += 1;
    printf("%d\n", config.h);
    *middle = 5;
    printf("%d %d\n", cells[8], (int)(middle - cells));
    printf("%lx %d %d\n", mask, small, ternary);
    printf("%c%c%c %d\n", exact[0], exact[1], exact[2], (int)sizeof exact);
    printf("%.2f %d %s\n", half, negative, tail);
    printf("%c %c\n", row1[2], matrix[0][1]);
    printf("%lu\n", shifted);
    *first_cell() = 9;
    printf("%d\n", cells[0]);
    return 0;
}
