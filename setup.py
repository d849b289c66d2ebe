"""Build the machine's Cython extensions.

`pip install -e .` compiles every extension under ufos/machine. Set UFOS_DEBUG=1 to build with
Cython's bounds and initialisation checks turned on (slower; turns host-side indexing bugs into
Python exceptions instead of memory corruption). UFOS_ANNOTATE=1 writes Cython's HTML annotation.
"""
import importlib.util
import os
import sys
from pathlib import Path

from Cython.Build import cythonize
from setuptools import Extension, setup

HERE = Path(__file__).parent
MACHINE = HERE / "ufos" / "machine"


def generate_arch_pxi():
    """Write arch.pxd (opcodes, field extractors, constants) from the one ISA table, isa.py."""
    spec = importlib.util.spec_from_file_location("_ufos_isa", MACHINE / "isa.py")
    isa = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = isa          # dataclasses look their module up here
    spec.loader.exec_module(isa)
    text = isa.cython_declarations()
    target = MACHINE / "arch.pxd"
    if not target.exists() or target.read_text() != text:
        target.write_text(text)


DEBUG = bool(os.environ.get("UFOS_DEBUG"))
DIRECTIVES = dict(language_level=3, boundscheck=DEBUG, wraparound=DEBUG, initializedcheck=DEBUG,
                  nonecheck=False, cdivision=True, overflowcheck=False)
CFLAGS = ["-O0", "-g"] if DEBUG else ["-O3"]

generate_arch_pxi()
extensions = [
    Extension(f"ufos.machine.{path.stem}", [str(path.relative_to(HERE))],
              include_dirs=[str(MACHINE)], extra_compile_args=CFLAGS)
    for path in sorted(MACHINE.glob("*.pyx"))
]
setup(ext_modules=cythonize(extensions, compiler_directives=DIRECTIVES,
                            annotate=bool(os.environ.get("UFOS_ANNOTATE")), nthreads=os.cpu_count()))
