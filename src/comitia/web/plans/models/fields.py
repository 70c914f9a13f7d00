"""Column types shared by the plan models: multilingual text and fuzzy-date bounds.

Multilingual text is one JSON column per text, not a table of translations: every text is read
and written whole with the object that owns it, and a plan has tens of thousands of them at
most. The column holds the text as ordered ``[language, text]`` pairs rather than a JSON object,
because PostgreSQL's ``jsonb`` does not keep the order of object keys (it sorts them), and the
first language of a text is its original. Python code sees a plain ``dict`` in the original
order either way; ``MultilingualListField`` holds a list of such texts (notes, requests).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.json import KeyTransform
from django.utils.translation import gettext as _
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from comitia.dates import FuzzyDate, FuzzyDateError
from comitia.plan import CostRates, Language, MeetingCosting
from comitia.plan.fields import is_surrogate, is_time_zone, unfit_character

_LANGUAGES = frozenset(lang.value for lang in Language)

Mapping = dict[str, str]


def _as_pairs(text: Any) -> Any:
    if isinstance(text, dict):
        return [[lang, value] for lang, value in text.items()]
    return text


def _as_mapping(stored: Any) -> Any:
    if isinstance(stored, list) and all(
        isinstance(pair, list) and len(pair) == 2 for pair in stored
    ):
        return dict(stored)
    return stored


def unfit_text_message(text: str) -> str | None:
    """Why ``text`` may not be stored, in the reader's language; None if it may.

    The rule is the plan model's (``comitia.plan.fields.unfit_character``), so that no
    channel (pages, API, admin) stores what a plan could not hold; only the wording is here.
    """
    character = unfit_character(text)
    if character is None:
        return None
    code = f"{ord(character):04X}"
    if is_surrogate(character):
        return _(
            "The text holds U+%(code)s, half of a UTF-16 surrogate pair, which is not a "
            "character; type the text again or paste it from elsewhere."
        ) % {"code": code}
    return _("The text holds the control character U+%(code)s, which a text may not hold.") % {
        "code": code
    }


def validate_fit_text(value: Any) -> None:
    """Raise ValidationError if ``value``, a string or JSON data (lists, mappings, their keys),
    holds a character no text may hold."""
    if isinstance(value, str):
        if (message := unfit_text_message(value)) is not None:
            raise ValidationError(message, code="unfit_character")
    elif isinstance(value, dict):
        for key, item in value.items():
            validate_fit_text(key)
            validate_fit_text(item)
    elif isinstance(value, list | tuple):
        for item in value:
            validate_fit_text(item)


def validate_time_zone(value: Any) -> None:
    """Raise ValidationError unless ``value`` names a zone of the IANA database, the plan
    model's rule (``comitia.plan.fields.is_time_zone``)."""
    if not isinstance(value, str) or not is_time_zone(value):
        raise ValidationError(
            _("Give a time zone of the IANA database, such as America/New_York."),
            code="unknown_time_zone",
        )


def validate_text(value: Any) -> None:
    """Raise ValidationError unless ``value`` maps known languages to non-blank text that
    holds no character a text may not hold."""
    if not isinstance(value, dict) or not value:
        raise ValidationError(
            "Give the text as a mapping of language to text, such as {'fr': '…'}."
        )
    for lang, text in value.items():
        if lang not in _LANGUAGES:
            raise ValidationError(f"{lang!r} is not one of the languages {sorted(_LANGUAGES)}.")
        if not isinstance(text, str) or not text.strip():
            raise ValidationError(f"The {lang!r} text is empty.")
        validate_fit_text(text)


def validate_texts(value: Any) -> None:
    if not isinstance(value, list):
        raise ValidationError("Give a list of texts.")
    for text in value:
        validate_text(text)


class MultilingualField(models.JSONField):
    """Text per language, original language first; ``None`` for SQL NULL when nullable."""

    description = "Text per language, original language first"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("validators", [validate_text])
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[Any, ...]:
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        value = super().from_db_value(value, expression, connection)
        if isinstance(expression, KeyTransform):
            return value
        return _as_mapping(value)

    def get_prep_value(self, value: Any) -> Any:
        return super().get_prep_value(_as_pairs(value))


