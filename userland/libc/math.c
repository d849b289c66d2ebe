/*
 * math.c - the mathematical functions of math.h (sqrt itself is one instruction: sqrt.s).
 *
 * The method, for each family:
 *   - reduce the argument to a small range with an identity (exp: x = k ln2 + r; log:
 *     x = 2**k c m' with c from a table of 65 logarithms; sin/cos: x = k pi/2 + r), carrying
 *     the constants ln2 and pi/2 in two or three pieces so the reduction loses nothing;
 *   - sum a Taylor series on the small range, enough terms for full double precision;
 *   - undo the reduction.
 * pow needs log(x) more precisely than a double holds: log_dd returns it as hi + lo (a
 * "double-double", with exact products by Dekker's method), so that pow(x, y) = exp(y log x)
 * stays accurate for large results. exp (and so pow) reduces by ln2/64 with a table of
 * 2**(j/64): its results are the correctly rounded ones in all but about one case in a thousand,
 * as glibc's are. The others are within one or two units in the last place; sin, cos and tan
 * lose accuracy beyond |x| of about 1e9.
 *
 * Errors: a result too large is HUGE_VAL with errno ERANGE; an argument outside the domain
 * (log(-1), sqrt(-1), acos(2)) gives NaN with errno EDOM.
 */
#include <errno.h>
#include <float.h>
#include <math.h>

union bits {
    double d;
    unsigned long u;
};

#define LN2_HI 0.6931471803691238           /* ln 2 in two pieces: HI has 32 bits, so k * HI */
#define LN2_LO 1.9082149292705877e-10       /* is exact for any exponent k */
#define LOG2E 1.4426950408889634
#define LOG10E 0.4342944819032518
#define LOG10_2 0.3010299956639812
#define PIO2_1 1.570796251296997            /* pi/2 in three pieces of 24, 24 and 53 bits */
#define PIO2_2 7.549789415861596e-08
#define PIO2_3 5.390302858158119e-15
#define PIO2_HI 1.5707963267948966
#define PIO2_LO 6.123233995736766e-17
#define PIO4_HI 0.7853981633974483
#define PIO4_LO 3.061616997868383e-17
#define PI_HI 3.141592653589793
#define PI_LO 1.2246467991473532e-16
#define TWO_OVER_PI 0.6366197723675814
#define DBL_MAX_ 1.7976931348623157e308

static double make(unsigned long u)
{
    union bits b;

    b.u = u;
    return b.d;
}

static unsigned long bits_of(double x)
{
    union bits b;

    b.d = x;
    return b.u;
}

static double quiet_nan(void)
{
    return make(0x7ff8000000000000UL);
}

static double domain_error(void)
{
    errno = EDOM;
    return quiet_nan();
}

static double overflow(int negative)
{
    errno = ERANGE;
    return negative ? -HUGE_VAL : HUGE_VAL;
}

/* 2**n as a double, for -1022 <= n <= 1023 */
static double pow2(int n)
{
    return make((unsigned long)(n + 1023) << 52);
}

/* ---- classification and bits ---------------------------------------------------------------- */

int __fpclassify(double x)
{
    unsigned long u = bits_of(x), e = (u >> 52) & 0x7ff, m = u & ((1UL << 52) - 1);

    if (e == 0x7ff)
        return m != 0 ? FP_NAN : FP_INFINITE;
    if (e == 0)
        return m != 0 ? FP_SUBNORMAL : FP_ZERO;
    return FP_NORMAL;
}

int __isnan(double x) { return __fpclassify(x) == FP_NAN; }
int __isinf(double x) { return __fpclassify(x) == FP_INFINITE; }
int __isfinite(double x) { return ((bits_of(x) >> 52) & 0x7ff) != 0x7ff; }
int __signbit(double x) { return (int)(bits_of(x) >> 63); }

double fabs(double x)
{
    return make(bits_of(x) & ~(1UL << 63));
}

double copysign(double x, double y)
{
    return make((bits_of(x) & ~(1UL << 63)) | (bits_of(y) & (1UL << 63)));
}

double nan(const char *tagp)
{
    (void)tagp;
    return quiet_nan();
}

/* x * 2**n, rounded once. */
double scalbn(double x, int n)
{
    if (n > 1023) {
        x *= pow2(1023);
        n -= 1023;
        if (n > 1023) {
            x *= pow2(1023);
            n -= 1023;
            if (n > 1023)
                n = 1023;
        }
    } else if (n < -1022) {
        x *= pow2(-1022 + 53);              /* keep 53 bits of room, so the last step rounds */
        n += 1022 - 53;
        if (n < -1022) {
            x *= pow2(-1022 + 53);
            n += 1022 - 53;
            if (n < -1022)
                n = -1022;
        }
    }
    return x * pow2(n);
}

double ldexp(double x, int exp)
{
    return scalbn(x, exp);
}

/* x = m * 2**e with 0.5 <= |m| < 1 */
double frexp(double x, int *exp)
{
    unsigned long u = bits_of(x);
    int e = (int)((u >> 52) & 0x7ff);

    *exp = 0;
    if (x == 0 || e == 0x7ff)
        return x;
    if (e == 0) {                           /* subnormal: make it normal first */
        x *= pow2(54);
        u = bits_of(x);
        e = (int)((u >> 52) & 0x7ff) - 54;
    }
    *exp = e - 1022;
    return make((u & ~(0x7ffUL << 52)) | (1022UL << 52));
}

int ilogb(double x)
{
    int e;

    if (x == 0)
        return -2147483647 - 1;
    if (!__isfinite(x))
        return 2147483647;
    frexp(x, &e);
    return e - 1;
}

double logb(double x)
{
    if (x == 0) {
        errno = ERANGE;
        return -HUGE_VAL;
    }
    if (!__isfinite(x))
        return x * x;
    return ilogb(x);
}

