"""Hybrid C (`ufos cc -mabi=hybrid`, docs/abi.md "Hybrid ABI"): plain pointers are 8-byte
addresses checked against DDC, `T * __capability` pointers are capabilities; programs run in the
machine's A64 state, linked with the hybrid build of libc."""
import pytest

from ufos.kernel.uapi import SIG
from ufos.runner import run_c
from ufos.toolchain import driver
from ufos.toolchain.cc import CompileError, compile_c

SIGPROT = SIG.SIGPROT


def run_hybrid(src: str):
    return run_c(src, abi="hybrid")


def output_of(src: str) -> str:
    r = run_hybrid(src)
    assert r.status == 0, f"status {r.status}: {r.stderr.decode()}"
    return r.stdout.decode()


def test_the_data_model():
    out = output_of(r"""
        #include <stdio.h>
        #include <stdint.h>
        struct mixed { char c; void * __capability cap; long n; };
        int main(void) {
        #ifdef __CHERI_PURE_CAPABILITY__
            puts("purecap?");
        #endif
        #ifdef __CHERI__
            puts("cheri");
        #endif
            printf("%zu %zu %zu %zu %zu\n", sizeof(void *), sizeof(char * __capability),
                   sizeof(intptr_t), sizeof(struct mixed), _Alignof(struct mixed));
            printf("%d\n", __SIZEOF_POINTER__);
            return 0;
        }""")
    assert out == "cheri\n8 16 8 48 16\n8\n"


def test_a_program_with_pointers_structs_arrays_and_libc():
    out = output_of(r"""
        #include <setjmp.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        struct point { int x, y; const char *name; };
        static const char *names[] = {"zero", "one", "two"};     /* addresses in static data */
        static int by_value(struct point p) { return p.x * 10 + p.y; }
        static struct point make(int x, int y) { struct point p = {x, y, names[x % 3]}; return p; }
        static int compare(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
        static int twice(int v) { return 2 * v; }
        static int (*op)(int) = twice;
        static jmp_buf env;
        static void jump(int v) { longjmp(env, v); }
        static int kind(int v) {
            switch (v) { case 0: return 10; case 1: return 11; case 2: return 12; case 3: return 13;
                         case 4: return 14; case 5: return 15; case 6: return 16; default: return -1; }
        }
        int main(int argc, char **argv) {
            int a[8] = {5, 3, 7, 1, 8, 2, 6, 4}, *p = a, n = 3;
            struct point pt = make(2, 5), *pp = &pt;
            char *s = malloc(32), vla[n + 2];
            qsort(a, 8, sizeof a[0], compare);
            strcpy(s, "hello");
            strcat(s, ", hybrid");
            memset(vla, 'v', sizeof vla - 1);
            vla[n + 1] = 0;
            printf("%s %s %d %d %s %d\n", s, argv[0], argc, a[0] + a[7], vla, (int)(&a[6] - p));
            printf("%d %s %d %d %d\n", by_value(pt), pp->name, op(21), kind(4), kind(9));
            if (setjmp(env) == 0)
                jump(7);
            s = realloc(s, 4096);
            printf("%s %.2f %ld\n", s, 3.5 / 2, strtol("-42", NULL, 10));
            free(s);
            return 0;
        }""")
    assert out == "hello, hybrid prog 1 9 vvvv 6\n25 two 42 14 -1\nhello, hybrid 1.75 -42\n"


def test_capabilities_pass_through_calls_and_keep_their_bounds():
    out = output_of(r"""
        #include <cheriintrin.h>
        #include <stdio.h>
        #include <stdlib.h>
        struct window { long before; char * __capability data; };
        static long sum(const char * __capability p, int n, long (*get)(struct window *)) {
            long s = 0;
            for (int i = 0; i < n; i++)
                s += p[i];
            return s;
        }
        static long first(struct window *w) { return w->data[0]; }
        static char * __capability narrow(char * __capability c, size_t n) {
            return cheri_bounds_set(c, n);
        }
        int main(void) {
            char *buf = malloc(64);
            for (int i = 0; i < 64; i++)
                buf[i] = (char)i;
            char * __capability c = __builtin_cheri_cap_from_pointer(__builtin_cheri_global_data_get(), buf);
            struct window w = {1, narrow(c + 8, 4)};
            char *back = __builtin_cheri_cap_to_pointer(__builtin_cheri_global_data_get(), w.data);
            printf("%ld %ld %lu %d %d\n", sum(w.data, 4, first), first(&w), cheri_length_get(w.data),
                   (int)cheri_tag_get(w.data), back == buf + 8);
            char * __capability cast = (char * __capability)buf;
            printf("%d %d\n", cast[63], (char *)cast == buf);
            return 0;
        }""")
    assert out == "38 8 4 1 1\n63 1\n"


