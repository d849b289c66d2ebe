// The float versions of math.h: exact ones printed in full, the others to 6 significant digits.
// expected: host
#include <stdio.h>
#include <math.h>

int main(void) {
    float x = 2.0f;
    float r = sqrtf(x);
    printf("%.9g %.9g\n", (double)r, (double)cbrtf(27.0f));
    printf("%g %g %g %g\n", (double)floorf(-1.5f), (double)ceilf(-1.5f), (double)truncf(-1.5f), (double)roundf(-1.5f));
    printf("%g %g %g\n", (double)fabsf(-4.25f), (double)fmodf(7.5f, 2.0f), (double)hypotf(3.0f, 4.0f));
    float ip;
    float fp = modff(5.75f, &ip);
    int e;
    float m = frexpf(40.0f, &e);
    printf("%g %g %g %d %g\n", (double)ip, (double)fp, (double)m, e, (double)ldexpf(0.625f, 3));
    printf("%g %g %g\n", (double)copysignf(2.0f, -1.0f), (double)fminf(1.0f, -1.0f), (double)fmaxf(1.0f, -1.0f));
    printf("%.6g %.6g %.6g %.6g\n", (double)expf(1.0f), (double)exp2f(0.5f), (double)logf(10.0f), (double)log2f(10.0f));
    printf("%.6g %.6g %.6g\n", (double)log10f(2.0f), (double)powf(1.5f, 2.5f), (double)sinf(1.0f));
    printf("%.6g %.6g %.6g %.6g\n", (double)cosf(1.0f), (double)tanf(1.0f), (double)asinf(0.5f), (double)acosf(0.5f));
    printf("%.6g %.6g %.6g\n", (double)atanf(1.0f), (double)atan2f(-1.0f, -1.0f), (double)sinhf(1.0f));
    printf("%.6g %.6g\n", (double)coshf(1.0f), (double)tanhf(1.0f));
    return 0;
}
