"""The report pages: the secretariat's matrix and its exports, a state's own page (its
reports and points of contact), the rates over the years, the uploaded documents, the private
feed of deadlines.

Who reaches each view is the route's declared policy (``comitia.web.access.routes``); which
states a user sees is narrowed here through ``visibility``: another state's page, document or
contact answers 404, as one that does not exist.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from comitia.plan import OAS_MEMBER_STATES, Text, state_name
from comitia.plan.reporting import Status
from comitia.render.outline import Shown
from comitia.web.access.middleware import requested_term
from comitia.web.access.policy import Action, may, member_state
from comitia.web.documents.uploads import CONTENT_TYPES
from comitia.web.home.overview import display_language
from comitia.web.local_dates import local_date
from comitia.web.plans import models as m
from comitia.web.plans.models.term import LanguageChoice

from . import feeds, operations, reading
from .chart import rates_svg
from .export import matrix_csv, matrix_xlsx
from .forms import ContactForm, SubmissionForm
from .labels import STATUS_WORDS, status_class, status_word
from .models import Contact, Delegation, Submission
from .visibility import is_secretariat, may_see_state, sees_rates


def today_of(term: m.Term) -> dt.date:
    """Today at the term's headquarters."""
    return timezone.localdate(timezone=ZoneInfo(term.timezone))


def _lang() -> str:
    return display_language(get_language() or "en")


def _title(obligation: m.ReportingObligation, lang: str) -> Shown:
    return Shown.of(Text.model_validate(obligation.title), lang)


def _state_or_404(request: HttpRequest, term: m.Term, state: str) -> str:
    state = state.upper()
    if state not in OAS_MEMBER_STATES or not may_see_state(request.user, term, state):
        raise Http404(_("No member state's reports by that name."))
    return state


def _cells(matrix: reading.Matrix, lang: str) -> list[dict[str, Any]]:
    """The matrix's lines, each row of cells written here rather than by the template: 700
    cells through the template language cost most of the page's time."""
    words = {status: status_word(status) for status in Status}
    lines = []
    for state, cells in matrix.by_state():
        parts = []
        for cell in cells:
            word = words[cell.status]
            if cell.received:
                parts.append(
                    f'<td class="{status_class(cell.status)}">{escape(word)}<br>'
                    f"<small>{escape(local_date(cell.received.day, lang))}</small></td>"
                )
            else:
                parts.append(f'<td class="{status_class(cell.status)}">{escape(word)}</td>')
        lines.append(
            {
                "state": state,
                "name": state_name(state, lang),
                "cells_html": mark_safe("".join(parts)),
            }
        )
    return lines


def _year(term: m.Term, year: int | None) -> int:
    return (
        year if year is not None else min(max(today_of(term).year, term.start.year), term.end.year)
    )


@require_safe
def matrix(request: HttpRequest, slug: str, year: int | None = None) -> HttpResponse:
    term = requested_term(request, slug)
    year = _year(term, year)
    lang = _lang()
    rows = reading.obligation_rows(term)
    wanted_status = request.GET.get("status", "")
    wanted_obligation = request.GET.get("obligation", "")
    shown_rows = [r for r in rows if not wanted_obligation or r.obligation.key == wanted_obligation]
    result = reading.matrix(term, year, today_of(term), OAS_MEMBER_STATES, rows=shown_rows)
    lines = _cells(result, lang)
    if wanted_status in {s.value for s in Status}:
        keep = {
            state
            for state, cells in result.by_state()
            if any(cell.status.value == wanted_status for cell in cells)
        }
        lines = [line for line in lines if line["state"] in keep]
    context = {
        "term": term,
        "year": year,
        "years": reading.years_with_reports(term),
        "rows": [{"row": r, "title": _title(r.obligation, lang)} for r in shown_rows],
        "all_rows": [{"key": r.obligation.key, "title": _title(r.obligation, lang)} for r in rows],
        "lines": lines,
        "statuses": [(s.value, STATUS_WORDS[s]) for s in Status],
        "wanted_status": wanted_status,
        "wanted_obligation": wanted_obligation,
        "unknown_parties": [_title(r.obligation, lang) for r in shown_rows if not r.parties_known],
        "can_publish": may(request.user, Action.PUBLISH, term),
    }
    return render(request, "reports/matrix.html", context)


