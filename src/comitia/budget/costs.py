"""A meeting's estimated cost, derived from its hours, venue and languages and the rates.

The cost of a meeting that is held is its room and technical services (by venue: the
headquarters, where ``venue`` is empty, or elsewhere), its interpretation (one team per
language, or one per pair of languages, as the rates say) and the translation of its
documents (pages into each of its other languages), each at the rate of a half-day or a
full-day session (``comitia.plan.sessions``). What a meeting states overrides this:

- a cancelled meeting costs nothing;
- a meeting that another body pays for (``costing.paid_by``) costs the committee nothing;
- a stated cost (``costing.override``, with its reason) replaces the estimate.

Rates come from the narrowest ``CostRates`` whose period holds the meeting's day. Amounts are
Decimal throughout: a sum of costs is exact.

Plain Python: never imports Django.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from comitia.plan import CostRates, InterpretationUnit, Language, Meeting, MeetingStatus
from comitia.plan.sessions import SessionLength, session_length

ZERO = Decimal(0)


class CostBasis(enum.StrEnum):
    """Where a meeting's cost comes from."""

    RATES = "rates"
    OVERRIDE = "override"
    CANCELLED = "cancelled"
    PAID_BY_OTHER = "paid_by_other"
    NO_RATE = "no_rate"  # no rates hold its day, in the currency it is counted in


@dataclass(frozen=True)
class MeetingCost:
    """The estimated cost of one meeting; ``amount`` is None when no rate holds its day."""

    meeting: Meeting
    basis: CostBasis
    length: SessionLength
    amount: Decimal | None
    currency: str | None
    room: Decimal = ZERO
    interpretation: Decimal = ZERO
    translation: Decimal = ZERO
    rates: str | None = None  # the id of the rates used

    @property
    def counted(self) -> Decimal:
        """What it adds to a period's planned cost (nothing when it has no rate)."""
        return self.amount if self.amount is not None else ZERO


def rates_for(
    meeting: Meeting, rates: Sequence[CostRates], currency: str | None = None
) -> CostRates | None:
    """The narrowest rates whose period holds the meeting's day (in ``currency``, if given)."""
    best: CostRates | None = None
    best_days = 0
    for item in rates:
        first, last = item.period.first_day, item.period.last_day
        if first is None or last is None or not first <= meeting.date <= last:
            continue
        if currency is not None and item.currency != currency:
            continue
        days = (last - first).days
        if best is None or days < best_days:
            best, best_days = item, days
    return best


def interpretation_units(languages: int, unit: InterpretationUnit) -> int:
    """Teams (one per language) or pairs of languages a meeting in ``languages`` needs."""
    if languages < 2:
        return 0
    if unit is InterpretationUnit.PAIR:
        return languages * (languages - 1) // 2
    return languages


def meeting_cost(
    meeting: Meeting,
    rates: Sequence[CostRates],
    languages: Sequence[Language],
    currency: str | None = None,
) -> MeetingCost:
    """The cost of ``meeting`` to the committee, in ``currency`` when given.

    ``languages`` are the plan's, used when the meeting names none; ``currency`` is that of
    the period the meeting is counted in: rates in another currency are not used, and an
    override is read in it.
    """
    return cost_under(meeting, rates_for(meeting, rates, currency), len(set(languages)), currency)


def cost_under(
    meeting: Meeting, chosen: CostRates | None, languages: int, currency: str | None
) -> MeetingCost:
    """The cost of ``meeting`` under the rates ``chosen`` for its day (None: no rate holds it),
    for a plan published in ``languages`` languages; see ``meeting_cost``."""
    length = session_length(meeting.start, meeting.end)
    costing = meeting.costing
    if meeting.status is MeetingStatus.CANCELLED:
        return MeetingCost(meeting, CostBasis.CANCELLED, length, ZERO, currency)
    if costing is not None and costing.paid_by is not None:
        return MeetingCost(meeting, CostBasis.PAID_BY_OTHER, length, ZERO, currency)
    if costing is not None and costing.override is not None:
        return MeetingCost(meeting, CostBasis.OVERRIDE, length, costing.override.amount, currency)
    if chosen is None:
        return MeetingCost(meeting, CostBasis.NO_RATE, length, None, currency)
    full = length is SessionLength.FULL_DAY
    venue = chosen.room.headquarters if meeting.venue is None else chosen.room.elsewhere
    room = venue.full_day if full else venue.half_day
    # The costing's languages (a statement for the budget), else those the meeting is held in.
    if costing and costing.languages:
        needed = len(set(costing.languages))
    elif meeting.languages is not None:
        needed = len(set(meeting.languages))
    else:
        needed = languages
    interpretation = interpretation_units(needed, chosen.interpretation.unit) * (
        chosen.interpretation.full_day if full else chosen.interpretation.half_day
    )
    pages = costing.pages if costing is not None else 0
    translation = pages * max(needed - 1, 0) * chosen.translation_per_page
    return MeetingCost(
        meeting,
        CostBasis.RATES,
        length,
        room + interpretation + translation,
        chosen.currency,
        room=room,
        interpretation=interpretation,
        translation=translation,
        rates=chosen.id,
    )
