// expected: host
// erf, erfc, tgamma and lgamma (with signgam), as statistics code uses them: the normal
// distribution's CDF from erfc, binomial coefficients from lgamma, factorials from tgamma;
// poles and domain errors as C and POSIX say.
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <math.h>
#include <stdio.h>

static double normal_cdf(double z) { return 0.5 * erfc(-z / sqrt(2.0)); }

static double log_choose(double n, double k) { return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1); }

int main(void) {
    double xs[] = {-6, -2.5, -1, -0.3, 0, 0.01, 0.5, 1, 1.9, 2, 2.1, 3, 4.5, 6, 10, 26};
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++)
        printf("erf(%g) = %.10g, erfc = %.10g\n", xs[i], erf(xs[i]), erfc(xs[i]));
    for (double z = -3; z <= 3; z += 1.5)
        printf("P(Z < %g) = %.10f\n", z, normal_cdf(z));

    double gs[] = {-3.5, -0.5, 0.001, 0.25, 0.5, 1.5, 3, 5, 7.3, 10, 20.5, 24, 50, 100.5, 170.5};
    for (unsigned i = 0; i < sizeof gs / sizeof gs[0]; i++) {
        double lg = lgamma(gs[i]);
        printf("gamma(%g) = %.10g, lgamma = %.10g, sign %d\n", gs[i], tgamma(gs[i]), lg, signgam);
    }
    printf("C(50, 25) ~ %.9e\n", exp(log_choose(50, 25)));
    printf("C(1000, 10) ~ %.6e\n", exp(log_choose(1000, 10)));

    errno = 0;
    double pole = tgamma(-2.0);
    printf("tgamma(-2) = %g, EDOM %d\n", pole, errno == EDOM);
    errno = 0;
    double zero = tgamma(0.0);
    printf("tgamma(0) = %g, ERANGE %d\n", zero, errno == ERANGE);
    printf("tgamma(-0) = %g, tgamma(172) = %g, lgamma(0) = %g, lgamma(-3) = %g\n",
           tgamma(-0.0), tgamma(172.0), lgamma(0.0), lgamma(-3.0));
    printf("erf(inf) = %g, erfc(-inf) = %g, erf(nan) = %g\n", erf(INFINITY), erfc(-INFINITY), erf(NAN));
    return 0;
}