/* nextafter's cases that need no bits (for double and float): a NaN, x == y, and x zero (the
 * smallest subnormal, `tiny`, toward y). 1 with *result set if it is one of them. */
static int nextafter_special(double x, double y, double tiny, double *result)
{
    if (x != x || y != y)
        *result = x + y;
    else if (x == y)
        *result = y;
    else if (x == 0)
        *result = copysign(tiny, y);
    else
        return 0;
    return 1;
}

/* Otherwise the next value is one unit of the bits away: up in magnitude if y is beyond x on
 * x's side of zero, down if not. */
double nextafter(double x, double y)
{
    double special;
    if (nextafter_special(x, y, DBL_TRUE_MIN, &special))
        return special;
    unsigned long u = bits_of(x);
    return make((x < y) == (x > 0) ? u + 1 : u - 1);
}

float nextafterf(float x, float y)
{
    double special;
    union {
        float f;
        unsigned int u;
    } b = {x};
    if (nextafter_special(x, y, FLT_TRUE_MIN, &special))
        return (float)special;
    b.u = (x < y) == (x > 0) ? b.u + 1 : b.u - 1;
    return b.f;
}

/* ---- rounding to integers ------------------------------------------------------------------- */

#define TWO52 4503599627370496.0            /* from here up, every double is an integer */

double trunc(double x)
{
    if (!(fabs(x) < TWO52))
        return x;                           /* already an integer, or inf, or NaN */
    return copysign((double)(long)x, x);
}

double floor(double x)
{
    double t = trunc(x);

    return t > x ? t - 1.0 : t;
}

double ceil(double x)
{
    double t = trunc(x);

    return t < x ? t + 1.0 : t;
}

/* Halfway cases away from zero. */
double round(double x)
{
    double t = trunc(x);

    if (fabs(x - t) >= 0.5)
        t += copysign(1.0, x);
    return t;
}

/* Halfway cases to even: adding and subtracting 2**52 rounds in the FPU's way. */
double rint(double x)
{
    double a = fabs(x);

    if (!(a < TWO52))
        return x;
    return copysign((a + TWO52) - TWO52, x);
}

double nearbyint(double x)
{
    return rint(x);
}

long lround(double x) { return (long)round(x); }
long long llround(double x) { return (long long)round(x); }
long lrint(double x) { return (long)rint(x); }
long long llrint(double x) { return (long long)rint(x); }

double modf(double x, double *iptr)
{
    double t = trunc(x);

    *iptr = t;
    if (__isinf(x))
        return copysign(0.0, x);
    return copysign(x - t, x);
}

/* x - n*y for the integer n = trunc(x/y), exactly: long division on the significands. */
double fmod(double x, double y)
{
    unsigned long ux = bits_of(x), uy = bits_of(y), mx, my;
    int ex = (int)((ux >> 52) & 0x7ff), ey = (int)((uy >> 52) & 0x7ff);
    double r;

    if (x != x || y != y || ex == 0x7ff || y == 0)
        return x != x || y != y ? x + y : domain_error();
    if (ey == 0x7ff || fabs(x) < fabs(y))
        return x;
    /* both mantissas normalised to [2**52, 2**53), subnormals included: then one subtraction per
     * step keeps mx below my, and the shift cannot overflow */
    mx = ux & ((1UL << 52) - 1);
    my = uy & ((1UL << 52) - 1);
    if (ex == 0)
        for (ex = 1; !(mx >> 52); ex--)
            mx <<= 1;
    else
        mx |= 1UL << 52;
    if (ey == 0)
        for (ey = 1; !(my >> 52); ey--)
            my <<= 1;
    else
        my |= 1UL << 52;
    for (; ex > ey; ex--) {                 /* |x| = mx * 2**(ex-1075), |y| = my * 2**(ey-1075) */
        if (mx >= my)
            mx -= my;
        mx <<= 1;
    }
    if (mx >= my)
        mx -= my;
    r = scalbn((double)mx, ey - 1075);
    return copysign(r, x);
}

/* x - n*y for the integer n nearest x/y (ties to even). */
double remainder(double x, double y)
{
    double a, b, r;
    int odd = 0;

    if (x != x || y != y)
        return x + y;
    if (__isinf(x) || y == 0)
        return domain_error();
    a = fabs(x);
    b = fabs(y);
    if (b < DBL_MAX_ / 2) {
        r = fmod(a, 2 * b);                 /* in [0, 2b): the parity of n is visible */
        if (r >= b) {
            r -= b;
            odd = 1;
        }
    } else {
        r = a;
        if (r >= b) {
            r -= b;
            odd = 1;
        }
    }
    if (r > b - r || (r == b - r && odd))
        r -= b;
    return copysign(1.0, x) * r;
}

double fmin(double x, double y)
{
    if (x != x)
        return y;
    if (y != y)
        return x;
    if (x == y)
        return __signbit(x) ? x : y;
    return x < y ? x : y;
}

double fmax(double x, double y)
{
    if (x != x)
        return y;
    if (y != y)
        return x;
    if (x == y)
        return __signbit(x) ? y : x;
    return x > y ? x : y;
}

double fdim(double x, double y)
{
    if (x != x || y != y)
        return x + y;
    return x > y ? x - y : 0.0;
}

/* ---- exact arithmetic helpers (double-double) ---------------------------------------------- */

/* a + b = s + *err exactly. */
static double two_sum(double a, double b, double *err)
{
    double s = a + b, bb = s - a;

    *err = (a - (s - bb)) + (b - bb);
    return s;
}

/* a = hi + lo, each with at most 26 significant bits (Veltkamp). */
static void split(double a, double *hi, double *lo)
{
    double t = 134217729.0 * a;             /* 2**27 + 1 */

    *hi = t - (t - a);
    *lo = a - *hi;
}

