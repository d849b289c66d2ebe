"""The peephole clean-up (ufos/toolchain/cc/peephole.py): a value computed into a temporary and
then moved is computed where it goes, and a branch over a jump becomes the opposite branch; but
only where no path could still read the temporary."""
import re

from ufos.runner import run_c
from ufos.toolchain.cc import compile_c
from ufos.toolchain.cc.peephole import clean_up

I = "        "


def body(asm: str, name: str) -> list[str]:
    """The instructions of function `name` in asm (no comments, no labels)."""
    text = asm[asm.index(f"\n{name}:") + 1:]
    out = []
    for line in text.splitlines()[1:]:
        if not line or line.startswith(I + "."):          # the next function or section
            break
        if line.startswith(I) and not line.strip().startswith("//"):
            out.append(line.strip())
    return out


def test_a_result_is_computed_straight_into_the_return_register():
    asm = compile_c("long get(long *p) { return p[1] + 3; }", "t.c")
    assert body(asm, "get") == ["ldr x10, [c0, #8]", "add x0, x10, #3", "ret"]


def test_a_loop_exit_is_one_branch_not_a_branch_over_a_jump():
    asm = compile_c("""
        long first_zero(long *p, long n) {
            long i;
            for (i = 0; i < n; i++)
                if (p[i] == 0)
                    break;
            return i;
        }""", "t.c")
    insns = body(asm, "first_zero")
    assert not any(a.startswith(("cbz", "cbnz", "b.")) and b.startswith("b ")
                   for a, b in zip(insns, insns[1:]))


def test_a_temporary_read_after_a_branch_is_not_folded():
    lines = [I + "ldr x10, [c0]", I + "mov x1, x10", I + "cbz x2, .L1", I + "mov x0, #1",
             I + "b .Lret", ".L1:", I + "add x0, x10, #2"]
    assert clean_up(lines, ".Lret") == lines          # x10 is read at .L1


def test_a_temporary_written_again_or_lost_to_a_call_is_folded():
    lines = [I + "ldr x10, [c0]", I + "mov x1, x10", I + "bl f", I + "mov x10, x0"]
    assert clean_up(lines, ".Lret") == [I + "ldr x1, [c0]", I + "bl f", I + "mov x10, x0"]
    lines = [I + "ldr x10, [c0]", I + "mov x1, x10", I + "cbz x1, .L1", I + "mov x10, #1", ".L1:",
             I + "mov x0, #2"]
    assert clean_up(lines, ".Lret")[:2] == [I + "ldr x1, [c0]", I + "cbz x1, .L1"]   # both paths end


def test_a_copy_read_once_is_read_from_where_it_came():
    lines = [I + "bl f", I + "mov x10, x0", I + "cbnz x10, .L1", I + "mov x0, #1", ".L1:", I + "mov x1, #2"]
    assert clean_up(lines, ".Lret")[:2] == [I + "bl f", I + "cbnz x0, .L1"]
    lines[-1] = I + "mov x1, x10"                        # x10 read at .L1: the copy stays
    assert clean_up(lines, ".Lret") == lines


def test_an_unsigned_char_is_loaded_as_one():
    asm = compile_c("unsigned sum(const char *p, long n) { unsigned s = 0;"
                    " for (long i = 0; i < n; i++) s += (unsigned char)p[i]; return s; }", "t.c")
    insns = body(asm, "sum")
    assert any(i.startswith("ldrb x10, [c0, ") for i in insns)
    assert not any(i.startswith(("uxtb", "ldrsb")) for i in insns)


def test_an_early_return_from_a_leaf_is_a_ret():
    asm = compile_c("long f(long x) { if (x < 0) return -1; if (x == 0) return 0; return 1; }", "t.c")
    insns = body(asm, "f")
    assert insns.count("ret") == 3 and not any(i.startswith("b ") for i in insns)


def test_call_arguments_are_loaded_straight_into_their_registers():
    lines = [I + "ldr c10, [c19]", I + "ldr x11, [c20]", I + "mov c0, c10", I + "mov x1, x11", I + "bl f"]
    assert clean_up(lines, ".Lret") == [I + "ldr c0, [c19]", I + "ldr x1, [c20]", I + "bl f"]
    # c0 read in between: loading it early would change what that instruction reads
    lines = [I + "ldr c10, [c19]", I + "ldr x11, [c0]", I + "mov c0, c10", I + "mov x1, x11", I + "bl f"]
    assert clean_up(lines, ".Lret")[:3] == [I + "ldr c10, [c19]", I + "ldr x1, [c0]", I + "mov c0, c10"]


