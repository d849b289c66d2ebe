// syscall.s - the one place where libc enters the kernel.
//
//     long  __syscall(long n, uintptr_t a, uintptr_t b, uintptr_t c, uintptr_t d, uintptr_t e,
//                     uintptr_t f)
//     void *__syscall_ptr(...the same...)
//
// The C arguments arrive in x0 (n) and c1-c6 (a-f, capabilities: pointers keep their bounds, so
// the kernel can check them). The kernel wants the number in x8 and the arguments in c0-c5
// (docs/abi.md, "System calls"); its result comes back in c0: an integer in x0 (a negated errno
// on failure) or, for mmap and brk, a capability. __syscall and __syscall_ptr are the same code;
// the two names only give C the two result types.
//
// The way in is the kernel's sealed entry (docs/abi.md): `blrs` through the pair of sealed
// capabilities the kernel gave the program at start (__syscall_gate, set by start.c). The branch
// unseals them, runs the kernel's entry code with the data capability in c29, and the kernel
// returns through the link in c30 — a function call, not a trap, as in μFork. blrs overwrites c29
// and c30, so they are saved around it.
//
// __sigreturn is where a signal handler returns to (sa_restorer, set by sigaction in signal.c):
// it asks the kernel to undo the signal frame with rt_sigreturn (139).

        .text
        .global __syscall
        .global __syscall_ptr
        .global __sigreturn
        .extern __syscall_gate
        .type   __syscall, %function
        .type   __syscall_ptr, %function
        .type   __sigreturn, %function
__syscall:
__syscall_ptr:
        mov     x8, x0                  // the system call number
        mov     c0, c1                  // arguments one place down: c1-c6 -> c0-c5
        mov     c1, c2
        mov     c2, c3
        mov     c3, c4
        mov     c4, c5
        mov     c5, c6
        sub     csp, csp, #32
        stp     c29, c30, [csp]
        adrp    c16, .Lcap.gate
        add     c16, c16, #:lo12:.Lcap.gate
        ldr     c16, [c16]              // c16 -> __syscall_gate
        ldp     c16, c17, [c16]         // the sealed code and data capabilities
        blrs    c16, c17                // into the kernel; back here with the result in c0
        ldp     c29, c30, [csp]
        add     csp, csp, #32
        ret
        .size   __syscall, .-__syscall
        .size   __syscall_ptr, .-__syscall_ptr

// A handler returns here through a sentry, which the linker bounds to the whole of .text and the
// capability table (docs/abi.md), so the call to __syscall stays in bounds.
__sigreturn:
        mov     x0, #139                // rt_sigreturn: never returns here
        bl      __syscall
        hlt     #0

        .captable                       // the program's capability table (docs/abi.md)
.Lcap.gate:
        .capability __syscall_gate
