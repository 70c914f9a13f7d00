"""The session sheet of a formal review meeting (``sheet``): the paragraphs in the draft's
order, each with its text, its pending amendments and a form for the decision taken in the
room, posted one paragraph at a time (no script needed).

A meeting that is not one of the formal review has no sheet (404). The page is for those who
see the term's drafts; recording is the secretariat's (``comitia.web.access.routes``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from comitia.plan import Meeting, ParagraphStatus
from comitia.render.outline import Shown
from comitia.web.access.policy import Action, may
from comitia.web.checks.pages import today_in
from comitia.web.home.overview import display_language, term_name
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan

from . import operations, pages
from .forms import SHEET_DECISION_LABELS, DecisionForm
from .history import STATUS_WORDS, history_lines
from .models import LANGUAGE_CHOICES, Amendment, ParagraphEvent
from .operations import paragraph_text
from .sheet import SheetConflict, SheetError, record_decision, review_meetings
from .views import _resolution


@dataclass
class SheetRow:
    """One paragraph on the sheet, with what its form needs."""

    line: pages.ParagraphLine
    language: str  # the language its form's text is in
    stored_text: str  # its text in that language, as stored (brackets as [[ ]])
    status: str  # its status code now ("" for none)
    pending: list[pages.AmendmentLine]
    decided_here: list[Any]  # history lines of this meeting
    error: str = ""
    conflict: SheetConflict | None = None
    amendment_conflict: operations.AmendmentConflict | None = None
    sent: dict[str, str] = field(default_factory=dict)


def _meeting(plan_meetings: list[Meeting], stored: m.Resolution, key: str) -> m.Meeting:
    if key not in {x.id for x in plan_meetings}:
        raise Http404(_("This meeting is not one of the formal review of the draft."))
    return get_object_or_404(m.Meeting.objects.select_related("term"), term=stored.term, key=key)


def _sheet_page(
    request: HttpRequest,
    stored: m.Resolution,
    key: str,
    *,
    failed: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The sheet of meeting ``key``; ``failed``: the row whose post failed (``pk``) and what
    to show on it (``error``, ``conflict``, ``amendment_conflict``, ``sent``)."""
    term = stored.term
    lang = display_language(get_language() or "en")
    plan = load_plan(term)
    today = today_in(term)
    meetings = review_meetings(plan, today)
    meeting = _meeting(meetings, stored, key)
    held = next((r for r in plan.resolutions if r.id == stored.key), None)
    if held is None:
        raise Http404(_("The term has no draft resolution of that name."))
    paragraphs = {p.pk: p for p in m.Paragraph.objects.filter(resolution=stored)}
    rows = {(p.kind, p.number): (p.pk, p.version) for p in paragraphs.values()}
    pending: dict[int, list[pages.AmendmentLine]] = {}
    incorporated: dict[tuple[int, int], str] = {}
    for amendment in Amendment.objects.filter(paragraph__resolution=stored):
        if amendment.made_version is not None:
            incorporated[(amendment.paragraph_id, amendment.made_version)] = amendment.language
        if amendment.status == Amendment.Status.SUBMITTED:
            pending.setdefault(amendment.paragraph_id, []).append(
                pages.amendment_line(amendment, lang)
            )
    here: dict[int, list[ParagraphEvent]] = {}
    for event in (
        ParagraphEvent.objects.filter(paragraph__resolution=stored, meeting=meeting)
        .select_related("meeting__term", "consultation", "amendment", "recorded_by")
        .order_by("recorded_at", "pk")
    ):
        here.setdefault(event.paragraph_id, []).append(event)
    sections = pages.draft_sections(
        plan,
        held,
        lang,
        pages.Filters(),
        rows=rows,
        citing={},
        amendments={},
        incorporated=incorporated,
    )
    failed = failed or {}
    table = []
    decided = 0
    for section in sections:
        section_rows = []
        for line in section.paragraphs:
            if line.pk is None:
                continue
            stored_paragraph = paragraphs[line.pk]
            language = lang
            if line.text is not None and line.text.fallback_lang:
                language = line.text.fallback_lang
            row = SheetRow(
                line=line,
                language=language,
                stored_text=paragraph_text(stored_paragraph, language),
                status=stored_paragraph.status or "",
                pending=pending.get(line.pk, []),
                decided_here=history_lines(here.get(line.pk, []), lang=lang),
            )
            decided += bool(row.decided_here)
            if failed.get("pk") == line.pk:
                row.error = failed.get("error", "")
                row.conflict = failed.get("conflict")
                row.amendment_conflict = failed.get("amendment_conflict")
                row.sent = failed.get("sent", {})
            section_rows.append(row)
        table.append((section, section_rows))
    position = [x.id for x in meetings].index(meeting.key)
    counts = dict.fromkeys(STATUS_WORDS, 0)
    for p in paragraphs.values():
        if p.status in counts:
            counts[p.status] += 1
    context: dict[str, Any] = {
        "term": term,
        "term_name": term_name(plan, lang),
        "resolution": stored,
        "label": held.label,
        "title": Shown.of(held.title, lang),
        "meeting": meeting,
        "number": position + 1,
        "of": len(meetings),
        "previous": meetings[position - 1] if position else None,
        "next": meetings[position + 1] if position + 1 < len(meetings) else None,
        "table": table,
        "decided": decided,
        "total": sum(len(r) for _, r in table),
        "counts": [(STATUS_WORDS[code], n) for code, n in counts.items() if n],
        "decisions": [(s.value, label) for s, label in SHEET_DECISION_LABELS],
        "languages": [code for code, _ in LANGUAGE_CHOICES],
        "can_record": may(request.user, Action.EDIT_CALENDAR, term),
        "decide_base": reverse("negotiation:sheet", args=[term.slug, stored.key, meeting.key])
        + "paragraphs/",
        "failed_number": next(
            (p.number for p in paragraphs.values() if p.pk == failed.get("pk")), ""
        ),
    }
    return render(request, "negotiation/sheet.html", context, status=status)


