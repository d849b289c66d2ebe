// expected: host
// alloca comes with <stdlib.h> alone, as on glibc (outside strict ISO mode) and the BSDs:
// portable code such as stb_vorbis includes <alloca.h> only on Linux and expects stdlib.h to
// declare it everywhere else.
#define _DEFAULT_SOURCE             /* glibc: declare alloca in stdlib.h under -std=c11 too */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t joined_length(const char *a, const char *b) {
    char *both = alloca(strlen(a) + strlen(b) + 1);
    strcpy(both, a);
    strcat(both, b);
    printf("%s\n", both);
    return strlen(both);
}

int main(void) {
    printf("%zu\n", joined_length("temporary ", "storage"));
    return 0;
}
