"""The feeds kept in the process: found by key, bounded by their text, least recent out, and
never replaced by a feed written at an earlier state of the term."""

from __future__ import annotations

from comitia.web.calendar.feed_store import Event, FeedStore, KeptFeed
from comitia.web.plans import models as m


def _feed(text: bytes, n: int = 1, token: int = 7) -> KeptFeed:
    opening = Event((), b"")
    return KeptFeed(token, n, m.Term(pk=1), {}, (opening, opening), {}, {1: Event((1,), text)}, {})


def test_beyond_its_budget_the_least_recently_used_feed_is_forgotten() -> None:
    store = FeedStore(budget=10)
    store.keep("a", _feed(b"aaaa"))
    store.keep("b", _feed(b"bbbb"))
    assert store.get("a") is not None  # "b" is now the least recently used
    store.keep("c", _feed(b"cccc"))
    assert len(store) == 2
    assert store.get("b") is None and store.get("a") is not None and store.get("c") is not None


def test_a_feed_written_later_is_not_replaced_by_one_written_earlier() -> None:
    store = FeedStore(budget=100)
    later = _feed(b"later", n=5)
    store.keep("a", later)
    store.keep("a", _feed(b"earlier", n=4))
    assert store.get("a") is later
    other_term = _feed(b"another term under the same id", n=2, token=8)
    store.keep("a", other_term)
    assert store.get("a") is other_term


def test_a_feed_leaves_out_the_hidden_meetings_and_its_etag_follows_its_bytes() -> None:
    opening = (Event((), b"OPEN\r\n"), Event((), b"OPEN+TZ\r\n"))
    meetings = {1: Event((2,), b"M1\r\n", "m1"), 2: Event((1,), b"M2\r\n", "m2")}
    feed = KeptFeed(7, 1, m.Term(pk=1), {}, opening, meetings, {3: Event((1, 3), b"A\r\n")}, {})
    every, every_tag = feed.content(frozenset())
    assert every == b"OPEN+TZ\r\nM2\r\nM1\r\nA\r\nEND:VCALENDAR\r\n"
    some, some_tag = feed.content(frozenset({"m2"}))
    assert some == b"OPEN+TZ\r\nM1\r\nA\r\nEND:VCALENDAR\r\n"
    none, none_tag = feed.content(frozenset({"m1", "m2"}))
    assert none == b"OPEN\r\nA\r\nEND:VCALENDAR\r\n"
    assert len({every_tag, some_tag, none_tag}) == 3
    assert feed.content(frozenset({"m2"}))[1] == some_tag
