"""Amounts of money print the same way whatever their source wrote."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from comitia.plan import Appropriation


def _amount(value: object) -> str:
    appropriation = Appropriation.model_validate(
        {"id": "y2020", "period": "2020", "amount": value, "basis": "CP/RES. 1138/19"}
    )
    return str(appropriation.model_dump(mode="json")["amount"])


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        (126200, "126200"),
        ("126200.00", "126200"),
        ("1500.5", "1500.50"),
        (Decimal("17000.10"), "17000.10"),
    ],
)
def test_whole_amounts_lose_their_decimals_and_others_keep_two(
    written: object, printed: str
) -> None:
    assert _amount(written) == printed


@pytest.mark.parametrize("written", [-1, "12.345", "a lot"])
def test_negative_fractional_cents_or_words_are_refused(written: object) -> None:
    with pytest.raises(ValidationError):
        _amount(written)
