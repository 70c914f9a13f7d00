"""The code that makes Comitia's outputs, as one short digest (``code_fingerprint``), and the
keys of the outputs kept in the shared cache (``output_key``).

A kept output (a page, a feed, a printed document) is keyed by what it was made from: the
rows, by their term's output version, and the code that turned them into bytes. A new release
that changes a template, a stylesheet, a translation or the renderer must not send the
outputs its predecessor kept: with the fingerprint in their keys, those are only unused, and
forgotten when they expire. The digest is of the files' contents (not their times), so every
process and every machine running the same release finds the same outputs, and one print
serves them all.
"""

from __future__ import annotations

import functools
import hashlib
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import comitia

# Not read: compiled bytecode, and the translators' catalogues (the compiled .mo beside each
# is what the outputs are made from).
_SKIPPED = (".pyc", ".po", ".pot")
# The libraries whose release changes the bytes of an output, beside Comitia's own files.
WRITERS = ("Django", "weasyprint", "python-docx", "icalendar", "Babel", "openpyxl", "pydantic")


@functools.cache
def code_fingerprint() -> str:
    """The fingerprint of the running code: of every file of the ``comitia`` package that
    outputs are made from (its code, templates, styles and compiled catalogues) and of the
    versions of ``WRITERS``. Read once per process: some 3 MB, a few tens of milliseconds."""
    return fingerprint_of(Path(comitia.__file__).resolve().parent, WRITERS)


def fingerprint_of(root: Path, writers: tuple[str, ...]) -> str:
    """A digest of the files under ``root`` (their paths and contents, in a fixed order) and of
    the installed versions of the distributions ``writers``."""
    digest = hashlib.sha256()
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            if name.endswith(_SKIPPED):
                continue
            path = Path(folder, name)
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    for name in writers:
        try:
            digest.update(f"{name}=={version(name)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{name} absent\0".encode())
    return digest.hexdigest()[:16]


def output_key(kind: str, made_from: object) -> str:
    """The shared cache's key of a kept output of ``kind`` ("page", "feed"...) made from
    ``made_from`` (a value whose ``repr`` says all it depends on) by the running code: every
    kept output's key is made here, so none can leave the code out. A digest, as what it is made
    from may be long and hold any character."""
    made = repr((code_fingerprint(), made_from)).encode("utf-8")
    return f"comitia:{kind}:" + hashlib.sha256(made).hexdigest()
