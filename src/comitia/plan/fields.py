"""Field types shared by the plan model: languages, multilingual text, identifiers, times.

Every type here validates on input and serializes to the plain form that plan files use, so a
plan written to YAML or JSON reads back to an equal plan.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any

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


class PlanModel(_BaseModel):
    """Base of every plan object: unknown fields are errors, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


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
            # Control characters cannot be stored by PostgreSQL (NUL) or printed in documents.
            _no_control_characters(text)
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


def _no_control_characters(text: str) -> str:
    for character in text:
        if unicodedata.category(character) == "Cc" and character not in "\t\n":
            raise ValueError(f"the text holds the control character U+{ord(character):04X}")
    return text


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


def field_error(model: str, field: str, message: str, value: Any) -> ValidationError:
    """A validation error located at ``field``, for rules that a model checks across fields.

    Raised from a model validator, it keeps its location, so a plan file's error message can
    name the line of the offending field rather than the start of the object.
    """
    return ValidationError.from_exception_data(
        model,
        [
            InitErrorDetails(
                type=PydanticCustomError("invalid_combination", message), loc=(field,), input=value
            )
        ],
    )
