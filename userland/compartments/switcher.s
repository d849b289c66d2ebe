// switcher.s - the only way from one compartment into another (docs/compartments.md).
//
// A compartment calls another's entry through a stub (made by the linker, ufos/toolchain/
// compartments.py) that branches with `blrs` through the entry's sealed pair, which the kernel made
// at exec (ufos/kernel/compartment.py). The branch unseals the pair: it lands here, in C64, with
//     c29 = the entry's record:  +0  the landing: the callee's code capability (A64)
//                                +16 the callee's DDC      +32 the callee's stack (csp)
//                                +48 the entry, an offset in the callee's code
//     c30 = the caller's return capability, csp = the caller's stack, c0-c7 = the arguments.
// Nothing else holds a capability to this code, to the records or to the trusted stack below, so
// a compartment can enter another only here, and only at an entry.
//
// The switcher saves what the caller must get back (its return capability, DDC, stack, and the
// callee-saved registers) on a stack of its own, which no compartment can reach; installs the
// callee's DDC and stack; clears every register but the arguments; and branches to the callee's
// landing with a sentry back to .Lreturn in c30. On the way back it restores all of it and clears
// every register but the result, so no capability crosses except the ones passed as arguments.
        .arch c64
        .text
        .global __compartment_switch
        .extern __compartment_frames
        .type   __compartment_switch, %function
        .equ    FRAME, 272              // c30, DDC, csp, c19-c28, d8-d15
        .equ    DEPTH, 4                // calls in progress at most (main -> a library: 1)

__compartment_switch:
        adrp    c16, .Lcap.frames
        ldr     c16, [c16, #:lo12:.Lcap.frames]   // the trusted stack: +0 the bytes in use
        ldr     x17, [c16]
        cmp     x17, #(DEPTH - 1) * FRAME
        b.hi    .Lbroken
        add     x18, x17, #FRAME
        str     x18, [c16]
        add     c16, c16, x17
        add     c16, c16, #16                     // this call's frame
        mrs     c17, ddc                          // the caller's domain
        stp     c30, c17, [c16]
        mov     c17, csp
        str     c17, [c16, #32]
        stp     c19, c20, [c16, #48]
        stp     c21, c22, [c16, #80]
        stp     c23, c24, [c16, #112]
        stp     c25, c26, [c16, #144]
        stp     c27, c28, [c16, #176]
        str     d8, [c16, #208]
        str     d9, [c16, #216]
        str     d10, [c16, #224]
        str     d11, [c16, #232]
        str     d12, [c16, #240]
        str     d13, [c16, #248]
        str     d14, [c16, #256]
        str     d15, [c16, #264]
        ldr     c17, [c29, #16]                   // the callee's domain
        msr     ddc, c17
        ldr     c17, [c29, #32]
        mov     csp, c17
        ldr     c16, [c29]
        ldr     x17, [c29, #48]
        adr     c30, .Lreturn + 1                 // bit 0: the return runs in C64
        seal    c30, c30, rb                      // a sentry: the callee can only branch to it
        mov     x8, xzr                           // nothing of the caller's but the arguments
        mov     x9, xzr
        mov     x10, xzr
        mov     x11, xzr
        mov     x12, xzr
        mov     x13, xzr
        mov     x14, xzr
        mov     x15, xzr
        mov     x18, xzr
        mov     x19, xzr
        mov     x20, xzr
        mov     x21, xzr
        mov     x22, xzr
        mov     x23, xzr
        mov     x24, xzr
        mov     x25, xzr
        mov     x26, xzr
        mov     x27, xzr
        mov     x28, xzr
        mov     x29, xzr
        br      c16                               // the landing, in A64 (bit 0 clear)

.Lreturn:
        adrp    c16, .Lcap.frames
        ldr     c16, [c16, #:lo12:.Lcap.frames]
        ldr     x17, [c16]
        cmp     x17, #FRAME
        b.lo    .Lbroken                          // a return with no call to return from
        sub     x17, x17, #FRAME
        str     x17, [c16]
        add     c16, c16, x17
        add     c16, c16, #16
        ldp     c30, c17, [c16]
        msr     ddc, c17
        ldr     c17, [c16, #32]
        mov     csp, c17
        ldp     c19, c20, [c16, #48]
        ldp     c21, c22, [c16, #80]
        ldp     c23, c24, [c16, #112]
        ldp     c25, c26, [c16, #144]
        ldp     c27, c28, [c16, #176]
        ldr     d8, [c16, #208]
        ldr     d9, [c16, #216]
        ldr     d10, [c16, #224]
        ldr     d11, [c16, #232]
        ldr     d12, [c16, #240]
        ldr     d13, [c16, #248]
        ldr     d14, [c16, #256]
        ldr     d15, [c16, #264]
        mov     x1, xzr                           // nothing of the callee's but the result
        mov     x2, xzr
        mov     x3, xzr
        mov     x4, xzr
        mov     x5, xzr
        mov     x6, xzr
        mov     x7, xzr
        mov     x8, xzr
        mov     x9, xzr
        mov     x10, xzr
        mov     x11, xzr
        mov     x12, xzr
        mov     x13, xzr
        mov     x14, xzr
        mov     x15, xzr
        mov     x16, xzr
        mov     x17, xzr
        mov     x18, xzr
        mov     x29, xzr
        ret     c30

.Lbroken:
        brk     #1                                // the trusted stack is full, or empty on a return
        .size   __compartment_switch, .-__compartment_switch

        .captable
.Lcap.frames:
        .capability __compartment_frames