@require_safe
def sheet(request: HttpRequest, slug: str, resolution: str, key: str) -> HttpResponse:
    return _sheet_page(request, _resolution(request, slug, resolution), key)


@require_POST
def sheet_decide(
    request: HttpRequest, slug: str, resolution: str, key: str, paragraph_id: int
) -> HttpResponse:
    stored = _resolution(request, slug, resolution)
    meetings = review_meetings(load_plan(stored.term), today_in(stored.term))
    meeting = _meeting(meetings, stored, key)
    paragraph = get_object_or_404(
        m.Paragraph.objects.select_related("resolution__term"), resolution=stored, pk=paragraph_id
    )
    form = DecisionForm(request.POST)
    sent = {name: str(request.POST.get(name, "")) for name in ("decision", "text", "language")}
    failed: dict[str, Any] = {"pk": paragraph.pk, "sent": sent}
    if not form.is_valid():
        failed["error"] = _("Choose a decision, and the language of the text.")
        return _sheet_page(request, stored, key, failed=failed, status=400)
    data = form.cleaned_data
    amendment = None
    if data.get("amendment"):
        amendment = Amendment.objects.filter(
            pk=data["amendment"], paragraph=paragraph, status=Amendment.Status.SUBMITTED
        ).first()
        if amendment is None:
            failed["error"] = _("This amendment is no longer awaiting a decision.")
            return _sheet_page(request, stored, key, failed=failed, status=409)
    try:
        event = record_decision(
            paragraph,
            meeting,
            ParagraphStatus(data["decision"]),
            request.user,
            version=data["version"],
            from_status=data.get("from_status") or "",
            language=data["language"],
            text=data.get("text") or "",
            amendment=amendment,
        )
    except SheetConflict as conflict:
        failed["conflict"] = conflict
        return _sheet_page(request, stored, key, failed=failed, status=409)
    except operations.AmendmentConflict as conflict:
        failed["amendment_conflict"] = conflict
        return _sheet_page(request, stored, key, failed=failed, status=409)
    except (SheetError, operations.AmendmentError) as error:
        failed["error"] = str(error)
        return _sheet_page(request, stored, key, failed=failed, status=400)
    if event is None:
        messages.info(
            request,
            _("Paragraph %(number)s already stood so: nothing was changed.")
            % {"number": paragraph.number},
        )
    else:
        messages.success(
            request,
            _("Paragraph %(number)s: %(decision)s, recorded.")
            % {"number": paragraph.number, "decision": STATUS_WORDS[data["decision"]]},
        )
    address = reverse("negotiation:sheet", args=[slug, resolution, key])
    return redirect(f"{address}#p-{slugify(paragraph.number)}")
