"""The member states of the model organization, by ISO 3166-1 alpha-2 code.

Names come from the Unicode CLDR through Babel, never typed by hand, so they follow each
language's conventions and stay correct as CLDR is updated.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

# The 35 member states of the Organization of American States.
OAS_MEMBER_STATES: tuple[str, ...] = (
    "AG", "AR", "BB", "BO", "BR", "BS", "BZ", "CA", "CL", "CO", "CR", "CU",
    "DM", "DO", "EC", "GD", "GT", "GY", "HN", "HT", "JM", "KN", "LC", "MX",
    "NI", "PA", "PE", "PY", "SR", "SV", "TT", "US", "UY", "VC", "VE",
)  # fmt: skip

_LOCALES = {"fr": "fr", "en": "en", "es": "es", "pt": "pt"}


@cache
def _territories(lang: str) -> dict[str, str]:
    from babel import Locale  # when a name is first asked for: reading a plan needs none

    try:
        locale = Locale.parse(_LOCALES[lang])
    except KeyError:
        raise ValueError(f"unknown language {lang!r}; expected one of fr, en, es, pt") from None
    return dict(locale.territories)


def state_name(code: str, lang: str) -> str:
    """The name of member state ``code`` in ``lang``; ValueError for an unknown code or language."""
    if code not in OAS_MEMBER_STATES:
        raise ValueError(f"{code!r} is not a member state")
    return _territories(str(lang))[code]


def _check_state(value: Any) -> Any:
    if not isinstance(value, str) or value.upper() not in OAS_MEMBER_STATES:
        raise ValueError(
            f"expected a member state's ISO 3166 code (such as PE or US), got {value!r}"
        )
    return value.upper()


StateCode = Annotated[
    str,
    BeforeValidator(_check_state),
    WithJsonSchema({"type": "string", "enum": list(OAS_MEMBER_STATES)}),
]
