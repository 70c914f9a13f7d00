"""The word-level difference of two texts: exact round trips and changes by whole words."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from comitia.revisions.words import Piece, PieceKind, diff_words, new_text, old_text, tokens

KEPT, DELETED, INSERTED = PieceKind.KEPT, PieceKind.DELETED, PieceKind.INSERTED

# Texts made of a few words, so that two of them share words and the alignment has work to do.
_WORDS = st.sampled_from(
    ["la", "Comisión", "encomienda", "al", "Consejo", "Permanente", "[", "]", "d’un", "co-op"]
)
_SEPARATORS = st.sampled_from([" ", ", ", "; ", ". ", "  ", "\u00a0", ""])
_TEXTS = st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@given(_TEXTS, _TEXTS)
def test_the_pieces_give_back_both_texts_exactly(old: str, new: str) -> None:
    pieces = diff_words(old, new)
    assert old_text(pieces) == old
    assert new_text(pieces) == new
    assert all(p.text for p in pieces)
    # No two neighbours of one kind: a changed phrase is one piece.
    assert all(a.kind is not b.kind for a, b in itertools.pairwise(pieces))


@given(st.text(max_size=60))
def test_tokens_join_back_to_any_text(text: str) -> None:
    assert "".join(tokens(text)) == text


def test_a_replaced_word_is_struck_out_then_inserted_with_the_rest_kept() -> None:
    assert diff_words(
        "Instruct the Permanent Council to hold a meeting.",
        "Instruct the Committee to hold a special meeting.",
    ) == [
        Piece(KEPT, "Instruct the "),
        Piece(DELETED, "Permanent Council "),
        Piece(INSERTED, "Committee "),
        Piece(KEPT, "to hold a "),
        Piece(INSERTED, "special "),
        Piece(KEPT, "meeting."),
    ]


def test_identical_texts_are_one_kept_piece_and_empty_ones_none() -> None:
    assert diff_words("Reafirmar su compromiso.", "Reafirmar su compromiso.") == [
        Piece(KEPT, "Reafirmar su compromiso.")
    ]
    assert diff_words("", "") == []
    assert diff_words("", "Nouveau.") == [Piece(INSERTED, "Nouveau.")]


def test_words_are_compared_whole_not_by_letters() -> None:
    pieces = diff_words("acordado", "acordados")
    assert pieces == [Piece(DELETED, "acordado"), Piece(INSERTED, "acordados")]


def test_punctuation_changes_apart_from_its_word() -> None:
    assert diff_words("in 2021.", "in 2021:") == [
        Piece(KEPT, "in 2021"),
        Piece(DELETED, "."),
        Piece(INSERTED, ":"),
    ]
