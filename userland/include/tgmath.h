/*
 * tgmath.h - type-generic mathematics (C11 7.25) for the real types: sqrt(x) is sqrtf's float
 * for a float x, a long double for a long double one, and a double for a double or an integer.
 * With two or three arguments (pow, fma, ...) the type is long double if any argument is,
 * else double if any is a double or an integer, else float.
 *
 * Each macro calls math.h's double function and converts the result to the type chosen: that
 * is exactly what ufos's float and long double functions do (math.h: float is computed in
 * double, long double is double). nextafter is the exception: a float steps to the next float
 * (nextafterf). The macros name the function they stand for, which the preprocessor does not
 * expand again inside them.
 *
 * Not here: the complex types (ufos C has none, __STDC_NO_COMPLEX__); ilogb, lround, llround,
 * lrint and llrint, whose double functions already take any real argument (converted exactly)
 * and whose result type does not depend on it; and erf, erfc, lgamma, tgamma, nexttoward,
 * remquo and scalbln, which libc does not have.
 */
#ifndef _TGMATH_H
#define _TGMATH_H

#include <math.h>

/* A zero of the type an argument stands for: float, long double, else double (integers too). */
#define __TG_ZERO(x) _Generic((x), float: 0.0f, long double: 0.0L, default: 0.0)

/* f called on args, its double result converted to the type of t (a __TG_ZERO sum). */
#define __TG_CALL(t, f, ...) \
    _Generic((t), float: (float)f(__VA_ARGS__), long double: (long double)f(__VA_ARGS__), \
             default: f(__VA_ARGS__))

#define __TG1(f, x) __TG_CALL(__TG_ZERO(x), f, x)
#define __TG2(f, x, y) __TG_CALL(__TG_ZERO(x) + __TG_ZERO(y), f, x, y)
#define __TG3(f, x, y, z) __TG_CALL(__TG_ZERO(x) + __TG_ZERO(y) + __TG_ZERO(z), f, x, y, z)

#define acos(x) __TG1(acos, x)
#define asin(x) __TG1(asin, x)
#define atan(x) __TG1(atan, x)
#define acosh(x) __TG1(acosh, x)
#define asinh(x) __TG1(asinh, x)
#define atanh(x) __TG1(atanh, x)
#define cos(x) __TG1(cos, x)
#define sin(x) __TG1(sin, x)
#define tan(x) __TG1(tan, x)
#define cosh(x) __TG1(cosh, x)
#define sinh(x) __TG1(sinh, x)
#define tanh(x) __TG1(tanh, x)
#define exp(x) __TG1(exp, x)
#define exp2(x) __TG1(exp2, x)
#define expm1(x) __TG1(expm1, x)
#define log(x) __TG1(log, x)
#define log2(x) __TG1(log2, x)
#define log10(x) __TG1(log10, x)
#define log1p(x) __TG1(log1p, x)
#define logb(x) __TG1(logb, x)
#define sqrt(x) __TG1(sqrt, x)
#define cbrt(x) __TG1(cbrt, x)
#define fabs(x) __TG1(fabs, x)
#define ceil(x) __TG1(ceil, x)
#define floor(x) __TG1(floor, x)
#define trunc(x) __TG1(trunc, x)
#define round(x) __TG1(round, x)
#define rint(x) __TG1(rint, x)
#define nearbyint(x) __TG1(nearbyint, x)

#define pow(x, y) __TG2(pow, x, y)
#define atan2(x, y) __TG2(atan2, x, y)
#define hypot(x, y) __TG2(hypot, x, y)
#define fmod(x, y) __TG2(fmod, x, y)
#define remainder(x, y) __TG2(remainder, x, y)
#define copysign(x, y) __TG2(copysign, x, y)
#define fdim(x, y) __TG2(fdim, x, y)
#define fmax(x, y) __TG2(fmax, x, y)
#define fmin(x, y) __TG2(fmin, x, y)
#define fma(x, y, z) __TG3(fma, x, y, z)

/* a float's next value is a float step, not a double one rounded back: nextafterf */
#define nextafter(x, y)                                                                      \
    _Generic(__TG_ZERO(x) + __TG_ZERO(y), float: nextafterf(x, y),                           \
             long double: (long double)nextafter(x, y), default: nextafter(x, y))

/* generic in their first argument only */
#define frexp(x, e) __TG_CALL(__TG_ZERO(x), frexp, x, e)
#define ldexp(x, n) __TG_CALL(__TG_ZERO(x), ldexp, x, n)
#define scalbn(x, n) __TG_CALL(__TG_ZERO(x), scalbn, x, n)

#endif
