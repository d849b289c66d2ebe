"""Packed structs in ufos cc (check.py, types.layout, gen_memory's byte-wise accesses): what the C
program tests/toolchain/c/lang/packed.c (compared with the host's gcc) does not cover: CHERI's
capabilities in packed structs, the errors, the hybrid ABI, the code a packed member gets."""
import re

import pytest

from ufos.runner import run_c
from ufos.toolchain.cc import CompileError, compile_c


def run(tmp_path, src: str, **options):
    path = tmp_path / "prog.c"
    path.write_text(src)
    return run_c([path], max_instructions=50_000_000, **options)


@pytest.mark.parametrize("src, message", [
    ("struct __attribute__((packed)) s { char c; void *p; };",
     "member 'p' of 'struct s' is a capability at offset 1, not a multiple of 16"),
    ("#pragma pack(push, 8)\nstruct s { int n; char *p; };\n#pragma pack(pop)",
     "member 'p' of 'struct s' is a capability at offset 8"),
    ("struct s { char c; __intcap x __attribute__((packed)); };",
     "member 'x' of 'struct s' is a capability at offset 1"),
    ("struct p { char c[16]; void *q; } __attribute__((packed)); struct o { char c; struct p x; };",
     "member 'x' of 'struct o' holds a capability at offset 17"),
    ("struct p { void *q; char c; } __attribute__((packed)); struct p table[2];",
     "array of 'struct p', a packed type of 17 bytes that holds a capability"),
    ("#pragma pack(3)\nstruct s { int x; };", "alignment must be a small power of two, not 3"),
    ("struct __attribute__((packed)) s { char c : 1; unsigned long long x : 64; };",
     "packing puts bit-field 'x' of 'struct s' across 9 bytes"),
    ("struct s { char c; int *__attribute__((packed)) p; };", "ufos cc takes __attribute__((packed)) on a struct"),
    ("enum __attribute__((aligned(4))) e { A };", "ufos cc takes __attribute__((aligned)) on a struct"),
])
def test_packing_errors(src, message):
    with pytest.raises(CompileError) as info:
        compile_c(src, "bad.c")
    text = str(info.value)
    assert message in text, text
    assert re.match(r"bad\.c:\d+:\d+: error: ", text)


def test_a_pointer_a_packed_struct_keeps_16_aligned_is_a_working_capability(tmp_path):
    src = r"""
#include <stdio.h>
#include <string.h>
struct __attribute__((packed)) node { char tag[16]; struct node *next; int value; char end; };
int main(void) {
    struct node a = { "first", 0, 1, 'a' }, b = { "second", &a, 2, 'b' };
    struct node c = b;                      /* copied with its capability's tag */
    printf("%zu %zu %zu\n", sizeof(struct node), _Alignof(struct node), __builtin_offsetof(struct node, next));
    printf("%s %d %c %d\n", c.tag, c.value, c.end, c.next->value);
    unsigned char bytes[sizeof c];
    memcpy(bytes, &c, sizeof c);
    printf("%d\n", bytes[32]);
    return 0;
}
"""
    r = run(tmp_path, src)
    assert r.status == 0, r.stderr
    assert r.stdout.decode() == "37 1 16\nsecond 2 b 1\n2\n"


def test_a_misaligned_members_address_works_as_an_int_pointer(tmp_path):
    """gcc warns (-Waddress-of-packed-member), and on AArch64, as on the ufos machine (Morello
    allows misaligned loads and stores of normal memory), the pointer works."""
    src = r"""
#include <stdio.h>
#include <string.h>
struct __attribute__((packed)) hdr { char t; int len; };
int main(void) {
    struct hdr h = { 1, 0x01020304 };
    int v, *p = &h.len;
    memcpy(&v, &h.len, sizeof v);
    *p += 0x10;
    printf("%x %x %x\n", h.len, v, *p);
    return 0;
}
"""
    r = run(tmp_path, src)
    assert (r.status, r.stdout.decode()) == (0, "1020314 1020304 1020314\n"), r.stderr


def test_packed_structs_in_the_hybrid_abi(tmp_path):
    src = r"""
#include <stdio.h>
#pragma pack(push, 1)
struct rec { char kind; long id; short port; double weight; char *name; };
#pragma pack(pop)
int main(void) {
    static struct rec table[2] = { { 'a', 1234567890123L, 80, 0.5, "first" }, { 'b', -7, 443, 2.25, "second" } };
    table[1].id *= 3;
    table[0].weight += table[1].weight;
    printf("%zu %zu %ld %d %g %s\n", sizeof(struct rec), __builtin_offsetof(struct rec, name), table[1].id,
           table[1].port, table[0].weight, table[1].name);
    return 0;
}
"""
    r = run(tmp_path, src, abi="hybrid")
    assert r.status == 0, r.stderr
    assert r.stdout.decode() == "27 19 -21 443 2.75 second\n"


def test_a_packed_member_is_read_with_one_load():
    """As gcc does for AArch64: the machine allows a misaligned load, so a packed member is one
    load of its type wherever it lies."""
    src = """
#pragma pack(push, 4)
struct s { char c; int aligned; double packed; };
#pragma pack(pop)
struct __attribute__((packed)) t { char c; int x; };
int f(struct s *p) { return p->aligned; }
double g(struct s *p) { return p->packed; }
int h(struct t *p) { return p->x; }
"""
    asm = compile_c(src, "t.c")
    bodies = dict(re.findall(r"\n(\w+):\n(.*?)\n\s*ret\b", asm, re.S))
    assert "ldrsw" in bodies["f"] and "ldrb" not in bodies["f"]
    assert "ldr d0, [c0, #8]" in bodies["g"] and "ldrb" not in bodies["g"]
    assert "ldrsw x0, [c0, #1]" in bodies["h"] and "ldrb" not in bodies["h"]
