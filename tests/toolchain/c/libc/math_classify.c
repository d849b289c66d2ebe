// Infinities and NaN: comparisons and classification (IEEE 754).
// expected: host
#include <stdio.h>
#include <math.h>

int main(void) {
    double inf = INFINITY;
    double nan_ = NAN;
    printf("%d %d\n", inf > 1e308, -inf < -1e308);
    printf("%d %d %d\n", nan_ == nan_, nan_ != nan_, nan_ < 1.0);
    printf("%d %d\n", isnan(nan_) != 0, isnan(inf) != 0);
    printf("%d %d\n", isinf(inf) != 0, isinf(nan_) != 0);
    printf("%d %d\n", isfinite(1.0) != 0, isfinite(inf) != 0);
    double big = 1e308;
    double overflow = big * 10;
    printf("%d\n", overflow == inf);
    double diff = inf - inf;
    printf("%d\n", isnan(diff) != 0);
    printf("%d\n", 1.0 / inf == 0.0);
    double neg_zero = -0.0;
    printf("%d\n", signbit(neg_zero) != 0);
    printf("%d\n", signbit(0.0) != 0);
    printf("%d\n", (1.0 / neg_zero) < 0);
    printf("%d\n", fpclassify(0.0) == FP_ZERO);
    printf("%d\n", fpclassify(1.0) == FP_NORMAL);
    printf("%d\n", fpclassify(inf) == FP_INFINITE);
    printf("%d\n", fpclassify(nan_) == FP_NAN);
    printf("%d\n", fpclassify(1e-310) == FP_SUBNORMAL);
    return 0;
}
