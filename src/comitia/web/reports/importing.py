"""Reading the history of submissions from a spreadsheet (XLSX or CSV): every row checked
first, and either every row recorded or none.

Columns, named in the first row (any order, any case): ``state`` (ISO 3166 code), ``obligation``
(its identifier in the term), ``cycle`` (the year), ``received`` (YYYY-MM-DD), and optionally
``symbol``, ``link`` and ``language`` (en, es, fr, pt).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from openpyxl import load_workbook

from comitia.plan import OAS_MEMBER_STATES
from comitia.web.plans import models as m

from .operations import SubmissionData, record_submission

REQUIRED = ("state", "obligation", "cycle", "received")
OPTIONAL = ("symbol", "link", "language")
LANGUAGES = ("en", "es", "fr", "pt")


class ImportError_(Exception):
    """The file cannot be imported; ``problems`` lists each bad row as ``row N: ...``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Row:
    line: int
    data: SubmissionData


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of an XLSX (first sheet) or CSV file as dicts keyed by lower-case header."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        book = load_workbook(path, read_only=True, data_only=True)
        values = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
    elif suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        values = list(csv.reader(io.StringIO(text)))
    else:
        raise ImportError_([f"{path.name}: expected an .xlsx or .csv file"])
    if not values:
        raise ImportError_([f"{path.name} is empty"])
    header = [str(v or "").strip().lower() for v in values[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportError_([f"the first row lacks the column(s): {', '.join(missing)}"])
    return [
        {name: _text(value) for name, value in zip(header, row, strict=False) if name}
        for row in values[1:]
        if any(v not in (None, "") for v in row)
    ]


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def check_rows(term: m.Term, table: list[dict[str, str]]) -> list[Row]:
    """The rows as submissions to record; ImportError_ naming every bad row."""
    obligations = {
        o.key: o for o in m.ReportingObligation.objects.filter(term=term).select_related("term")
    }
    problems: list[str] = []
    rows: list[Row] = []
    seen: dict[Any, int] = {}
    for number, values in enumerate(table, start=2):
        where = f"row {number}"
        wrong = []
        state = values.get("state", "").upper()
        if state not in OAS_MEMBER_STATES:
            wrong.append(f"unknown member state {values.get('state', '')!r}")
        obligation = obligations.get(values.get("obligation", ""))
        if obligation is None:
            wrong.append(f"unknown obligation {values.get('obligation', '')!r} in {term.slug}")
        cycle_text = values.get("cycle", "")
        cycle = int(cycle_text) if cycle_text.isdecimal() and cycle_text.isascii() else None
        if cycle is None or not 1900 <= cycle <= 2200:
            wrong.append(f"bad cycle {cycle_text!r} (a year such as 2020)")
        try:
            received = dt.date.fromisoformat(values.get("received", ""))
        except ValueError:
            received = None
            wrong.append(f"bad date {values.get('received', '')!r} (YYYY-MM-DD)")
        language = values.get("language", "").lower()
        if language and language not in LANGUAGES:
            wrong.append(f"unknown language {language!r} (en, es, fr or pt)")
        if not wrong:
            key = (state, obligation.key, cycle)  # type: ignore[union-attr]
            if key in seen:
                wrong.append(f"the same state, obligation and cycle as row {seen[key]}")
            seen[key] = number
        if wrong:
            problems.append(f"{where}: {'; '.join(wrong)}")
            continue
        rows.append(
            Row(
                number,
                SubmissionData(
                    obligation=obligation,  # type: ignore[arg-type]
                    state=state,
                    cycle=cycle,  # type: ignore[arg-type]
                    received=received,  # type: ignore[arg-type]
                    symbol=values.get("symbol", ""),
                    link=values.get("link", ""),
                    language=language,
                ),
            )
        )
    if problems:
        raise ImportError_(problems)
    return rows


def import_rows(rows: list[Row], by: Any = None) -> int:
    """Record every row, in one transaction (all or nothing)."""
    with transaction.atomic():
        for row in rows:
            record_submission(row.data, by)
    return len(rows)
