// The preprocessor's probes, with which portable code asks what the compiler has: __has_include
// (<...> on the include path, "..." also beside this file), __has_builtin (the built-ins ufos cc
// implements, builtins.py), __has_attribute and __has_feature (CHERI Clang's capabilities).
// Each is defined, so `#ifdef __has_include` and `#if defined(__has_builtin)` guards work.
#include <stdio.h>

#if defined(__has_include) && defined(__has_builtin) && defined(__has_attribute) && defined(__has_feature)
#define PROBES "probes defined"
#else
#define PROBES "probes missing"
#endif

#define HAS(x) __has_builtin(x)

int main(void) {
    printf("%s\n", PROBES);
#if __has_include(<stdio.h>) && __has_include("stdio.h") && __has_include(<sys/types.h>)
    printf("stdio.h found\n");
#endif
#if !__has_include(<no_such_header.h>) && !__has_include("no_such_header.h")
    printf("no_such_header.h not found\n");
#endif
#if __has_builtin(__builtin_expect) && __has_builtin(__builtin_popcountl) && HAS(__builtin_cheri_tag_get)
    printf("builtins: expect popcountl cheri_tag_get\n");
#endif
#if !__has_builtin(__builtin_no_such_thing) && !__has_builtin(printf)
    printf("no __builtin_no_such_thing\n");
#endif
#if __has_attribute(unused) && __has_attribute(__noreturn__) && !__has_attribute(no_such_attribute)
    printf("attributes: unused noreturn\n");
#endif
#if __has_feature(capabilities) && !__has_feature(address_sanitizer)
    printf("features: capabilities\n");
#endif
    return 0;
}
