"""Comparing two revisions of a draft paragraph by paragraph, pending passages as printed."""

from __future__ import annotations

from typing import Any

from comitia.plan.resolutions import Resolution
from comitia.revisions.resolutions import (
    MarkedPiece,
    ParagraphChange,
    compare_resolutions,
    marked_diff,
)
from comitia.revisions.words import PieceKind

K, DEL, INS = PieceKind.KEPT, PieceKind.DELETED, PieceKind.INSERTED


def _shown(pieces: list[MarkedPiece]) -> list[tuple[str, str, bool]]:
    return [(p.kind.value, p.text, p.pending) for p in pieces]


def test_a_pending_passage_prints_in_single_brackets_never_as_its_markup() -> None:
    pieces = marked_diff("Encourage [[urge]] states", "Encourage strongly [[urge]] states")
    assert "".join(p.text for p in pieces) == "Encourage strongly [urge] states"
    assert "[[" not in "".join(p.text for p in pieces)
    assert _shown(pieces) == [
        ("kept", "Encourage ", False),
        ("inserted", "strongly ", False),
        ("kept", "[urge]", True),
        ("kept", " states", False),
    ]


def _old(pieces: list[MarkedPiece]) -> str:
    return "".join(p.text for p in pieces if p.kind is not INS)


def _new(pieces: list[MarkedPiece]) -> str:
    return "".join(p.text for p in pieces if p.kind is not DEL)


def test_brackets_taken_away_show_in_the_older_text_only() -> None:
    pieces = marked_diff("Urge [[all]] states", "Urge all states")
    assert (_old(pieces), _new(pieces)) == ("Urge [all] states", "Urge all states")
    assert any(p.pending and "all" in p.text for p in pieces if p.kind is DEL)
    assert not any(p.pending for p in pieces if p.kind is not DEL)


def test_a_deleted_pending_passage_is_pending_in_the_older_text_only() -> None:
    pieces = marked_diff("Urge [[all]] states", "Urge states")
    deleted = [p for p in pieces if p.kind is DEL]
    assert deleted and all(p.pending for p in deleted if p.text.strip() not in {"", " "})
    assert [p.text for p in pieces if p.kind is not DEL] == ["Urge ", "states"]


def _draft(paragraphs: list[dict[str, Any]]) -> Resolution:
    return Resolution.model_validate(
        {
            "id": "draft",
            "title": {"en": "Draft"},
            "state": "draft",
            "document_symbol": "CP/CSH-2020/20",
            "paragraphs": paragraphs,
        }
    )


def test_paragraphs_are_paired_by_number_added_removed_changed_and_status_changes() -> None:
    old = _draft(
        [
            {"number": "1", "text": {"en": "Keep this."}, "status": "agreed"},
            {"number": "2", "text": {"en": "Encourage [[urge]]."}, "status": "pending"},
            {"number": "3", "text": {"en": "Gone soon."}, "status": "proposed"},
            {"number": "4", "text": {"en": "Same words."}, "status": "proposed"},
        ]
    )
    new = _draft(
        [
            {"number": "1", "text": {"en": "Keep this."}, "status": "agreed"},
            {"number": "2", "text": {"en": "Encourage strongly."}, "status": "pending"},
            {"number": "4", "text": {"en": "Same words."}, "status": "agreed_ad_referendum"},
            {"number": "5", "text": {"en": "A new one."}, "status": "proposed"},
        ]
    )
    lines = compare_resolutions(old, new, "en")
    assert [(line.number, line.change) for line in lines] == [
        ("1", ParagraphChange.UNCHANGED),
        ("2", ParagraphChange.CHANGED),
        ("3", ParagraphChange.REMOVED),
        ("4", ParagraphChange.CHANGED),
        ("5", ParagraphChange.ADDED),
    ]
    two = lines[1]
    assert (_old(two.pieces), _new(two.pieces)) == ("Encourage [urge].", "Encourage strongly.")
    assert [p.text for p in two.pieces if p.kind is DEL and p.pending] == ["[urge]"]
    assert not two.status_changed
    four = lines[3]
    assert four.status_changed
    assert (four.old_status, four.new_status) == ("proposed", "agreed_ad_referendum")
    assert _shown(lines[2].pieces) == [("deleted", "Gone soon.", False)]
    assert _shown(lines[4].pieces) == [("inserted", "A new one.", False)]


