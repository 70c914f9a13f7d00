"""Checking a file a user uploads before anything is stored: its kind by its name, its size,
and that its content is what the name says.

One checker for every upload (an agenda item's documents, a state's reports): a file is
judged by its first bytes and, for the Office formats, by the part that makes it one (a ZIP
holding ``word/document.xml`` is a DOCX, one holding ``xl/workbook.xml`` an XLSX), so that a
renamed archive or executable is refused whatever its name says.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Collection
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _is_pdf(file: IO[bytes]) -> bool:
    return file.read(5) == b"%PDF-"


def _zip_holding(part: str) -> Callable[[IO[bytes]], bool]:
    def holds(file: IO[bytes]) -> bool:
        try:
            with zipfile.ZipFile(file) as archive:
                return part in archive.namelist()
        except zipfile.BadZipFile:
            return False

    return holds


_CONTENT_IS = {
    "pdf": _is_pdf,
    "docx": _zip_holding("word/document.xml"),
    "xlsx": _zip_holding("xl/workbook.xml"),
}


def check_upload(
    upload: UploadedFile[bytes], kinds: Collection[str], limit: int, wrong_kind: str
) -> str:
    """The file's kind (its extension, one of ``kinds``), or ValidationError: ``wrong_kind``
    for another extension, a message for a file over ``limit`` bytes or a content that is not
    what the name says. The file is left at its start."""
    assert set(kinds) <= set(_CONTENT_IS), kinds
    name = (upload.name or "").lower()
    extension = name.rpartition(".")[2] if "." in name else ""
    if extension not in kinds:
        raise ValidationError(wrong_kind, code="extension")
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": f"{limit / 2**20:g}"},
            code="size",
        )
    upload.seek(0)
    good = _CONTENT_IS[extension](upload)
    upload.seek(0)
    if not good:
        raise ValidationError(
            _("The file's content is not a %(kind)s file.") % {"kind": extension.upper()},
            code="content",
        )
    return extension
