// sqrt.s - double sqrt(double x): the machine's fsqrt instruction, correctly rounded.
// (A negative x gives NaN, as C requires.)

        .text
        .global sqrt
        .global sqrtl
        .type   sqrt, %function
        .type   sqrtl, %function
sqrt:
sqrtl:
        fsqrt   d0, d0
        ret
        .size   sqrt, .-sqrt
        .size   sqrtl, .-sqrtl