/* a * b = p + *err exactly (Dekker). */
static double two_prod(double a, double b, double *err)
{
    double p = a * b, ah, al, bh, bl;

    split(a, &ah, &al);
    split(b, &bh, &bl);
    *err = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    return p;
}

double fma(double x, double y, double z)
{
    double pe, s, se;
    double p;

    if (!__isfinite(x) || !__isfinite(y) || !__isfinite(z) || fabs(x) > 1e300 || fabs(y) > 1e300)
        return x * y + z;
    p = two_prod(x, y, &pe);
    s = two_sum(p, z, &se);
    return s + (se + pe);
}

/* ---- exp and log ---------------------------------------------------------------------------- */

/* 2**(j/64) for j = 0..63, each as hi + lo (lo: the next 53 bits), for exp_tail. */
static const double exp2_table[64][2] = {
    {1.0, 0.0},
    {1.0108892860517005, -1.5234778603368577e-17},
    {1.0218971486541166, 5.109225028973444e-17},
    {1.0330248790212284, 7.600838874027088e-18},
    {1.0442737824274138, 8.551889705537965e-17},
    {1.0556451783605572, 1.759325738772092e-18},
    {1.0671404006768237, -7.899853966841582e-17},
    {1.0787607977571199, -6.656660436056593e-17},
    {1.0905077326652577, -3.046782079812471e-17},
    {1.102382583307841, 5.2660368715706944e-17},
    {1.1143867425958924, 1.0410278456845571e-16},
    {1.1265216186082418, 5.165856758795457e-17},
    {1.1387886347566916, 8.912812676025408e-17},
    {1.1511892299529827, 3.250710218863827e-17},
    {1.1637248587775775, 3.8292048369240935e-17},
    {1.1763969916502812, 5.554203254218079e-17},
    {1.189207115002721, 3.982015231465646e-17},
    {1.202156731452703, 6.644981499252301e-17},
    {1.215247359980469, -7.712630692681488e-17},
    {1.22848053610687, -1.89878163130253e-17},
    {1.241857812073484, 4.658027591836937e-17},
    {1.255380757024691, -6.7113898212968784e-18},
    {1.2690509571917332, 2.667932131342186e-18},
    {1.2828700160787783, 1.713594918243561e-17},
    {1.2968395546510096, 2.5382502794888315e-17},
    {1.3109612115247644, -7.181536135519454e-17},
    {1.3252366431597413, -2.8587312100388614e-17},
    {1.339667524053303, 8.927282594831732e-17},
    {1.3542555469368927, 7.70094837980299e-17},
    {1.3690024229745905, 9.593797919118849e-17},
    {1.383909881963832, -6.770511658794786e-17},
    {1.3989796725383112, -9.614213209051323e-17},
    {1.4142135623730951, -9.667293313452913e-17},
    {1.42961333839197, -1.2031642489053655e-17},
    {1.4451808069770467, -3.0237581349939873e-17},
    {1.460917794180647, -5.600377186075216e-17},
    {1.4768261459394993, -3.483994556892796e-17},
    {1.4929077282912648, 1.4192920154284036e-17},
    {1.5091644275934228, -1.016455327754295e-16},
    {1.5255981507445384, -1.1024941712342561e-16},
    {1.5422108254079407, 7.949834809697621e-17},
    {1.559004400237837, 3.7812070533575275e-17},
    {1.5759808451078865, -1.0136916471278304e-17},
    {1.593142151342267, -1.0094406542311964e-16},
    {1.6104903319492543, 2.4707192569797888e-17},
    {1.6280274218573478, -6.712955084707084e-17},
    {1.645755478153965, -1.0125679913674773e-16},
    {1.6636765803267364, 5.8909926967131e-17},
    {1.681792830507429, 8.199010020581497e-17},
    {1.7001063537185235, -8.0237193703977e-18},
    {1.718619298122478, -1.851380418263111e-17},
    {1.7373338352737062, 3.164389299292957e-17},
    {1.7562521603732995, 2.960140695448873e-17},
    {1.7753764925265212, 6.429731796556572e-17},
    {1.7947090750031072, 1.8227458427912087e-17},
    {1.8142521755003989, -9.969531538920349e-17},
    {1.8340080864093424, 3.283107224245627e-17},
    {1.8539791250833855, 9.761887490727594e-17},
    {1.8741676341103, -6.122763413004143e-17},
    {1.8945759815869656, 3.4034035352165297e-17},
    {1.9152065613971474, -1.0619946056195963e-16},
    {1.9360617934922943, 1.0332385960676326e-16},
    {1.9571441241754002, 8.960767791036668e-17},
    {1.978456026387951, 4.0388753109278167e-17},
};

/*
 * exp(x + tail) for |x| <= 709.8 and a tiny tail: x = (64k + j) ln2/64 + r, so
 * exp = 2**k 2**(j/64) exp(r), with |r| <= ln2/128. On so small a range the series of
 * exp(r) - 1 needs six terms, and its rounding errors are some 2**-60 of the result: the one
 * rounding left that matters is that of the final sum 2**(j/64) (hi + lo, from the table) times
 * exp(r), so the result is the correctly rounded one in all but about one case in a thousand.
 * Reducing by ln2 alone left |r| up to 0.35, and the series' own rounding made one result in
 * ten a unit off in the last place (pow(2, 0.5) was not sqrt(2), as it is with glibc).
 */
