"""The page "Find another date": the rescheduling assistant's five dates for a meeting, each
with why, and a button that moves the meeting there.

Choosing a date is a move as by hand (``operations.move_meeting``: the current date kept as
an earlier date with the reason, audited, the output version raised), validated by the move
form and warned by the same preview of the checks; it also books the room and team the date
was proposed with. The date is looked up among the proposals again, so a form sent after the
calendar changed cannot move the meeting to a date no longer proposed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import operations
from .forms import MoveForm
from .preview import meeting_preview, warning_lines
from .rescheduling import DateProposal, Unmovable, proposal_on, proposals_for
from .views import _common, _day, _lang, _meeting, _refused, _term


def other_dates(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    """GET: the proposals; POST (``day``, ``reason``, ``version``): move to one of them."""
    term = _term(slug, request)
    meeting = _meeting(term, key)
    lang = _lang()
    try:
        proposals = proposals_for(meeting, lang)
    except Unmovable as refusal:
        return _page(request, term, meeting, [], refusal=str(refusal))
    if request.method != "POST":
        return _page(request, term, meeting, proposals)
    chosen = proposal_on(proposals, request.POST.get("day"))
    if chosen is None:
        messages.error(
            request, _("That date is no longer proposed: the calendar changed. Choose again.")
        )
        return _page(request, term, meeting, proposals, status=409)
    form = MoveForm(
        {
            "new_date": chosen.day.isoformat(),
            "start": chosen.start.strftime("%H:%M"),
            "end": chosen.end.strftime("%H:%M"),
            "reason": request.POST.get("reason", ""),
            "version": request.POST.get("version", ""),
        },
        meeting=meeting,
    )
    if not form.is_valid():
        return _page(request, term, meeting, proposals, chosen=chosen, form=form, status=400)
    data = form.cleaned_data
    found = meeting_preview(term, meeting, data, lang, moved_to=chosen.day)
    if found.findings and request.POST.get("confirm") != found.fingerprint:
        extra = {"warnings": warning_lines(found, lang), "confirm": found.fingerprint}
        return _page(request, term, meeting, proposals, chosen=chosen, form=form, extra=extra)
    try:
        operations.move_meeting(
            meeting,
            chosen.day,
            data["reason"],
            request.user,
            lang=lang,
            start=data["start"],
            end=data["end"],
            room=chosen.room,
            team=chosen.team,
            version=data.get("version"),
        )
    except operations.OperationError as error:
        status = _refused(request, error)
        return _page(request, term, meeting, proposals, status=status or 400)
    messages.success(request, _("The meeting was moved; its earlier date is kept."))
    return redirect(reverse("calendar:meeting", args=[slug, meeting.key]))


def _page(
    request: HttpRequest,
    term: Any,
    meeting: Any,
    proposals: list[DateProposal],
    *,
    refusal: str | None = None,
    chosen: DateProposal | None = None,
    form: MoveForm | None = None,
    extra: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    context = (
        _common(request, term)
        | {
            "meeting_key": meeting.key,
            "meeting_version": meeting.version,
            "heading": _("Other dates for the meeting of %(day)s") % {"day": _day(meeting.date)},
            "proposals": proposals,
            "refusal": refusal,
            "chosen": chosen.day if chosen else None,
            "reason": form.data.get("reason", "") if form is not None else "",
            "reason_errors": form.errors.get("reason") if form is not None else None,
            "other_errors": [
                error
                for name, errors in (form.errors.items() if form is not None else [])
                if name != "reason"
                for error in errors
            ],
        }
        | (extra or {})
    )
    return render(request, "calendar/other_dates.html", context, status=status)
