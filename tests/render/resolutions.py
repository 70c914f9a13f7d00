"""The illustrative draft resolution of the renderers' tests, in the model plan.

ILLUSTRATIVE: ``tests/data/resolutions/illustrative-draft.yaml`` is a draft written for these
tests in the layout of OAS drafts, not the text of a real one. It holds two revisions of one
draft; ``illustrative_plan(revision)`` is the model plan holding one of them.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from comitia.plan import Plan, Resolution
from tests.render.model import french_model_plan

DRAFT_FILE = (
    Path(__file__).resolve().parents[1] / "data" / "resolutions" / "illustrative-draft.yaml"
)


@functools.cache
def _revisions() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load(DRAFT_FILE.read_text(encoding="utf-8"))
    return data


def draft_data(revision: int) -> dict[str, Any]:
    return next(r for r in _revisions() if r["revision"] == revision)


@functools.cache
def illustrative_plan(revision: int = 2) -> Plan:
    """The model plan with revision ``revision`` (1 or 2) of the illustrative draft."""
    return plan_with(draft_data(revision))


def plan_with(*resolutions: dict[str, Any]) -> Plan:
    """The model plan, in French alone as the OAS document is (so that the draft's sections
    show their areas' titles in their original), with ``resolutions`` (plan-file data) added
    to its own."""
    data = french_model_plan().model_dump(mode="json", by_alias=True, exclude_none=True)
    data["resolutions"] = [*data.get("resolutions", []), *resolutions]
    return Plan.model_validate(data)


def draft(revision: int = 2) -> Resolution:
    return next(r for r in illustrative_plan(revision).resolutions if r.id == "projet-2020")
