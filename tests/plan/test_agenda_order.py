"""Agenda items that must follow others: their ids, their after, read back and checked."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from comitia.plan import Plan
from comitia.plan.files import dump_plan_yaml, parse_plan_text
from tests.render.model import model_plan


def ordered(first: str = "csh-2020-03-12", second: str = "csh-2020-05-26", **after: Any) -> Any:
    """The model plan's data where the item of ``second`` names the item of ``first``."""
    data = model_plan().model_dump(mode="json", exclude_defaults=True)
    meetings = {meeting["id"]: meeting for meeting in data["meetings"]}
    meetings[first]["agenda"][0]["id"] = "report-received"
    meetings[second]["agenda"][0]["id"] = "report-considered"
    meetings[second]["agenda"][0]["after"] = after.get("names", ["report-received"])
    return data


def test_an_item_naming_the_item_it_follows_reads_back_from_yaml() -> None:
    plan = Plan.model_validate(ordered())
    item = next(m for m in plan.meetings if m.id == "csh-2020-05-26").agenda[0]
    assert item.id == "report-considered"
    assert item.after == ["report-received"]
    assert parse_plan_text(dump_plan_yaml(plan)) == plan


def test_an_unknown_item_in_after_is_an_error_naming_it() -> None:
    with pytest.raises(ValidationError, match="no agenda item has the id 'report-lost'"):
        Plan.model_validate(ordered(names=["report-lost"]))


def test_an_item_of_the_same_meeting_in_after_is_an_error() -> None:
    data = ordered(first="csh-2020-04-02", second="csh-2020-04-02")
    agenda = next(m for m in data["meetings"] if m["id"] == "csh-2020-04-02")["agenda"]
    agenda[1]["id"] = "report-considered"
    agenda[1]["after"] = ["report-received"]
    del agenda[0]["after"]
    agenda[0]["id"] = "report-received"
    with pytest.raises(ValidationError, match="same meeting's agenda"):
        Plan.model_validate(data)


def test_an_agenda_id_used_twice_is_an_error() -> None:
    data = ordered()
    meeting = next(m for m in data["meetings"] if m["id"] == "csh-2020-05-21")
    meeting["agenda"][0]["id"] = "report-received"
    with pytest.raises(ValidationError, match="'report-received' is already used"):
        Plan.model_validate(data)
