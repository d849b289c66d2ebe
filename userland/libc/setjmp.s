// setjmp.s - setjmp and longjmp.
//
//     int setjmp(jmp_buf env)           saves the callee-saved state in env; returns 0
//     void longjmp(jmp_buf env, int v)  restores it: setjmp returns again, with v (1 if v is 0)
//
// A jmp_buf (setjmp.h) is 24 capability slots; c0 points to it, bounded to it. It keeps
// (docs/abi.md, "Registers"):
//     +0   c19 c20 ... c28  (10 slots)
//     +160 c29, the frame pointer
//     +176 c30, the return capability (to setjmp's caller)
//     +192 csp
//     +208 d8 d9 ... d15 (8 bytes each)
// All capabilities are stored with their tags; longjmp through a forged or corrupted jmp_buf
// faults instead of jumping somewhere arbitrary.

        .text
        .global setjmp
        .global _setjmp
        .global longjmp
        .global _longjmp
        .type   setjmp, %function
        .type   _setjmp, %function
        .type   longjmp, %function
        .type   _longjmp, %function
setjmp:
_setjmp:
        stp     c19, c20, [c0, #0]
        stp     c21, c22, [c0, #32]
        stp     c23, c24, [c0, #64]
        stp     c25, c26, [c0, #96]
        stp     c27, c28, [c0, #128]
        stp     c29, c30, [c0, #160]
        mov     c1, csp
        str     c1, [c0, #192]
        str     d8, [c0, #208]
        str     d9, [c0, #216]
        str     d10, [c0, #224]
        str     d11, [c0, #232]
        str     d12, [c0, #240]
        str     d13, [c0, #248]
        str     d14, [c0, #256]
        str     d15, [c0, #264]
        mov     x0, #0
        ret
        .size   setjmp, .-setjmp
        .size   _setjmp, .-_setjmp

longjmp:
_longjmp:
        ldp     c19, c20, [c0, #0]
        ldp     c21, c22, [c0, #32]
        ldp     c23, c24, [c0, #64]
        ldp     c25, c26, [c0, #96]
        ldp     c27, c28, [c0, #128]
        ldp     c29, c30, [c0, #160]
        ldr     c2, [c0, #192]
        mov     csp, c2
        ldr     d8, [c0, #208]
        ldr     d9, [c0, #216]
        ldr     d10, [c0, #224]
        ldr     d11, [c0, #232]
        ldr     d12, [c0, #240]
        ldr     d13, [c0, #248]
        ldr     d14, [c0, #256]
        ldr     d15, [c0, #264]
        uxtw    x0, x1                  // setjmp's int result is v ...
        cbnz    x0, .Lreturn
        mov     x0, #1                  // ... or 1 if v is 0
.Lreturn:
        ret                             // through the saved c30: back into setjmp's caller
        .size   longjmp, .-longjmp
        .size   _longjmp, .-_longjmp
