"""What the importer does when a document lacks what the model document has.

A document laid out by another hand may name no committee in its title, or hold no heading for
a section. Neither stops the import: the committee is given with ``--committee`` (or stays
unnamed, with a warning), and the sections not found are listed in the report, so that a
secretariat importing last year's document sees what was not read instead of being refused.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from comitia.importer.bodies import KNOWN_BODIES
from comitia.importer.context import Context, slug
from comitia.importer.source import Line
from comitia.plan import Body

if TYPE_CHECKING:
    from comitia.importer.sections import Section

# The sections a work plan holds, in the order the report lists the ones it lacks.
EXPECTED = ("intro", "bureau", "mandates", "calendar", "summary")
# The id of the body that stands for a committee the document does not name.
UNNAMED = "committee"


def first_line(lines: list[Line]) -> int:
    """The number of the first non-blank line (the title's), 1 if there is none."""
    return next((line.number for line in lines if not line.blank), 1)


def committee_body(ctx: Context, acronym: str) -> str:
    """The id of the committee ``acronym`` names: a known body, or a body of that acronym."""
    wanted = acronym.strip()
    for known in KNOWN_BODIES:
        if any(a and a.casefold() == wanted.casefold() for a in known.acronyms.values()):
            return ctx.body(known.id)
    body_id = slug(wanted, 24)
    ctx.bodies.setdefault(
        body_id, Body(id=body_id, acronym=ctx.text(wanted), name=ctx.text(wanted))
    )
    return body_id


def unnamed_committee(ctx: Context, title: str) -> str:
    """A body for the committee that the document does not name, called by its title."""
    name = title.strip() or UNNAMED
    ctx.bodies.setdefault(UNNAMED, Body(id=UNNAMED, name=ctx.text(name)))
    return UNNAMED


def report_missing_sections(
    ctx: Context, by_name: dict[str, list[Section]], found: dict[str, bool] | None = None
) -> None:
    """List in the report the expected sections the document has no heading (or shape) for;
    ``found`` names those whose content was read elsewhere (an election told in prose)."""
    for name in EXPECTED:
        if name not in by_name and not (found or {}).get(name):
            ctx.report.missing.append(name)


def term_from_year(ctx: Context, title: str) -> None:
    """A title that names one year and no term ("Programme of work for 2022"): that year."""
    years = {int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", title)}
    if ctx.period is None and len(years) == 1:
        year = years.pop()
        ctx.period = (date(year, 1, 1), date(year, 12, 31))
