"""Field types shared by the plan model: languages, multilingual text, identifiers, times.

Every type here validates on input and serializes to the plain form that plan files use, so a
plan written to YAML or JSON reads back to an equal plan.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import zoneinfo
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    RootModel,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic import BaseModel as _BaseModel
from pydantic_core import InitErrorDetails, PydanticCustomError

from comitia.dates import FuzzyDate, FuzzyDateError


class Language(enum.StrEnum):
    """The four official languages of the model organization, by ISO 639-1 code."""

    FR = "fr"
    EN = "en"
    ES = "es"
    PT = "pt"


# What no text may hold, wherever it enters (plan files, imports, forms, the API, the admin):
# control characters other than tab and line feed (C0, DEL and C1: PostgreSQL cannot store NUL
# and XML 1.0, inside DOCX, cannot hold most of C0), and lone surrogates, halves of a UTF-16
# pair that are not characters: UTF-8 cannot encode them, so a text holding one breaks every
# page, feed, download and file written from it. These are exactly the categories Cc and Cs.
_UNFIT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


UNFIT_CHARACTER = "unfit_character"  # the type of the validation error


def unfit_character(text: str) -> str | None:
    """The first character of ``text`` that no text may hold, or None if it has none.

    This is the one rule for every text that enters Comitia; callers word the refusal in their
    reader's language (``unfit_message`` in plan files' English).
    """
    match = _UNFIT.search(text)
    return match[0] if match else None


def is_surrogate(character: str) -> bool:
    return "\ud800" <= character <= "\udfff"


def unfit_message(character: str) -> str:
    """Why a text holding ``character`` (found by ``unfit_character``) is refused."""
    if is_surrogate(character):
        return (
            f"the text holds U+{ord(character):04X}, half of a UTF-16 surrogate pair, "
            "which is not a character"
        )
    return f"the text holds the control character U+{ord(character):04X}"


def _unfit_error(model: str, location: tuple[str | int, ...], text: str) -> ValidationError:
    character = unfit_character(text)
    assert character is not None
    return field_error(model, location, unfit_message(character), text, kind=UNFIT_CHARACTER)


class PlanModel(_BaseModel):
    """Base of every plan object: unknown fields are errors, so a typo never passes silently."""

    # defer_build: each model's validator is built when first used, not when its class is
    # defined: a command that reads one plan builds the Plan's once (with every model inside)
    # instead of one per class at import, a sixth of ``comitia export``'s start-up.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)

    @model_validator(mode="after")
    def _only_fit_characters(self) -> Self:
        # Every plain string of every plan object (names, symbols, paragraphs), not only Text,
        # which checks its own; in one place, so that a field added later is covered too.
        for name, value in self.__dict__.items():
            if isinstance(value, str):
                if _UNFIT.search(value):
                    raise _unfit_error(type(self).__name__, (name,), value)
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, str) and _UNFIT.search(item):
                        raise _unfit_error(type(self).__name__, (name, index), item)
        return self


class Text(RootModel[dict[Language, str]]):
    """Human-readable text per language.

    The first language listed is the one the text was written in (its original); the others are
    translations. ``get`` falls back to the original when a translation is missing and says so,
    so that readers can be shown the fallback visibly.
    """

    root: dict[Language, str] = Field(
        min_length=1,
        description="Text per language; the first entry is the original language.",
    )

    @model_validator(mode="before")
    @classmethod
    def _accept_plain_mapping(cls, value: Any) -> Any:
        if isinstance(value, Text):
            return value.root
        return value

    @model_validator(mode="after")
    def _no_blank_entries(self) -> Text:
        for lang, text in self.root.items():
            if not text.strip():
                raise ValueError(f"the {lang.value!r} text is empty")
            if (character := unfit_character(text)) is not None:
                raise ValueError(unfit_message(character))
        return self

    @classmethod
    def of(cls, original: Language | str, text: str, **translations: str) -> Text:
        """Text written in ``original``, with optional translations keyed by language code."""
        values = {Language(original): text}
        values.update({Language(lang): value for lang, value in translations.items()})
        return cls(values)

    @property
    def original(self) -> Language:
        return next(iter(self.root))

    def get(self, lang: Language | str) -> tuple[str, bool]:
        """The text in ``lang`` and whether it is a fallback to the original language."""
        wanted = Language(lang)
        if wanted in self.root:
            return self.root[wanted], False
        return self.root[self.original], True

    def __getitem__(self, lang: Language | str) -> str:
        return self.root[Language(lang)]

    def __iter__(self) -> Iterator[Language]:  # type: ignore[override]
        return iter(self.root)

    def __str__(self) -> str:
        return self.root[self.original]


IDENTIFIER_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Identifier = Annotated[
    str,
    Field(
        pattern=IDENTIFIER_PATTERN,
        max_length=64,
        description="A stable identifier: lower-case letters, digits and hyphens.",
    ),
]

_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def _parse_hhmm(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str) and (match := _HHMM.match(value)):
        return dt.time(int(match[1]), int(match[2]))
    raise ValueError(f"expected a time as HH:MM (for example 10:00), got {value!r}")


Time = Annotated[
    dt.time,
    BeforeValidator(_parse_hhmm),
    PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str),
    WithJsonSchema({"type": "string", "pattern": _HHMM.pattern, "examples": ["10:00"]}),
]


def _parse_fuzzy(value: Any) -> FuzzyDate:
    if isinstance(value, FuzzyDate):
        return value
    if isinstance(value, dt.date):
        # YAML reads an unquoted 2019-10-24 as a date.
        return FuzzyDate.day(value)
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML reads an unquoted 2020 as a number.
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected an EDTF date such as 2020-03 or 2020-40, got {value!r}")
    try:
        return FuzzyDate.parse_edtf(value)
    except FuzzyDateError as error:
        raise ValueError(str(error)) from None


EDTF_DESCRIPTION = (
    "A fuzzy date in EDTF (ISO 8601-2): a day (2019-10-24), days ({2020-02-03,2020-02-05}), "
    "a range (2019-10-30/2019-10-31, or of months: 2019-10/2019-12), a month (2020-03), "
    "a quarter (2020-33 to 2020-36), "
    "a semester (2020-40, 2020-41), a year (2020) or XXXX (to be confirmed); "
    "a trailing ? marks it provisional."
)

Fuzzy = Annotated[
    FuzzyDate,
    BeforeValidator(_parse_fuzzy),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "description": EDTF_DESCRIPTION, "examples": ["2020-40"]}),
]


def _canonical_amount(value: Decimal) -> Decimal:
    """A whole amount without decimals (126200), any other with two (1500.50).

    Whatever the file or the database wrote (1500.5, 1500.50, 126200.00), the same amount
    then prints the same way, so writing a plan and reading it back gives the same text.
    """
    whole = value.to_integral_value()
    return whole if value == whole else value.quantize(Decimal("0.01"))


Amount = Annotated[
    Decimal,
    Field(ge=0, max_digits=14, decimal_places=2),
    AfterValidator(_canonical_amount),
]


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_time_zone(name: str) -> bool:
    """Whether ``name`` is a zone of the IANA time zone database, such as America/New_York.

    Only names the database lists: ``ZoneInfo`` alone would open any file under the zone
    directory by a name such as ``../../etc/passwd`` or ``zone.tab`` and fail later, in a feed.
    """
    return name in _time_zones()


def _check_time_zone(value: str) -> str:
    if not is_time_zone(value):
        shown = value if len(value) <= 80 else f"{value[:80]}…"
        raise ValueError(
            f"{shown!r} is not a time zone of the IANA database (such as America/New_York)"
        )
    return value


TimeZone = Annotated[str, AfterValidator(_check_time_zone)]


_MONTH_DAY = re.compile(r"^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def _check_month_day(value: Any) -> Any:
    if not isinstance(value, str) or not (match := _MONTH_DAY.match(value)):
        raise ValueError(f"expected a yearly date as --MM-DD (for example --03-15), got {value!r}")
    try:
        dt.date(2000, int(match[1]), int(match[2]))  # a leap year, so --02-29 is allowed
    except ValueError:
        raise ValueError(f"{value!r} is not a day of the year") from None
    return value


MonthDay = Annotated[
    str,
    BeforeValidator(_check_month_day),
    WithJsonSchema({"type": "string", "pattern": _MONTH_DAY.pattern, "examples": ["--04-15"]}),
]


def field_error(
    model: str,
    field: str | tuple[str | int, ...],
    message: str,
    value: Any,
    *,
    kind: str = "invalid_combination",
) -> ValidationError:
    """A validation error located at ``field`` (a name or a path), for rules that a model
    checks across fields or over all its fields.

    Raised from a model validator, it keeps its location, so a plan file's error message can
    name the line of the offending field rather than the start of the object.
    """
    location = field if isinstance(field, tuple) else (field,)
    return ValidationError.from_exception_data(
        model,
        [InitErrorDetails(type=PydanticCustomError(kind, message), loc=location, input=value)],
    )
