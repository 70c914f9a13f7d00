"""The feeds are byte for byte those kept under data/feeds/ (see reference_feeds)."""

from __future__ import annotations

import pytest

from tests.render.ics.reference_feeds import REFERENCES, Reference


@pytest.mark.parametrize("reference", REFERENCES, ids=lambda r: r.path.name)
def test_the_feed_is_byte_identical_to_its_reference(reference: Reference) -> None:
    produced, expected = reference.build(), reference.read()
    if produced != expected:
        # The first differing line says more than two megabytes of bytes.
        for number, (ours, theirs) in enumerate(
            zip(produced.split(b"\r\n"), expected.split(b"\r\n"), strict=False), start=1
        ):
            assert ours == theirs, f"line {number}"
    assert produced == expected
