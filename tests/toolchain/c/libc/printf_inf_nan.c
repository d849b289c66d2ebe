// printf of infinities and NaN in every floating conversion.
// expected: host
#include <stdio.h>
#include <math.h>

int main(void) {
    double inf = INFINITY, nan_ = NAN;
    printf("[%f] [%f] [%f]\n", inf, -inf, nan_);
    printf("[%e] [%g] [%E] [%G]\n", inf, -inf, inf, nan_);
    printf("[%F] [%F]\n", inf, nan_);
    printf("[%8.2f] [%-8f] [%+f]\n", inf, -inf, inf);
    return 0;
}
