"""What the command line does with plans in the database, one verb-noun function each."""

from __future__ import annotations

from pathlib import Path

from comitia.plan import Plan
from comitia.plan.files import read_plan
from comitia.web.plans.convert import find_term, load_plan, save_plan
from comitia.web.plans.models import Term


def load_plan_file(path: str | Path, *, replace: bool = False) -> Term:
    """Read the plan file at ``path`` and store it as a term.

    Raise ``comitia.plan.files.PlanFileError`` for a file that is not a valid plan, and
    ``PlanLoadError`` if its term is already stored (unless ``replace``) or the database
    refuses it; in either case nothing is written.
    """
    return save_plan(read_plan(path), replace=replace)


def dump_term(name: str) -> Plan:
    """The plan of the term named ``name`` (such as ``csh-2019-2020``); PlanLoadError if none."""
    return load_plan(find_term(name))