def _export_header() -> list[str]:
    return [
        _("State code"),
        _("Member state"),
        _("Obligation"),
        _("Title"),
        _("Cycle"),
        _("Status"),
        _("Received on"),
        _("Document symbol"),
        _("Link"),
    ]


@require_safe
def matrix_export(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    term = requested_term(request, slug)
    lang = _lang()
    result = reading.matrix(term, year, today_of(term), OAS_MEMBER_STATES, documents=True)
    name = f"{term.slug}-reports-{year}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(
            matrix_csv(result, lang, _export_header()), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            matrix_xlsx(result, lang, _export_header(), str(year)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def mine(request: HttpRequest, slug: str) -> HttpResponse:
    """A delegation's own state's page; the secretariat is sent to the matrix."""
    term = requested_term(request, slug)
    state = member_state(request.user)
    if state and may_see_state(request.user, term, state):
        return redirect(reverse("reports:state", args=[term.slug, state]))
    if is_secretariat(request.user, term):
        return redirect(reverse("reports:matrix", args=[term.slug]))
    raise Http404


def _state_page(
    request: HttpRequest,
    term: m.Term,
    state: str,
    form: SubmissionForm | None = None,
    contact_form: ContactForm | None = None,
    status: int = 200,
) -> HttpResponse:
    lang = _lang()
    year = _year(term, _int(request.GET.get("year")))
    rows = reading.obligation_rows(term)
    result = reading.matrix(term, year, today_of(term), [state], rows=rows, documents=True)
    cells = [result.cell(state, row) for row in rows]
    choices = [(r.obligation.key, _title(r.obligation, lang).text) for r in rows]
    context = {
        "term": term,
        "state": state,
        "state_name": state_name(state, lang),
        "year": year,
        "years": reading.years_with_reports(term),
        "lines": [
            {
                "title": _title(cell.row.obligation, lang),
                "key": cell.row.obligation.key,
                "deadline": cell.row.cycle.deadline(year),
                "word": status_word(cell.status),
                "css": status_class(cell.status),
                "received": cell.received,
                "channel": cell.row.obligation.channel,
            }
            for cell in cells
        ],
        "overdue": [c for c in cells if c.status is Status.OVERDUE],
        "form": form or SubmissionForm(obligations=choices, initial={"cycle": year}),
        "contacts": Contact.objects.filter(state=state),
        "contact_form": contact_form or ContactForm(),
        "is_secretariat": is_secretariat(request.user, term),
        "languages": settings.LANGUAGES,  # each named in its own language
        "language": Delegation.objects.filter(state=state)
        .values_list("language", flat=True)
        .first()
        or "en",
    }
    return render(request, "reports/state.html", context, status=status)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@require_safe
def state_page(request: HttpRequest, slug: str, state: str) -> HttpResponse:
    term = requested_term(request, slug)
    return _state_page(request, term, _state_or_404(request, term, state))


@require_POST
def record(request: HttpRequest, slug: str, state: str) -> HttpResponse:
    term = requested_term(request, slug)
    state = _state_or_404(request, term, state)
    obligations = {
        o.key: o for o in m.ReportingObligation.objects.filter(term=term).select_related("term")
    }
    form = SubmissionForm(
        request.POST,
        request.FILES,
        obligations=[(key, key) for key in obligations],
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            operations.record_submission(
                operations.SubmissionData(
                    obligation=obligations[data["obligation"]],
                    state=state,
                    cycle=data["cycle"],
                    received=data["received"],
                    symbol=data["symbol"],
                    link=data["link"],
                    language=data["language"],
                    document=data["document"],
                ),
                request.user,
            )
        except ValidationError as error:
            form.add_error(
                "document" if error.code in {"extension", "size", "content"} else None, error
            )
        else:
            messages.success(request, _("The report is recorded."))
            return redirect(
                reverse("reports:state", args=[term.slug, state]) + f"?year={data['cycle']}"
            )
    return _state_page(request, term, state, form=form, status=400)


@require_safe
def document(request: HttpRequest, slug: str, submission_id: int) -> HttpResponse:
    """An uploaded document, to those who see its state, always as an attachment."""
    term = requested_term(request, slug)
    submission = get_object_or_404(
        Submission.objects.select_related("obligation"), pk=submission_id, obligation__term=term
    )
    if not may_see_state(request.user, term, submission.state) or not submission.document.name:
        raise Http404
    name = submission.document.name.rpartition("/")[2]
    # Read whole (the size is limited on upload) so the file is closed before answering.
    try:
        with submission.document.open("rb") as stored:
            content = stored.read()
    except FileNotFoundError:
        raise Http404 from None  # recorded, but the file is gone from the storage
    kind = CONTENT_TYPES.get(name.rpartition(".")[2].lower(), "application/octet-stream")
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def contact_add(request: HttpRequest, slug: str, state: str) -> HttpResponse:
    term = requested_term(request, slug)
    state = _state_or_404(request, term, state)
    form = ContactForm(request.POST, instance=Contact(state=state))
    if form.is_valid():
        operations.save_contact(form.instance, request.user)
        messages.success(request, _("The point of contact is saved."))
        return redirect(reverse("reports:state", args=[term.slug, state]))
    return _state_page(request, term, state, contact_form=form, status=400)


@require_POST
def contact_delete(request: HttpRequest, slug: str, state: str, contact_id: int) -> HttpResponse:
    term = requested_term(request, slug)
    state = _state_or_404(request, term, state)
    contact = get_object_or_404(Contact, pk=contact_id, state=state)
    operations.delete_contact(contact, request.user)
    messages.success(request, _("The point of contact is removed."))
    return redirect(reverse("reports:state", args=[term.slug, state]))


@require_POST
def feed_key(request: HttpRequest, slug: str, state: str) -> HttpResponse:
    """Issue a new private feed address for the state (revoking the old), or revoke it."""
    term = requested_term(request, slug)
    state = _state_or_404(request, term, state)
    if request.POST.get("revoke"):
        operations.revoke_feed_key(state, request.user)
        messages.success(request, _("The private feed address is revoked."))
    else:
        key = operations.issue_feed_key(state, request.user)
        url = request.build_absolute_uri(reverse("reports:feed", args=[key]))
        messages.success(
            request,
            _("The private feed address (shown once, keep it): %(url)s") % {"url": url},
        )
    return redirect(reverse("reports:state", args=[term.slug, state]))


@require_POST
def language(request: HttpRequest, slug: str, state: str) -> HttpResponse:
    """The language the state's delegation receives its reminders (and feed) in."""
    term = requested_term(request, slug)
    state = _state_or_404(request, term, state)
    chosen = request.POST.get("language", "")
    if chosen not in {code for code, _name in LanguageChoice.choices}:
        messages.error(request, _("Choose English, Spanish, French or Portuguese."))
    else:
        operations.set_language(state, chosen, request.user)
        messages.success(request, _("Reminders will be written in that language."))
    return redirect(reverse("reports:state", args=[term.slug, state]))


@require_safe
def rates(request: HttpRequest, slug: str) -> HttpResponse:
    """Reports received per obligation over the years: a chart and the same figures as a
    table. The public sees it only when the secretariat publishes it."""
    term = requested_term(request, slug)
    if not sees_rates(request.user, term):
        raise Http404
    lang = _lang()
    years = reading.years_with_reports(term)
    table = reading.rates(term, years, today_of(term), OAS_MEMBER_STATES)
    lines = [(_title(row.obligation, lang).text, [r.percent for r in line]) for row, line in table]
    context = {
        "term": term,
        "years": years,
        "table": [{"title": _title(row.obligation, lang), "rates": line} for row, line in table],
        "chart": rates_svg(years, lines, _("Share of reports received per obligation and year")),
        "is_secretariat": is_secretariat(request.user, term),
        "published": sees_rates(None, term),
    }
    return render(request, "reports/rates.html", context)


@require_POST
def rates_publish(request: HttpRequest, slug: str) -> HttpResponse:
    term = requested_term(request, slug)
    operations.set_rates_published(term, bool(request.POST.get("published")), request.user)
    return redirect(reverse("reports:rates", args=[term.slug]))


@require_safe
def feed(request: HttpRequest, secret: str) -> HttpResponse:
    """A state's deadlines with alarms, at the private address its key makes; 404 for an
    unknown or revoked key."""
    state = operations.state_of_feed_key(secret)
    if state is None:
        raise Http404
    body = feeds.state_feed(state, today=timezone.localdate())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
