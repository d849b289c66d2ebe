// argv and its strings arrive as bounded capabilities: each string's length is strlen + 1 and the
// argv array holds argc + 1 pointers. Hand-written expectations.
// args: hello "two words" x
#include <stdio.h>
#include <string.h>
#include <cheriintrin.h>

int main(int argc, char **argv) {
    printf("argc %d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("[%s] length %lu, strlen + 1 = %lu\n", argv[i], (unsigned long)cheri_length_get(argv[i]),
               (unsigned long)strlen(argv[i]) + 1);
    printf("argv array %lu bytes\n", (unsigned long)cheri_length_get(argv));
    printf("argv[argc] null %d\n", argv[argc] == NULL);
    return 0;
}
