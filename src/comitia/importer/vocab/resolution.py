"""Words for reading resolutions and drafts, per language: the fixed wording that a document
prints around the paragraphs.

The wording that Comitia's renderer prints is read from the renderer's catalog
(``comitia.catalog``), so a document that Comitia wrote is always read back; ``ResolutionWords``
adds, per language, what other documents write for the same things (OAS drafts spell a status
or an opening formula in several ways). Statuses are keyed by ``ParagraphStatus`` values.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from comitia.catalog import translations

# The renderer's messages (comitia.render.document.resolution), by what they mark.
STATUS_MESSAGES = {
    "proposed": "(Proposed)",
    "informal_consultations": "(Under informal consultations)",
    "agreed_ad_referendum": "(Agreed ad referendum)",
    "agreed": "(Agreed)",
    "pending": "(Pending)",
    "withdrawn": "(Withdrawn)",
}
OPENING_MESSAGE = "THE GENERAL ASSEMBLY,"
RESOLVES_MESSAGE = "RESOLVES:"
DRAFT_MESSAGE = "DRAFT RESOLUTION"
NOT_HELD_MESSAGE = "[Text not held.]"
SUBJECT_MESSAGE = "Subject:"
LEAD_MESSAGES = ("Lead delegation: {states}", "Lead delegations: {states}")
FOLLOWED_MESSAGE = "Followed up by: {body}"
CHANGES_MESSAGE = "Changes from {revision}"
ADOPTED_MESSAGE = "(Adopted on {date})"
# The heading of the annex that lists again the texts printed untranslated.
AWAITING_MESSAGE = "Texts awaiting translation"


@dataclass(frozen=True)
class ResolutionWords:
    """What documents in one language write besides Comitia's own wording."""

    openings: tuple[str, ...] = ()
    resolves: tuple[str, ...] = ()
    drafts: tuple[str, ...] = ()
    statuses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Labels before the lead delegations ("Chefs de file :"), colon included.
    leads: tuple[str, ...] = ()


_EXTRA = {
    "en": ResolutionWords(
        openings=("THE GENERAL ASSEMBLY:",),
        resolves=("RESOLVES TO:",),
        statuses={
            "agreed_ad_referendum": ("(Agreed ad ref.)",),
            "informal_consultations": ("(In informal consultations)",),
        },
        leads=("Lead delegations:", "Lead delegation:", "Lead:"),
    ),
    "fr": ResolutionWords(
        openings=("L'ASSEMBLÉE GÉNÉRALE,",),
        resolves=("DÉCIDE:",),
        statuses={"agreed_ad_referendum": ("(Approuvé ad referendum)",)},
        leads=("Chefs de file :", "Chef de file :", "Chefs de file:", "Chef de file:"),
    ),
    "es": ResolutionWords(
        openings=("LA ASAMBLEA GENERAL:",),
        statuses={
            "agreed_ad_referendum": ("(Acordado ad referendum)", "(Aprobado ad referéndum)"),
            "agreed": ("(Aprobado)",),
        },
        leads=("Coordinador:", "Coordinadores:", "Delegación proponente:"),
    ),
    "pt": ResolutionWords(
        openings=("A ASSEMBLEIA GERAL:",),
        statuses={"agreed_ad_referendum": ("(Acordado ad referéndum)",)},
        leads=("Coordenador:", "Coordenadores:"),
    ),
}


@dataclass(frozen=True)
class Vocabulary:
    """Every wording of one language: the catalog's, then the other documents'."""

    openings: tuple[str, ...]
    resolves: tuple[str, ...]
    drafts: tuple[str, ...]
    statuses: tuple[tuple[str, str], ...]  # (wording, status), longest wording first
    leads: tuple[str, ...]  # labels, longest first
    followed: str  # the label before the body ("Followed up by:")
    not_held: str
    subject: str
    changes: str  # the comparison's subtitle, up to its placeholder
    adopted: str  # "(Adopted on {date})"
    awaiting: str  # the heading of the annex of texts awaiting translation


def _label(template: str) -> str:
    """The fixed part of a message before its placeholder: "Lead delegation:"."""
    return template.split("{", 1)[0].strip()


@functools.cache
def vocabulary(lang: str) -> Vocabulary:
    """The wording of ``lang``; KeyError for a language with no words."""
    extra = _EXTRA[lang]
    t = translations(lang)
    statuses = [(t.gettext(message), status) for status, message in STATUS_MESSAGES.items()]
    statuses += [(w, status) for status, words in extra.statuses.items() for w in words]
    leads = [_label(t.ngettext(*LEAD_MESSAGES, n)) for n in (1, 2)] + list(extra.leads)
    return Vocabulary(
        openings=(t.gettext(OPENING_MESSAGE), *extra.openings),
        resolves=(t.gettext(RESOLVES_MESSAGE), *extra.resolves),
        drafts=(t.gettext(DRAFT_MESSAGE), *extra.drafts),
        statuses=tuple(sorted(set(statuses), key=lambda pair: -len(pair[0]))),
        leads=tuple(sorted(set(leads), key=len, reverse=True)),
        followed=_label(t.gettext(FOLLOWED_MESSAGE)),
        not_held=t.gettext(NOT_HELD_MESSAGE),
        subject=t.gettext(SUBJECT_MESSAGE),
        changes=_label(t.gettext(CHANGES_MESSAGE)),
        adopted=t.gettext(ADOPTED_MESSAGE),
        awaiting=t.gettext(AWAITING_MESSAGE),
    )
