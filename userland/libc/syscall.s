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
// Today the way in is `svc #0`. When the kernel hands programs sealed entry capabilities, only
// this file changes.
//
// __sigreturn is where a signal handler returns to (sa_restorer, set by sigaction in signal.c):
// it asks the kernel to undo the signal frame with rt_sigreturn (139).

        .text
        .global __syscall
        .global __syscall_ptr
        .global __sigreturn
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
        svc     #0
        ret
        .size   __syscall, .-__syscall
        .size   __syscall_ptr, .-__syscall_ptr

__sigreturn:
        mov     x8, #139                // rt_sigreturn: never returns here
        svc     #0
        hlt     #0
        .size   __sigreturn, .-__sigreturn
