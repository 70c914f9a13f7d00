"""The draft resolution's page, and the amendments delegations propose on it.

Who may reach each view is the route's declared policy (``comitia.web.access.routes``); what a
reader sees is narrowed here (``visibility``): a draft hidden from them, or an amendment they
may not see, answers 404, as one that does not exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from comitia.checks import paragraph_coverage
from comitia.plan import ParagraphStatus
from comitia.plan.states import OAS_MEMBER_STATES
from comitia.render.document import LANGUAGES
from comitia.render.outline import Shown
from comitia.web.access.policy import Action, may, member_state
from comitia.web.checks.pages import today_in
from comitia.web.documents.being_printed import being_printed
from comitia.web.home.overview import display_language, term_name
from comitia.web.local_dates import local_date
from comitia.web.plans import models as m
from comitia.web.plans.kept_plans import kept_plan
from comitia.web.publication.visibility import visible_plan

from . import chart, dashboard, fragments, operations, pages, progress, revision_prints, revisions
from .forms import AmendmentForm, RevisionForm
from .history import STATUS_WORDS, paragraph_histories, status_word
from .models import (
    CONSULTATION_STATUSES,
    LANGUAGE_CHOICES,
    Amendment,
    DraftRevision,
    DraftRevisionDocument,
)
from .sheet import review_meetings
from .visibility import amendment_seen, visible_draft

LANGUAGE_CODES = [code for code, _ in LANGUAGE_CHOICES]


def _resolution(request: HttpRequest, slug: str, key: str) -> m.Resolution:
    """The draft resolution, if the reader may see it (404 otherwise)."""
    return visible_draft(request.user, slug, key)


def _back(resolution: m.Resolution, anchor: str = "") -> HttpResponse:
    address = reverse("negotiation:draft", args=[resolution.term.slug, resolution.key])
    return redirect(address + (f"#p-{anchor}" if anchor else ""))


class _BlankForm:
    """A blank ``AmendmentForm`` rendered once, given per paragraph with that paragraph's ids
    and a new token (the same HTML ``AmendmentForm(auto_id=f"id_%s_{pk}")`` prints)."""

    _PK = "0paragraph0"  # never in a form's own words: its labels, choices and names
    _TOKEN = "00000000-0000-0000-0000-000000000000"

    def __init__(self, lang: str) -> None:
        form = AmendmentForm(
            initial={"token": self._TOKEN, "language": lang}, auto_id=f"id_%s_{self._PK}"
        )
        self.html = str(form.as_p())

    def stamped(self, pk: int) -> _Stamped:
        html = self.html.replace(self._PK, str(pk)).replace(self._TOKEN, str(uuid.uuid4()))
        return _Stamped(mark_safe(html))  # the form's own markup, escaped when rendered


@dataclass(frozen=True)
class _Stamped:
    html: SafeString

    def as_p(self) -> SafeString:
        return self.html


def _page(
    request: HttpRequest,
    stored: m.Resolution,
    *,
    form: AmendmentForm | None = None,
    form_for: int | None = None,
    conflict: operations.AmendmentConflict | None = None,
    status: int = 200,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    term = stored.term
    lang = display_language(get_language() or "en")
    plan = visible_plan(request.user, term, kept_plan(term))
    held = next((r for r in plan.resolutions if r.id == stored.key), None)
    if held is None:
        raise Http404(_("The term has no draft resolution of that name."))
    filters = pages.Filters.of(request.GET)
    rows = {
        (kind, number): (pk, version)
        for pk, kind, number, version in m.Paragraph.objects.filter(resolution=stored)
        .order_by()
        .values_list("pk", "kind", "number", "version")
    }
    leads = {
        rows[(p.kind.value, p.number)][0]: p.leads
        for p in held.paragraphs
        if (p.kind.value, p.number) in rows
    }
    insider = may(request.user, Action.VIEW_DRAFT, term)
    state = member_state(request.user)
    amendments: dict[int, list[pages.AmendmentLine]] = {}
    incorporated: dict[tuple[int, int], str] = {}
    for amendment in Amendment.objects.filter(paragraph__resolution=stored):
        if amendment.made_version is not None:
            incorporated[(amendment.paragraph_id, amendment.made_version)] = amendment.language
        if amendment_seen(
            amendment, list(leads.get(amendment.paragraph_id, [])), insider=insider, state=state
        ):
            amendments.setdefault(amendment.paragraph_id, []).append(
                pages.amendment_line(amendment, lang)
            )
    today = today_in(term)
    coverage = paragraph_coverage(plan, today=today)
    seen = {line.amendment.pk for lines in amendments.values() for line in lines}
    show_who = insider or state is not None
    lines = paragraph_histories(stored, lang=lang, seen=seen, show_who=show_who)
    sections = pages.draft_sections(
        plan,
        held,
        lang,
        filters,
        rows=rows,
        citing=pages.citing_items(coverage, lang),
        amendments=amendments,
        incorporated=incorporated,
        mandates=pages.updated_mandates(coverage, lang),
        history=lines,
    )
    issued = revisions.revisions_of(stored)
    # As ``revisions.next_number`` counts, from the rows just read.
    next_revision = max([stored.revision, *(r.number for r in issued)]) + 1
    can_decide = may(request.user, Action.EDIT_CALENDAR, term)
    can_propose = bool(state) and may(request.user, Action.PROPOSE, term)
    if can_propose:
        # A form per paragraph, with its own ids (so that each label names its own field)
        # and its own token; the one that failed keeps what was typed. The blank one is
        # rendered once and stamped with each paragraph's ids and token: rendering 200 forms
        # was most of a delegation's page.
        blank = _BlankForm(lang)
        for section in sections:
            for line in section.paragraphs:
                if line.pk is None:
                    continue
                line.amend_form = (
                    form if form is not None and form_for == line.pk else blank.stamped(line.pk)
                )
    draft_url = reverse("negotiation:draft", args=[term.slug, stored.key])
    leads_for = _number(request.GET.get("leads", ""))
    extra = extra or {}
    consultation_statuses = [(code, str(STATUS_WORDS[code])) for code in CONSULTATION_STATUSES]
    # What the paragraph template reads besides the paragraph; the forms being corrected
    # (``fresh``) only on their own paragraph, which is printed afresh.
    fragments.paragraphs_html(
        (line for section in sections for line in section.paragraphs),
        {
            "term": term,
            "resolution": stored,
            "draft_url": draft_url,
            "filters_query": filters.as_query(),
            "member_state": state or "",
            "can_propose": can_propose,
            "can_decide": can_decide,
            "consultation_statuses": consultation_statuses,
            "languages": LANGUAGE_CODES,
            "lang": lang,
            "today": today.isoformat(),
        },
        fresh={
            "form_for": form_for,
            "leads_for": leads_for,
            "states": leads_choices(lang) if can_decide else [],
            **extra,
        },
        fresh_pks={
            form_for,
            leads_for,
            extra.get("consult_form_for"),
            extra.get("leads_conflict_for"),
        },
    )
    all_leads = sorted({code for p in held.paragraphs for code in p.leads})
    context: dict[str, Any] = {
        "term": term,
        "term_name": term_name(plan, lang),
        "resolution": stored,
        "label": held.label,
        "title": Shown.of(held.title, lang),
        "sections": sections,
        "filters": filters,
        "section_choices": [
            (s.id, Shown.of(s.title, lang).text if s.title else s.id) for s in held.sections
        ],
        "status_choices": [(s.value, pages.STATUS_WORDS[s]) for s in ParagraphStatus],
        "lead_choices": [(code, pages._lead_name(code, lang)) for code in all_leads],
        "no_lead": pages.NO_LEAD,
        "draft_url": draft_url,
        "filters_query": filters.as_query(),
        "leads_for": leads_for,
        "member_state": state or "",
        "can_propose": can_propose,
        "can_decide": can_decide,
        "insider": insider,
        "review_meetings": review_meetings(plan, today) if insider else [],
        "consultation_statuses": consultation_statuses,
        "languages": LANGUAGE_CODES,
        "today": today.isoformat(),
        "lang": lang,
        "new_token": uuid.uuid4(),
        "form": form,
        "form_for": form_for,
        "conflict": conflict,
        "conflict_lines": (
            [pages.amendment_line(a, lang) for a in conflict.since] if conflict else []
        ),
        "conflict_line": pages.amendment_line(conflict.amendment, lang) if conflict else None,
        "conflict_runs": pages.shown_runs(conflict.current) if conflict else [],
        "revisions": issued,
        "revision_form": RevisionForm(
            initial={"number": next_revision, "issued_on": today_in(term)}
        ),
        "next_revision": next_revision,
        **extra,
    }
    answer = render(request, "negotiation/draft.html", context, status=status)
    answer.content = fragments.stamped(
        answer.content, csrf_token=get_token(request), new_token=str(context["new_token"])
    )
    return answer


def _number(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def leads_choices(lang: str) -> list[tuple[str, str]]:
    """Every member state as (code, name in ``lang``), by name."""
    return sorted(
        ((code, pages._lead_name(code, lang)) for code in OAS_MEMBER_STATES),
        key=lambda pair: pair[1],
    )


@require_safe
def draft(request: HttpRequest, slug: str, resolution: str) -> HttpResponse:
    return _page(request, _resolution(request, slug, resolution))


@require_POST
def propose(request: HttpRequest, slug: str, resolution: str, paragraph_id: int) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    state = member_state(request.user)
    if not state:
        raise PermissionDenied
    paragraph = get_object_or_404(
        m.Paragraph.objects.select_related("resolution__term"),
        resolution=stored,
        pk=paragraph_id,
    )
    form = AmendmentForm(request.POST)
    if not form.is_valid():
        return _page(request, stored, form=form, form_for=paragraph.pk, status=400)
    try:
        operations.propose_amendment(
            paragraph, state, form.cleaned_data, request.user, token=form.cleaned_data["token"]
        )
    except operations.AmendmentError:
        return _page(request, stored, form=form, form_for=paragraph.pk, status=400)
    messages.success(request, _("Your amendment was sent to the secretariat."))
    return _back(stored, paragraph.number)


def _amendment(request: HttpRequest, stored: m.Resolution, amendment_id: int) -> Amendment:
    amendment = get_object_or_404(
        Amendment.objects.select_related("paragraph__resolution__term"),
        paragraph__resolution=stored,
        pk=amendment_id,
    )
    seen = amendment_seen(
        amendment,
        list(amendment.paragraph.leads),
        insider=may(request.user, Action.VIEW_DRAFT, stored.term),
        state=member_state(request.user),
    )
    if not seen:
        raise Http404(_("No amendment has that number."))
    return amendment


@require_POST
def withdraw(request: HttpRequest, slug: str, resolution: str, amendment_id: int) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    amendment = _amendment(request, stored, amendment_id)
    state = member_state(request.user) or ""
    if amendment.member_state != state:
        raise PermissionDenied
    try:
        operations.withdraw_amendment(amendment, state, request.user)
    except operations.AmendmentError:
        messages.error(request, _("This amendment can no longer be withdrawn."))
    else:
        messages.success(request, _("Your amendment was withdrawn."))
    return _back(stored, amendment.paragraph.number)


@require_POST
def share(request: HttpRequest, slug: str, resolution: str, amendment_id: int) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    amendment = _amendment(request, stored, amendment_id)
    try:
        operations.share_amendment(amendment, request.user)
    except operations.AmendmentError:
        messages.error(request, _("This amendment is already shared."))
    else:
        messages.success(request, _("The amendment is shared with every delegation."))
    return _back(stored, amendment.paragraph.number)


@require_POST
def decide(request: HttpRequest, slug: str, resolution: str, amendment_id: int) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    amendment = _amendment(request, stored, amendment_id)
    outcome = request.POST.get("outcome", "")
    try:
        if outcome == Amendment.Status.INCORPORATED:
            operations.incorporate_amendment(amendment, request.user)
            messages.success(request, _("The amendment was incorporated into the paragraph."))
        elif outcome in operations.RECORDED:
            operations.record_outcome(amendment, outcome, request.user)
            messages.success(request, _("The outcome was recorded."))
        else:
            messages.error(request, _("Choose an outcome."))
    except operations.AmendmentConflict as conflict:
        return _page(request, stored, conflict=conflict, status=409)
    except operations.AmendmentError as error:
        messages.error(request, _("Nothing was changed: %(reason)s") % {"reason": error})
    return _back(stored, amendment.paragraph.number)


# -- revisions of the draft (``revisions``) ---------------------------------------------------


def _revision(stored: m.Resolution, number: int) -> DraftRevision:
    return get_object_or_404(
        DraftRevision, term_slug=stored.term.slug, resolution_key=stored.key, number=number
    )


def _download(printed: revisions.Printed) -> HttpResponse:
    response = HttpResponse(printed.content, content_type=printed.media_type)
    response["Content-Disposition"] = f'attachment; filename="{printed.filename}"'
    return response


@require_POST
def issue(request: HttpRequest, slug: str, resolution: str) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    form = RevisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("No revision was issued: give its number and date."))
        return _back(stored)
    try:
        revision = revisions.issue_revision(
            stored,
            request.user,
            issued_on=form.cleaned_data["issued_on"],
            number=form.cleaned_data["number"],
        )
    except revisions.RevisionConflict:
        messages.error(
            request, _("This revision was issued already; the page shows the revisions now.")
        )
        return _back(stored)
    except revisions.RevisionError:
        messages.error(
            request, _("No revision was issued: the draft has no document symbol to number.")
        )
        return _back(stored)
    messages.success(request, _("%(symbol)s was issued.") % {"symbol": revision.symbol})
    return redirect(
        reverse("negotiation:revision", args=[stored.term.slug, stored.key, revision.number])
    )


@require_safe
def revision(request: HttpRequest, slug: str, resolution: str, rev: int) -> HttpResponse:
    """Revision ``rev`` of the draft compared with the one before, paragraph by paragraph."""
    stored = _resolution(request, slug, resolution)
    issued = _revision(stored, rev)
    lang = display_language(get_language() or "en")
    plan, held = revisions.revision_draft(issued)
    before, lines = revisions.compared_lines(issued, lang)
    context: dict[str, Any] = {
        "term": stored.term,
        "resolution": stored,
        "revision": issued,
        "before": before,
        "title": Shown.of(held.title, lang),
        "sections": pages.compared_sections(plan, held, lines, lang),
        "counts": pages.change_counts(lines),
        "languages": LANGUAGES,
        "formats": revisions.REVISION_FORMATS,
    }
    return render(request, "negotiation/revision.html", context)


@require_safe
def revision_file(
    request: HttpRequest, slug: str, resolution: str, rev: int, lang: str, fmt: str
) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    issued = _revision(stored, rev)
    if lang not in LANGUAGES or fmt not in revisions.REVISION_FORMATS:
        raise Http404(_("No such document."))
    return _revision_document(
        request, stored, issued, DraftRevisionDocument.Kind.REVISION, fmt, lang
    )


@require_safe
def revision_changes(
    request: HttpRequest, slug: str, resolution: str, rev: int, lang: str
) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    issued = _revision(stored, rev)
    if lang not in LANGUAGES:
        raise Http404(_("No such document."))
    try:
        return _revision_document(
            request, stored, issued, DraftRevisionDocument.Kind.CHANGES, "docx", lang
        )
    except revisions.RevisionError:
        raise Http404(_("This is the first revision issued: it has no changes to show.")) from None


def _revision_document(
    request: HttpRequest,
    stored: m.Resolution,
    issued: DraftRevision,
    kind: DraftRevisionDocument.Kind,
    fmt: str,
    lang: str,
) -> HttpResponse:
    """The revision's document as stored, or the page that says the worker is printing it."""
    printed = revision_prints.download(issued, kind, fmt, lang)
    if printed is not None:
        return _download(printed)
    if kind is DraftRevisionDocument.Kind.CHANGES:
        name = _("The comparison of %(symbol)s with the revision before") % {
            "symbol": issued.symbol
        }
    else:
        name = issued.symbol
    back = reverse("negotiation:revision", args=[stored.term.slug, stored.key, issued.number])
    return being_printed(
        request, stored.term, fmt, lang, document=name, back=(back, _("Back to the revision"))
    )


