"""Views of the calendar: public pages and feeds, and the secretariat's editing pages.

Views stay thin: pages.py reads what a page shows, operations.py changes the calendar, and
comitia.render.ics writes the feeds, the same code as ``comitia render --format ics``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from comitia.web.access.middleware import requested_term
from comitia.web.access.policy import Action, may
from comitia.web.budget.preview import CostPreview, cost_preview, form_changes
from comitia.web.documents.agenda_files import meeting_documents
from comitia.web.home.overview import display_language
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.publication.visibility import viewer_level, visible_terms
from comitia.web.responses import cached_page, same_for_the_public

from . import operations, pages
from .feeds import term_feed
from .forms import ActivityForm, AgendaItemForm, CancelForm, MeetingForm, MoveForm
from .labels import meeting_kind_names, status_names
from .preview import Preview, activity_preview, agenda_preview, meeting_preview, warning_lines

FEED_LANGUAGES = ("en", "es", "fr", "pt")


def _lang() -> str:
    return display_language(get_language() or "en")


def _term(slug: str, request: HttpRequest) -> m.Term:
    return requested_term(request, slug)


def _common(
    request: HttpRequest, term: m.Term, filters: pages.Filters | None = None
) -> dict[str, Any]:
    lang = _lang()
    committee = term.committee
    return {
        "term": term,
        "lang": lang,
        "committee": pages.local(committee.acronym, lang) or pages.local(committee.name, lang)
        if committee
        else None,
        "filters": filters or pages.Filters(),
        "feed_url": reverse("calendar:feed", args=[term.slug, lang]),
        "delegations_feed_url": reverse("calendar:delegations_feed", args=[term.slug, lang]),
        "kind_names": meeting_kind_names(),
        "status_names": status_names(),
        "can_edit": may(request.user, Action.EDIT_CALENDAR, term),
        "can_see_proposals": may(request.user, Action.VIEW_PROPOSALS, term),
        "can_publish": may(request.user, Action.PUBLISH, term),
        "visibility_choices": Visibility.choices,
    }


def _abilities(request: HttpRequest, term: m.Term) -> tuple[bool, ...]:
    """What the calendar's pages offer beyond the reader's level (``_common``): part of the key
    under which a page is kept."""
    actions = (Action.EDIT_CALENDAR, Action.VIEW_PROPOSALS, Action.PUBLISH)
    return tuple(may(request.user, action, term) for action in actions)


@require_safe
def latest(request: HttpRequest) -> HttpResponse:
    """The calendar of the latest term."""
    term = next(iter(visible_terms(request.user, m.Term.objects.all())), None)
    if term is None:
        return redirect("home")
    return redirect("calendar:month_now", term.slug)


@require_safe
def term_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """The term's calendar as a list grouped by month, two tracks side by side."""
    term = _term(slug, request)

    def context() -> dict[str, Any]:
        filters = pages.Filters.from_query(request.GET)
        context = _common(request, term, filters)
        lang = context["lang"]
        groups, undated = pages.month_groups(term, filters, lang, request.user)
        return context | {
            "groups": groups,
            "undated": undated,
            "choices": pages.filter_choices(term, lang),
            "view": "list",
            "first_month": _month_of(term, None),
        }

    return cached_page(
        request, term, "calendar/list.html", context, variant=_abilities(request, term)
    )


def _month_of(term: m.Term, value: str | None) -> dt.date:
    if value:
        try:
            year, month = (int(part) for part in value.split("-"))
            return dt.date(year, month, 1)
        except ValueError:
            raise Http404(_("No such month.")) from None
    today = dt.date.today()
    day = today if term.start <= today <= term.end else term.start
    return day.replace(day=1)