static double exp_tail(double x, double tail)
{
    double nd = x * (64.0 * LOG2E), hi, lo, r, c, p, t_hi, t_lo;
    long n = (long)(nd < 0 ? nd - 0.5 : nd + 0.5);
    int j = (int)(n & 63);
    long k = (n - j) / 64;

    hi = x - (double)n * (LN2_HI / 64);     /* exact: n has at most 17 bits, LN2_HI 32 */
    lo = (double)n * (LN2_LO / 64) - tail;
    r = hi - lo;
    c = (hi - r) - lo;                      /* what rounding r lost */
    /* exp(r) - 1 = r + r^2/2! + ... + r^6/6!, with the c that r lost: exp(r + c) - 1 */
    p = r + r * r * (0.5 + r * (0.16666666666666666 + r * (0.041666666666666664
        + r * (0.008333333333333333 + r * 0.001388888888888889))));
    p += c * (1.0 + p);
    t_hi = exp2_table[j][0];
    t_lo = exp2_table[j][1];
    return scalbn(t_hi + (t_lo + t_hi * p), (int)k);
}

double exp(double x)
{
    if (x != x)
        return x;
    if (x > 709.782712893384)
        return overflow(0);
    if (x < -745.1332191019412) {
        if (x == -HUGE_VAL)
            return 0.0;
        errno = ERANGE;
        return 0.0;
    }
    return exp_tail(x, 0.0);
}

double exp2(double x)
{
    return pow(2.0, x);
}

double expm1(double x)
{
    if (fabs(x) < 0.5) {                    /* the series without its 1: no cancellation */
        return x + x * x * (0.5 + x * (0.16666666666666666 + x * (0.041666666666666664
            + x * (0.008333333333333333 + x * (0.001388888888888889 + x * (0.0001984126984126984
            + x * (2.48015873015873e-05 + x * (2.7557319223985893e-06 + x * (2.755731922398589e-07
            + x * (2.505210838544172e-08 + x * (2.08767569878681e-09 + x * (1.6059043836821613e-10
            + x * (1.1470745597729725e-11 + x * 7.647163731819816e-13)))))))))))));
    }
    return exp(x) - 1.0;
}

/* atanh-series tail: s/3 + s^2/5 + ... + s^11/23 (s = f^2 <= 0.0295). */
static double odd_tail(double s)
{
    return s * (0.3333333333333333 + s * (0.2 + s * (0.14285714285714285 + s * (0.1111111111111111
        + s * (0.09090909090909091 + s * (0.07692307692307693 + s * (0.06666666666666667
        + s * (0.058823529411764705 + s * (0.05263157894736842 + s * (0.047619047619047616
        + s * 0.043478260869565216))))))))));
}

/* Split a positive finite x into 2**k * m with sqrt(1/2) <= m < sqrt(2). */
static double reduce_log(double x, int *k)
{
    unsigned long u = bits_of(x);
    int e = (int)((u >> 52) & 0x7ff);
    double m;

    *k = 0;
    if (e == 0) {                           /* subnormal */
        x *= pow2(54);
        *k = -54;
        u = bits_of(x);
        e = (int)((u >> 52) & 0x7ff);
    }
    *k += e - 1023;
    m = make((u & ((1UL << 52) - 1)) | (1023UL << 52));     /* in [1, 2) */
    if (m > 1.4142135623730951) {
        m *= 0.5;
        (*k)++;
    }
    return m;
}

/* log(1 + j/64) for j = 0..64, each as hi + lo (made with Python's decimal module:
 * hi = float(L), lo = float(L - hi) with L = ln(1 + j/64) to 60 digits). */
static const double log_table[65][2] = {
    {0.0, 0.0},
    {0.015504186535965254, -3.278321022892429e-19},
    {0.030771658666753687, 1.0431732029005968e-18},
    {0.0458095360312942, 1.902959866474257e-18},
    {0.06062462181643484, 2.6424025938726934e-18},
    {0.07522342123758753, -5.930604196293241e-18},
    {0.08961215868968714, -5.4268129336647135e-18},
    {0.10379679368164356, 5.47772415726659e-18},
    {0.11778303565638346, -1.1971685747593677e-18},
    {0.13157635778871926, 1.1123000879729588e-17},
    {0.1451820098444979, 8.242418783022475e-18},
    {0.15860503017663857, 1.1257003872182592e-17},
    {0.17185025692665923, -6.0224538210113705e-18},
    {0.184922338494012, 3.0236614153574064e-18},
    {0.19782574332991987, 1.2821194372980142e-17},
    {0.21056476910734964, -4.249405314729895e-18},
    {0.22314355131420976, -9.091270597324799e-18},
    {0.2355660713127669, -2.3943371495187355e-18},
    {0.24783616390458127, -1.2432209578702523e-17},
    {0.25995752443692605, 2.069806938978935e-17},
    {0.27193371548364176, 7.83319637697442e-19},
    {0.2837681731306446, -2.032665581126656e-17},
    {0.2954642128938359, -2.16461086040599e-17},
    {0.3070250352949119, -1.2319916200101964e-17},
    {0.3184537311185346, 2.7114779367326236e-17},
    {0.329753286372468, 2.122020616196946e-18},
    {0.3409265869705932, 1.7467136443544747e-17},
    {0.3519764231571782, -1.2953893030191963e-17},
    {0.3629054936893685, -2.1492361455310972e-17},
    {0.37371640979358406, 2.1836211281198184e-17},
    {0.38441169891033206, -1.612149700764673e-17},
    {0.394993808240869, -1.5113724418336168e-17},
    {0.4054651081081644, -2.8811380259626426e-18},
    {0.415827895143711, -2.48753990369597e-17},
    {0.4260843953109001, -2.499176776547466e-17},
    {0.43623676677491807, -1.8379648230620457e-18},
    {0.44628710262841953, -1.8182541194649598e-17},
    {0.4562374334815876, 2.122222784062318e-17},
    {0.46608972992459924, -1.4116523239904406e-17},
    {0.4758459048699639, -6.181952722542219e-18},
    {0.4855078157817008, -1.6618350693852048e-17},
    {0.4950772667978515, -8.307950959627356e-18},
    {0.5045560107523953, -2.4888518873597905e-17},
    {0.5139457511022343, 3.397548559332142e-17},
    {0.5232481437645479, -3.1833882216350925e-17},
    {0.5324647988694718, -9.149239241180804e-19},
    {0.5415972824327444, -3.748764246125639e-17},
    {0.5506471179526623, -2.239429485856908e-17},
    {0.5596157879354227, 2.685492580212308e-17},
    {0.5685047353526688, -5.4267346029482773e-17},
    {0.5773153650348236, -8.903591846974013e-18},
    {0.5860490450035782, -3.058363205263577e-17},
    {0.5947071077466928, 1.3751689964323675e-17},
    {0.6032908514380843, 9.9400563470175e-18},
    {0.6118015411059929, -3.7397759448726e-17},
    {0.6202404097518576, -3.989161064307651e-17},
    {0.6286086594223741, 4.3538742607970387e-17},
    {0.6369074622370692, 5.422955873465247e-17},
    {0.6451379613735847, 9.346960920120906e-19},
    {0.6533012720127457, -4.306892322029408e-17},
    {0.661398482245365, -7.603333785634003e-18},
    {0.6694306539426292, 2.823733943928343e-17},
    {0.6773988235918061, -2.0978183882652005e-18},
    {0.6853040030989194, 4.893484946270261e-17},
    {0.6931471805599453, 2.3190468138462996e-17},
};

