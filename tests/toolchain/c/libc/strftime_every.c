// expected: host
/* Every strftime conversion of C11 and POSIX, with the E and O modifiers and %s, for five
 * moments of gmtime: the same text as the host's glibc. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <time.h>
int main(void) {
    const char *convs[] = {"%a","%A","%b","%B","%c","%C","%d","%D","%e","%F","%g","%G","%h","%H","%I","%j","%m","%M","%n","%p","%r","%R","%S","%t","%T","%u","%U","%V","%w","%W","%x","%X","%y","%Y","%z","%Z","%%","%Ec","%EC","%Ex","%EX","%Ey","%EY","%Od","%Oe","%OH","%OI","%Om","%OM","%OS","%Ou","%OU","%OV","%Ow","%OW","%Oy", "%s"};
    time_t ts[] = {0, 951782400, 1700000000, 1234567890, 1609459199};
    for (unsigned j = 0; j < 5; j++) {
        struct tm tm; gmtime_r(&ts[j], &tm);
        for (unsigned i = 0; i < sizeof convs / sizeof *convs; i++) {
            char buf[128]; strftime(buf, sizeof buf, convs[i], &tm);
            printf("%s=[%s] ", convs[i], buf);
        }
        printf("\n");
    }
}
