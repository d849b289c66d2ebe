"""Isolation beyond memory: what the kernel keeps for a μprocess and hands back to it (signal
actions, the alternate signal stack, the frames of running handlers) and what it writes for it (exec's relocations) must be
as safe as its memory. docs/isolation.md lists every such place; these tests try each one, under
every fork policy, with the isolation audit on.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from ufos.kernel import audit as audit_mod
from ufos.kernel.boot import Options
from ufos.kernel.fork import POLICIES
from ufos.runner import boot
from ufos.kernel.fs.ramfs import RamFile
from ufos.kernel.signal import Action, AltStack, Frame
from ufos.kernel.uapi import SIG
from ufos.kernel.vm import SLOT_SIZE, SLOT_STRIDE
from ufos.machine.cap import Capability
from ufos.toolchain.driver import Source, build_executable
from ufos.toolchain.ld import write_executable
from ufos.abi import Segment
from tests.helpers import BUDGET, run_program

HERE = Path(__file__).resolve().parent / "programs"


def run_case(case: str, policy: str = "copa"):
    r = run_program(HERE / "kernel_held.c", case, policy=policy, audit=True)
    assert r.kernel.kernel_bugs == []
    assert [problems for _, _, problems in r.kernel.audits if problems] == []
    return r


# --- signal actions and frames follow the μprocess through fork ---------------------------------
@pytest.mark.parametrize("policy", POLICIES)
def test_a_handler_installed_before_fork_writes_the_childs_memory_not_the_parents(policy):
    r = run_case("handler-fork", policy)
    assert (r.status, r.stderr) == (0, b"")
    assert r.stdout == b"child: counter 2\nparent: counter 0, child exited 0\n"


@pytest.mark.parametrize("policy", POLICIES)
def test_fork_inside_a_handler_returns_from_the_handler_in_both(policy):
    r = run_case("fork-in-handler", policy)
    assert (r.status, r.stderr) == (0, b"")
    lines = r.stdout.decode().splitlines()
    assert sorted(lines) == sorted(["parent in the handler", "child in the handler",
                                    "child back in main", "parent back in main, child exited 7"])
    assert lines[-1] == "parent back in main, child exited 7"


def test_rt_sigreturn_without_a_running_handler_is_refused():
    r = run_case("forged-frame")
    assert r.stdout == b"rt_sigreturn outside a handler = -22\n"          # EINVAL


def test_sigaction_keeps_only_function_pointers_of_the_callers_slot():
    r = run_case("bad-handlers")
    assert r.stdout.decode().splitlines() == [
        "data handler: -14", "integer handler: -14", "data restorer: -14",     # EFAULT
        "misaligned act: -14", "misaligned oldact: -14",
        "still default: 1", "handed back: 1"]


# --- the alternate signal stack: checked on the way in, moved at fork, dropped at exec ------------
def test_sigaltstack_accepts_only_a_writable_stack_of_the_callers_own():
    r = run_case("altstack-checks")
    assert r.stdout == (b"read-only: Bad address\nuntagged: Bad address\nsealed (a function): Bad address\n"
                        b"bounds shorter than ss_size: Bad address\nthe heap: Success\n")


@pytest.mark.parametrize("policy", POLICIES)
def test_a_forked_child_runs_its_handlers_on_its_own_copy_of_the_alternate_stack(policy):
    r = run_case("altstack-fork", policy)
    assert (r.status, r.stderr) == (0, b"")
    assert r.stdout == (b"child: on its alternate stack 1\n"
                        b"parent: its alternate stack untouched by the child 1\n"
                        b"parent: on its alternate stack 1\n")


def test_exec_forgets_the_alternate_stack():
    image = build_executable([str(HERE / "kernel_held.c")])
    k = boot(Options(max_instructions=BUDGET, audit=True), capture=True)
    k.fs.lookup("/tmp").add("kernel_held", RamFile(write_executable(image), mode=0o755))
    k.spawn("/tmp/kernel_held", ["/tmp/kernel_held", "altstack-exec"])
    assert k.run() == 0
    assert k.output(1) == b"after exec: SS_DISABLE\n"
    assert [problems for _, _, problems in k.audits if problems] == []


def test_proc_caps_lists_the_alternate_stack():
    r = run_case("altstack-caps")
    line = r.stdout.decode()
    assert line.startswith("caps: sigaltstack ") and "rwRW" in line


def test_a_fault_handler_gets_the_address_as_an_integer_not_a_capability():
    r = run_case("fault-info")
    assert r.stdout == b"SIGPROT: si_code 1, si_addr is the address 1, tagged 0\n"     # PROT_CHERI_BOUNDS


# --- the audit sees what the kernel keeps ---------------------------------------------------------
def test_the_audit_reports_a_kernel_held_capability_outside_the_slot_and_names_where():
    k = boot(Options(audit=True), capture=True)
    k.spawn("/bin/sh", ["sh", "-c", "true"])
    p = k.procs.get(1)
    assert audit_mod.audit(k, p) == []
    elsewhere = p.space.root.set_address(p.space.base).set_bounds(64)
    outside = Capability.root().set_address(p.space.base + SLOT_STRIDE).set_bounds(64)
    p.signals.actions[SIG.SIGUSR1] = Action(elsewhere.seal_entry(), 0, outside.seal_entry())
    problems = audit_mod.audit(k, p)
    assert len(problems) == 1 and problems[0].startswith("kernel-held SIGUSR1 restorer")
    # a running handler's saved registers are kept by the kernel too
    k.cpu.load_context(p.context)
    k.cpu.c[3] = outside
    p.signals.frames.append(Frame(k.cpu.save_context(), 0))
    assert any(problem.startswith("kernel-held signal frame 0 c3") for problem in audit_mod.audit(k, p))
    # and so is the alternate signal stack
    p.signals.altstack = AltStack(outside, 64)
    assert any(problem.startswith("kernel-held sigaltstack") for problem in audit_mod.audit(k, p))


def test_an_event_audits_every_microprocess_not_only_the_caller():
    k = boot(Options(audit=True), capture=True)
    first = k.spawn("/bin/sh", ["sh", "-c", "true"])
    second = k.spawn("/bin/sh", ["sh", "-c", "true"])
    victim = k.procs.get(second)
    outside = Capability.root().set_address(victim.space.base + SLOT_STRIDE).set_bounds(64)
    victim.signals.actions[SIG.SIGUSR2] = Action(outside.seal_entry())
    k.check_isolation("test", k.procs.get(first))
    bad = {pid for event, pid, problems in k.audits if event == "test" and problems}
    assert bad == {second}


# --- exec writes only inside the caller's slot ----------------------------------------------------
CALLER = r"""
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int value = 42;
int *global = &value;            /* in the victim: the capability a crafted executable aims at */
static void hello(int sig) { (void)sig; printf("the caller's handler still runs\n"); }
int main(void) {
    static const char *paths[] = {"/tmp/outside", "/tmp/past", "/tmp/misaligned", "/tmp/bounds",
                                  "/tmp/entry", "/tmp/huge", NULL};
    int fds[2];
    pipe2(fds, O_CLOEXEC);                       /* exec would close these */
    int victim = fork();                         /* the next slot up */
    if (victim == 0) {
        char c;
        read(fds[0], &c, 1);
        printf("victim: *global = %d\n", *global);
        return 0;
    }
    signal(SIGUSR1, hello);                      /* exec would reset this */
    for (int i = 0; paths[i]; i++) {
        char *argv[] = {"crafted", NULL};
        execv(paths[i], argv);
        printf("%s: errno %d\n", paths[i], errno);
    }
    raise(SIGUSR1);
    write(fds[1], "!", 1);
    int status;
    waitpid(victim, &status, 0);
    printf("victim exited %d\n", WEXITSTATUS(status));
    return 0;
}
"""


def crafted_executables(target: int) -> dict[str, bytes]:
    """Copies of a real program, each with one hostile change to what the loader would write or
    where it would start. target: a slot-relative address in the next slot up."""
    image = build_executable([Source("crafted.c", "int main(void) { return 3; }")])
    reloc = next(r for r in image.cap_relocs if not r.is_function)
    end = image.base + image.size

    def plus_reloc(**change):
        hostile = dataclasses.replace(reloc, perms=0x3FFFF, **change)   # read, write, everything
        return dataclasses.replace(image, cap_relocs=image.cap_relocs + [hostile])

    hostile = {
        "outside": plus_reloc(location=target),
        "past": plus_reloc(location=(end + 0x10000) & ~15),
        "misaligned": plus_reloc(location=reloc.location + 8),
        "bounds": plus_reloc(base=image.base, length=SLOT_SIZE),
        "entry": dataclasses.replace(image, entry=end + 0x1000),
        "huge": dataclasses.replace(image, segments=image.segments + [
            Segment(".bss", (end + 0xFFF) & ~0xFFF, 1 << 40, "rw")]),
    }
    return {name: write_executable(img) for name, img in hostile.items()}


@pytest.mark.parametrize("policy", POLICIES)
def test_a_crafted_executable_fails_with_enoexec_and_leaves_the_caller_and_others_untouched(policy):
    caller = build_executable([Source("caller.c", CALLER)])
    k = boot(Options(max_instructions=BUDGET, policy=policy, audit=True), capture=True)
    tmp = k.fs.lookup("/tmp")
    for name, data in crafted_executables(SLOT_STRIDE + caller.symbols["global"]).items():
        tmp.add(name, RamFile(data, mode=0o755))
    k.spawn("caller", ["caller"], image=caller)
    assert k.run() == 0
    assert k.output(1).decode().splitlines() == [
        "/tmp/outside: errno 8", "/tmp/past: errno 8", "/tmp/misaligned: errno 8",
        "/tmp/bounds: errno 8", "/tmp/entry: errno 8", "/tmp/huge: errno 8",
        "the caller's handler still runs", "victim: *global = 42", "victim exited 0"]
    assert k.kernel_bugs == []
    assert [problems for _, _, problems in k.audits if problems] == []


# --- the kernel refuses a capability no μprocess could hold ---------------------------------------
@pytest.mark.parametrize("where", ["another slot", "straddling the slot's top", "the gate"])
def test_a_forged_capability_outside_the_callers_slot_is_efault_not_used(where):
    """Defence in depth: the kernel checks that a pointer argument lies inside the caller's slot,
    besides tag, seal, permission and bounds, so a capability forged outside (only a kernel bug or
    a hardware fault could give a μprocess one) never becomes a kernel access."""
    from ufos.kernel.uaccess import check_buffer
    from ufos.kernel.uapi import E, SyscallError
    k = boot(Options(), capture=True)
    p = k.procs.get(k.spawn("/bin/sh", ["sh", "-c", "true"]))
    forged = {"another slot": Capability.root().set_address(p.space.base + SLOT_STRIDE).set_bounds(64),
              "straddling the slot's top": Capability.root().set_address(p.space.top - 32).set_bounds(64),
              "the gate": Capability.root().set_address(0x10000).set_bounds(64)}[where]
    with pytest.raises(SyscallError) as refused:
        check_buffer(k, p.space, forged, 16, 0)
    assert refused.value.errno == E.EFAULT
    inside = p.space.root.set_address(p.space.base + 0x10000).set_bounds(64)
    assert check_buffer(k, p.space, inside, 16, 0) == p.space.base + 0x10000
