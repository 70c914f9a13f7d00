"""The draft page's paragraphs as HTML, each kept by what it was made from.

A 200-paragraph draft with 300 amendments is some 100,000 template nodes: rendering it took
most of the page's time, for every reader and after every write, although a write changes one
paragraph at most. So each paragraph's ``<article>`` is rendered on its own and kept in this
process under a digest of everything its template reads: the paragraph's line (text, status,
leads, history, the amendments this reader may see), the reader's powers, the language, the
page's filters. Whatever changes any of it makes another digest: nothing has to be forgotten
when something is written, and two readers who would be shown the same paragraph share it.
The templates and catalogs are not in the digest: they change only with a new release, which
starts new processes, and what a process keeps goes with it.

What must differ between answers is left out of the kept HTML and put in afterwards: the CSRF
token (per session), the amendment form's fresh token and ids (``amend_form_slot``) and the
consultation forms' token (``NEW_TOKEN``). A paragraph carrying a form being corrected (a
failed submission, a conflict) is rendered afresh, never kept.
"""

from __future__ import annotations

import dataclasses
import hashlib
import secrets
from collections.abc import Container, Iterable, Mapping
from typing import Any

from django.db.models import Model
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from comitia.web.kept import Kept

from .pages import ParagraphLine

TEMPLATE = "negotiation/paragraph.html"
# Stand-ins printed where each answer's own values go, drawn anew by each process (which keeps
# its own paragraphs): no text a user writes can know them, so none is ever replaced.
CSRF_TOKEN = f"csrf-{secrets.token_hex(16)}"
NEW_TOKEN = f"token-{secrets.token_hex(16)}"
AMEND_FORM = f"<!--amend-form-{secrets.token_hex(16)}-->"
_AMEND_FORM_SLOT = mark_safe(AMEND_FORM)  # printed as it is, not escaped

# The paragraphs of a few large drafts in a few languages and for a few kinds of reader.
_kept: Kept[str, str] = Kept(budget=48 * 1024 * 1024)


def _page_key(page: Mapping[str, Any]) -> str:
    """``page``'s values as text for the digest (a model by its name and primary key)."""
    return repr(
        sorted(
            (name, (value._meta.label, value.pk, str(value)) if isinstance(value, Model) else value)
            for name, value in page.items()
        )
    )


def digest(line: ParagraphLine, page_key: str) -> str:
    """The key of ``line`` printed on a page whose other values are ``page_key``: the line's
    fields (their dataclasses' own ``repr``, plain values all through) and, for each
    amendment, what the page prints of it."""
    fields = tuple(
        (f.name, getattr(line, f.name))
        for f in dataclasses.fields(line)
        if f.name not in _NOT_SHOWN
    )
    amendments = tuple(amendment.made_of for amendment in line.amendments)
    made_of = repr((fields, amendments, page_key))
    return hashlib.sha256(made_of.encode()).hexdigest()


# Not part of a line's digest: its amendments go by what is printed of them, and the form
# and the HTML are put in afterwards or are the result.
_NOT_SHOWN = frozenset({"amendments", "amend_form", "html"})


def paragraphs_html(
    lines: Iterable[ParagraphLine],
    page: Mapping[str, Any],
    *,
    fresh: Mapping[str, Any],
    fresh_pks: Container[int | None],
) -> None:
    """Set each line's ``html``, printed with ``page``'s values: kept if printed before from
    the same, printed and kept if not. A line whose pk is in ``fresh_pks`` (it carries a form
    being corrected) is printed afresh, with ``fresh``'s values over ``page``'s, and not kept.
    ``page`` is everything the paragraph template reads besides the line, stand-ins included.
    """
    template = get_template(TEMPLATE)
    # The active language too: the template's own words are in it.
    page = {**page, "csrf_token": CSRF_TOKEN, "new_token": NEW_TOKEN, "active": get_language()}
    page_key = _page_key(page)
    for line in lines:
        form = line.amend_form.as_p() if line.amend_form is not None else ""
        if line.pk in fresh_pks:
            line.html = mark_safe(
                template.render({**page, **fresh, "p": line, "amend_form_slot": form})
            )
            continue
        key = digest(line, page_key)
        html = _kept.get(key)
        if html is None:
            html = template.render({**page, "p": line, "amend_form_slot": _AMEND_FORM_SLOT})
            _kept.keep(key, html, len(html))
        line.html = mark_safe(html.replace(AMEND_FORM, form) if form else html)


def stamped(html: bytes, *, csrf_token: str, new_token: str) -> bytes:
    """The page ``html`` with this answer's own tokens in place of the stand-ins."""
    return html.replace(CSRF_TOKEN.encode(), csrf_token.encode()).replace(
        NEW_TOKEN.encode(), new_token.encode()
    )
