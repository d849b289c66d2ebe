// expected: host
// args: -a -bvalue -b -c x -dc operand
/* GNU's optional option values ("b::"): only attached ("-bvalue"); "-b" alone has none, and the
 * word after it stays an operand. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int c;

    while ((c = getopt(argc, argv, "ab::c:d")) != -1)
        printf("-%c %s\n", c, optarg != NULL ? optarg : "(no value)");
    for (; optind < argc; optind++)
        printf("operand %s\n", argv[optind]);
    return 0;
}
