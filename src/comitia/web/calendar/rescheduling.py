"""Other dates for one meeting, as the calendar's page and the API show them.

The rescheduling assistant (``comitia.schedule.assistant.other_dates``) runs on the stored
plan with the rooms and interpretation teams of the term's organization and the bookings of
the organization's other committees (the terms sharing its organization whose period overlaps
this one's: their meetings that book a room or a team, drafts included, since a draft booking
holds the room all the same). Every other meeting stays where it is.

Finding the dates takes a second or two, so the dates are kept in Django's cache under what
they were made from: the term's output version, the other committees' output versions, the
organization's version, the meeting and today's date at the headquarters. A reload is served
from the cache; any change to what they are made from gives another key. Worded afresh for
each request in the reader's language (the kept dates hold no words).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comitia.budget import PeriodChange, format_money
from comitia.dates import format_day
from comitia.plan import MeetingStatus
from comitia.plan import Organization as OrganizationFile
from comitia.schedule.assistant import OtherDate, other_dates
from comitia.schedule.problem import Busy, Problem
from comitia.schedule.shared import busy_of, shared_with
from comitia.schedule.solve import Organization
from comitia.web.budget.preview import PeriodEffect
from comitia.web.fingerprint import output_key
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan
from comitia.web.plans.organizations import booked_meetings, organization_of
from comitia.web.plans.output_version import output_version_pending

from .preview import today_in

__all__ = ["DateProposal", "Unmovable", "proposal_on", "proposals_for"]

# A day unread at the latest; a change to what they are made from makes another key anyway.
KEPT_SECONDS = 24 * 3600
COUNT = 5


class Unmovable(Exception):
    """The meeting is held, cancelled or past: no other date is proposed; the message, in the
    reader's language, says why."""


@dataclass(frozen=True)
class DateProposal:
    """One other date and why it is proposed, worded in one language."""

    day: dt.date
    day_label: str
    start: dt.time
    end: dt.time
    room: str | None
    room_name: str | None
    team: str | None
    team_name: str | None
    soft_change: int  # the calendar's soft cost against the meeting where it is (less: better)
    verdict: str  # the soft change in words
    soft_reasons: tuple[str, ...]
    budget: tuple[PeriodEffect, ...]
    reasons: tuple[str, ...]  # every reason in order: resources, clashes, soft cost, budget, others


def _other_terms(term: m.Term) -> list[m.Term]:
    if term.organization_id is None:
        return []
    return list(
        m.Term.objects.filter(
            organization_id=term.organization_id, start__lte=term.end, end__gte=term.start
        )
        .exclude(pk=term.pk)
        .select_related("committee")
        .order_by("slug")
    )


def _bookings(term: m.Term) -> list[Busy]:
    """The meetings of another committee's ``term`` that book a room or a team (one query)."""
    meetings = booked_meetings(term)
    committee = term.committee.key if term.committee is not None else term.slug
    return busy_of(committee, meetings)


def _made_from(term: m.Term, others: list[m.Term], key: str, today: dt.date) -> str:
    organization = (
        m.Organization.objects.filter(pk=term.organization_id)
        .values_list("version", flat=True)
        .first()
        if term.organization_id is not None
        else None
    )
    made_from = (
        term.pk,
        term.output_version,
        tuple((t.pk, t.output_version) for t in others),
        organization,
        key,
        today.isoformat(),
    )
    return output_key("other-dates", made_from)


def _organization(term: m.Term) -> OrganizationFile | None:
    return organization_of(term.organization) if term.organization is not None else None


def _found(term: m.Term, key: str, today: dt.date) -> list[OtherDate]:
    """The assistant's dates for meeting ``key`` of ``term``, kept (``_made_from``)."""
    others = _other_terms(term)
    name = _made_from(term, others, key, today)
    kept = cache.get(name)
    if kept is not None:
        return list(kept)
    plan = load_plan(term)
    organization = _organization(term)
    busy = tuple(b for other in others for b in _bookings(other))

    def share(problem: Problem) -> Organization:
        shared = shared_with(problem, plan, organization)
        return replace(shared, busy=busy)

    try:
        found = other_dates(plan, key, today=today, share=share, count=COUNT)
    except (KeyError, ValueError) as error:
        raise Unmovable(_("No other date can be proposed for this meeting.")) from error
    # Rows this transaction wrote are not committed yet, and may roll back.
    if not any(output_version_pending(t.pk) for t in [term, *others]):
        cache.set(name, found, KEPT_SECONDS)
    return found


