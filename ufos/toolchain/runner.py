"""Run a C program on the bare machine, servicing a handful of system calls in Python.

This is the stand-in for the kernel until it exists: enough for the C test suite and `ufos cc`'s
users to run programs that read stdin, write stdout and stderr, allocate memory and exit. Like the
real kernel it checks every capability a program passes (tag, permission, bounds) and answers a
bad one with EFAULT, and it reports a capability fault as SIGPROT with the fault, the address and
the capability's bounds.

    result = run_image(image, argv=["prog", "x"], stdin=b"input")
    result.status, result.stdout, result.stderr
"""
from __future__ import annotations

from dataclasses import dataclass

from ufos.machine import isa
from ufos.machine.cap import Capability
from ufos.toolchain.asm import assemble
from ufos.toolchain.bare import PAGE, SEGMENT_PTE, BareMachine

# Linux's generic system call numbers (docs/abi.md)
SYS_READ, SYS_WRITE, SYS_EXIT, SYS_EXIT_GROUP, SYS_MUNMAP, SYS_MMAP = 63, 64, 93, 94, 215, 222
EFAULT, EBADF, EINVAL, ENOMEM, ENOSYS = 14, 9, 22, 12, 38
SIGPROT = 34            # CheriBSD's signal for a capability fault
SIGSEGV, SIGILL, SIGBUS, SIGKILL = 11, 4, 7, 9
FAULT_SIGNALS = {"CAP": SIGPROT, "PAGE": SIGSEGV, "ALIGN": SIGBUS, "BUS": SIGBUS, "UNDEF": SIGILL,
                 "SYSREG": SIGILL, "BRK": SIGILL}


# The system call gate: a program calls the kernel with `blrs c_code, c_data` through the two sealed
# capabilities it was given at start (docs/abi.md). The gate's code runs with the kernel's PCC
# (System), traps to this runner with `svc`, and returns to the caller through c30. User code can
# neither use the sealed pair as pointers nor unseal it: only the branch opens it.
GATE_OTYPE = 0x4B
GATE_CODE = """
        svc     #0          // the runner services the call in x8 ...
        ret                 // ... and the gate returns to the program (c30, the blrs link)
"""
P = isa.PERM


@dataclass
class RunResult:
    status: int             # the exit status, or 128 + the signal that stopped the program
    stdout: bytes
    stderr: bytes
    instructions: int
    trap: object            # the last trap (the one that ended the run)

    @property
    def signal(self) -> int | None:
        return self.status - 128 if self.status > 128 else None


