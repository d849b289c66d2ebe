"""The machine: a purecap Morello-lite CHERI computer, emulated in Cython.

- isa.py       the instruction set, defined once (encodings, operands, meanings, constants);
               setup.py generates arch.pxd, the emulator's view of it
- capability   capability semantics in C (capability.pxd): decode, set bounds, seal, ...
- cap          the Python view of a capability: `Capability`
- memory       tagged physical memory: one tag per 16-byte granule
- mmu          page tables and their entries
- cpu          the processor: registers, the run loop, traps, counters
- trap.py      trap records: why a run stopped, in words a kernel can pass on
- relocate     μFork's copy-and-relocate: copy pages, move the capabilities that point into a slot
"""
