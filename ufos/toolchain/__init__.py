"""The toolchain, beside the kernel: the C compiler (cc/), the assembler, the linker, objdump,
libc and the userland builder that makes the root image the kernel boots from."""