class MultilingualListField(models.JSONField):
    """A list of texts per language (such as notes), each stored as ordered pairs."""

    description = "List of texts per language"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("validators", [validate_texts])
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[Any, ...]:
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        value = super().from_db_value(value, expression, connection)
        if isinstance(expression, KeyTransform) or not isinstance(value, list):
            return value
        return [_as_mapping(text) for text in value]

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, list):
            value = [_as_pairs(text) for text in value]
        return super().get_prep_value(value)


def validate_edtf(value: str) -> None:
    try:
        FuzzyDate.parse_edtf(value)
    except FuzzyDateError as error:
        raise ValidationError(str(error)) from None


def validate_edtf_list(value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(_('A list of EDTF dates, such as ["2020-40", "2020-41"].'))
    for item in value:
        validate_edtf(item)


def _plan_json(value: str, shape: Any) -> None:
    """Refuse a JSON text that the plan model does not accept as ``shape``, with its reason."""
    if not value:
        return
    try:
        TypeAdapter(shape).validate_json(value)
    except PydanticValidationError as error:
        raise ValidationError(str(error.errors(include_url=False)[0]["msg"])) from None


def validate_costing(value: str) -> None:
    """A meeting's costing as the plan file writes it (JSON), or empty."""
    _plan_json(value, MeetingCosting)


def validate_cost_rates(value: str) -> None:
    """A term's cost rates as the plan file writes them (a JSON list), or empty."""
    _plan_json(value, list[CostRates])


def fuzzy_bounds(text: str | None) -> tuple[Any, Any]:
    """First and last possible day of an EDTF text; ``(None, None)`` for none or ``XXXX``."""
    if not text:
        return None, None
    value = FuzzyDate.parse_edtf(text)
    return value.first_day, value.last_day


def bounds_in_order(prefix: str, name: str) -> models.CheckConstraint:
    """The first and last day of fuzzy date ``prefix`` are both set, in order, or both unset."""
    first, last = f"{prefix}_first", f"{prefix}_last"
    return models.CheckConstraint(
        condition=models.Q(**{f"{first}__isnull": True, f"{last}__isnull": True})
        | models.Q(**{f"{first}__lte": models.F(last)}),
        name=name,
    )


def edtf_field(**kwargs: Any) -> models.CharField:  # type: ignore[type-arg]
    """EDTF text of a fuzzy date, as written in plan files (``2020-40?``, ``XXXX``)."""
    kwargs.setdefault("max_length", 400)
    return models.CharField(validators=[validate_edtf], **kwargs)


class FuzzyBoundsMixin:
    """Keeps the ``*_first``/``*_last`` day columns of each EDTF column in ``FUZZY_FIELDS``.

    Saving through the ORM sets them; ``bulk_create`` does not, so ``convert`` sets them itself.
    """

    FUZZY_FIELDS: tuple[str, ...] = ()

    def sync_fuzzy_bounds(self) -> None:
        for name in self.FUZZY_FIELDS:
            first, last = fuzzy_bounds(getattr(self, name))
            setattr(self, f"{name}_first", first)
            setattr(self, f"{name}_last", last)

    def fuzzy(self, name: str) -> FuzzyDate | None:
        text = getattr(self, name)
        return FuzzyDate.parse_edtf(text) if text else None

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sync_fuzzy_bounds()
        super().save(*args, **kwargs)  # type: ignore[misc]


def optional_char(verbose_name: Any, *, max_length: int, **kwargs: Any) -> models.CharField:  # type: ignore[type-arg]
    """Text that a plan may leave out: NULL when absent, so an absent value and an empty
    one stay different and a plan reads back exactly as it was stored."""
    return models.CharField(verbose_name, max_length=max_length, null=True, blank=True, **kwargs)
