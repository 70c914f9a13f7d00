"""The wording of findings, per language: one module of templates per language.

Each language module holds ``MESSAGES``, mapping a rule code to its templates: ``message`` and
``hint``, and optionally variants such as ``hint.moved`` that a finding selects with the
``variant`` value of its parameters. ``LABELS`` words the enumerated values that messages
quote. Templates are ``str.format`` strings over the finding's parameters, which are worded
here in the reader's language: days and fuzzy dates through :mod:`comitia.dates`, multilingual
texts in the reader's language (or their original), times as HH:MM.

To add a language, copy ``en.py``, translate it and register it in ``LANGUAGES``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from comitia.budget.money import format_money
from comitia.checks.messages import en, es, fr, pt
from comitia.dates import FuzzyDate, format_day
from comitia.plan import Text

Templates = Mapping[str, Mapping[str, str]]

LANGUAGES: dict[str, tuple[Templates, Mapping[str, str]]] = {
    "en": (en.MESSAGES, en.LABELS),
    "fr": (fr.MESSAGES, fr.LABELS),
    "es": (es.MESSAGES, es.LABELS),
    "pt": (pt.MESSAGES, pt.LABELS),
}


@dataclass(frozen=True)
class Weekday:
    """A day to be printed with its weekday ("jeudi 12 mars 2020")."""

    date: dt.date


@dataclass(frozen=True)
class Money:
    """An amount to be printed as the Organization prints it ("US$ 126 200", "US$126,200")."""

    amount: Decimal
    currency: str


def word(value: Any, lang: str) -> str:
    """One parameter of a message as text in ``lang``."""
    labels = LANGUAGES[lang][1]
    if isinstance(value, Weekday):
        return format_day(value.date, lang, weekday=True)
    if isinstance(value, Money):
        return format_money(value.amount, value.currency, lang)
    if isinstance(value, dt.date):
        return format_day(value, lang)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, FuzzyDate):
        return value.format(lang)
    if isinstance(value, Text):
        return value.get(lang)[0]
    if isinstance(value, enum.Enum):
        return labels.get(str(value.value), str(value.value))
    if isinstance(value, list | tuple):
        return ", ".join(word(item, lang) for item in value)
    return str(value)


def render(code: str, part: str, params: Mapping[str, Any], lang: str) -> str:
    """The ``part`` ("message" or "hint") of rule ``code`` in ``lang``, filled with ``params``.

    Raise ``ValueError`` for a language other than en, fr, es and pt.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of en, fr, es, pt")
    templates = LANGUAGES[lang][0][code]
    variant = params.get("variant")
    template = templates.get(f"{part}.{variant}", templates[part]) if variant else templates[part]
    return template.format(**{key: word(value, lang) for key, value in params.items()})


def missing_templates() -> list[str]:
    """Every (language, code, part) that a rule needs and a language lacks, for the tests."""
    from comitia.checks.engine import iter_rules

    missing = []
    for lang, (templates, _labels) in LANGUAGES.items():
        for r in iter_rules():
            for part in ("message", "hint"):
                if part not in templates.get(r.code, {}):
                    missing.append(f"{lang} {r.code} {part}")
    return missing