def proposals_for(meeting: m.Meeting, lang: str) -> list[DateProposal]:
    """Up to five other dates for the stored ``meeting``, best first, worded in ``lang``.

    Raise ``Unmovable`` for a meeting held, cancelled or before today at the headquarters."""
    term = meeting.term
    today = today_in(term)
    if meeting.status == MeetingStatus.HELD:
        raise Unmovable(_("This meeting was held: it keeps its date, and no other is proposed."))
    if meeting.status == MeetingStatus.CANCELLED:
        raise Unmovable(
            _("This meeting is cancelled: no other date is proposed. It stays in the calendar.")
        )
    if meeting.date < today:
        raise Unmovable(_("This meeting's date is past: no other date is proposed."))
    found = _found(term, meeting.key, today)
    organization = _organization(term) if any(d.room or d.team for d in found) else None
    rooms = {r.id: r.name.get(lang)[0] for r in organization.rooms} if organization else {}
    teams = {t.id: t.name.get(lang)[0] for t in organization.teams} if organization else {}
    return [_worded(date, rooms, teams, lang) for date in found]


def _worded(
    date: OtherDate, rooms: dict[str, str], teams: dict[str, str], lang: str
) -> DateProposal:
    room = rooms.get(date.room, date.room) if date.room else None
    team = teams.get(date.team, date.team) if date.team else None
    verdict, soft = _soft_words(date)
    budget = tuple(_effect(change, lang) for change in date.budget)
    reasons = [
        _uses(room, team),
        _(
            "No clash: no meeting of the committee that day, and no meeting of the committee or "
            "of another committee of the organization in the same room or with the same team at "
            "that time."
        ),
        verdict,
        *soft,
        *(
            _("Budget, %(period)s: %(change)s (planned %(planned)s, balance %(balance)s).")
            % {"period": e.label, "change": e.change, "planned": e.planned, "balance": e.balance}
            for e in budget
        ),
    ]
    if not budget:
        reasons.append(_("Budget: no period's planned cost changes."))
    reasons.append(_("Nothing else moves: the other meetings stay where they are."))
    return DateProposal(
        day=date.day,
        day_label=format_day(date.day, lang, weekday=True),
        start=date.start,
        end=date.end,
        room=date.room,
        room_name=room,
        team=date.team,
        team_name=team,
        soft_change=date.soft_change,
        verdict=verdict,
        soft_reasons=tuple(soft),
        budget=budget,
        reasons=tuple(reasons),
    )


def _uses(room: str | None, team: str | None) -> str:
    if room and team:
        return _("Room: %(room)s; interpretation: %(team)s; both free at that time.") % {
            "room": room,
            "team": team,
        }
    if room:
        return _("Room: %(room)s, free at that time; no interpretation team is needed.") % {
            "room": room
        }
    if team:
        return _("Interpretation: %(team)s, free at that time.") % {"team": team}
    return _("No room or interpretation team of the organization is needed.")


def _verdict(change: int) -> str:
    if change < 0:
        return ngettext(
            "Better than its current date (soft cost %(points)s point lower).",
            "Better than its current date (soft cost %(points)s points lower).",
            -change,
        ) % {"points": -change}
    if change > 0:
        return ngettext(
            "Worse than its current date (soft cost %(points)s point higher).",
            "Worse than its current date (soft cost %(points)s points higher).",
            change,
        ) % {"points": change}
    return _("As good as its current date (the same soft cost).")


# Each soft constraint: what it says when the date does better on it, and when worse.
_SOFT: tuple[tuple[str, Callable[[], str], Callable[[], str]], ...] = (
    (
        "off_weekday",
        lambda: _("On the committee's usual weekday."),
        lambda: _("Not on the committee's usual weekday."),
    ),
    ("moved", lambda: _("Keeps a published date."), lambda: _("A published date changes.")),
    (
        "off_hours",
        lambda: _("At the committee's usual time of day."),
        lambda: _("Not at the committee's usual time of day."),
    ),
    (
        "crowded_weeks",
        lambda: _("Fewer weeks with two meetings of the committee."),
        lambda: _("In a week that already has a meeting of the committee."),
    ),
)


def _soft_words(date: OtherDate) -> tuple[str, list[str]]:
    verdict = _verdict(date.soft_change)
    now = date.now
    if now is None:
        return verdict, []
    lines = []
    for name, better, worse in _SOFT:
        change = getattr(date.soft, name) - getattr(now, name)
        if change:
            lines.append(better() if change < 0 else worse())
    weeks = date.soft.weeks_away - now.weeks_away
    if weeks > 0:
        lines.append(
            ngettext(
                "%(weeks)s week away from its current date.",
                "%(weeks)s weeks away from its current date.",
                weeks,
            )
            % {"weeks": weeks}
        )
    return verdict, lines


def _effect(change: PeriodChange, lang: str) -> PeriodEffect:
    period = change.period
    balance = period.balance
    return PeriodEffect(
        label=period.period.format(lang),
        change=("+" if change.change > 0 else "")
        + format_money(change.change, period.currency, lang),
        planned=format_money(period.planned, period.currency, lang),
        balance="—" if balance is None else format_money(balance, period.currency, lang),
        over=balance is not None and balance < Decimal(0),
    )


def proposal_on(proposals: list[DateProposal], day: Any) -> DateProposal | None:
    """The proposal of ``day`` (an ISO date as sent by the page's form), if any."""
    try:
        wanted = dt.date.fromisoformat(str(day))
    except ValueError:
        return None
    return next((p for p in proposals if p.day == wanted), None)
