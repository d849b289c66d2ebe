// main's argc and argv, including an argument with a space; argv[argc] is a null pointer.
// args: one two "three four" 5
// expected: host
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    printf("%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("[%s] %d\n", argv[i], (int)strlen(argv[i]));
    printf("%d\n", argv[argc] == NULL);
    return 0;
}
