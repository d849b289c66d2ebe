# The Python face of a capability: the immutable class ufos.machine.cap.Capability, holding one
# decoded Cap (see capability.pxd, which owns the semantics). Other Cython modules cimport
# `Capability` to reach `.c` directly, and `wrap_cap` to hand a Cap back to Python.
cimport cython
from ufos.machine.capability cimport Cap


@cython.final
cdef class Capability:
    cdef Cap c


# A new Capability holding a copy of c (which must be decoded, as every Cap is).
cdef Capability wrap_cap(Cap c)
