"""The dashboard's counting, from plain data written here: statuses per section and in all,
and the status counts after each formal session read from the paragraphs' history."""

from __future__ import annotations

import datetime as dt

from comitia.plan import ParagraphStatus as S
from comitia.web.negotiation.progress import (
    ParagraphState,
    Session,
    StatusChange,
    after_sessions,
    by_section,
    count,
    sessions_left,
    still_open,
    without_lead,
)

MAY = [
    Session("may-5", dt.date(2020, 5, 5), held=True),
    Session("may-12", dt.date(2020, 5, 12), held=True),
    Session("may-19", dt.date(2020, 5, 19), held=False),
]


def _p(key: int, status: S | None, section: str = "security", leads: tuple[str, ...] = ("PE",)):
    return ParagraphState(key, str(key), section, status, leads)


def test_counts_give_every_status_in_order_with_none_last_and_the_settled_share() -> None:
    counts = count([S.AGREED, S.PENDING, S.WITHDRAWN, None, S.AGREED])
    assert [status for status, _ in counts.by_status] == [*S, None]
    assert (counts.of(S.AGREED), counts.of(None), counts.of(S.PROPOSED)) == (2, 1, 0)
    assert (counts.total, counts.settled, counts.settled_percent) == (5, 3, 60)
    assert count([]).settled_percent == 0


def test_sections_are_counted_in_their_order_with_paragraphs_in_none_last() -> None:
    paragraphs = [_p(1, S.AGREED, "arms"), _p(2, S.PENDING), _p(3, None, "")]
    rows = by_section(paragraphs, ["security", "arms", "empty"])
    assert [(key, c.total) for key, c in rows] == [
        ("security", 1),
        ("arms", 1),
        ("empty", 0),
        ("", 1),
    ]
    assert rows[0][1].of(S.PENDING) == 1


def test_paragraphs_without_lead_leave_out_the_withdrawn_and_open_ones_the_settled() -> None:
    paragraphs = [_p(1, S.PENDING, leads=()), _p(2, S.WITHDRAWN, leads=()), _p(3, S.AGREED)]
    assert [p.key for p in without_lead(paragraphs)] == [1]
    assert [p.key for p in still_open(paragraphs)] == [1]
    assert [s.key for s in sessions_left(MAY)] == ["may-19"]


def test_each_held_session_counts_the_statuses_its_changes_and_the_earlier_ones_left() -> None:
    paragraphs = [_p(1, S.AGREED), _p(2, S.AGREED_AD_REFERENDUM), _p(3, S.PENDING)]
    changes = [
        StatusChange(1, S.INFORMAL_CONSULTATIONS, S.PENDING, dt.date(2020, 5, 5), "may-5"),
        StatusChange(2, S.INFORMAL_CONSULTATIONS, S.AGREED_AD_REFERENDUM, dt.date(2020, 5, 5)),
        StatusChange(1, S.PENDING, S.AGREED, dt.date(2020, 5, 12), "may-12"),
    ]
    rows = after_sessions(paragraphs, changes, MAY)
    assert [session.key for session, _ in rows] == ["may-5", "may-12"]  # the held ones
    first, second = (counts for _, counts in rows)
    # Paragraph 3 has no history: its status now, after every session.
    assert (first.of(S.PENDING), first.of(S.AGREED_AD_REFERENDUM), first.of(S.AGREED)) == (
        2,
        1,
        0,
    )
    assert (second.of(S.PENDING), second.of(S.AGREED)) == (1, 1)


def test_a_paragraph_changed_only_later_counts_with_the_status_it_had_before() -> None:
    paragraphs = [_p(1, S.AGREED)]
    changes = [StatusChange(1, S.PENDING, S.AGREED, dt.date(2020, 5, 12), "may-12")]
    first, second = (counts for _, counts in after_sessions(paragraphs, changes, MAY))
    assert (first.of(S.PENDING), first.of(S.AGREED)) == (1, 0)
    assert (second.of(S.PENDING), second.of(S.AGREED)) == (0, 1)


def test_a_change_without_a_formal_session_counts_from_its_day_and_unknown_ones_are_left_out() -> (
    None
):
    paragraphs = [_p(1, S.AGREED_AD_REFERENDUM)]
    changes = [
        # An informal consultation between the two sessions, recorded in that order.
        StatusChange(1, S.PROPOSED, S.INFORMAL_CONSULTATIONS, dt.date(2020, 5, 7)),
        StatusChange(1, S.INFORMAL_CONSULTATIONS, S.AGREED_AD_REFERENDUM, dt.date(2020, 5, 7)),
        StatusChange(99, S.PROPOSED, S.AGREED, dt.date(2020, 5, 1)),  # not a paragraph here
    ]
    first, second = (counts for _, counts in after_sessions(paragraphs, changes, MAY))
    assert (first.of(S.PROPOSED), first.total) == (1, 1)
    assert second.of(S.AGREED_AD_REFERENDUM) == 1
