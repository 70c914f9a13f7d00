"""The matrix as a spreadsheet: CSV and XLSX, one row per state and obligation, the status in
words (never a colour alone; the XLSX also fills the cell)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from comitia.plan import Text, state_name
from comitia.plan.reporting import Status

from .labels import status_word
from .reading import Matrix

_FILLS = {
    Status.ON_TIME: "D9F2D9",
    Status.LATE: "FFF0C2",
    Status.DUE: "DDE8FF",
    Status.OVERDUE: "F9D0D0",
    Status.NOT_APPLICABLE: "EEEEEE",
    Status.VOLUNTARY: "F4F4F4",
}


def _rows(matrix: Matrix, lang: str, header: list[str]) -> list[list[object]]:
    rows: list[list[object]] = [list(header)]
    for state, cells in matrix.by_state():
        for cell in cells:
            obligation = cell.row.obligation
            submission = cell.received.submission if cell.received else None
            rows.append(
                [
                    state,
                    state_name(state, lang),
                    obligation.key,
                    Text.model_validate(obligation.title).get(lang)[0],
                    matrix.year,
                    status_word(cell.status),
                    cell.received.day.isoformat() if cell.received else "",
                    submission.symbol if submission else "",
                    submission.link if submission else "",
                ]
            )
    return rows


def matrix_csv(matrix: Matrix, lang: str, header: list[str]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(_rows(matrix, lang, header))
    return out.getvalue().encode("utf-8-sig")  # with a BOM, so spreadsheets read UTF-8


def matrix_xlsx(matrix: Matrix, lang: str, header: list[str], sheet: str) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    rows = _rows(matrix, lang, header)
    for row in rows:
        ws.append(row)
    cells = [cell for _state, line in matrix.by_state() for cell in line]
    for index, cell in enumerate(cells, start=2):
        colour = _FILLS[cell.status]
        ws.cell(row=index, column=6).fill = PatternFill(
            "solid", start_color=colour, end_color=colour
        )
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
