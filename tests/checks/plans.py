"""Small plans for the rule tests: a term, a few bodies and mandates, and what each test adds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from comitia.checks import Finding, run_checks
from comitia.plan import (
    Activity,
    AgendaKind,
    AgendaNode,
    Body,
    Citation,
    Language,
    Mandate,
    MandateGroup,
    Meeting,
    Plan,
    Text,
)
from comitia.plan.entities import Term, ThematicArea

TODAY = dt.date(2019, 10, 1)


def text(value: str) -> Text:
    return Text.of("fr", value)


def plan(**collections: Any) -> Plan:
    """A valid plan of the CSH for 2019-2020 with ``collections`` (meetings=[...], ...)."""
    values: dict[str, Any] = {
        "language": Language.FR,
        "term": Term(
            committee="csh", label="2019-2020", start=dt.date(2019, 10, 1), end=dt.date(2020, 9, 30)
        ),
        "bodies": [
            Body(id="cp", acronym=text("CP"), name=text("Conseil permanent")),
            Body(id="csh", acronym=text("CSH"), name=text("Commission"), parent="cp"),
            Body(id="ssm", acronym=text("SSM"), name=text("Secrétariat")),
            Body(id="jid", acronym=text("JID"), name=text("Organisation de défense")),
            Body(id="cicte", acronym=text("CICTE"), name=text("Comité contre le terrorisme")),
        ],
        "thematic_areas": [
            ThematicArea(id="securite", number=1, title=text("Sécurité")),
            ThematicArea(id="armes", number=2, title=text("Armes")),
        ],
        "mandates": [
            Mandate(
                id="res",
                group=MandateGroup.GENERAL_ASSEMBLY,
                title=text("Suivi de la résolution"),
                source="AG/RES. 2945 (XLIX-O/19)",
                excluded_paragraphs=["72", "81"],
            ),
        ],
    }
    values.update(collections)
    return Plan(**values)


def meeting(day: str, **fields: Any) -> Meeting:
    """A meeting on ``day`` (ISO), 10:00 to 13:00, citing the resolution unless told otherwise."""
    fields.setdefault("id", f"m-{day}")
    fields.setdefault("start", "10:00")
    fields.setdefault("end", "13:00")
    fields.setdefault("agenda", [item("Point", citations=[Citation(mandate="res")])])
    return Meeting(date=dt.date.fromisoformat(day), **fields)


def item(title: str, **fields: Any) -> AgendaNode:
    return AgendaNode(kind=AgendaKind.ITEM, title=text(title), **fields)


def activity(id: str, when: str, title: str = "Séminaire", **fields: Any) -> Activity:
    return Activity(id=id, when=when, title=text(title), **fields)


def findings(p: Plan, code: str, **options: Any) -> list[Finding]:
    """The findings of rule ``code`` alone over ``p``."""
    options.setdefault("today", TODAY)
    return run_checks(p, codes=[code], **options)
