"""A draft paragraph's history: each change of its status or text, where and by whom.

Every operation that changes a paragraph's status or text calls :func:`record_event` in its own
transaction, so the history never misses a change the paragraph shows: an amendment
incorporated (``operations.incorporate_amendment``), a consultation's outcome
(``consultations.record_consultation``), a decision of a formal review session
(``sheet.record_decision``). The rows are plain facts (statuses by their codes); the draft page
words them in the reader's language (:func:`history_lines`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Container, Iterable
from dataclasses import dataclass
from typing import Any

from django.urls import get_script_prefix, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from comitia.plan import ParagraphStatus
from comitia.plan.states import state_name
from comitia.web.local_dates import local_date, local_datetime
from comitia.web.plans import models as m

from .models import Amendment, Consultation, ParagraphEvent

STATUS_WORDS: dict[str, Promise] = {
    ParagraphStatus.PROPOSED.value: _("proposed"),
    ParagraphStatus.INFORMAL_CONSULTATIONS.value: _("in informal consultations"),
    ParagraphStatus.AGREED_AD_REFERENDUM.value: _("agreed ad referendum"),
    ParagraphStatus.AGREED.value: _("agreed"),
    ParagraphStatus.PENDING.value: _("pending"),
    ParagraphStatus.WITHDRAWN.value: _("withdrawn"),
}


def status_word(code: str | None) -> str:
    """The status ``code`` in the active language ("no status" for none)."""
    if not code:
        return str(_("no status"))
    word = STATUS_WORDS.get(code)
    return str(word) if word is not None else code


def record_event(
    paragraph: m.Paragraph,
    from_status: str | None,
    user: Any,
    *,
    made_version: int | None = None,
    meeting: m.Meeting | None = None,
    consultation: Consultation | None = None,
    amendment: Amendment | None = None,
) -> ParagraphEvent | None:
    """Write the change of ``paragraph`` (as saved now) from ``from_status``; None, and
    nothing written, if neither its status nor its text changed (``made_version`` None).

    Call inside the change's transaction, after saving the paragraph.
    """
    before, after = from_status or "", paragraph.status or ""
    if before == after and made_version is None:
        return None
    return ParagraphEvent.objects.create(
        paragraph=paragraph,
        from_status=before,
        to_status=after,
        made_version=made_version,
        meeting=meeting,
        consultation=consultation,
        amendment=amendment,
        recorded_by=user if user is not None and user.is_authenticated else None,
    )


@dataclass(frozen=True)
class HistoryLine:
    """One entry of a paragraph's history, as the draft page prints it."""

    when: dt.datetime
    at: str  # its day and time in the reader's language, to the minute, as shown
    from_status: str
    to_status: str
    status_changed: bool
    text_changed: bool
    version: int | None
    where: str  # "meeting", "consultation" or "" (the secretariat's, at no meeting)
    amended: bool  # an amendment was incorporated (``amendment_state`` says whose if seen)
    meeting_key: str
    meeting_url: str
    meeting_date: str
    consultation_date: str
    consultation_state: str
    amendment_state: str
    amendment_pk: int | None
    recorded_by: str


def _meeting_url(meeting: m.Meeting) -> str:
    """The address of ``meeting``'s page (its term selected with it)."""
    return _meeting_address(get_script_prefix(), meeting.term.slug, meeting.key)


@functools.lru_cache(maxsize=4096)
def _meeting_address(prefix: str, slug: str, key: str) -> str:
    """Kept by the prefix the site is served under, too (``reverse`` prints it)."""
    return reverse("calendar:meeting", args=[slug, key])


def _state(code: str, lang: str) -> str:
    try:
        return state_name(code, lang)
    except ValueError:
        return code


