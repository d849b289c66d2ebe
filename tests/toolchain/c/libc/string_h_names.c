// expected: host
/* <string.h> leaves the names of BSD's <strings.h> (index, rindex, bcopy, bzero, ffs) to the
 * program, as C11 says it may use them: a program that names its own function index and its own
 * variable bcopy compiles, and they are its own. */
#include <stdio.h>
#include <string.h>

static int index(int a)
{
    return a + 1;
}

int bcopy = 3;
static const char *rindex = "mine";

int main(void)
{
    printf("%d %d %s %d\n", index(1), bcopy, rindex, strcasecmp("ABC", "abc"));
    return 0;
}
