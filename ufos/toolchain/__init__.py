"""The toolchain: assembler, linker, disassembler (and later the C compiler)."""
