// expected: host
// A static struct may give its flexible array member elements in its initializer, as gcc and
// clang allow: tables of a count and a run of entries in one object. sizeof the struct does not
// count them; the object holds them all (and in purecap, the capability to it covers them).
#include <stdio.h>
#include <string.h>

struct table {
    int count;
    const char *names[];
};

static const struct table colours = { 3, { "red", "green", "blue" } };
struct table empty = { 0, {} };

struct packet {
    unsigned short length;
    unsigned char bytes[];
};
static struct packet hello = { 5, { 'h', 'e', 'l', 'l', 'o' } };

struct samples { double rate; int values[]; };
static struct samples series = { .rate = 2.5, .values = { [4] = 40, [0] = 1, 2 } };

int main(void) {
    for (int i = 0; i < colours.count; i++)
        printf("%s ", colours.names[i]);
    printf("(%d)\n", empty.count);
    printf("%.*s\n", hello.length, (const char *)hello.bytes);
    memcpy(hello.bytes, "HELLO", 5);               /* writable, every element */
    printf("%.*s\n", hello.length, (const char *)hello.bytes);
    for (int i = 0; i < 5; i++)
        printf("%d ", series.values[i]);
    printf("@ %.1f\n", series.rate);
    printf("%d\n", sizeof(struct table) == sizeof colours);
    return 0;
}