/*
 * log(x) for finite x > 0, returned as hi + *lo with about 100 bits of precision:
 *     x = 2**k m, 1 <= m < 2;  c = 1 + j/64, the table point nearest m;
 *     log x = k ln2 + log c + log(m/c),  log(m/c) = 2 atanh(f),  f = (m - c) / (m + c).
 * |f| <= 1/256, so the atanh series is short and its rounding errors are far below the last
 * bit; f itself is computed with its rounding error (fl) by exact products (two_prod).
 */
static double log_dd(double x, double *lo)
{
    unsigned long u = bits_of(x);
    int e = (int)((u >> 52) & 0x7ff), k = 0, j;
    double m, c, num, v, vl, f, fl, p, pe, hi, e1, e2, low, sum;

    if (e == 0) {                           /* subnormal */
        x *= pow2(54);
        k = -54;
        u = bits_of(x);
        e = (int)((u >> 52) & 0x7ff);
    }
    k += e - 1023;
    m = make((u & ((1UL << 52) - 1)) | (1023UL << 52));     /* in [1, 2) */
    j = (int)((m - 1.0) * 64.0 + 0.5);
    c = 1.0 + j / 64.0;
    num = m - c;                            /* exact: m and c are close */
    v = two_sum(m, c, &vl);                 /* m + c = v + vl exactly */
    f = num / v;
    p = two_prod(f, v, &pe);
    fl = ((num - p) - pe - f * vl) / v;     /* f + fl = (m - c) / (m + c) to ~2**-106 */

    hi = two_sum((double)k * LN2_HI, log_table[j][0], &e1);
    hi = two_sum(hi, 2.0 * f, &e2);
    low = e1 + e2 + log_table[j][1] + (double)k * LN2_LO + 2.0 * fl + 2.0 * f * odd_tail(f * f);
    sum = hi + low;
    *lo = low - (sum - hi);
    return sum;
}

/* log(x) in the ordinary case, or the special result; 0 if ordinary (x finite and > 0). */
static int log_special(double x, double *result)
{
    if (x != x) {
        *result = x;
    } else if (x < 0) {
        *result = domain_error();
    } else if (x == 0) {
        errno = ERANGE;
        *result = -HUGE_VAL;
    } else if (x == HUGE_VAL) {
        *result = x;
    } else {
        return 0;
    }
    return 1;
}

double log(double x)
{
    double r, lo;

    if (log_special(x, &r))
        return r;
    return log_dd(x, &lo);
}

double log2(double x)
{
    double r, m, f, lm;
    int k;

    if (log_special(x, &r))
        return r;
    m = reduce_log(x, &k);
    f = (m - 1.0) / (m + 1.0);
    lm = 2.0 * f + 2.0 * f * odd_tail(f * f);
    return (double)k + lm * LOG2E;          /* exact for powers of two */
}

double log10(double x)
{
    double r, lo, hi;

    if (log_special(x, &r))
        return r;
    hi = log_dd(x, &lo);
    return hi * LOG10E + lo * LOG10E;
}

/* log(1 + x), accurate for small x. */
double log1p(double x)
{
    double u, hi, lo;

    if (x != x)
        return x;
    if (x == -1.0) {
        errno = ERANGE;
        return -HUGE_VAL;
    }
    if (x < -1.0)
        return domain_error();
    if (fabs(x) < 1e-17)
        return x;
    if (__isinf(x))
        return x;
    /* log(u) with u = 1 + x rounded, plus the first-order fix for that rounding */
    u = 1.0 + x;
    hi = log_dd(u, &lo);
    return hi + (lo + (x - (u - 1.0)) / u);
}

/* Is y an integer, and if so is it odd? 0: not an integer, 1: even, 2: odd. */
static int integer_kind(double y)
{
    if (fabs(y) >= 2 * TWO52)
        return 1;                           /* huge doubles are even integers */
    if (trunc(y) != y)
        return 0;
    return fmod(y, 2.0) == 0 ? 1 : 2;
}

