/*
 * math.h - mathematics (C11 7.12) for IEEE double. float and long double versions call the
 * double ones (float is computed in double registers anyway; long double is double).
 * Accuracy: within a few units in the last place for ordinary arguments; sin, cos and tan lose
 * accuracy for |x| beyond about 1e9.
 */
#ifndef _MATH_H
#define _MATH_H

typedef double double_t;
typedef float float_t;

#define HUGE_VAL (1e300 * 1e300)
#define HUGE_VALF ((float)HUGE_VAL)
#define HUGE_VALL HUGE_VAL
#define INFINITY ((float)HUGE_VAL)
#define NAN ((float)(HUGE_VAL * 0.0))

#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4

#define fpclassify(x) __fpclassify(x)
#define isnan(x) __isnan(x)
#define isinf(x) __isinf(x)
#define isfinite(x) __isfinite(x)
#define isnormal(x) (__fpclassify(x) == FP_NORMAL)
#define signbit(x) __signbit(x)
#define isunordered(x, y) (__isnan(x) || __isnan(y))
#define isgreater(x, y) (!isunordered(x, y) && (x) > (y))
#define isgreaterequal(x, y) (!isunordered(x, y) && (x) >= (y))
#define isless(x, y) (!isunordered(x, y) && (x) < (y))
#define islessequal(x, y) (!isunordered(x, y) && (x) <= (y))
#define islessgreater(x, y) (!isunordered(x, y) && (x) != (y))

#define M_E 2.71828182845904523536
#define M_LOG2E 1.44269504088896340736
#define M_LOG10E 0.434294481903251827651
#define M_LN2 0.693147180559945309417
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.785398163397448309616
#define M_1_PI 0.318309886183790671538
#define M_2_PI 0.636619772367581343076
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.707106781186547524401

int __fpclassify(double x);
int __isnan(double x);
int __isinf(double x);
int __isfinite(double x);
int __signbit(double x);

double sqrt(double x);          /* the fsqrt instruction (sqrt.s) */
double cbrt(double x);
double hypot(double x, double y);
double exp(double x);
double exp2(double x);
double expm1(double x);
double log(double x);
double log2(double x);
double log10(double x);
double log1p(double x);
double pow(double x, double y);
double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double atan2(double y, double x);
double sinh(double x);
double cosh(double x);
double tanh(double x);
double asinh(double x);
double acosh(double x);
double atanh(double x);
double erf(double x);
double erfc(double x);
double tgamma(double x);
double lgamma(double x);        /* log|Gamma(x)|, its sign in signgam */
extern int signgam;
double floor(double x);
double ceil(double x);
double trunc(double x);
double round(double x);
double rint(double x);
double nearbyint(double x);
long lround(double x);
long long llround(double x);
long lrint(double x);
long long llrint(double x);
double fabs(double x);
double fmod(double x, double y);
double remainder(double x, double y);
double modf(double x, double *iptr);
double frexp(double x, int *exp);
double ldexp(double x, int exp);
double scalbn(double x, int n);
int ilogb(double x);
double logb(double x);
double copysign(double x, double y);
double nan(const char *tagp);
double fmin(double x, double y);
double fmax(double x, double y);
double fdim(double x, double y);
double fma(double x, double y, double z);
double nextafter(double x, double y);

float sqrtf(float x);
float cbrtf(float x);
float hypotf(float x, float y);
float expf(float x);
float exp2f(float x);
float logf(float x);
float log2f(float x);
float log10f(float x);
float powf(float x, float y);
float sinf(float x);
float cosf(float x);
float tanf(float x);
float asinf(float x);
float acosf(float x);
float atanf(float x);
float atan2f(float y, float x);
float sinhf(float x);
float coshf(float x);
float tanhf(float x);
float floorf(float x);
float ceilf(float x);
float truncf(float x);
float roundf(float x);
float fabsf(float x);
float fmodf(float x, float y);
float modff(float x, float *iptr);
float frexpf(float x, int *exp);
float ldexpf(float x, int exp);
float copysignf(float x, float y);
float fminf(float x, float y);
float fmaxf(float x, float y);
float nextafterf(float x, float y);

long double sqrtl(long double x);
long double fabsl(long double x);
long double floorl(long double x);
long double ceill(long double x);
long double powl(long double x, long double y);
long double expl(long double x);
long double logl(long double x);
long double sinl(long double x);
long double cosl(long double x);
long double fmodl(long double x, long double y);

#endif