def test_a_text_missing_in_the_language_is_compared_in_its_original_marked_so() -> None:
    old = _draft([{"number": "1", "text": {"fr": "Demander un rapport."}}])
    new = _draft([{"number": "1", "text": {"fr": "Demander un rapport annuel."}}])
    (line,) = compare_resolutions(old, new, "en")
    assert line.fallback == "fr"
    assert _new(line.pieces) == "Demander un rapport annuel."
    assert "annuel" in "".join(p.text for p in line.pieces if p.kind is INS)


def test_subparagraphs_are_compared_by_letter() -> None:
    old = _draft(
        [
            {
                "number": "1",
                "text": {"en": "Ask:"},
                "subparagraphs": [
                    {"letter": "a", "text": {"en": "first"}},
                    {"letter": "b", "text": {"en": "second"}},
                ],
            }
        ]
    )
    new = _draft(
        [
            {
                "number": "1",
                "text": {"en": "Ask:"},
                "subparagraphs": [
                    {"letter": "a", "text": {"en": "first one"}},
                    {"letter": "c", "text": {"en": "third"}},
                ],
            }
        ]
    )
    (line,) = compare_resolutions(old, new, "en")
    assert line.change is ParagraphChange.CHANGED
    assert [(s.letter, s.change) for s in line.subparagraphs] == [
        ("a", ParagraphChange.CHANGED),
        ("c", ParagraphChange.ADDED),
        ("b", ParagraphChange.REMOVED),
    ]


def test_a_deletion_and_an_insertion_keep_what_they_share_at_their_ends_between_words() -> None:
    pieces = marked_diff("Ask for a report.", "Ask for a report annually.")
    assert _shown(pieces) == [
        ("kept", "Ask for a report", False),
        ("inserted", " annually", False),
        ("kept", ".", False),
    ]
    cat = marked_diff("the cat", "the car")
    assert _shown(cat) == [
        ("kept", "the ", False),
        ("deleted", "cat", False),
        ("inserted", "car", False),
    ]
    tail = marked_diff("Encourage [[urge]]", "Encourage [[urge]] member states")
    assert (_old(tail), _new(tail)) == ("Encourage [urge]", "Encourage [urge] member states")
    assert [p.text for p in tail if p.kind is not K] == [" member states"]


def test_a_subparagraph_missing_in_the_language_is_marked_with_its_original() -> None:
    old = _draft([{"number": "1", "subparagraphs": [{"letter": "a", "text": {"fr": "premier"}}]}])
    new = _draft([{"number": "1", "subparagraphs": [{"letter": "a", "text": {"fr": "premier"}}]}])
    (line,) = compare_resolutions(old, new, "en")
    assert [(s.letter, s.change, s.fallback) for s in line.subparagraphs] == [
        ("a", ParagraphChange.UNCHANGED, "fr")
    ]
    assert line.change is ParagraphChange.UNCHANGED


def test_a_change_in_another_language_says_the_translation_shown_may_be_outdated() -> None:
    old = _draft([{"number": "1", "text": {"en": "Ask.", "es": "Pedir."}}])
    new = _draft([{"number": "1", "text": {"en": "Ask now.", "es": "Pedir."}}])
    english, spanish = (compare_resolutions(old, new, lang)[0] for lang in ("en", "es"))
    assert english.changed_in == spanish.changed_in == ("en",)
    assert not english.outdated_here and spanish.outdated_here
    assert spanish.change is ParagraphChange.CHANGED
    translated = _draft(
        [{"number": "1", "text": {"en": "Ask.", "es": "Pedir.", "fr": "Demander."}}]
    )
    assert compare_resolutions(old, translated, "en")[0].changed_in == ()