class BareRunner:
    """A BareMachine plus the system calls of docs/abi.md that a program needs to run alone."""

    def __init__(self, image, argv=("prog",), env=(), stdin: bytes = b"", **machine_options):
        self.m = BareMachine(image, **machine_options)
        self.stdin = bytes(stdin)
        self.out = {1: bytearray(), 2: bytearray()}
        self._push_arguments(list(argv), list(env))
        self._install_gate()

    # --- program start (docs/abi.md, "Program start") ------------------------------------------
    def _push_arguments(self, argv: list[str], env: list[str]) -> None:
        """Copy the strings and the argv/envp/auxv arrays to the top of the stack."""
        cpu, m = self.m.cpu, self.m
        stack = cpu.csp
        top = stack.address

        def push(data: bytes, align: int = 16):
            nonlocal top
            top = (top - len(data)) & ~(align - 1)
            m.write(top, data)
            return top

        def string_cap(s: str):
            data = s.encode() + b"\0"
            return stack.set_address(push(data)).set_bounds(len(data))

        arg_caps = [string_cap(a) for a in argv]
        env_caps = [string_cap(e) for e in env]
        auxv = push(bytes(16))                               # just the terminating (0, 0) pair
        arrays = []
        for caps in (arg_caps, env_caps):
            top = (top - 16 * (len(caps) + 1)) & ~15
            for i, cap in enumerate(caps):
                m.store_cap(top + 16 * i, cap)
            m.write(top + 16 * len(caps), bytes(16))         # the null pointer that ends it
            arrays.append(stack.set_address(top).set_bounds(16 * (len(caps) + 1)))
        cpu.x[0] = len(argv)
        cpu.c[1], cpu.c[2] = arrays
        cpu.c[3] = stack.set_address(auxv).set_bounds(16)
        cpu.csp = stack.set_address(top & ~15)

    def _install_gate(self) -> None:
        """Map the gate's page above the stack and hand the program the sealed pair in c4, c5."""
        m = self.m
        self.gate = m.stack_top + PAGE
        m.map_pages(self.gate, self.gate + PAGE, SEGMENT_PTE["rx"])
        m.memory.write(m.page_table.translate(self.gate), assemble(GATE_CODE).sections[".text"].data)
        page = Capability.root().set_address(self.gate).set_bounds(PAGE)
        pair = P["BRANCH_SEALED_PAIR"] | P["GLOBAL"]
        code = page.clear_perms(isa.PERM_ALL & ~(pair | P["EXECUTE"] | P["LOAD"] | P["SYSTEM"]))
        data = page.clear_perms(isa.PERM_ALL & ~(pair | P["LOAD"]))
        self.m.cpu.c[4], self.m.cpu.c[5] = code.seal(GATE_OTYPE), data.seal(GATE_OTYPE)

    # --- checking what the program hands us -------------------------------------------------------
    def user_buffer(self, reg: int, length: int, perm: str):
        """The address of a buffer the program passed in c<reg>, if its capability allows the
        access; None otherwise (the call then fails with EFAULT)."""
        cap = self.m.cpu.c[reg]
        need = isa.PERM[perm]
        if (not cap.tag or cap.sealed or not cap.perms & need
                or cap.address < cap.base or cap.address + length > cap.top):
            return None
        return cap.address

    # --- the system calls ------------------------------------------------------------------------
    def syscall(self):
        """Do the call in x8. Returns the result for x0 (an int) or c0 (a capability), or None if
        the program exited."""
        cpu = self.m.cpu
        number, a0, a1, a2 = cpu.x[8], cpu.x[0], cpu.x[1], cpu.x[2]
        if number in (SYS_EXIT, SYS_EXIT_GROUP):
            self.status = a0 & 0xFF
            return None
        if number == SYS_WRITE:
            if a0 not in self.out:
                return -EBADF
            address = self.user_buffer(1, a2, "LOAD")
            if address is None:
                return -EFAULT
            self.out[a0] += self.m.read(address, a2)
            return a2
        if number == SYS_READ:
            if a0 != 0:
                return -EBADF
            address = self.user_buffer(1, a2, "STORE")
            if address is None:
                return -EFAULT
            data, self.stdin = self.stdin[:a2], self.stdin[a2:]
            self.m.write(address, data)
            return len(data)
        if number == SYS_MMAP:
            if a0 != 0 or a1 == 0:
                return -EINVAL
            cap = self.m.map_anonymous(a1)
            if cap is None:
                return -ENOMEM
            return cap
        if number == SYS_MUNMAP:
            return 0                   # the bare machine never reuses heap addresses
        return -ENOSYS

    def run(self, max_instructions: int = 1 << 40) -> RunResult:
        cpu = self.m.cpu
        executed = 0
        self.status = None
        while True:
            trap = cpu.run(max_instructions - executed)
            executed += trap.instructions
            if trap.kind == "SVC":
                result = self.syscall()
                if result is None:
                    break
                if isinstance(result, int):
                    cpu.x[0] = result & ((1 << 64) - 1)
                else:
                    cpu.c[0] = result
                continue
            if trap.kind == "HLT":
                self.status = trap.code & 0xFF
                break
            if trap.kind in ("TIMER", "WFI"):
                continue
            if trap.kind == "LIMIT":
                self.out[2] += f"ufos: killed after {executed:,} instructions (the limit)\n".encode()
                self.status = 128 + SIGKILL
                break
            signal = FAULT_SIGNALS[trap.kind]
            name = {SIGPROT: "SIGPROT", SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGILL: "SIGILL"}[signal]
            self.out[2] += f"ufos: {name}: {trap}\n".encode()
            self.status = 128 + signal
            break
        return RunResult(self.status, bytes(self.out[1]), bytes(self.out[2]), executed, trap)


def run_image(image, argv=("prog",), env=(), stdin: bytes = b"", max_instructions: int = 1 << 40,
              **machine_options) -> RunResult:
    """Load a linked image on a fresh bare machine and run it to the end."""
    return BareRunner(image, argv, env, stdin, **machine_options).run(max_instructions)
