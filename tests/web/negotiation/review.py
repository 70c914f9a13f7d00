"""A term whose draft goes through a formal review in May 2020 (illustrative dates): the
negotiation plan of ``conftest.negotiation_plan`` with three May meetings and the milestone of
the formal review over May."""

from __future__ import annotations

from typing import Any

from comitia.plan import Plan

from .conftest import negotiation_plan

# The formal review's meetings: two half days and a full day (illustrative).
REVIEW_MEETINGS = (
    ("review-05-05", "2020-05-05", "10:00", "13:00"),
    ("review-05-12", "2020-05-12", "10:00", "17:30"),
    ("review-05-19", "2020-05-19", "14:30", "17:30"),
)


def review_plan() -> Plan:
    data: dict[str, Any] = negotiation_plan().model_dump(
        mode="json", by_alias=True, exclude_none=True
    )
    for key, date, start, end in REVIEW_MEETINGS:
        data["meetings"].append(
            {"id": key, "date": date, "start": start, "end": end, "kind": "regular"}
        )
    data["negotiation"]["milestones"].append(
        {
            "id": "review",
            "kind": "formal_review",
            "title": {"fr": "Examen formel", "en": "Formal review"},
            "when": "2020-05",
        }
    )
    return Plan.model_validate(data)
