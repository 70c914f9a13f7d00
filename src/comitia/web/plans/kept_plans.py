"""Plans kept in a server process by the term's output version.

Reading a term's plan is a query per table and a full validation: most of a long draft's page,
at every answer, although the plan changes only when the term's output version does (every
write to a row a plan is made of raises it: ``output_version``). So a read path that only
reads the plan asks ``kept_plan``, which reads the version (one query) and returns the plan
kept under it, or loads and keeps it.

A kept plan is shared by every request of the process: its readers never change it (they
make copies, as ``visible_plan`` does with ``model_copy``). Inside a transaction the plan is
loaded and not kept, since the rows it would be made of may be rolled back.
"""

from __future__ import annotations

from django.db import connection

from comitia.plan import Plan
from comitia.web.kept import Kept
from comitia.web.plans.convert import load_plan
from comitia.web.plans.models import Term

# A few terms' plans of a few versions each: the model plan is about half a megabyte kept.
PLAN_SIZE = 1024 * 1024
_kept: Kept[tuple[str, int, int], Plan] = Kept(budget=32 * PLAN_SIZE)


def kept_plan(term: Term) -> Plan:
    """The plan stored as ``term`` at its current output version (never to be changed)."""
    if connection.in_atomic_block:
        return load_plan(term)
    version = Term.objects.filter(pk=term.pk).values_list("output_version", flat=True).first()
    if version is None:  # the term was deleted meanwhile: as load_plan says it
        return load_plan(term)
    key = (connection.alias, term.pk, version)
    plan = _kept.get(key)
    if plan is None:
        plan = _kept.keep(key, load_plan(term), PLAN_SIZE)
    return plan


def forget() -> None:
    """Forget every kept plan (tests whose databases are emptied between them)."""
    _kept.clear()
