// Bit-fields: values wrap to their width; signed fields sign-extend; neighbours are independent.
// (Only values are checked, not the layout, which is implementation-defined.)
// expected: host
#include <stdio.h>

struct flags {
    unsigned int ready : 1;
    unsigned int mode : 3;
    signed int delta : 4;
    unsigned int count : 8;
    unsigned int big : 16;
};

int main(void) {
    struct flags f = {0};
    f.ready = 1;
    f.mode = 5;
    f.delta = -3;
    f.count = 200;
    f.big = 60000;
    printf("%u %u %d %u %u\n", f.ready, f.mode, f.delta, f.count, f.big);
    f.mode = 9;                     /* 9 mod 8 */
    f.count = f.count + 100;        /* 300 mod 256 */
    printf("%u %u\n", f.mode, f.count);
    f.delta = -8;
    printf("%d\n", f.delta);
    f.delta = f.delta + 15;
    printf("%d\n", f.delta);       /* 7 */
    f.ready = 0;
    printf("%u %u %d %u %u\n", f.ready, f.mode, f.delta, f.count, f.big);
    unsigned total = 0;
    for (int i = 0; i < 20; i++) {
        f.mode++;
        total += f.mode;
    }
    printf("%u\n", total);
    struct flags g = f;
    g.big = 1;
    printf("%u %u\n", f.big, g.big);
    return 0;
}