double pow(double x, double y)
{
    int kind;
    double ax, lo, hi, z, ze, pe;

    if (y == 0 || x == 1.0)
        return 1.0;
    if (x != x || y != y)
        return x + y;
    kind = integer_kind(y);
    ax = fabs(x);
    if (__isinf(y)) {
        if (ax == 1.0)
            return 1.0;
        return (ax > 1.0) == (y > 0) ? HUGE_VAL : 0.0;
    }
    if (x == 0) {
        if (y < 0) {
            errno = ERANGE;
            return kind == 2 ? copysign(HUGE_VAL, x) : HUGE_VAL;
        }
        return kind == 2 ? x : 0.0;
    }
    if (__isinf(x)) {
        if (x > 0)
            return y > 0 ? HUGE_VAL : 0.0;
        if (y > 0)
            return kind == 2 ? -HUGE_VAL : HUGE_VAL;
        return kind == 2 ? -0.0 : 0.0;
    }
    if (x < 0 && kind == 0)
        return domain_error();              /* a negative number to a fractional power */

    /* |x|**y = exp(y * log|x|), with log|x| and the product carried in double-double */
    hi = log_dd(ax, &lo);
    z = y * hi;
    if (z > 709.8)
        return overflow(x < 0 && kind == 2);
    if (z < -745.2) {
        errno = ERANGE;
        return x < 0 && kind == 2 ? -0.0 : 0.0;
    }
    z = two_prod(y, hi, &pe);
    ze = pe + y * lo;
    z = exp_tail(z, ze);
    if (__isinf(z))
        errno = ERANGE;
    return x < 0 && kind == 2 ? -z : z;
}

/* pow's guess (1/3 is not exactly a third), then a Newton step on y^3 = a with the residual
 * a - y^3 computed exactly. */
double cbrt(double x)
{
    double a = fabs(x), y, y2, y3, e2, e3, r;

    if (x == 0 || !__isfinite(x))
        return x;
    y = pow(a, 1.0 / 3.0);
    y2 = two_prod(y, y, &e2);
    y3 = two_prod(y2, y, &e3);
    r = ((a - y3) - e3) - e2 * y;
    y += r / (3.0 * y2);
    return copysign(y, x);
}

double hypot(double x, double y)
{
    double a = fabs(x), b = fabs(y), scale = 1.0;

    if (__isinf(a) || __isinf(b))
        return HUGE_VAL;
    if (a != a || b != b)
        return a + b;
    /* sqrt(a*a + b*b) is within an ulp; scale by a power of two (exact) first when the squares
     * would overflow or underflow, and scale back after. */
    if (a > 0x1p500 || b > 0x1p500) {
        a *= 0x1p-600;
        b *= 0x1p-600;
        scale = 0x1p600;
    } else if (a < 0x1p-500 && b < 0x1p-500) {
        a *= 0x1p600;
        b *= 0x1p600;
        scale = 0x1p-600;
    }
    return sqrt(a * a + b * b) * scale;
}

/* ---- trigonometry --------------------------------------------------------------------------- */

/* sin(r) for |r| <= pi/4: r - r^3/3! + ... - r^19/19! */
static double sin_kernel(double r)
{
    double s = r * r;

    return r - r * s * (0.16666666666666666 - s * (0.008333333333333333
        - s * (0.0001984126984126984 - s * (2.7557319223985893e-06 - s * (2.505210838544172e-08
        - s * (1.6059043836821613e-10 - s * (7.647163731819816e-13 - s * (2.8114572543455206e-15
        - s * (8.22063524662433e-18 - s * 1.9572941063391263e-20)))))))));
}

/* cos(r) for |r| <= pi/4: 1 - r^2/2! + ... + r^20/20! */
static double cos_kernel(double r)
{
    double s = r * r;

    return 1.0 - s * (0.5 - s * (0.041666666666666664 - s * (0.001388888888888889
        - s * (2.48015873015873e-05 - s * (2.755731922398589e-07 - s * (2.08767569878681e-09
        - s * (1.1470745597729725e-11 - s * (4.779477332387385e-14 - s * (1.5619206968586225e-16
        - s * 4.110317623312165e-19)))))))));
}

/* x = k pi/2 + r with |r| <= pi/4 (about); returns r and sets *quadrant = k mod 4. */
static double reduce_trig(double x, int *quadrant)
{
    double k;

    if (fabs(x) <= PIO4_HI) {
        *quadrant = 0;
        return x;
    }
    k = rint(x * TWO_OVER_PI);
    *quadrant = (int)(fmod(k, 4.0) + 4.0) & 3;
    return ((x - k * PIO2_1) - k * PIO2_2) - k * PIO2_3;
}

double sin(double x)
{
    int q;
    double r;

    if (!__isfinite(x))
        return x != x ? x : domain_error();
    r = reduce_trig(x, &q);
    switch (q) {
    case 0: return sin_kernel(r);
    case 1: return cos_kernel(r);
    case 2: return -sin_kernel(r);
    default: return -cos_kernel(r);
    }
}

double cos(double x)
{
    int q;
    double r;

    if (!__isfinite(x))
        return x != x ? x : domain_error();
    r = reduce_trig(x, &q);
    switch (q) {
    case 0: return cos_kernel(r);
    case 1: return -sin_kernel(r);
    case 2: return -cos_kernel(r);
    default: return sin_kernel(r);
    }
}

double tan(double x)
{
    int q;
    double r;

    if (!__isfinite(x))
        return x != x ? x : domain_error();
    r = reduce_trig(x, &q);
    if (q % 2 == 0)
        return sin_kernel(r) / cos_kernel(r);
    return -cos_kernel(r) / sin_kernel(r);
}

/* atan(u) for |u| <= tan(pi/8) = 0.4142: u - u^3/3 + ... - u^43/43 */
static double atan_kernel(double u)
{
    double s = u * u;
    double sum = 0.0;
    static const double odd[] = {
        0.3333333333333333, 0.2, 0.14285714285714285, 0.1111111111111111, 0.09090909090909091,
        0.07692307692307693, 0.06666666666666667, 0.058823529411764705, 0.05263157894736842,
        0.047619047619047616, 0.043478260869565216, 0.04, 0.037037037037037035,
        0.034482758620689655, 0.03225806451612903, 0.030303030303030304, 0.02857142857142857,
        0.02702702702702703, 0.02564102564102564, 0.024390243902439025, 0.023255813953488372,
    };
    int i;

    for (i = 20; i >= 0; i--)               /* sum = 1/3 - s/5 + s^2/7 - ... (Horner) */
        sum = (i % 2 == 0 ? odd[i] : -odd[i]) + s * sum;
    return u - u * s * sum;
}

