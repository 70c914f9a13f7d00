"""The JSON Schema of plan files, generated from the plan model.

``python -m comitia.plan.schema`` prints it; ``docs/plan.schema.json`` is that output, and a
test keeps the two identical.
"""

from __future__ import annotations

import json
from typing import Any

from comitia.plan.organization import Organization
from comitia.plan.plan import Plan

SCHEMA_ID = "urn:comitia:plan-file:1"
ORGANIZATION_SCHEMA_ID = "urn:comitia:organization-file:1"


def plan_json_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def organization_json_schema() -> dict[str, Any]:
    """The JSON Schema of organization files (rooms and interpretation teams)."""
    schema = Organization.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": ORGANIZATION_SCHEMA_ID,
        **schema,
    }


def plan_json_schema_text() -> str:
    return json.dumps(plan_json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def organization_json_schema_text() -> str:
    return (
        json.dumps(organization_json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    )


if __name__ == "__main__":
    import sys

    # python -m comitia.plan.schema [organization]
    which = sys.argv[1] if len(sys.argv) > 1 else "plan"
    print(
        organization_json_schema_text() if which == "organization" else plan_json_schema_text(),
        end="",
    )
