// hybrid/syscall.s - __syscall for hybrid (A64) programs: ../syscall.s with integer bases.
//
//     long  __syscall(long n, uintptr_t a, uintptr_t b, uintptr_t c, uintptr_t d, uintptr_t e,
//                     uintptr_t f)
//     void *__syscall_ptr(...the same...)
//
// In hybrid C (docs/abi.md, "Hybrid ABI") the arguments are 8-byte integers in x1-x6: pointers are
// addresses, which the kernel takes as DDC with that address. Moving the whole c registers moves
// them (an integer's register is an untagged capability) and would keep a capability's tag if one
// were passed. The gate pair is the same sealed pair as in purecap; __syscall_gate holds it (two
// capabilities, start.c), reached here by address: `adrp` + `add`, a load through DDC.
// blrs links c30 back into A64 (bit 0 of the link is the state), and `ret` is `ret x30`. The
// integers are offsets from DDC's and PCC's bases (CCTLR.DDCBO/PCCBO), as the kernel expects.

        .arch   a64
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
        mov     c0, c1                  // arguments one place down: 1-6 -> 0-5
        mov     c1, c2
        mov     c2, c3
        mov     c3, c4
        mov     c4, c5
        mov     c5, c6
        sub     csp, csp, #32
        stp     c29, c30, [sp]          // [sp]: csp's address, authorised by csp
        adrp    x16, __syscall_gate
        add     x16, x16, #:lo12:__syscall_gate
        ldp     c16, c17, [x16]         // the sealed code and data capabilities
        blrs    c16, c17                // into the kernel; back here with the result in x0
        ldp     c29, c30, [sp]
        add     csp, csp, #32
        ret
        .size   __syscall, .-__syscall
        .size   __syscall_ptr, .-__syscall_ptr

// A handler returns here (sa_restorer, an integer address in hybrid).
__sigreturn:
        mov     x0, #139                // rt_sigreturn: never returns here
        bl      __syscall
        hlt     #0
