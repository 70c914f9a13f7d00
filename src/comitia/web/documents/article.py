"""The current plan as HTML on its document page, built once for each state of the plan and
kept in Django's cache, shared by the machine's processes (settings.CACHES).

Building it means reading and validating the whole plan, laying out the document and writing
its HTML: some 40 ms on the model plan, 0.7 s on a plan eighteen times larger. A kept article is
known by what it was made from (``article_key``: the term as of its output version, the
reader's level, the language), so it is never out of date, only forgotten.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache

from comitia.render.document import build_document
from comitia.render.html.writer import render_article
from comitia.web.fingerprint import output_key
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from comitia.web.plans.output_version import output_version_pending
from comitia.web.publication.visibility import viewer_level, visible_plan

Key = tuple[int, int, str, str]

# Forgotten after a day unread at the latest; a change to the plan makes another key anyway.
KEPT_SECONDS = 24 * 3600


def plan_article(term: m.Term, user: Any, lang: str) -> str:
    """The current plan of ``term`` (as read, with its output version) as ``user`` may see it,
    as an HTML article in ``lang``. The caller has checked that ``user`` may see the current
    document."""
    name = output_key("article", article_key(term, user, lang))
    article = cache.get(name)
    if article is None:
        plan = visible_plan(user, term, load_plan(term))
        article = render_article(build_document(plan, lang))
        # Rows that this transaction wrote are not committed yet, and may roll back.
        if not output_version_pending(term.pk):
            cache.set(name, article, KEPT_SECONDS)
    return str(article)


def article_key(term: m.Term, user: Any, lang: str) -> Key:
    """What the article is made from: the term as of its output version (raised by every write
    to what its outputs show), the reader's level on the term (which, with the meetings' own
    levels among the rows, says which meetings they see) and the language."""
    return (term.pk, term.output_version, viewer_level(user, term).value, lang)
