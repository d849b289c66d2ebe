"""The files the `ufos` front ends are given: reading source text, and saying why a file could not
be read. Every front end (as, cc, ld, objdump, run) reports a bad file the same way, as one line
`NAME: reason`, and never with Python's own wording of the error.
"""
from __future__ import annotations

import errno
from pathlib import Path


def read_source(path) -> str:
    """The text of a source file. A file that is not UTF-8 text (a binary given by mistake) cannot
    be read as source: an OSError (EILSEQ) naming it, like any other file that cannot be read."""
    try:
        return Path(path).read_text()
    except UnicodeDecodeError:
        raise OSError(errno.EILSEQ, "not a text file (is it a binary?)", str(path)) from None


def file_error(e: OSError) -> str:
    """`NAME: reason` for a file that could not be read or written."""
    reason = e.strerror or str(e)
    return f"{e.filename}: {reason}" if e.filename else reason