def _shift(month: dt.date, offset: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + offset
    return dt.date(index // 12, index % 12 + 1, 1)


@require_safe
def month(request: HttpRequest, slug: str, month: str | None = None) -> HttpResponse:
    """One month of the term as a grid of weeks, with the month's undated activities beside."""
    term = _term(slug, request)

    def context() -> dict[str, Any]:
        first = _month_of(term, month or request.GET.get("month"))
        filters = pages.Filters.from_query(request.GET)
        context = _common(request, term, filters)
        lang = context["lang"]
        weeks, periods, meetings = pages.month_grid(
            term, first.year, first.month, filters, lang, request.user
        )
        previous, following = _shift(first, -1), _shift(first, 1)
        term_first = term.start.replace(day=1)
        context.update(
            weeks=weeks,
            periods=periods,
            month_meetings=meetings,
            weekdays=pages.weekday_names(lang),
            month_label=pages.month_label(first.year, first.month, lang),
            month_key=f"{first:%Y-%m}",
            previous=f"{previous:%Y-%m}" if previous >= term_first else None,
            previous_label=pages.month_label(previous.year, previous.month, lang),
            next=f"{following:%Y-%m}" if following <= term.end else None,
            next_label=pages.month_label(following.year, following.month, lang),
            choices=pages.filter_choices(term, lang),
            view="month",
            term_months=_term_months(term, lang),
        )
        return context

    return cached_page(
        request, term, "calendar/month.html", context, variant=_abilities(request, term)
    )


def _term_months(term: m.Term, lang: str) -> list[tuple[str, str]]:
    months, current = [], term.start.replace(day=1)
    while current <= term.end:
        months.append((f"{current:%Y-%m}", pages.month_label(current.year, current.month, lang)))
        current = _shift(current, 1)
    return months


@require_safe
def meeting_page(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    """A meeting: its time, venue, status, earlier dates and numbered agenda."""
    term = _term(slug, request)

    def context() -> dict[str, Any]:
        context = _common(request, term)
        lang = context["lang"]
        meeting = pages.meeting_detail(term, key, lang, request.user)
        if meeting is None:
            raise Http404(_("No meeting has that name."))
        from comitia.dates import format_day

        context.update(
            meeting=meeting,
            day=format_day(meeting.date, lang, weekday=True),
            title=meeting.title,
            venue=meeting.venue,
            kind=meeting_kind_names()[meeting.kind],
            earlier=meeting.earlier,
            notes=meeting.notes,
            agenda=meeting.agenda,
            month_key=f"{meeting.date:%Y-%m}",
            meeting_documents=meeting_documents(request.user, term, key, meeting.agenda, lang),
        )
        if context["can_publish"]:
            context["meeting_version"] = (
                m.Meeting.objects.filter(term=term, key=key)
                .values_list("version", flat=True)
                .first()
            )
        if context["can_edit"]:
            context["editable_agenda"] = _editable_agenda(term, key, lang)
        return context

    return cached_page(
        request, term, "calendar/meeting.html", context, variant=_abilities(request, term)
    )


def _editable_agenda(term: m.Term, key: str, lang: str) -> list[dict[str, Any]]:
    from .forms import _in_order, _outline_labels

    nodes = list(
        m.AgendaNode.objects.filter(meeting__term=term, meeting__key=key).select_related("area")
    )
    labels = _outline_labels(nodes, lang)
    return [{"pk": n.pk, "depth": n.depth, "label": labels[n.pk]} for n in _in_order(nodes)]


# -- feeds -------------------------------------------------------------------------------------


def _feed(request: HttpRequest, slug: str, lang: str, *, deadlines: bool) -> HttpResponse:
    if lang not in FEED_LANGUAGES:
        raise Http404(_("No feed in that language."))
    term = _term(slug, request)

    def meeting_url(key: str) -> str:
        return request.build_absolute_uri(reverse("calendar:meeting", args=[slug, key]))

    content, etag = term_feed(
        term,
        request.user,
        lang,
        deadlines=deadlines,
        meeting_url=meeting_url,
        calendar_url=request.build_absolute_uri(request.path),
    )
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
        name = f"{slug}{'-delegations' if deadlines else ''}.{lang}.ics"
        response["Content-Disposition"] = f'inline; filename="{name}"'
    response["ETag"] = etag
    if viewer_level(request.user, term) != Visibility.PUBLIC:  # never kept by a shared cache
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=300)
        same_for_the_public(response)
    return response


@require_safe
def feed(request: HttpRequest, slug: str, lang: str) -> HttpResponse:
    """The term's meetings and activities as an iCalendar feed in ``lang``."""
    return _feed(request, slug, lang, deadlines=False)


@require_safe
def delegations_feed(request: HttpRequest, slug: str, lang: str) -> HttpResponse:
    """The term's feed with the reporting deadlines of member states added."""
    return _feed(request, slug, lang, deadlines=True)


# -- editing -----------------------------------------------------------------------------------


def _meeting(term: m.Term, key: str) -> m.Meeting:
    return get_object_or_404(m.Meeting.objects.select_related("term"), term=term, key=key)


def _refused(
    request: HttpRequest, error: operations.OperationError, form: Any = None
) -> int | None:
    """Say why the change was not saved; the status of the page that shows the form again.

    After an edit conflict the form keeps the user's input, now based on the current version,
    so that saving it again applies it on purpose.
    """
    if isinstance(error, operations.EditConflict):
        messages.error(
            request,
            _(
                "The change was not saved: someone saved this after you opened it. "
                "What changed since: %(changes)s. Your input is kept below; save again to "
                "apply it over their change."
            )
            % {"changes": _conflict_changes(error)},
        )
        if form is not None:
            form.data = form.data.copy()
            form.data["version"] = str(error.stale.current)
        return 409
    messages.error(request, _("The change was not saved: %(reason)s") % {"reason": error})
    return None


def _conflict_changes(error: operations.EditConflict) -> str:
    lines = [
        _("%(who)s at %(when)s changed %(fields)s")
        % {
            "who": change.username or "?",
            "when": change.at,
            "fields": ", ".join(f for f in change.fields if f not in {"version", "sequence"})
            or "—",
        }
        for change in error.stale.changes
    ]
    return "; ".join(lines) or _("version %(number)s") % {"number": error.stale.current}


def _edit(
    request: HttpRequest,
    term: m.Term,
    form: forms.BaseForm,
    save: Callable[[dict[str, Any]], str],
    saved: str,
    page: Callable[[], dict[str, Any]],
    preview: Callable[[dict[str, Any]], CostPreview] | None = None,
    warn: Callable[[dict[str, Any]], Preview] | None = None,
) -> HttpResponse:
    """What every editing form does: on a valid POST, ``save(form.cleaned_data)`` (an
    operation) and redirect to the address it returns, saying ``saved``; if the operation
    refuses, say why (an edit conflict with what changed, the input kept: ``_refused``) and
    show the form again, as when it is not sent or not valid.

    ``page()`` gives the rest of the form page's context; it is called after the operation,
    which may have changed the object shown in memory before refusing. With ``preview``, the
    form offers to preview the change's cost (``comitia.web.budget.preview``): a valid POST
    with ``preview`` shows it with the form again and saves nothing.

    With ``warn``, a valid POST first runs the checks on the plan as the change would make it
    (``comitia.web.calendar.preview``): if the change brings findings the plan did not have,
    they are shown beside the form and nothing is saved until the user confirms, sending back
    the findings' fingerprint (``confirm``); other findings by then (the plan or the input
    changed) ask again.
    """
    status: int | None = None
    previewing = request.method == "POST" and "preview" in request.POST
    if preview is not None and previewing and form.is_valid():
        extra = {"preview": preview(form.cleaned_data), "previewable": True}
        return _form_page(request, term, form, None, page() | extra)
    if request.method == "POST" and form.is_valid():
        if warn is not None:
            found = warn(form.cleaned_data)
            if found.findings and request.POST.get("confirm") != found.fingerprint:
                extra = {
                    "warnings": warning_lines(found, _lang()),
                    "confirm": found.fingerprint,
                    "previewable": preview is not None,
                }
                return _form_page(request, term, form, None, page() | extra)
        try:
            target = save(form.cleaned_data)
        except operations.OperationError as error:
            status = _refused(request, error, form)
        else:
            messages.success(request, saved)
            return redirect(target)
    return _form_page(request, term, form, status, page() | {"previewable": preview is not None})


def _meeting_url(slug: str, key: str) -> str:
    return reverse("calendar:meeting", args=[slug, key])


def meeting_new(request: HttpRequest, slug: str) -> HttpResponse:
    term = _term(slug, request)
    lang = _lang()

    def save(data: dict[str, Any]) -> str:
        meeting = operations.create_meeting(term, data, lang, request.user)
        return _meeting_url(slug, meeting.key)

    return _edit(
        request,
        term,
        MeetingForm(request.POST or None, term=term),
        save,
        _("The meeting was added."),
        lambda: {"heading": _("New meeting")},
        lambda data: cost_preview(term, None, form_changes(data), lang),
        lambda data: meeting_preview(term, None, data, lang),
    )


def meeting_edit(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    term = _term(slug, request)
    meeting = _meeting(term, key)
    lang = _lang()
    form = MeetingForm(
        request.POST or None,
        term=term,
        editing=True,
        meeting=meeting,
        lang=lang,
        initial=MeetingForm.initial_for(meeting, lang),
    )

    def save(data: dict[str, Any]) -> str:
        operations.update_meeting(meeting, data, lang, request.user, version=data.get("version"))
        return _meeting_url(slug, meeting.key)

    return _edit(
        request,
        term,
        form,
        save,
        _("The meeting was saved."),
        lambda: {
            "meeting_key": meeting.key,
            "heading": _("Edit the meeting of %(day)s") % {"day": _day(meeting.date)},
        },
        lambda data: cost_preview(term, key, form_changes(data), lang),
        lambda data: meeting_preview(term, meeting, data, lang),
    )


def _form_page(
    request: HttpRequest, term: Any, form: Any, status: int | None, extra: dict[str, Any]
) -> HttpResponse:
    """An editing form's page: 400 when the form has errors, or the status of a refusal."""
    context = _common(request, term) | {"form": form} | extra
    return render(
        request,
        "calendar/edit_form.html",
        context,
        status=status or (400 if form.errors else 200),
    )


def _day(day: dt.date) -> str:
    from comitia.dates import format_day

    return format_day(day, _lang())


def meeting_move(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    term = _term(slug, request)
    meeting = _meeting(term, key)
    form = MoveForm(
        request.POST or None,
        meeting=meeting,
        initial={"start": meeting.start, "end": meeting.end, "version": meeting.version},
    )

    def save(data: dict[str, Any]) -> str:
        operations.move_meeting(
            meeting,
            data["new_date"],
            data["reason"],
            request.user,
            lang=_lang(),
            start=data["start"],
            end=data["end"],
            version=data.get("version"),
        )
        return _meeting_url(slug, meeting.key)

    return _edit(
        request,
        term,
        form,
        save,
        _("The meeting was moved; its earlier date is kept."),
        lambda: {
            "meeting_key": meeting.key,
            "heading": _("Move the meeting of %(day)s") % {"day": _day(meeting.date)},
        },
        lambda data: cost_preview(
            term, key, form_changes(data, moved_to=data["new_date"]), _lang()
        ),
        lambda data: meeting_preview(term, meeting, data, _lang(), moved_to=data["new_date"]),
    )


def meeting_cancel(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    term = _term(slug, request)
    meeting = _meeting(term, key)
    form = CancelForm(request.POST or None, initial={"version": meeting.version})
    status: int | None = None
    if request.method == "POST" and form.is_valid():
        try:
            operations.cancel_meeting(
                meeting,
                request.user,
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data.get("version"),
            )
        except operations.OperationError as error:
            status = _refused(request, error, form)
        else:
            messages.success(
                request,
                _("The meeting was cancelled. It stays in the calendar, marked cancelled."),
            )
            return redirect(_meeting_url(slug, meeting.key))
    context = _common(request, term) | {
        "form": form,
        "meeting_key": meeting.key,
        "heading": _("Cancel the meeting of %(day)s") % {"day": _day(meeting.date)},
        # On request only: the preview reads the whole plan, the page alone a few rows.
        "preview": cost_preview(term, key, {"status": "cancelled"}, _lang())
        if request.GET.get("preview")
        else None,
    }
    return render(
        request, "calendar/cancel.html", context, status=status or (400 if form.errors else 200)
    )


def agenda_item(
    request: HttpRequest, slug: str, key: str, node_id: int | None = None
) -> HttpResponse:
    term = _term(slug, request)
    meeting = _meeting(term, key)
    lang = _lang()
    node = None
    initial: dict[str, Any] = {}
    if node_id is not None:
        node = get_object_or_404(
            m.AgendaNode.objects.select_related("area").prefetch_related(
                "citations__mandate", "presenter_links__body"
            ),
            meeting=meeting,
            pk=node_id,
        )
        initial = AgendaItemForm.initial_for(node, lang)
    else:
        initial = {"kind": "item", "parent": request.GET.get("parent", "")}
    form = AgendaItemForm(
        request.POST or None, meeting=meeting, node=node, lang=lang, initial=initial
    )

    def save(data: dict[str, Any]) -> str:
        operations.save_agenda_item(
            meeting, node, data, lang, request.user, version=data.get("version")
        )
        return _meeting_url(slug, meeting.key) + "#agenda"

    return _edit(
        request,
        term,
        form,
        save,
        _("The agenda was saved."),
        lambda: {
            "meeting_key": meeting.key,
            "heading": _("Agenda entry") if node else _("New agenda entry"),
        },
        warn=lambda data: agenda_preview(meeting, node, data, lang),
    )


@require_POST
def agenda_reorder(request: HttpRequest, slug: str, key: str, node_id: int) -> HttpResponse:
    term = _term(slug, request)
    meeting = _meeting(term, key)
    node = get_object_or_404(m.AgendaNode, meeting=meeting, pk=node_id)
    action = request.POST.get("action")
    if action == "delete":
        operations.delete_agenda_item(node, request.user)
    else:
        operations.reorder_agenda(node, -1 if action == "up" else 1, request.user)
    return redirect(_meeting_url(slug, meeting.key) + "#agenda")


def activity_edit(request: HttpRequest, slug: str, key: str | None = None) -> HttpResponse:
    term = _term(slug, request)
    lang = _lang()
    activity = None
    initial: dict[str, Any] = {}
    if key is not None:
        activity = get_object_or_404(m.Activity.objects.select_related("body"), term=term, key=key)
        initial = ActivityForm.initial_for(activity, lang)
    form = ActivityForm(
        request.POST or None, term=term, lang=lang, activity=activity, initial=initial
    )

    def save(data: dict[str, Any]) -> str:
        saved = operations.save_activity(
            term, activity, data, lang, request.user, version=data.get("version")
        )
        first = saved.when_first or term.start
        return reverse("calendar:month", args=[slug, f"{first:%Y-%m}"])

    return _edit(
        request,
        term,
        form,
        save,
        _("The activity was saved."),
        lambda: {
            "heading": _("Edit the activity") if activity else _("New activity of another body")
        },
        warn=lambda data: activity_preview(term, activity, data, lang),
    )
