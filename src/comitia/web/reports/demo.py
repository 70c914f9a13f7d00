"""The demonstration's reports: example points of contact for every member state, a few
submissions, and the illustrative list of states parties (``comitia demo``).

Everyone here is fictitious: names made up, addresses at example.org (reserved for examples),
each contact marked ``example``. Loading again replaces the examples, never a real contact.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from django.db import transaction

from comitia.plan import OAS_MEMBER_STATES
from comitia.web.plans import models as m

from .models import Contact, Submission

_GIVEN = ("Ana", "Luis", "Marie", "John", "Camila", "Pedro", "Joana", "Daniel", "Sofía", "Paul")
_FAMILY = ("Example", "Sample", "Modelo", "Exemple", "Exemplo", "Demo", "Placeholder")
# States that sent the 15 March list of the demo's year already (so are not reminded of it).
_SENT_EARLY = {"AR": dt.date(2020, 2, 14), "CA": dt.date(2020, 2, 28), "CL": dt.date(2020, 2, 3)}


def load_demo_reports(term: m.Term, states_parties: Path | None = None) -> dict[str, int]:
    """Put the examples in ``term``; how many of each were written."""
    with transaction.atomic():
        if states_parties is not None:
            data = yaml.safe_load(states_parties.read_text(encoding="utf-8"))
            for key, states in (data.get("conventions") or {}).items():
                m.Convention.objects.filter(term=term, key=key).update(
                    states_parties=list(states), illustrative=bool(data.get("illustrative", True))
                )
        Contact.objects.filter(example=True).delete()
        contacts = [
            Contact(
                state=state,
                name=f"{_GIVEN[i % len(_GIVEN)]} {_FAMILY[i % len(_FAMILY)]}",
                title="Example focal point",
                institution="Example Ministry of Foreign Affairs",
                email=f"reports.{state.lower()}@example.org",
                telephone="+1 555 0100",
                since=dt.date(2019, 1, 1),
                example=True,
            )
            for i, state in enumerate(OAS_MEMBER_STATES)
        ]
        Contact.objects.bulk_create(contacts)
        obligation = m.ReportingObligation.objects.filter(term=term, key="mecs-liste").first()
        written = 0
        if obligation is not None:
            for state, day in _SENT_EARLY.items():
                Submission.objects.update_or_create(
                    obligation=obligation,
                    state=state,
                    cycle=day.year,
                    defaults={"received": day, "symbol": f"Example note {state}-{day.year}"},
                )
                written += 1
            late = Submission.objects.update_or_create(
                obligation=obligation,
                state="PE",
                cycle=2019,
                defaults={"received": dt.date(2019, 4, 2), "symbol": "Example note PE-2019"},
            )
            written += bool(late)
    return {"contacts": len(contacts), "submissions": written}
