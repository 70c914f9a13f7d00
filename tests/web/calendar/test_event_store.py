"""The feeds' store of event text: used again only for equal rows, bounded, least recent out."""

from __future__ import annotations

from comitia.web.calendar.event_store import EventStore


def test_a_text_is_found_only_for_rows_equal_to_those_it_was_written_from() -> None:
    store = EventStore(size=10)
    rows = [[(1, "csh-2019-10-24", "2019-10-24", '[["fr", "Réunion"]]')], []]
    store.keep({"a": (rows, b"text")})
    same = [[(1, "csh-2019-10-24", "2019-10-24", '[["fr", "Réunion"]]')], []]
    changed = [[(1, "csh-2019-10-24", "2019-10-24", '[["fr", "Réunion"], ["es", "Reunión"]]')], []]
    assert store.find([("a", same)]) == {"a": b"text"}
    assert store.find([("a", changed)]) == {}
    assert store.find([("b", same)]) == {}


def test_beyond_its_size_the_least_recently_used_text_is_forgotten() -> None:
    store = EventStore(size=2)
    store.keep({"a": (None, b"a"), "b": (None, b"b")})
    assert store.find([("a", None)]) == {"a": b"a"}  # "b" is now the least recently used
    store.keep({"c": (None, b"c")})
    assert len(store) == 2
    assert store.find([("a", None), ("b", None), ("c", None)]) == {"a": b"a", "c": b"c"}
