"""What the command line does with plans in the database, one verb-noun function each (loading a
plan file, a draft or published, is ``publication.operations.load_plan_file``)."""

from __future__ import annotations

from comitia.plan import Plan
from comitia.web.plans.convert import find_term, load_plan


def dump_term(name: str) -> Plan:
    """The plan of the term named ``name`` (such as ``csh-2019-2020``); PlanLoadError if none."""
    return load_plan(find_term(name))
