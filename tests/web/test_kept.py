"""Values kept in the process: bounded by their size, least recently used out first."""

from __future__ import annotations

from comitia.web.kept import Kept


def test_beyond_its_budget_the_least_recently_used_value_is_forgotten() -> None:
    kept: Kept[str, bytes] = Kept(budget=10)
    kept.keep("a", b"aaaa", 4)
    kept.keep("b", b"bbbb", 4)
    assert kept.get("a") == b"aaaa"  # "b" is now the least recently used
    kept.keep("c", b"cccc", 4)
    assert len(kept) == 2
    assert kept.get("b") is None and kept.get("a") == b"aaaa" and kept.get("c") == b"cccc"


def test_a_value_larger_than_the_budget_is_kept_alone() -> None:
    kept: Kept[str, bytes] = Kept(budget=10)
    kept.keep("a", b"aaaa", 4)
    kept.keep("big", b"b" * 20, 20)
    assert len(kept) == 1 and kept.get("big") == b"b" * 20


def test_replacing_a_value_counts_only_the_new_size() -> None:
    kept: Kept[str, bytes] = Kept(budget=10)
    kept.keep("a", b"a" * 8, 8)
    kept.keep("a", b"a" * 2, 2)
    kept.keep("b", b"b" * 8, 8)
    assert kept.get("a") == b"aa" and kept.get("b") == b"b" * 8


def test_the_kept_value_stays_when_the_condition_says_so() -> None:
    kept: Kept[str, int] = Kept(budget=100)
    assert kept.keep("n", 5, 1) == 5
    assert kept.keep("n", 4, 1, unless=lambda old: old > 4) == 5
    assert kept.keep("n", 6, 1, unless=lambda old: old > 6) == 6
    assert kept.get("n") == 6