def test_an_address_reached_through_a_capability_is_a_capability():
    out = output_of(r"""
        #include <cheriintrin.h>
        #include <stdio.h>
        #include <stdlib.h>
        struct rec { long id; char name[8]; };
        int main(void) {
            struct rec *r = malloc(2 * sizeof *r);
            struct rec * __capability c = cheri_bounds_set((struct rec * __capability)r, 2 * sizeof *r);
            char * __capability name = c[1].name;          /* the array decays to a capability */
            long * __capability id = &c->id;
            c[1].id = 7;
            name[0] = 'h';
            name[1] = 0;
            *id = 3;
            printf("%ld %ld %s %lu\n", r[0].id, r[1].id, r[1].name, cheri_length_get(&c[1]));
            return 0;
        }""")
    assert out == "3 7 h 32\n"
    with pytest.raises(CompileError, match="converting capability type 'long \\* __capability' to non-capability"):
        compile_c("struct s { long n; };\nlong *f(struct s * __capability c) { return &c->n; }\n", "bad.c",
                  abi="hybrid")


def test_a_capability_access_out_of_bounds_faults_while_plain_pointers_reach_ddc():
    src = r"""
        #include <cheriintrin.h>
        #include <stdio.h>
        #include <stdlib.h>
        int main(int argc, char **argv) {
            char *buf = malloc(64);
            char * __capability c = cheri_bounds_set((char * __capability)buf, 16);
            buf[40] = 'p';                     /* a plain pointer: anywhere DDC allows */
            c[15] = 'c';
            printf("%c %c\n", buf[40], buf[15]);
            fflush(stdout);
            c[argc + 15] = 'x';                /* one past its bounds */
            puts("not reached");
            return 0;
        }"""
    r = run_hybrid(src)
    assert r.stdout == b"p c\n"
    assert r.status == 128 + SIGPROT and b"bounds fault" in r.stderr


@pytest.mark.parametrize("body, message", [
    ("char *p = 0; void * __capability c = p;",
     "converting non-capability type 'char *' to capability type 'void * __capability' without an explicit cast"),
    ("char * __capability c = 0; char *p = c;",
     "converting capability type 'char * __capability' to non-capability type 'char *' without an explicit cast"),
])
def test_converting_between_pointers_and_capabilities_needs_a_cast(body, message):
    with pytest.raises(CompileError) as info:
        compile_c(f"int main(void) {{\n    {body}\n    return 0;\n}}\n", "bad.c", abi="hybrid")
    text = str(info.value)
    assert text.startswith("bad.c:2:") and f"error: {message}" in text


def test_a_capability_argument_needs_a_cast_too():
    with pytest.raises(CompileError) as info:
        compile_c("void f(char * __capability c);\nvoid g(char *p) { f(p); }\n", "bad.c", abi="hybrid")
    assert str(info.value).startswith("bad.c:2:") and "without an explicit cast" in str(info.value)


def test_purecap_stays_the_default_and_ignores_the_qualifier():
    asm = compile_c("int size = sizeof(void *) + sizeof(char * __capability);\n", "p.c")
    assert ".arch" not in asm and ".byte 32, 0, 0, 0" in asm


def test_ufos_cc_mabi_hybrid(tmp_path, capsys):
    src = tmp_path / "h.c"
    src.write_text("char *name = \"x\";\nchar *get(void) { return name; }\n")
    assert driver.main(["-mabi=hybrid", "-S", str(src), "-o", str(tmp_path / "h.s")]) == 0
    asm = (tmp_path / "h.s").read_text()
    assert ".arch a64" in asm and ".quad .Lstr" in asm and ".captable" not in asm
    assert driver.main(["-mabi=sideways", str(src)]) == 1
