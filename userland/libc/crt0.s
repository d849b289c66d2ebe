// crt0.s - where every ufos program starts.
//
// The loader (docs/abi.md, "Program start") enters _start with
//     x0 = argc    c1 = argv    c2 = envp    c3 = auxv    c4, c5 = the system call gate
//     csp = the top of the stack
// which are already the arguments of
//     void __libc_start_main(int argc, char **argv, char **envp, void *auxv,
//                            void *gate_code, void *gate_data)                  (start.c)
// so _start only clears the frame pointer and the link register (the end of the call chain for a
// debugger walking frames) and calls it. __libc_start_main never returns; if it did, we exit.

        .text
        .global _start
        .extern __libc_start_main
        .extern __syscall
        .type   _start, %function
_start:
        mov     x29, xzr                // no previous frame
        mov     x30, xzr                // no return address
        bl      __libc_start_main
        mov     x1, x0                  // exit_group(the value it returned)
        mov     x0, #94
        bl      __syscall
        hlt     #0                      // unreachable
        .size   _start, .-_start