@require_safe
def amendment_changes(
    request: HttpRequest, slug: str, resolution: str, amendment_id: int
) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    amendment = _amendment(request, stored, amendment_id)
    return _download(revisions.amendment_docx(amendment, revisions.draft_label(stored)))


def _status_name(status: ParagraphStatus | None) -> str:
    return status_word(status.value if status is not None else None)


def _count_cells(counts: progress.Counts) -> list[int]:
    return [n for _status, n in counts.by_status]


@require_safe
def dashboard_page(request: HttpRequest, slug: str, resolution: str) -> HttpResponse:
    """The draft's negotiation at a glance (``dashboard``)."""
    stored = _resolution(request, slug, resolution)
    term = stored.term
    lang = display_language(get_language() or "en")
    plan = visible_plan(request.user, term, dashboard.draft_plan(term, stored))
    held = next((r for r in plan.resolutions if r.id == stored.key), None)
    if held is None:
        raise Http404(_("The term has no draft resolution of that name."))
    board = dashboard.build(request.user, stored, plan, held, today_in(term))
    titles = pages.section_titles(plan, held, lang)
    statuses = [(s.value if s else "none", _status_name(s)) for s in progress.ORDER]
    rows = [
        chart.Row(
            local_date(session.date, lang),
            tuple(
                chart.Segment(code, name, n)
                for (code, name), n in zip(statuses, _count_cells(counts), strict=True)
            ),
        )
        for session, counts in board.after_sessions
    ]
    svg = ""
    if rows:
        svg = chart.stacked_chart(
            "status-chart",
            _("Paragraphs by status after each formal session"),
            _(
                "One bar per formal session held, from the first; each bar is divided by "
                "status. The table below gives the same figures."
            ),
            rows,
            statuses,
        )
    context: dict[str, Any] = {
        "term": term,
        "term_name": term_name(plan, lang),
        "resolution": stored,
        "label": held.label,
        "title": Shown.of(held.title, lang),
        "statuses": statuses,
        "sections": [
            (titles.get(key, key) if key else _("No section"), _count_cells(c), c)
            for key, c in board.sections
        ],
        "total": board.total,
        "total_cells": _count_cells(board.total),
        # Built by chart.stacked_chart, which escapes every text it draws.
        "chart": mark_safe(svg),
        "after_sessions": [
            (session, _count_cells(counts), counts) for session, counts in board.after_sessions
        ],
        "board": board,
        "draft_url": reverse("negotiation:draft", args=[term.slug, stored.key]),
        "open_rows": [
            (
                p,
                titles.get(p.section, p.section),
                _status_name(p.status),
                [pages._lead_name(code, lang) for code in p.leads],
            )
            for p in board.still_open
        ],
        "no_lead_rows": [(p, _status_name(p.status)) for p in board.without_lead],
        "awaiting": [
            (a, pages._lead_name(a.member_state, lang), Amendment.Kind(a.kind).label)
            for a in board.awaiting
        ],
    }
    return render(request, "negotiation/dashboard.html", context)
