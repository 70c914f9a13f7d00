"""The API's route of the rescheduling assistant: the five best other dates for a meeting,
each with why (``comitia.web.calendar.rescheduling``, as the calendar's page shows them).

Mounted on the API by ``comitia.web.api.endpoints``; for those who may move meetings. Moving
stays the ``move`` endpoint, with the date, start and end of the date chosen and a reason.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router

from comitia.web.access.middleware import requested_term
from comitia.web.calendar.rescheduling import DateProposal, Unmovable, proposals_for
from comitia.web.home.overview import display_language
from comitia.web.publication.visibility import visible_meetings

from .schemas import BudgetEffectOut, OtherDateOut, OtherDatesOut, RefusalOut

router = Router(tags=["meetings"])


def _date_out(date: DateProposal) -> OtherDateOut:
    return OtherDateOut(
        date=date.day,
        start=f"{date.start:%H:%M}",
        end=f"{date.end:%H:%M}",
        room=date.room,
        room_name=date.room_name,
        team=date.team,
        team_name=date.team_name,
        soft_change=date.soft_change,
        verdict=date.verdict,
        soft_reasons=list(date.soft_reasons),
        budget=[
            BudgetEffectOut(
                period=e.label, change=e.change, planned=e.planned, balance=e.balance, over=e.over
            )
            for e in date.budget
        ],
        reasons=list(date.reasons),
    )


@router.get(
    "/terms/{slug}/meetings/{key}/other-dates",
    response={200: OtherDatesOut, 401: RefusalOut, 403: RefusalOut, 404: RefusalOut},
    url_name="meeting_other_dates",
)
def other_dates(request: HttpRequest, slug: str, key: str) -> OtherDatesOut:
    """The five best other dates for the meeting, best first, each free of every rule of the
    calendar (the other meetings stay where they are, of this committee and of the
    organization's others), with the room and team it would use, the change of the soft cost
    and of the budget, and the reasons in words. None for a meeting held, cancelled or past
    (``detail`` says why). To choose one, POST it to ``move_url`` (the move endpoint) with a
    reason."""
    term = requested_term(request, slug)
    meeting = visible_meetings(request.user, term).select_related("term").filter(key=key).first()
    if meeting is None:
        raise Http404(_("The term has no meeting of that name."))
    lang = display_language(get_language() or "en")
    move_url = request.build_absolute_uri(reverse("api:meeting_move", args=[slug, key]))
    try:
        dates = [_date_out(date) for date in proposals_for(meeting, lang)]
    except Unmovable as refusal:
        return OtherDatesOut(
            meeting=key, version=meeting.version, dates=[], detail=str(refusal), move_url=move_url
        )
    return OtherDatesOut(meeting=key, version=meeting.version, dates=dates, move_url=move_url)
