// hybrid/setjmp.s - setjmp and longjmp for hybrid (A64) programs: ../setjmp.s with the jmp_buf
// reached by its address in x0 (an integer base, checked against DDC) instead of through c0.
// The layout is the same (setjmp.h: 24 capability slots, a `void * __capability` array in both
// ABIs): c19-c28, c29, c30, csp are saved whole, then d8-d15. In A64 the saved c30 is the integer
// return address that `bl setjmp` wrote, and `ret` returns through x30.

        .arch   a64
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
        stp     c19, c20, [x0, #0]
        stp     c21, c22, [x0, #32]
        stp     c23, c24, [x0, #64]
        stp     c25, c26, [x0, #96]
        stp     c27, c28, [x0, #128]
        stp     c29, c30, [x0, #160]
        mov     c1, csp
        str     c1, [x0, #192]
        str     d8, [x0, #208]
        str     d9, [x0, #216]
        str     d10, [x0, #224]
        str     d11, [x0, #232]
        str     d12, [x0, #240]
        str     d13, [x0, #248]
        str     d14, [x0, #256]
        str     d15, [x0, #264]
        mov     x0, #0
        ret
        .size   setjmp, .-setjmp
        .size   _setjmp, .-_setjmp

longjmp:
_longjmp:
        ldp     c19, c20, [x0, #0]
        ldp     c21, c22, [x0, #32]
        ldp     c23, c24, [x0, #64]
        ldp     c25, c26, [x0, #96]
        ldp     c27, c28, [x0, #128]
        ldp     c29, c30, [x0, #160]
        ldr     c2, [x0, #192]
        mov     csp, c2
        ldr     d8, [x0, #208]
        ldr     d9, [x0, #216]
        ldr     d10, [x0, #224]
        ldr     d11, [x0, #232]
        ldr     d12, [x0, #240]
        ldr     d13, [x0, #248]
        ldr     d14, [x0, #256]
        ldr     d15, [x0, #264]
        uxtw    x0, x1                  // setjmp's int result is v ...
        cbnz    x0, .Lreturn
        mov     x0, #1                  // ... or 1 if v is 0
.Lreturn:
        ret                             // through the saved x30: back into setjmp's caller
        .size   longjmp, .-longjmp
        .size   _longjmp, .-_longjmp
