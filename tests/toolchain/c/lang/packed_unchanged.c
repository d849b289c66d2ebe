// expected: host
// __attribute__((packed)) and #pragma pack on structs they do not change (no padding to take
// out); packed.c has those they do change.
#include <stddef.h>
#include <stdio.h>

struct __attribute__((packed)) header { unsigned int magic; unsigned short version, flags; };
typedef struct { unsigned char tag; unsigned char len; char data[6]; } __attribute__((__packed__)) record;

#pragma pack(push, 1)
struct pair { short a, b; };
#pragma pack(pop)

struct holder { int n; struct header h; };        /* a packed member already at its place */

int main(void) {
    printf("%zu %zu %zu\n", sizeof(struct header), offsetof(struct header, version),
           offsetof(struct header, flags));
    printf("%zu %zu\n", sizeof(record), offsetof(record, data));
    printf("%zu %zu\n", sizeof(struct pair), offsetof(struct pair, b));
    printf("%zu %zu\n", sizeof(struct holder), offsetof(struct holder, h));
    struct header h = { 0x55464f53, 2, 7 };
    printf("%x %d %d\n", h.magic, h.version, h.flags);
    return 0;
}
