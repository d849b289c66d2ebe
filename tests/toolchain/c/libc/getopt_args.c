// getopt over argv: flags, an option with an argument (attached and separate), an unknown
// option, "--" ending the options, and the operands left at optind.
// args: -a -b value -cfoo -x -- -notanoption operand
// expected: host
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int opt;
    opterr = 0;
    while ((opt = getopt(argc, argv, "ab:c:")) != -1) {
        switch (opt) {
        case 'a': printf("flag a\n"); break;
        case 'b': printf("b = %s\n", optarg); break;
        case 'c': printf("c = %s\n", optarg); break;
        case '?': printf("unknown option %c\n", optopt); break;
        }
    }
    printf("optind %d of %d\n", optind, argc);
    for (int i = optind; i < argc; i++)
        printf("operand %s\n", argv[i]);
    return 0;
}
