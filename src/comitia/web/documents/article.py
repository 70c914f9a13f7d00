"""The current plan as HTML on its document page, built once for each state of the plan and
kept in the process.

Building it means reading and validating the whole plan, laying out the document and writing
its HTML: some 40 ms on the model plan, 0.7 s on a plan eighteen times larger. A kept article is
known by what it was made from (``article_key``), so it is never out of date, only forgotten,
least recently used first, as the printed documents are (``printed``).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.apps import apps
from django.db import connection

from comitia.render.document import build_document
from comitia.render.html.writer import render_article
from comitia.web.access.visibility import viewer_level, visible_plan
from comitia.web.kept import Kept
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan, term_rows

Key = tuple[int, str, str, str]

# The model plan's article is about 0.1 MiB a language; one eighteen times larger, 1 MiB.
ARTICLES: Kept[Key, str] = Kept(budget=32 * 2**20)


def plan_article(term: m.Term, user: Any, lang: str) -> str:
    """The current plan of ``term`` as ``user`` may see it, as an HTML article in ``lang``.
    The caller has checked that ``user`` may see the current document."""
    key = article_key(term, user, lang)
    article = ARTICLES.get(key)
    if article is None:
        plan = visible_plan(user, term, load_plan(term))
        article = render_article(build_document(plan, lang))
        article = ARTICLES.keep(key, article, len(article))
    return article


def article_key(term: m.Term, user: Any, lang: str) -> Key:
    """What the article is made from: the term's stored rows, the reader's level on the term
    (which, with the meetings' own levels among the rows, says which meetings they see) and
    the language.

    The one place to change when the term carries a version raised by every write to what its
    outputs show (issue 14, point 1): the key becomes (term, that version, level, language),
    and reading every row to make it (some 30 ms on 1,044 events) is no longer needed.
    """
    return (term.pk, rows_digest(term), viewer_level(user, term).value, lang)


def rows_digest(term: m.Term) -> str:
    """A digest of every stored row of ``term``'s plan, as the database gives them: any change
    to a row, a row added or a row removed gives another digest. Read raw, without model
    instances or decoding JSON, at a tenth of the cost of reading the plan."""
    digest = hashlib.sha256()
    querysets = [m.Term.objects.filter(pk=term.pk)] + [
        term_rows(model, term)
        for model in apps.get_app_config("plans").get_models()
        if model is not m.Term
    ]
    with connection.cursor() as cursor:
        for queryset in querysets:
            sql, params = queryset.values_list().query.sql_with_params()
            cursor.execute(sql, params)
            digest.update(repr(cursor.fetchall()).encode("utf-8"))
    return digest.hexdigest()
