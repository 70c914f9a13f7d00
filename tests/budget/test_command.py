"""`comitia budget` and the budget checks of `comitia check` on plan files."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from comitia.checks import run_checks
from comitia.cli import main
from comitia.plan.files import write_plan
from tests.budget.plans import MODEL_PLAN, budget_plan, full_days, meeting, model_plan


def _budget_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["budget", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_the_model_plan_budget_gives_the_model_documents_appropriations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _budget_json(capsys, str(MODEL_PLAN))
    periods = {p["id"]: p for p in data["periods"]}  # type: ignore[attr-defined]
    shown = {
        key: (p["start"], p["end"], p["appropriation"], p["currency"]) for key, p in periods.items()
    }
    assert shown["budget-2019"] == ("2019-01-01", "2019-12-31", "126200", "USD")
    assert shown["budget-2019-octobre-decembre"] == ("2019-10-01", "2019-12-31", "17000", "USD")
    assert shown["budget-2020"] == ("2020-01-01", "2020-12-31", "105000", "USD")
    assert data["illustrative_rates"] is True
    for period in periods.values():
        costs = [Decimal(m["cost"]) for m in period["meetings"]]
        assert Decimal(period["planned"]) == sum(costs, Decimal(0))
        months = [Decimal(m["planned"]) for m in period["months"]]
        assert Decimal(period["planned"]) == sum(months, Decimal(0))
        if period["appropriation"] is not None:
            balance = Decimal(period["appropriation"]) - Decimal(period["planned"])
            assert Decimal(period["balance"]) == balance
    assert periods["budget-2020"]["balance"] == "38800"


def test_the_text_report_prints_amounts_as_the_organization_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["budget", str(MODEL_PLAN), "--lang", "fr"]) == 0
    french = capsys.readouterr().out
    assert "allocation US$ 126\u202f200" in french
    assert "à titre d’exemple" in french
    assert main(["budget", str(MODEL_PLAN), "--lang", "en"]) == 0
    assert "appropriation US$126,200, planned US$14,400, balance US$111,800" in (
        capsys.readouterr().out
    )


def _overspent(tmp_path: Path) -> Path:
    # 38,800 left in 2020 under the example rates; six more full days (6,900 each) make
    # 41,400, US$2,600 over.
    plan = model_plan()
    extra = full_days(6, dt.date(2020, 6, 1))
    path = tmp_path / "overspent.yaml"
    write_plan(plan.model_copy(update={"meetings": [*plan.meetings, *extra]}), path)
    return path


def test_a_plan_over_its_2020_appropriation_fails_the_check_with_bud001(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _overspent(tmp_path)
    status = main(["check", str(path), "--format", "json", "--today", "2019-10-01"])
    findings = json.loads(capsys.readouterr().out)
    assert status == 1
    [over] = [f for f in findings if f["code"] == "BUD001"]
    assert over["severity"] == "error"
    assert over["objects"] == [{"kind": "appropriation", "id": "budget-2020"}]
    assert "2020" in over["message"] and "by US$2,600" in over["message"]
    assert main(["check", str(path), "--lang", "fr", "--today", "2019-10-01"]) == 1
    assert "dépasse de US$ 2\u202f600" in capsys.readouterr().out


def test_the_model_plan_is_within_its_appropriations() -> None:
    codes = {f.code for f in run_checks(model_plan(), today=dt.date(2019, 10, 1))}
    assert not codes & {"BUD001", "BUD002"}


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt"])
def test_meetings_in_no_period_or_with_no_rate_are_warned_of_in_each_language(lang: str) -> None:
    plan = budget_plan(
        [meeting("oct", dt.date(2019, 10, 24)), meeting("jul", dt.date(2020, 9, 24))]
    )
    plan = plan.model_copy(
        update={
            "cost_rates": [
                plan.cost_rates[0].model_copy(
                    update={"period": plan.cost_rates[0].period.parse_edtf("2019")}
                )
            ]
        }
    )
    found = [f for f in run_checks(plan, today=dt.date(2019, 10, 1)) if f.code == "BUD002"]
    assert [(f.severity.value, f.dates) for f in found] == [
        ("warning", (dt.date(2019, 10, 24),)),
        ("warning", (dt.date(2020, 9, 24),)),
    ]
    no_period, no_rate = (f.message(lang) for f in found)
    assert no_period != no_rate and "2020" in no_rate
