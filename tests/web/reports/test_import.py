"""Importing the history of submissions from a spreadsheet: all rows or none."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from comitia.web.plans import models as m
from comitia.web.reports.models import Submission

pytestmark = pytest.mark.django_db
HEADER = ["State", "Obligation", "Cycle", "Received", "Symbol"]


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "history.csv"
    path.write_text("\n".join([",".join(HEADER), *rows]) + "\n", encoding="utf-8")
    return path


def _run(path: Path, *args: str) -> str:
    out = io.StringIO()
    call_command("import_submissions", str(path), "--term", "csh-2019-2020", *args, stdout=out)
    return out.getvalue()


def test_a_good_csv_is_recorded(model_term: m.Term, tmp_path: Path) -> None:
    path = _csv(tmp_path, "PE,mecs-liste,2019,2019-03-10,Note 1", "br,mecs-liste,2019,2019-04-01,")
    assert "2 submission(s) recorded" in _run(path)
    assert sorted(Submission.objects.values_list("state", "cycle")) == [("BR", 2019), ("PE", 2019)]


def test_a_good_xlsx_is_recorded(model_term: m.Term, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(["MX", "registre-armes-onu", 2018, "2018-07-01", "X"])
    path = tmp_path / "history.xlsx"
    book.save(path)
    _run(path)
    assert Submission.objects.get().received.isoformat() == "2018-07-01"


def test_every_bad_row_is_named_and_nothing_is_written(model_term: m.Term, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "PE,mecs-liste,2019,2019-03-10,ok",
        "XX,mecs-liste,2019,2019-03-10,",
        "PE,no-such-thing,2019,2019-03-10,",
        "CL,mecs-liste,2019,10/03/2019,",
    )
    with pytest.raises(CommandError) as raised:
        _run(path)
    message = str(raised.value)
    assert "row 3: unknown member state 'XX'" in message
    assert "row 4: unknown obligation 'no-such-thing'" in message
    assert "row 5: bad date '10/03/2019'" in message
    assert "row 2" not in message
    assert not Submission.objects.exists()


def test_a_dry_run_lists_and_writes_nothing(model_term: m.Term, tmp_path: Path) -> None:
    output = _run(_csv(tmp_path, "PE,mecs-liste,2019,2019-03-10,"), "--dry-run")
    assert "row 2: PE mecs-liste 2019 received 2019-03-10" in output
    assert "1 submission(s) would be recorded" in output
    assert not Submission.objects.exists()