def test_the_arms_of_a_conditional_make_its_value_where_it_goes():
    lines = [I + "cbz x1, .L1", I + "ldr c10, [c1]", I + "b .L2", ".L1:", I + "mov x10, xzr", ".L2:",
             I + "mov c0, c10", I + "mov x1, #2"]
    assert clean_up(lines, ".Lret") == [I + "cbz x1, .L1", I + "ldr c0, [c1]", I + "b .L2", ".L1:",
                                         I + "mov x0, xzr", ".L2:", I + "mov x1, #2"]
    lines[0] = I + "cbz x1, .L2"                  # a way in that does not write c10 first
    assert I + "mov c0, c10" in clean_up(lines, ".Lret")


def test_a_capability_is_not_folded_into_an_integer_move():
    # mov x0, x10 after a capability load keeps only the address: not the same as ldr c0
    lines = [I + "ldr c10, [c0]", I + "mov x0, x10"]
    assert clean_up(lines, ".Lret") == lines


def test_a_jump_table_is_left_alone():
    lines = [I + "br c16", ".Ltable1:", I + "b .Lcase1", I + "b .Lcase2", ".Lcase2:", I + "mov x0, #2"]
    assert clean_up(lines, ".Lret") == lines


def test_programs_behave_the_same_after_clean_up():
    r = run_c(r"""
        #include <stdio.h>
        static long pick(long *v, long n, long want) {
            for (long i = 0; i < n; i++)
                if (v[i] == want)
                    return i;
            return -1;
        }
        int main(void) {
            long v[] = {4, 8, 15, 16, 23, 42};
            double d = 1.5;
            for (int i = 0; i < 3; i++)
                d = d * 2 + v[i];
            printf("%ld %ld %g %d\n", pick(v, 6, 23), pick(v, 6, 5), d, v[2] > v[1] ? 1 : 2);
            return 0;
        }""")
    assert r.status == 0 and r.stdout == b"4 -1 59 1\n"


# ---- callee-saved registers that never outlive a call (spare_for_callee_saved) ---------------------

def test_a_register_variable_used_only_between_calls_is_not_saved():
    asm = compile_c("""
        long g(long);
        long f(long *p, long n) {
            if (n < 0)
                return g(0);
            long s = 0;
            for (long i = 0; i < n; i++)
                s += p[i];
            return s;
        }""", "t.c")
    insns = body(asm, "f")
    assert not any(re.match(r"(stp|str|ldp|ldr) c(19|2[0-8])", insn) for insn in insns)
    assert not any(re.search(r"\bc(19|2[0-8])\b|\bx(19|2[0-8])\b", insn) for insn in insns)


def test_a_register_variable_live_across_a_call_stays_saved():
    asm = compile_c("""
        long g(long);
        long f(long n) {
            long kept = n * 3;
            g(n);
            return kept;
        }""", "t.c")
    insns = body(asm, "f")
    assert any(insn.startswith(("stp c", "str c")) and re.search(r"c(19|2[0-8])", insn) for insn in insns)
    assert "bl g" in insns


def test_programs_behave_the_same_with_spared_registers():
    """Values in loops around calls, in both arms of a branch, and only after the last call: each
    kept where it must be (a callee-saved register clobbered by the callee would show)."""
    r = run_c(r"""
        #include <stdio.h>
        #include <string.h>
        long noisy(long x) {                 /* changes every caller-saved register it can */
            volatile long a = x * 7, b = a + 1, c = b * b;
            return a + b + c;
        }
        long walk(const char *s, long n) {
            long before = 0, after = 0, across = n * 5;
            for (long i = 0; s[i]; i++)
                before += s[i];
            for (long i = 0; i < n; i++)
                across += noisy(i) & 1;
            if (across > 1000)
                after = (long)strlen(s);
            else
                for (long i = 0; i < 3; i++)
                    after += i * across;
            return before * 1000000 + across * 1000 + after;
        }
        int main(void) {
            printf("%ld %ld\n", walk("abc", 4), walk("", 0));
            return 0;
        }""")
    assert r.status == 0, r.stderr
    assert r.stdout == b"294022066 0\n"
