"""Storing a plan for tests that read it as the public does: a stored plan is a draft until
published, so these tests publish it explicitly."""

from __future__ import annotations

from comitia.plan import Plan
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan, term_slug
from comitia.web.publication.models import Publication
from comitia.web.publication.operations import publish_plan


def store_published(plan: Plan, *, replace: bool = False) -> m.Term:
    """``plan`` stored (in place of its term, with ``replace``) and published with its
    document and meetings."""
    if replace:
        Publication.objects.filter(term__slug=term_slug(plan.term)).delete()
    term = save_plan(plan, replace=replace)
    publish_plan(term, None)
    return term


def committed() -> None:
    """Forget that the test's transaction raised output versions, and draw the public's
    answers a new generation, as if what it wrote so far were committed: outputs are not kept
    while their term's raise is pending, and a test runs inside one transaction."""
    from django.db import connection

    from comitia.web.plans.output_version import _AnswersChanged, _Raised

    for _, callback, _ in connection.run_on_commit:
        if isinstance(callback, _AnswersChanged):
            callback()  # the generation of the public's kept answers, drawn anew
    connection.run_on_commit = [
        c for c in connection.run_on_commit if not isinstance(c[1], (_Raised, _AnswersChanged))
    ]
