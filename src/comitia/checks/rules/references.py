"""References (REF): paragraphs of the mandates, presenters named in titles, document symbols.

Plan validation already refuses a citation of a mandate that is not in the register and a
presenter that is not a body of the plan; these rules check what validation cannot.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from comitia.checks.engine import Context, Hit, ObjectKind, ObjectRef, Severity, rule
from comitia.checks.symbols import symbol_problem
from comitia.plan import Citation

_PARAGRAPH = re.compile(r"^\d{1,4}(?:\s?(?:bis|ter|quater|[a-z]))?$")
_RANGE = re.compile(r"^(\d{1,4})\s?[-–]\s?(\d{1,4})$")
# The longest range of paragraphs expanded to look for excluded ones.
_LONGEST_RANGE = 1000


def paragraph_numbers(paragraph: str) -> list[str] | None:
    """The paragraphs a citation's paragraph names ("9-14": 9 to 14), or None if malformed."""
    text = paragraph.strip()
    if _PARAGRAPH.match(text):
        return [text]
    if (match := _RANGE.match(text)) is not None:
        first, last = int(match[1]), int(match[2])
        if first < last and last - first <= _LONGEST_RANGE:
            return [str(n) for n in range(first, last + 1)]
    return None


def _citations(context: Context) -> Iterator[tuple[Citation, dict[str, object], ObjectRef]]:
    """Every citation of the plan, with how to name where it is and the object holding it."""
    for placed in context.placed_nodes:
        meeting = placed.meeting
        for citation in placed.node.citations:
            yield citation, {"date": meeting.date}, ObjectRef(ObjectKind.MEETING, meeting.id)
    for activity in context.plan.activities:
        where = {"title": activity.title, "variant": "other"}
        for citation in activity.citations:
            yield citation, where, ObjectRef(ObjectKind.ACTIVITY, activity.id)
    for event in context.plan.requested_events:
        where = {"title": event.title, "variant": "other"}
        for citation in event.citations:
            yield citation, where, ObjectRef(ObjectKind.REQUESTED_EVENT, event.id)


def _dates(where: dict[str, object]) -> tuple[dt.date, ...]:
    date = where.get("date")
    return (date,) if isinstance(date, dt.date) else ()


@rule("REF001", Severity.ERROR)
def excluded_paragraph_cited(context: Context) -> Iterator[Hit]:
    """A citation of a paragraph that the register says was assigned to other bodies."""
    mandates = {m.id: m for m in context.plan.mandates}
    for citation, where, ref in _citations(context):
        mandate = mandates.get(citation.mandate) if citation.mandate else None
        if mandate is None or not mandate.excluded_paragraphs:
            continue
        excluded = set(mandate.excluded_paragraphs)
        for paragraph in citation.paragraphs:
            for number in paragraph_numbers(paragraph) or []:
                if number in excluded:
                    params = {**where, "paragraph": number, "source": mandate.source}
                    mandate_ref = ObjectRef(ObjectKind.MANDATE, mandate.id)
                    yield Hit(params, _dates(where), (ref, mandate_ref))


@rule("REF002", Severity.ERROR)
def malformed_paragraph(context: Context) -> Iterator[Hit]:
    for citation, where, ref in _citations(context):
        for paragraph in citation.paragraphs:
            if paragraph_numbers(paragraph) is None:
                yield Hit({"paragraph": paragraph}, _dates(where), (ref,))


# "Exposé du SSM", "Rapport de la JID", "Presentation by the SSM", "Informe del SSM",
# "Apresentação da JID": a title that says who presents, in the four languages.
_PRESENTED_BY = re.compile(
    r"^\s*(?:exposé|rapport|présentation|briefing|presentation|report|informe|presentación|"
    r"exposición|apresentação|relatório|exposição)\s+"
    r"(?:du|de\s+la|de\s+l[’']|des|par\s+le|par\s+la|par\s+l[’']|by\s+the|by|of\s+the|"
    r"del|de\s+los|de\s+las|por\s+el|por\s+la|do|da|dos|das|pelo|pela)\s*"
    r"(?P<acronym>[A-Z][A-Z0-9]{1,7})\b",
    re.IGNORECASE,
)


@rule("REF003", Severity.WARNING)
def unknown_presenter_named(context: Context) -> Iterator[Hit]:
    """An agenda item whose title names as presenter an acronym that is no body of the plan."""
    for placed in context.placed_nodes:
        title = placed.node.title
        if title is None:
            continue
        for value in title.root.values():
            match = _PRESENTED_BY.match(value)
            if match is None or not match["acronym"].isupper():
                continue
            if match["acronym"] not in context.acronyms:
                meeting = placed.meeting
                yield Hit(
                    {"title": title, "date": meeting.date, "acronym": match["acronym"]},
                    (meeting.date,),
                    (ObjectRef(ObjectKind.MEETING, meeting.id),),
                )
                break


def _symbols(context: Context) -> Iterator[tuple[str, ObjectRef]]:
    plan = context.plan
    if plan.document is not None:
        yield plan.document.symbol, ObjectRef(ObjectKind.DOCUMENT, "document")
    for mandate in plan.mandates:
        if "/" in mandate.source:  # a source may also be the Charter, by name
            yield mandate.source, ObjectRef(ObjectKind.MANDATE, mandate.id)
    for placed in context.placed_nodes:
        ref = ObjectRef(ObjectKind.MEETING, placed.meeting.id)
        for symbol in placed.node.documents:
            yield symbol, ref
    for citation, _where, ref in _citations(context):
        if citation.symbol is not None:
            yield citation.symbol, ref
    for obligation in plan.obligations:
        for symbol in obligation.basis:
            yield symbol, ObjectRef(ObjectKind.OBLIGATION, obligation.id)
    for appropriation in plan.appropriations:
        yield appropriation.basis, ObjectRef(ObjectKind.APPROPRIATION, appropriation.id)


@rule("REF004", Severity.ERROR)
def malformed_symbol(context: Context) -> Iterator[Hit]:
    latest = context.plan.term.end.year + 1
    seen: set[tuple[str, ObjectRef]] = set()
    for symbol, ref in _symbols(context):
        if (symbol, ref) in seen:
            continue
        seen.add((symbol, ref))
        problem = symbol_problem(symbol, latest_year=latest)
        if problem is not None:
            variant = None if problem == "format" else problem
            yield Hit({"symbol": symbol, "variant": variant}, (), (ref,))