double atan(double x)
{
    double a = fabs(x), r;

    if (x != x)
        return x;
    if (a > 1.0) {                          /* atan(x) = pi/2 - atan(1/x) */
        if (a > 1e17)
            r = PIO2_HI;
        else
            r = PIO2_HI - (atan(1.0 / a) - PIO2_LO);
    } else if (a > 0.41421356237309503) {   /* atan(a) = pi/4 + atan((a - 1) / (a + 1)) */
        r = PIO4_HI + (atan_kernel((a - 1.0) / (a + 1.0)) + PIO4_LO);
    } else {
        r = atan_kernel(a);
    }
    return copysign(r, x);
}

double atan2(double y, double x)
{
    double r;

    if (x != x || y != y)
        return x + y;
    if (y == 0) {
        if (__signbit(x))
            return copysign(PI_HI, y);      /* atan2(+-0, -0 or x < 0) = +-pi */
        return y;                           /* atan2(+-0, +0 or x > 0) = +-0 */
    }
    if (x == 0)
        return copysign(PIO2_HI, y);
    if (__isinf(x)) {
        if (__isinf(y))
            return copysign(x > 0 ? PIO4_HI : 3 * PIO4_HI, y);
        return x > 0 ? copysign(0.0, y) : copysign(PI_HI, y);
    }
    if (__isinf(y))
        return copysign(PIO2_HI, y);
    if (fabs(y / x) > 1e17 || __isinf(y / x))
        return copysign(PIO2_HI, y);
    r = atan(fabs(y / x));
    if (x < 0)
        r = PI_HI - (r - PI_LO);
    return copysign(r, y);
}

double asin(double x)
{
    if (x != x)
        return x;
    if (fabs(x) > 1.0)
        return domain_error();
    return atan2(x, sqrt((1.0 - x) * (1.0 + x)));
}

double acos(double x)
{
    if (x != x)
        return x;
    if (fabs(x) > 1.0)
        return domain_error();
    return atan2(sqrt((1.0 - x) * (1.0 + x)), x);
}

/* ---- hyperbolic functions ------------------------------------------------------------------- */

double sinh(double x)
{
    double a = fabs(x), e;

    if (a < 0.5) {                          /* x + x^3/3! + ...: no cancellation */
        double s = x * x;
        return x + x * s * (0.16666666666666666 + s * (0.008333333333333333
            + s * (0.0001984126984126984 + s * (2.7557319223985893e-06 + s * (2.505210838544172e-08
            + s * 1.6059043836821613e-10)))));
    }
    if (a > 710.4758600739439)
        return overflow(x < 0);
    if (a > 709.0) {                        /* exp(a) alone would overflow too soon */
        e = exp(a * 0.5);
        return copysign(0.5 * e * e, x);
    }
    e = exp(a);
    return copysign(0.5 * (e - 1.0 / e), x);
}

double cosh(double x)
{
    double a = fabs(x), e;

    if (a > 710.4758600739439)
        return overflow(0);
    if (a > 709.0) {
        e = exp(a * 0.5);
        return 0.5 * e * e;
    }
    e = exp(a);
    return 0.5 * (e + 1.0 / e);
}

double tanh(double x)
{
    double a = fabs(x), e;

    if (x != x)
        return x;
    if (a > 22.0)
        return copysign(1.0, x);
    e = expm1(2.0 * a);
    return copysign(e / (e + 2.0), x);
}

double asinh(double x)
{
    double a = fabs(x), r;

    if (!__isfinite(x))
        return x;
    if (a > 1e8)
        r = log(a) + LN2_HI + LN2_LO;
    else
        r = log1p(a + a * a / (1.0 + sqrt(1.0 + a * a)));
    return copysign(r, x);
}

double acosh(double x)
{
    if (x != x)
        return x;
    if (x < 1.0)
        return domain_error();
    if (x > 1e8)
        return log(x) + LN2_HI + LN2_LO;
    return log1p((x - 1.0) + sqrt((x - 1.0) * (x + 1.0)));
}

double atanh(double x)
{
    double a = fabs(x);

    if (x != x)
        return x;
    if (a > 1.0)
        return domain_error();
    if (a == 1.0)
        return overflow(x < 0);
    if (a < 0.15)                           /* a + a^3/3 + a^5/5 + ... */
        return copysign(a + a * odd_tail(a * a), x);
    return copysign(0.5 * log1p(2.0 * a / (1.0 - a)), x);
}

/* ---- error and gamma functions ---------------------------------------------------------------- */

#define TWO_OVER_SQRT_PI 1.1283791670955126
#define SQRT_PI 1.7724538509055160
#define HALF_LOG_2PI 0.91893853320467274

/* erf for |x| < 2: its Taylor series 2/sqrt(pi) * (x - x^3/3 + x^5/(5 2!) - ...) */
static double erf_series(double x)
{
    double x2 = x * x, power = x, sum = x;

    for (int n = 1; n < 60; n++) {
        power *= -x2 / n;                   /* (-1)^n x^(2n+1) / n! */
        double term = power / (2 * n + 1);
        sum += term;
        if (fabs(term) < 1e-17 * fabs(sum))
            break;
    }
    return TWO_OVER_SQRT_PI * sum;
}

/* erfc for x >= 2: exp(-x^2)/sqrt(pi) times Laplace's continued fraction
 * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated by Lentz's method. */
