// Static and global initializers: partial arrays, strings, arrays of strings, pointers to
// globals and into arrays, nested aggregates, designated initializers.
// expected: host
#include <stdio.h>

int counter = 5;
int zeroed;
int primes[8] = {2, 3, 5, 7};
char greeting[] = "hello";
char padded[10] = "hi";
const char *words[] = {"alpha", "beta", "gamma", NULL};
int *counter_ptr = &counter;
int *third_prime = &primes[2];
const char *second_word_tail = "xyz" + 1;
struct point { int x, y; };
struct line { struct point a, b; const char *label; };
struct line lines[] = {{{0, 0}, {1, 1}, "diag"}, {{2, 3}, {4, 5}, "other"}};
struct line *last_line = &lines[1];
static double ratios[3] = {0.5, 0.25};
static struct { int id; int vals[3]; } records[2] = {{1, {10, 20, 30}}, {2, {40}}};
int matrix[3][3] = {[1][1] = 5, [2] = {7, 8, 9}};
struct point origin = {.y = 4};
const int answers[] = {[4] = 42, [1] = 7};
const char table[2][6] = {"left", "right"};
long big_values[] = {-1L, 0x7fffffffffffffffL, 1L << 40};
unsigned char bytes[] = {255, 0x80, 'A'};
static int *null_ptr;
const char *const *words_ptr = words;

int main(void) {
    printf("%d %d %d %d\n", counter, zeroed, primes[3], primes[7]);
    printf("%s %s %d %d\n", greeting, padded, padded[2], padded[9]);
    for (const char **w = words; *w; w++)
        printf("%s ", *w);
    printf("\n");
    *counter_ptr += 1;
    printf("%d %d\n", counter, *third_prime);
    printf("%s\n", second_word_tail);
    for (int i = 0; i < 2; i++)
        printf("%s %d %d %d %d\n", lines[i].label, lines[i].a.x, lines[i].a.y, lines[i].b.x, lines[i].b.y);
    printf("%s\n", last_line->label);
    printf("%.2f %.2f %.2f\n", ratios[0], ratios[1], ratios[2]);
    printf("%d %d %d %d\n", records[0].vals[2], records[1].id, records[1].vals[0], records[1].vals[1]);
    for (int i = 0; i < 3; i++)
        printf("%d %d %d\n", matrix[i][0], matrix[i][1], matrix[i][2]);
    printf("%d %d\n", origin.x, origin.y);
    printf("%d %d %d %d\n", (int)(sizeof answers / sizeof answers[0]), answers[1], answers[4], answers[0]);
    printf("%s %s\n", table[0], table[1]);
    printf("%ld %ld %ld\n", big_values[0], big_values[1], big_values[2]);
    printf("%d %d %d\n", bytes[0], bytes[1], bytes[2]);
    printf("%d\n", null_ptr == NULL);
    printf("%s\n", words_ptr[2]);
    return 0;
}
