"""Inlining (ufos/toolchain/cc/inline.py): a call to a small static function becomes its body.
The program must do exactly what it did with the call (in both ABIs): each argument evaluated
once, converted to its parameter's type, the result to the return type, and every capability
keeping its bounds; only the `bl` is gone."""
import re

import pytest

from ufos.kernel.uapi import SIG
from ufos.runner import run_c
from ufos.toolchain.cc import compile_c

ABIS = ["purecap", "hybrid"]

SIDE_EFFECTS = r"""
#include <stdio.h>
static int calls;
static int next(void) { return ++calls; }
static int twice(int x) { return x + x; }
static unsigned char low_byte(int x) { return x; }                /* the result converted */
static long widen(short s) { return s; }                          /* the argument converted */
static int clamp(int v, int lo, int hi) { if (v < lo) return lo; if (v > hi) return hi; return v; }
static void bump(int *p, int by) { if (by > 0) *p += by; else *p -= 1; }
static int sum3(int a, int b, int c) { int ab = a + b; return ab + c; }
static double half(double d) { return d / 2; }
static const char *pick(const char *s, int n) { return n ? s + n : s; }
int main(void) {
    int i = 5, n = 0, t;
    t = twice(next());                                             /* next() runs once */
    printf("%d %d\n", t, calls);
    t = twice(i++);
    printf("%d %d\n", t, i);
    printf("%d %ld %ld\n", low_byte(0x1234), widen(70000), widen(-2));
    t = clamp(next(), 0, 9);
    printf("%d %d %d\n", clamp(-3, 0, 9), clamp(12, 0, 9), t);
    bump(&n, 3);
    bump(&n, 0);
    t = sum3(i, next(), i);
    printf("%d %d %g %s\n", n, t, half(5), pick("hello", 2));
    return 0;
}
"""


@pytest.mark.parametrize("abi", ABIS)
def test_inlined_calls_evaluate_arguments_once_and_convert_like_calls(abi):
    r = run_c(SIDE_EFFECTS, abi=abi)
    assert r.status == 0, r.stderr.decode()
    assert r.stdout.decode() == "2 1\n10 6\n52 4464 -2\n0 9 2\n2 15 2.5 llo\n"


def test_a_call_to_a_small_static_function_is_not_a_bl():
    asm = compile_c(SIDE_EFFECTS, "t.c")
    calls = re.findall(r"\bbl (\w+)", asm)
    assert set(calls) == {"printf"}
    assert "twice:" not in asm and "clamp:" not in asm      # nothing calls them any more
    assert re.search(r"\bbl twice\b", compile_c(SIDE_EFFECTS, "t.c", inline=False))


@pytest.mark.parametrize("abi", ABIS)
def test_an_out_of_bounds_access_through_an_inlined_helper_still_faults(abi):
    r = run_c(r"""
        #include <cheriintrin.h>
        #include <stdio.h>
        static int get(const int * __capability a, long i) { return a[i]; }
        int main(int argc, char **argv) {
            int store[8] = {0, 0, 0, 7};
            int * __capability a = cheri_bounds_set((int * __capability)store, 4 * sizeof(int));
            printf("%d\n", get(a, 3));
            fflush(stdout);
            return get(a, argc + 3);             /* a[4]: past the capability's bounds */
        }""", abi=abi)
    assert r.stdout == b"7\n"
    assert r.status == 128 + SIG.SIGPROT and b"bounds fault" in r.stderr


def test_a_function_whose_address_is_taken_or_that_recurses_is_still_emitted():
    src = r"""
        #include <stdio.h>
        static int square(int x) { return x * x; }
        static int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
        static int apply(int (*f)(int), int x) { return f(x); }
        int main(void) { printf("%d %d %d\n", square(3), apply(square, 4), fact(5)); return 0; }"""
    asm = compile_c(src, "t.c")
    assert "square:" in asm and "fact:" in asm and re.search(r"\bbl fact\b", asm)
    r = run_c(src)
    assert r.stdout == b"9 16 120\n"


def test_helpers_calling_helpers_are_inlined_all_the_way_down():
    asm = compile_c(r"""
        struct chunk { unsigned long size; };
        static unsigned long chunk_size(const struct chunk *c) { return c->size & ~3UL; }
        static struct chunk *next_chunk(struct chunk *c) { return (struct chunk *)((char *)c + chunk_size(c)); }
        struct chunk *walk(struct chunk *c, int n) { while (n-- > 0) c = next_chunk(c); return c; }
        """, "t.c")
    walk = asm[asm.index("walk:"):]
    assert " bl " not in walk and "csp" not in walk        # a leaf: no call, no frame


def test_a_small_external_function_is_inlined_and_still_emitted_for_other_files():
    src = r"""
        #include <stdio.h>
        int twice(int x) { return x + x; }
        int main(int argc, char **argv) { printf("%d\n", twice(argc + 20)); return 0; }"""
    asm = compile_c(src, "t.c")
    assert not re.search(r"\bbl twice\b", asm)
    assert re.search(r"^twice:", asm, re.M)                    # another file may call it
    assert run_c(src).stdout == b"42\n"


def test_a_function_with_a_bare_return_in_an_int_function_stays_a_call():
    # `return;` gives no value: such a body is no expression of the return type, so no inlining
    src = r"""
        #include <stdio.h>
        static int next(int x) { if (x) return x + 1; return; }
        int main(void) { printf("%d\n", next(1)); return 0; }"""
    assert re.search(r"\bbl next\b", compile_c(src, "t.c"))
    assert run_c(src).stdout == b"2\n"
