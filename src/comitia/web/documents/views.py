"""The plan as a document on the web: its page, downloads, revisions and their comparison, and
who sees the current document and each revision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from comitia.plan import Plan
from comitia.plan import PlanDocument as PlanEntityDocument
from comitia.render.document import LANGUAGES
from comitia.render.document.changes import describe
from comitia.render.formats import DOCUMENT_FORMATS
from comitia.render.html.writer import stylesheet
from comitia.revisions import compare
from comitia.web.access.policy import Action, may
from comitia.web.access.versions import StaleVersion
from comitia.web.documents import claims, revision_prints
from comitia.web.documents.article import plan_article
from comitia.web.documents.being_printed import LANGUAGE_NAMES, being_printed, format_names
from comitia.web.documents.models import Revision
from comitia.web.documents.operations import (
    ApprovalBlocked,
    ApprovalConflict,
    Printed,
    approve_revision,
    media_type,
    next_revision_number,
    plan_filename,
    revision_plan,
    set_revision_visibility,
    suggested_symbol,
)
from comitia.web.documents.printed import asked_formats, key_for, request_print, stored
from comitia.web.documents.visibility import visible_revisions
from comitia.web.levels import Visibility
from comitia.web.plans.convert import PlanLoadError, find_term, load_plan
from comitia.web.plans.models import PlanDocument, Term
from comitia.web.publication.operations import set_document_visibility
from comitia.web.publication.views import based_on, changed, refuse_stale, requested_level
from comitia.web.publication.visibility import may_see_document, viewer_level, visible_plan
from comitia.web.responses import cached_page


def _term(slug: str) -> Term:
    try:
        return find_term(slug)
    except PlanLoadError:
        raise Http404(_("No term has that name.")) from None


def _lang(request: HttpRequest) -> str:
    wanted = request.GET.get("lang") or (get_language() or "en")[:2]
    return wanted if wanted in LANGUAGES else "en"


def _download(printed: Printed) -> HttpResponse:
    response = HttpResponse(printed.content, content_type=printed.media_type)
    response["Content-Disposition"] = f'attachment; filename="{printed.filename}"'
    return response


def _revision(request: HttpRequest, term: Term, number: int) -> Revision:
    """The term's revision ``number``: 404 if there is none or the reader may not see it."""
    revision = visible_revisions(request.user, term).filter(number=number).first()
    if revision is None:
        raise Http404(_("No revision has that number."))
    return revision


def _current_plan(request: HttpRequest, term: Term) -> Plan:
    """The current plan as the reader may see it; 404 if the current document is hidden
    from them."""
    if not may_see_document(request.user, term):
        raise Http404(_("The current document is not published."))
    return visible_plan(request.user, term, load_plan(term))


def _formats() -> list[tuple[str, str]]:
    """The download formats, with their names in the reader's language."""
    names = format_names()
    return [(fmt, names[fmt]) for fmt in DOCUMENT_FORMATS]


