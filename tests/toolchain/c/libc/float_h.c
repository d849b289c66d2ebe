// float.h: the limits of IEEE single and double precision.
// expected: host
#include <stdio.h>
#include <float.h>

int main(void) {
    printf("%d %d %d %d\n", FLT_RADIX, FLT_MANT_DIG, DBL_MANT_DIG, DBL_DIG);
    printf("%d %d %d %d\n", FLT_MIN_EXP, FLT_MAX_EXP, DBL_MIN_EXP, DBL_MAX_EXP);
    printf("%d %d %d %d\n", FLT_DIG, FLT_MIN_10_EXP, DBL_MAX_10_EXP, DBL_MIN_10_EXP);
    printf("%.17g %.17g %.17g\n", DBL_MAX, DBL_MIN, DBL_EPSILON);
    printf("%.9g %.9g %.9g\n", (double)FLT_MAX, (double)FLT_MIN, (double)FLT_EPSILON);
    printf("%d\n", 1.0 + DBL_EPSILON > 1.0);
    printf("%d\n", 1.0 + DBL_EPSILON / 2 == 1.0);
    return 0;
}
