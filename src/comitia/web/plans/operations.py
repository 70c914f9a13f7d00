"""What the command line does with plans in the database, one verb-noun function each."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from comitia.plan import Plan
from comitia.plan.files import read_plan
from comitia.web.plans.convert import find_term, load_plan, save_plan, term_slug
from comitia.web.plans.models import Term


def load_plan_file(path: str | Path, *, replace: bool = False, publish: bool = False) -> Term:
    """Read the plan file at ``path`` and store it as a term, recorded in the audit trail.

    The term, its document and its meetings are drafts, seen only by its secretariat, chair
    and bureau, unless ``publish``: then all of them are public at once. A replaced term
    starts again as a draft (unless ``publish``), like any term loaded.

    Raise ``comitia.plan.files.PlanFileError`` for a file that is not a valid plan, and
    ``PlanLoadError`` if its term is already stored (unless ``replace``) or the database
    refuses it; in either case nothing is written.
    """
    from comitia.web.access import audit
    from comitia.web.access.models import Publication
    from comitia.web.access.operations import publish_plan

    plan = read_plan(path)
    slug = term_slug(plan.term)
    with transaction.atomic():
        existing = Term.objects.filter(slug=slug).first()
        before = audit.snapshot(existing)
        if existing is not None and replace:
            # A replaced term starts again as a draft: save_plan would carry its publication
            # over to the new plan, as it does the roles and proposals that point into it.
            Publication.objects.filter(term=existing).delete()
        term = save_plan(plan, replace=replace)
        audit.record(
            None,
            "replace" if before is not None else "load",
            term,
            before=before,
            after=audit.snapshot(term),
            term_slug=term.slug,
        )
        if publish:
            publish_plan(term, None)
    return term


def dump_term(name: str) -> Plan:
    """The plan of the term named ``name`` (such as ``csh-2019-2020``); PlanLoadError if none."""
    return load_plan(find_term(name))