def history_lines(
    events: Iterable[ParagraphEvent],
    *,
    lang: str = "en",
    seen: Container[int] | None = None,
    show_who: bool = True,
) -> list[HistoryLine]:
    """``events`` (with their meeting and its term, consultation, amendment and user
    selected) as lines,
    oldest first. ``seen``: the amendments the reader may see (None: every one); an entry of
    another amendment says an amendment was incorporated, not whose. ``show_who``: whether
    the reader sees who recorded each change (not the public). Member states are named in
    ``lang``."""
    lines = []
    addresses: dict[int, str] = {}
    for event in events:
        amendment = event.amendment
        if amendment is not None and seen is not None and amendment.pk not in seen:
            amendment = None
        where = (
            "meeting"
            if event.meeting_id is not None
            else "consultation"
            if event.consultation_id is not None
            else ""
        )
        consultation, meeting = event.consultation, event.meeting
        if meeting is not None and meeting.pk not in addresses:
            addresses[meeting.pk] = _meeting_url(meeting)
        lines.append(
            HistoryLine(
                when=event.recorded_at,
                at=local_datetime(event.recorded_at, lang),
                from_status=status_word(event.from_status),
                to_status=status_word(event.to_status),
                status_changed=event.from_status != event.to_status,
                text_changed=event.made_version is not None,
                version=event.made_version,
                where=where,
                amended=event.amendment_id is not None,
                meeting_key=meeting.key if meeting is not None else "",
                meeting_url=addresses[meeting.pk] if meeting is not None else "",
                meeting_date=local_date(meeting.date, lang) if meeting is not None else "",
                consultation_date=(
                    local_date(consultation.held_on, lang) if consultation is not None else ""
                ),
                consultation_state=(
                    _state(consultation.member_state, lang) if consultation is not None else ""
                ),
                amendment_state=_state(amendment.member_state, lang) if amendment else "",
                amendment_pk=amendment.pk if amendment is not None else None,
                recorded_by=(
                    event.recorded_by.get_username() if show_who and event.recorded_by else ""
                ),
            )
        )
    return lines


def consultation_line(
    consultation: Consultation, *, lang: str = "en", show_who: bool = True
) -> HistoryLine:
    """A consultation that changed nothing of its paragraph (so it has no history entry of
    its own), as a line of the paragraph's history: it was held, and where it left things."""
    status = status_word(consultation.status)
    return HistoryLine(
        when=consultation.recorded_at,
        at=local_datetime(consultation.recorded_at, lang),
        from_status=status,
        to_status=status,
        status_changed=False,
        text_changed=False,
        version=None,
        where="consultation",
        amended=False,
        meeting_key="",
        meeting_url="",
        meeting_date="",
        consultation_date=local_date(consultation.held_on, lang),
        consultation_state=_state(consultation.member_state, lang),
        amendment_state="",
        amendment_pk=None,
        recorded_by=(
            consultation.recorded_by.get_username() if show_who and consultation.recorded_by else ""
        ),
    )


def paragraph_histories(
    resolution: m.Resolution,
    *,
    lang: str = "en",
    seen: Container[int] | None = None,
    show_who: bool = True,
) -> dict[int, list[HistoryLine]]:
    """The history of every paragraph of ``resolution`` as lines, by paragraph pk, oldest
    first: its entries, and the consultations that changed nothing (two queries)."""
    lines = {
        pk: history_lines(events, lang=lang, seen=seen, show_who=show_who)
        for pk, events in events_of(resolution).items()
    }
    quiet = Consultation.objects.filter(
        paragraph__resolution=resolution, events__isnull=True
    ).select_related("recorded_by")
    for consultation in quiet:
        lines.setdefault(consultation.paragraph_id, []).append(
            consultation_line(consultation, lang=lang, show_who=show_who)
        )
        lines[consultation.paragraph_id].sort(key=lambda line: line.when)
    return lines


_READ = (
    "paragraph_id",
    "recorded_at",
    "from_status",
    "to_status",
    "made_version",
    "meeting__key",
    "meeting__date",
    "meeting__term__slug",
    "consultation__held_on",
    "consultation__member_state",
    "amendment__member_state",
    "recorded_by__username",
)


def events_of(resolution: m.Resolution) -> dict[int, list[ParagraphEvent]]:
    """The history of every paragraph of ``resolution``, by paragraph pk, in one query."""
    found: dict[int, list[ParagraphEvent]] = {}
    rows = (
        ParagraphEvent.objects.filter(paragraph__resolution=resolution)
        .select_related("meeting__term", "consultation", "amendment", "recorded_by")
        # What ``history_lines`` reads of each: a meeting's or an amendment's whole row
        # (agendas, texts) was most of the time of a long draft's history.
        .only(*_READ)
        .order_by("paragraph_id", "recorded_at", "pk")
    )
    for event in rows:
        found.setdefault(event.paragraph_id, []).append(event)
    return found
