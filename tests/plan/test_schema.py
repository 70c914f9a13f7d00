"""The published JSON Schema is the one the model generates, and it describes real plans."""

from __future__ import annotations

import json
from pathlib import Path

from comitia.plan.schema import plan_json_schema, plan_json_schema_text

PUBLISHED = Path(__file__).parents[2] / "docs" / "plan.schema.json"


def test_the_published_schema_is_up_to_date() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == plan_json_schema_text(), (
        "docs/plan.schema.json is stale: run `make schema`"
    )


def test_the_schema_forbids_unknown_fields_and_names_the_contract_fields() -> None:
    schema = plan_json_schema()
    meeting = schema["$defs"]["Meeting"]
    assert meeting["additionalProperties"] is False
    assert {
        "date",
        "start",
        "end",
        "kind",
        "provisional",
        "previous_dates",
        "venue",
        "agenda",
    } <= set(meeting["properties"])
    activity = schema["$defs"]["Activity"]
    assert {"title", "body", "when", "provisional"} <= set(activity["properties"])
    assert json.dumps(schema)  # serializable
