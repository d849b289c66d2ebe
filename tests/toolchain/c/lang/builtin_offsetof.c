// expected: host
// gcc's and clang's __builtin_offsetof, which <stddef.h>'s offsetof is on those compilers and
// which code written against them (or headers copied from them) calls by that name.
#include <stdio.h>

struct header { char tag; short length; int flags; };
struct packet { struct header head; unsigned char body[8]; int checksum; };

int main(void) {
    printf("%d %d %d\n", (int)__builtin_offsetof(struct header, tag),
           (int)__builtin_offsetof(struct header, length), (int)__builtin_offsetof(struct header, flags));
    printf("%d %d %d\n", (int)__builtin_offsetof(struct packet, head.flags),
           (int)__builtin_offsetof(struct packet, body[5]), (int)__builtin_offsetof(struct packet, checksum));
    static const int table[] = { __builtin_offsetof(struct packet, body) };    /* a constant */
    printf("%d\n", table[0]);
    return 0;
}
