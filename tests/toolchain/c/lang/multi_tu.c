// Linkage across two translation units: extern variables and functions, and static functions
// and variables with the same name in each unit staying separate.
// with: parts/multi_tu_b.c
// expected: host
#include <stdio.h>

extern int shared_counter;
extern const char *shared_names[];
int bump(int by);
int helper_b(void);
const char *unit_b_name(void);
int main_value = 7;

static int helper(void) { return 1; }
static int hidden = 10;

int main(void) {
    printf("%d\n", shared_counter);
    printf("%d\n", bump(5));
    printf("%d\n", shared_counter);
    printf("%d %d\n", helper(), helper_b());
    printf("%d\n", hidden);
    printf("%s %s\n", shared_names[0], shared_names[1]);
    printf("%s\n", unit_b_name());
    shared_counter = 100;
    printf("%d\n", bump(1));
    return 0;
}