def plan_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The work plan as a document, in the language asked for, with its downloads."""
    term = _term(slug)
    shown = may_see_document(request.user, term)
    # What the downloads say (ready, being printed) changes when a print ends, not with the
    # term's version: it is part of the kept page's key.
    asked = asked_formats(term, viewer_level(request.user, term)) if shown else {}

    def context() -> dict[str, Any]:
        lang = _lang(request)
        document = PlanDocument.objects.filter(term=term).first()
        stated = _stated(document if shown else None)
        number = next_revision_number(slug, stated)
        context = {
            "next_number": number,
            "next_symbol": suggested_symbol(stated, number),
            "term": term,
            "lang": lang,
            "languages": _download_rows(asked) if shown else [],
            "formats": _formats(),
            "shown": shown,
            "article": plan_article(term, request.user, lang) if shown else "",
            "stylesheet": stylesheet(),
            "revisions": list(visible_revisions(request.user, term).order_by("-number")),
            "can_approve": may(request.user, Action.APPROVE_REVISION, term),
            "can_publish": may(request.user, Action.PUBLISH, term),
            "document": document,
            "visibility_choices": Visibility.choices,
            "today": dt.date.today().isoformat(),
        }
        return context

    # The language is asked for in the address (part of the key); the page offers approving
    # and publishing to those who may (their forms are never kept).
    variant = (
        *(may(request.user, a, term) for a in (Action.APPROVE_REVISION, Action.PUBLISH)),
        tuple(sorted(asked.items())),
    )
    response: HttpResponse = cached_page(
        request, term, "documents/plan.html", context, variant=variant
    )
    return response


def _download_rows(asked: dict[tuple[str, str], str]) -> list[tuple[str, str, list[Any]]]:
    """Each language, named in itself, with each format and its state for this reader
    (``asked``, by format and language): "ready" (printed), "printing" (queued or being
    printed) or "" (printed when asked for)."""
    return [
        (
            code,
            LANGUAGE_NAMES.get(code, code),
            [(fmt, label, asked.get((fmt, code), "")) for fmt, label in _formats()],
        )
        for code in LANGUAGES
    ]


def _stated(document: PlanDocument | None) -> Plan:
    """A plan that holds only ``document`` (as the reader may see it): all that
    ``next_revision_number`` and ``suggested_symbol`` read of a plan, without reading and
    validating the whole plan for two fields of one row."""
    # model_construct builds these partial plans on purpose, without the required fields.
    if document is None:
        return Plan.model_construct(document=None)  # type: ignore[call-arg]
    return Plan.model_construct(  # type: ignore[call-arg]
        document=PlanEntityDocument.model_construct(  # type: ignore[call-arg]
            symbol=document.symbol, revision=document.revision
        )
    )


def download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt not in DOCUMENT_FORMATS:
        raise Http404(_("No such format."))
    term = _term(slug)
    if not may_see_document(request.user, term):
        raise Http404(_("The current document is not published."))
    lang = _lang(request)
    key = key_for(term, fmt, lang, viewer_level(request.user, term))
    content = claims.stored_or_asked(lambda: stored(key), lambda: request_print(key))
    if content is None:
        return being_printed(request, term, fmt, lang)
    return _download(Printed(content, media_type(fmt), plan_filename(slug, fmt, lang)))


def revision_download(request: HttpRequest, slug: str, number: int, fmt: str) -> HttpResponse:
    if fmt not in DOCUMENT_FORMATS:
        raise Http404(_("No such format."))
    term = _term(slug)
    revision = _revision(request, term, number)
    lang = _lang(request)
    printed = revision_prints.download(revision, fmt, lang)
    if printed is None:
        return being_printed(request, term, fmt, lang, document=revision.symbol)
    return _download(printed)


def _bad_approval(request: HttpRequest, term: Term, problem: str) -> HttpResponse:
    context = {"term": term, "problem": problem, "findings": []}
    return render(request, "documents/approve_refused.html", context, status=400)


@require_POST
def approve(request: HttpRequest, slug: str) -> HttpResponse:
    term = _term(slug)
    symbol = request.POST.get("symbol", "").strip()
    try:
        approved_on = dt.date.fromisoformat(request.POST.get("date", ""))
    except ValueError:
        approved_on = None
    if not symbol or approved_on is None:
        return _bad_approval(request, term, _("Give the revision's symbol and date."))
    # The number the form was opened with, if any; str.isdigit() alone would take "²", which
    # int() refuses.
    stated_number = request.POST.get("number", "").strip()
    if stated_number and not (
        stated_number.isascii() and stated_number.isdigit() and len(stated_number) <= 9
    ):
        return _bad_approval(request, term, _("The revision number must be a whole number."))
    try:
        revision = approve_revision(
            term,
            symbol=symbol,
            approved_on=approved_on,
            user=request.user,
            override_reason=request.POST.get("override_reason", ""),
            number=int(stated_number) if stated_number else None,
        )
    except ApprovalConflict:
        return render(
            request,
            "documents/approve_refused.html",
            {
                "term": term,
                "problem": _(
                    "This revision is already approved (sent twice, or approved by someone else "
                    "at the same time); nothing more was recorded."
                ),
                "findings": [],
            },
            status=409,
        )
    except ApprovalBlocked as blocked:
        lang = _lang(request)
        return render(
            request,
            "documents/approve_refused.html",
            {
                "term": term,
                "problem": _(
                    "The plan has errors. Correct them, or give a reason to approve it anyway."
                ),
                "findings": [f.message(lang) for f in blocked.findings],
            },
            status=409,
        )
    return redirect(reverse("documents:plan", args=[slug]) + f"#rev-{revision.number}")


@require_safe
def comparison(request: HttpRequest, slug: str) -> HttpResponse:
    """What changed from revision ``a`` to revision ``b`` (or to the current plan)."""
    term = _term(slug)
    lang = _lang(request)
    try:
        first = _revision(request, term, int(request.GET.get("a", "")))
    except ValueError:
        raise Http404(_("Choose the revisions to compare.")) from None
    second_number = request.GET.get("b", "current")
    if second_number == "current":
        newer, newer_label = _current_plan(request, term), _("the current plan")
    else:
        try:
            second = _revision(request, term, int(second_number))
        except ValueError:
            raise Http404(_("Choose the revisions to compare.")) from None
        newer, newer_label = revision_plan(second), second.symbol
    changes = [describe(c, lang) for c in compare(revision_plan(first), newer)]
    context = {
        "term": term,
        "first": first,
        "newer_label": newer_label,
        "changes": changes,
        "lang": lang,
    }
    return render(request, "documents/compare.html", context)


@require_POST
def visibility(request: HttpRequest, slug: str) -> HttpResponse:
    """Set the current plan document (or, with ``revision``, an approved revision) to draft,
    shared with member states or public."""
    level = requested_level(request)
    number = request.POST.get("revision", "")
    try:
        if number.isdigit():
            revision = get_object_or_404(Revision, term_slug=slug, number=int(number))
            set_revision_visibility(revision, level, request.user)
        else:
            document = get_object_or_404(
                PlanDocument.objects.select_related("term"), term__slug=slug
            )
            set_document_visibility(document, level, request.user, based_on=based_on(request))
    except StaleVersion as error:
        refuse_stale(request, error)
    else:
        changed(request, level)
    return redirect("documents:plan", slug)