static double erfc_fraction(double x)
{
    double tiny = 1e-300, f = x, c = x, d = 0.0;

    if (x > 27.3)
        return 0.0;                         /* below the smallest double (and inf's) */
    for (int n = 1; n < 200; n++) {
        double a = n * 0.5;
        d = x + a * d;
        c = x + a / c;
        d = 1.0 / (d == 0.0 ? tiny : d);
        double delta = c * d;
        f *= delta;
        if (fabs(delta - 1.0) < 1e-16)
            break;
    }
    return exp(-x * x) / (f * SQRT_PI);
}

double erf(double x)
{
    if (isnan(x))
        return x;
    if (fabs(x) < 2.0)
        return erf_series(x);
    return copysign(1.0 - erfc_fraction(fabs(x)), x);
}

double erfc(double x)
{
    if (isnan(x))
        return x;
    if (x < 2.0)
        return x > -2.0 ? 1.0 - erf_series(x) : 2.0 - erfc_fraction(-x);
    return erfc_fraction(x);
}

/* Lanczos's approximation (g = 7, nine terms): for x >= 0.5,
 * Gamma(x) = sqrt(2 pi) t^(x - 1/2) e^-t A(x) with t = x + 6.5, to about 1e-15. */
static const double lanczos[9] = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
};

static double lanczos_sum(double x)
{
    double a = lanczos[0];

    for (int i = 1; i < 9; i++)
        a += lanczos[i] / (x - 1.0 + i);
    return a;
}

int signgam;        /* the sign of Gamma(x) at the last lgamma(x) */

/* log|Gamma(x)|; Gamma(1 - x) Gamma(x) = pi / sin(pi x) for x < 0.5. Near x = 1 and 2, where
 * it is near 0, only its absolute error is about 1e-16 (glibc's relative one is). */
double lgamma(double x)
{
    signgam = 1;
    if (isnan(x) || isinf(x))
        return fabs(x);
    if (x <= 0.0 && x == floor(x))
        return overflow(0);                 /* a pole */
    if (x == 1.0 || x == 2.0)
        return 0.0;
    if (x < 0.5) {
        double s = sin(M_PI * x);
        double r = log(M_PI / fabs(s)) - lgamma(1.0 - x);
        signgam = s < 0 ? -1 : 1;           /* after the call, which sets it too */
        return r;
    }
    double t = x + 6.5;
    return HALF_LOG_2PI + (x - 0.5) * log(t) - t + log(lanczos_sum(x));
}

double tgamma(double x)
{
    if (isnan(x) || x == INFINITY)
        return x;
    if (x == 0.0)
        return overflow(signbit(x));
    if (x < 0.0 && x == floor(x))
        return domain_error();              /* negative integers, and -inf */
    if (x > 171.7)
        return overflow(0);
    if (x == floor(x) && x <= 23.0) {       /* (x-1)!: exact */
        double f = 1.0;
        for (int i = 2; i < x; i++)
            f *= i;
        return f;
    }
    if (x < 0.5)
        return M_PI / (sin(M_PI * x) * tgamma(1.0 - x));
    if (x > 140.0)                          /* t^(x - 1/2) alone would overflow: in two halves */
        return exp(lgamma(x));
    double t = x + 6.5, half = pow(t, 0.5 * (x - 0.5));
    return 2.5066282746310002 * half * (half * exp(-t)) * lanczos_sum(x);
}

/* ---- float and long double versions --------------------------------------------------------- */

float sqrtf(float x) { return (float)sqrt(x); }
float cbrtf(float x) { return (float)cbrt(x); }
float hypotf(float x, float y) { return (float)hypot(x, y); }
float expf(float x) { return (float)exp(x); }
float exp2f(float x) { return (float)exp2(x); }
float logf(float x) { return (float)log(x); }
float log2f(float x) { return (float)log2(x); }
float log10f(float x) { return (float)log10(x); }
float powf(float x, float y) { return (float)pow(x, y); }
float sinf(float x) { return (float)sin(x); }
float cosf(float x) { return (float)cos(x); }
float tanf(float x) { return (float)tan(x); }
float asinf(float x) { return (float)asin(x); }
float acosf(float x) { return (float)acos(x); }
float atanf(float x) { return (float)atan(x); }
float atan2f(float y, float x) { return (float)atan2(y, x); }
float sinhf(float x) { return (float)sinh(x); }
float coshf(float x) { return (float)cosh(x); }
float tanhf(float x) { return (float)tanh(x); }
float floorf(float x) { return (float)floor(x); }
float ceilf(float x) { return (float)ceil(x); }
float truncf(float x) { return (float)trunc(x); }
float roundf(float x) { return (float)round(x); }
float fabsf(float x) { return (float)fabs(x); }
float fmodf(float x, float y) { return (float)fmod(x, y); }
float copysignf(float x, float y) { return (float)copysign(x, y); }
float fminf(float x, float y) { return (float)fmin(x, y); }
float fmaxf(float x, float y) { return (float)fmax(x, y); }
float ldexpf(float x, int exp) { return (float)ldexp(x, exp); }
float frexpf(float x, int *exp) { return (float)frexp(x, exp); }

float modff(float x, float *iptr)
{
    double i, f = modf(x, &i);

    *iptr = (float)i;
    return (float)f;
}

long double fabsl(long double x) { return fabs(x); }
long double floorl(long double x) { return floor(x); }
long double ceill(long double x) { return ceil(x); }
long double powl(long double x, long double y) { return pow(x, y); }
long double expl(long double x) { return exp(x); }
long double logl(long double x) { return log(x); }
long double sinl(long double x) { return sin(x); }
long double cosl(long double x) { return cos(x); }
long double fmodl(long double x, long double y) { return fmod(x, y); }
