// _Alignas and <stdalign.h>: members, globals, statics and locals get the alignment they ask
// for (the strictest of several, a type's or a number, 0 meaning none). Hand-written expectations
// (the purecap data model; __STDC_NO_* are what ufos C leaves out).
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>

struct member16 { char c; alignas(16) int x; };
struct member_zero { char c; alignas(0) int x; };
struct member_type { char c; alignas(double) char d; };
struct strictest { char c; alignas(2) alignas(8) alignas(4) char d; };

alignas(64) static char global64[3];
char after;
alignas(4096) char page_aligned[5];
alignas(32) int global32;

static int aligned(const void *p, unsigned long n) {
    return (unsigned long)p % n == 0;
}

int main(void) {
    printf("defined: %d %d\n", __alignas_is_defined, __alignof_is_defined);
    printf("member16: align %d size %d offset %d\n", (int)alignof(struct member16),
           (int)sizeof(struct member16), (int)offsetof(struct member16, x));
    printf("member_zero: align %d size %d\n", (int)alignof(struct member_zero), (int)sizeof(struct member_zero));
    printf("member_type: align %d offset %d\n", (int)alignof(struct member_type), (int)offsetof(struct member_type, d));
    printf("strictest: align %d offset %d\n", (int)alignof(struct strictest), (int)offsetof(struct strictest, d));
    printf("globals: %d %d %d\n", aligned(global64, 64), aligned(page_aligned, 4096), aligned(&global32, 32));

    alignas(16) char local16 = 'a';
    alignas(long) char local_long = 'b';
    static alignas(256) char static256;
    char ordinary = 'c';
    printf("locals: %d %d %d %c%c%c\n", aligned(&local16, 16), aligned(&local_long, 8),
           aligned(&static256, 256), local16, local_long, ordinary);
    struct member16 s[2];
    printf("array of member16: %d %d\n", aligned(&s[1].x, 16), (int)((char *)&s[1] - (char *)&s[0]));
#if defined(__STDC_NO_COMPLEX__) && defined(__STDC_NO_ATOMICS__) && defined(__STDC_NO_THREADS__)
    printf("no complex, atomics, threads\n");
#endif
#if defined(__STDC_UTF_16__) && defined(__STDC_UTF_32__)
    printf("utf-16 and utf-32 literals\n");
#endif
    return 0;
}
