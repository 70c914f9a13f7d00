"""How amounts of money are written, per language, as the Organization prints them.

The figure takes the language's digit grouping from Babel (CLDR): "126 200" in French (with
the narrow no-break space CLDR gives), "126,200" in English, "126.200" in Spanish and
Portuguese. Where the currency sign goes is per-language data: the French documents write
"US$ 126 200", the others "US$126,200". Currencies without a sign of their own are written
with their ISO 4217 code ("EUR 1 500").

Plain Python: never imports Django.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

# Currency sign and figure, per currency and language; {amount} is the grouped figure.
_PATTERNS: dict[str, dict[str, str]] = {
    "USD": {"fr": "US$ {amount}", "en": "US${amount}", "es": "US${amount}", "pt": "US${amount}"},
}


def format_amount(value: Decimal, lang: str) -> str:
    """The figure alone, with ``lang``'s grouping; cents only when there are some."""
    whole = value == value.to_integral_value()
    return format_decimal(value, format="#,##0" if whole else "#,##0.00", locale=lang)


def format_money(value: Decimal, currency: str, lang: str) -> str:
    """``value`` in ``currency`` as printed in ``lang``: "US$ 126 200" (fr), "US$126,200" (en).

    A negative amount keeps its sign before the currency ("-US$1,500").
    """
    sign = "-" if value < 0 else ""
    pattern = _PATTERNS.get(currency, {}).get(lang, currency + " {amount}")
    return sign + pattern.format(amount=format_amount(abs(value), lang))
