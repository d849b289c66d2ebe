// expected: host
/* #if arithmetic on integer constants with every suffix C11 allows, long long ones included
   (ULL, LLU, ll, ...), as headers like <stdint.h> and programs like Lua write them:
   `#if (LLONG_MAX >> 31) >= 3`. Unsigned suffixes make the comparison unsigned. */
#include <stdio.h>

#define BIG 9223372036854775807LL
#define UBIG 18446744073709551615ULL

int main(void) {
#if (UBIG >> 31) >= 3
    puts("ULL shifts");
#endif
#if (BIG >> 62) == 1
    puts("LL shifts");
#endif
#if 0x10LLU == 16 && 7llu > 6 && 5Ull == 5 && 4LLu == 4 && 3ll == 3
    puts("every spelling of the suffixes");
#endif
#if -1 < 0LL && -1LL < 0
    puts("LL is signed");
#endif
#if -1 > 0ULL && -1 > 0LLU
    puts("ULL is unsigned");
#endif
#if 0L && BIG <= 2147483647
    puts("wrong");
#else
    puts("&& of L and LL");
#endif
    return 0;
}
