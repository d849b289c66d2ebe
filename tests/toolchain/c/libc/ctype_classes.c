// ctype.h: every classification function over all of ASCII (listing the characters that
// match), EOF and characters above 127 (false in the C locale), toupper and tolower.
// expected: host
#include <stdio.h>
#include <ctype.h>

static void row(const char *name, int (*f)(int)) {
    printf("%-8s", name);
    int n = 0;
    for (int c = 0; c < 128; c++)
        if (f(c)) {
            n++;
            if (isprint(c) && c != ' ')
                putchar(c);
            else
                printf("\\%o", c);
        }
    printf(" (%d)\n", n);
}

int main(void) {
    row("isalpha", isalpha);
    row("isdigit", isdigit);
    row("isalnum", isalnum);
    row("isxdigit", isxdigit);
    row("islower", islower);
    row("isupper", isupper);
    row("isspace", isspace);
    row("isblank", isblank);
    row("ispunct", ispunct);
    row("isprint", isprint);
    row("isgraph", isgraph);
    row("iscntrl", iscntrl);
    int high = 0;
    for (int c = 128; c < 256; c++)
        high += isalpha(c) != 0 || isdigit(c) != 0 || isspace(c) != 0 || isprint(c) != 0 || ispunct(c) != 0;
    printf("%d\n", high);
    printf("%d %d %d\n", isalpha(EOF) != 0, isspace(EOF) != 0, tolower(EOF) == EOF);
    for (int c = ' '; c < 127; c++)
        putchar(toupper(c));
    putchar('\n');
    for (int c = ' '; c < 127; c++)
        putchar(tolower(c));
    putchar('\n');
    printf("%d %d\n", toupper(200), tolower(200));
    return 0;
}
