"""What the checks pages show, computed from a plan and the stored term.

Links to objects go to their page in the admin site (where staff correct them); one query per
kind of object found, whatever the number of findings.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from comitia.checks import (
    Address,
    AreaCoverage,
    CoverageState,
    Finding,
    ObjectKind,
    ObjectRef,
    ParagraphCoverage,
)
from comitia.dates import format_day
from comitia.web.home.overview import LocalText
from comitia.web.plans import models as m

# The stored model of each kind of object a finding can name, and how it reaches its term.
_MODELS: dict[ObjectKind, tuple[type[Model], str]] = {
    ObjectKind.MEETING: (m.Meeting, "term"),
    ObjectKind.ACTIVITY: (m.Activity, "term"),
    ObjectKind.MANDATE: (m.Mandate, "term"),
    ObjectKind.BODY: (m.Body, "term"),
    ObjectKind.REQUESTED_EVENT: (m.RequestedEvent, "term"),
    ObjectKind.OBLIGATION: (m.ReportingObligation, "term"),
    ObjectKind.APPROPRIATION: (m.Appropriation, "term"),
    ObjectKind.MILESTONE: (m.Milestone, "negotiation__term"),
    ObjectKind.RESOLUTION: (m.Resolution, "term"),
}


@dataclass(frozen=True)
class ObjectLink:
    label: str
    url: str | None


@dataclass(frozen=True)
class FindingLine:
    code: str
    severity: str
    message: str
    hint: str
    dates: list[str]
    objects: list[ObjectLink]


def object_labels() -> dict[ObjectKind, str]:
    return {
        ObjectKind.MEETING: _("meeting"),
        ObjectKind.ACTIVITY: _("activity"),
        ObjectKind.MANDATE: _("mandate"),
        ObjectKind.BODY: _("body"),
        ObjectKind.REQUESTED_EVENT: _("requested event"),
        ObjectKind.OBLIGATION: _("reporting obligation"),
        ObjectKind.MILESTONE: _("milestone"),
        ObjectKind.SUMMARY_CLAIM: _("summary entry"),
        ObjectKind.COUNT_CLAIM: _("stated count"),
        ObjectKind.DOCUMENT: _("plan document"),
        ObjectKind.APPROPRIATION: _("appropriation"),
        ObjectKind.RESOLUTION: _("resolution"),
        ObjectKind.OTHER_MEETING: _("meeting of another committee"),
    }


def admin_links(term: m.Term, refs: Iterable[ObjectRef]) -> dict[ObjectRef, str]:
    """The admin page of each object that has one: one query per kind of object."""
    wanted: dict[ObjectKind, set[str]] = defaultdict(set)
    for ref in refs:
        wanted[ref.kind].add(ref.id)
    links: dict[ObjectRef, str] = {}
    for kind, ids in wanted.items():
        if kind in _MODELS:
            model, path = _MODELS[kind]
            rows = model._default_manager.filter(**{path: term, "key__in": ids})
            name = f"admin:{model._meta.app_label}_{model._meta.model_name}_change"
            for key, pk in rows.values_list("key", "pk"):
                links[ObjectRef(kind, key)] = reverse(name, args=[pk])
        elif kind is ObjectKind.OTHER_MEETING:
            # Another committee's meeting (its term/key; never one the reader may not see,
            # which a finding does not name): its page in that committee's calendar.
            for id_ in ids:
                slug, _sep, key = id_.partition("/")
                links[ObjectRef(kind, id_)] = reverse("calendar:meeting", args=[slug, key])
        elif kind in (ObjectKind.SUMMARY_CLAIM, ObjectKind.COUNT_CLAIM, ObjectKind.DOCUMENT):
            # Claims and the plan document are kept on the term.
            url = reverse("admin:plans_term_change", args=[term.pk])
            links.update({ObjectRef(kind, id_): url for id_ in ids})
    return links


def finding_lines(term: m.Term, findings: Sequence[Finding], lang: str) -> list[FindingLine]:
    links = admin_links(term, (ref for f in findings for ref in f.objects))
    labels = object_labels()
    return [
        FindingLine(
            code=f.code,
            severity=f.severity.value,
            message=f.message(lang),
            hint=f.hint(lang),
            dates=[format_day(d, lang) for d in f.dates],
            objects=[ObjectLink(_object_label(ref, labels), links.get(ref)) for ref in f.objects],
        )
        for f in findings
    ]


def _object_label(ref: ObjectRef, labels: dict[ObjectKind, str]) -> str:
    if ref.kind in (ObjectKind.SUMMARY_CLAIM, ObjectKind.COUNT_CLAIM):
        # Claims are named by their place in the plan's list; people count from 1.
        return f"{labels[ref.kind]} {int(ref.id) + 1}"
    return f"{labels[ref.kind]} {ref.id}"


def state_labels() -> dict[CoverageState, str]:
    return {
        CoverageState.NOT_SCHEDULED: _("not scheduled"),
        CoverageState.SCHEDULED: _("scheduled"),
        CoverageState.PRESENTED: _("presented"),
    }


@dataclass(frozen=True)
class ItemLine:
    meeting_id: str
    day: str
    iso_date: str
    title: LocalText | None
    paragraphs: str


@dataclass(frozen=True)
class CoverageLine:
    mandate_id: str
    title: LocalText | None
    source: str
    state: str
    state_label: str
    items: list[ItemLine]
    # A mandate cited in several thematic areas has a line in each; the first one carries the
    # mandate's anchor (a page's ids are unique), where the draft's links lead.
    anchored: bool = True


@dataclass(frozen=True)
class ParagraphLine:
    """A paragraph the committee follows up: its text, else its subject (text not held)."""

    anchor: str
    resolution: str
    number: str
    text: LocalText | None
    subject: LocalText | None
    state: str
    state_label: str
    items: list[ItemLine]


@dataclass(frozen=True)
class AreaLines:
    number: int | None
    title: LocalText | None
    mandates: list[CoverageLine]
    paragraphs: list[ParagraphLine] = field(default_factory=list)


def _source(plan_mandate_source: str, article: str | None) -> str:
    return f"{plan_mandate_source}, {article}" if article else plan_mandate_source


def _item_lines(addresses: Iterable[Address], lang: str) -> list[ItemLine]:
    return [
        ItemLine(
            meeting_id=a.meeting.id,
            day=format_day(a.meeting.date, lang),
            iso_date=a.meeting.date.isoformat(),
            title=LocalText.of(a.node.title, lang),
            paragraphs=", ".join(a.paragraphs),
        )
        for a in addresses
    ]


def _paragraph_line(
    row: ParagraphCoverage, lang: str, labels: dict[CoverageState, str]
) -> ParagraphLine:
    return ParagraphLine(
        anchor=f"{row.resolution.id}-{slugify(row.paragraph.number)}",
        resolution=row.resolution.label,
        number=row.paragraph.number,
        text=LocalText.of(row.paragraph.text, lang),
        subject=LocalText.of(row.paragraph.subject, lang),
        state=row.state.value,
        state_label=labels[row.state],
        items=_item_lines(row.addresses, lang),
    )


def coverage_lines(
    areas: Sequence[AreaCoverage], lang: str, paragraphs: Sequence[ParagraphCoverage] = ()
) -> list[AreaLines]:
    """The coverage by thematic area: its mandates, then the paragraphs of its section of the
    resolutions mandates come from (``paragraphs``, from ``paragraph_coverage``)."""
    labels = state_labels()
    by_area: dict[int | None, list[ParagraphLine]] = defaultdict(list)
    titles: dict[int | None, LocalText | None] = {}
    for row in paragraphs:
        number = row.area.number if row.area else None
        by_area[number].append(_paragraph_line(row, lang, labels))
        titles[number] = LocalText.of(row.area.title, lang) if row.area else None
    lines = [
        AreaLines(
            number=area.area.number if area.area else None,
            title=LocalText.of(area.area.title, lang) if area.area else None,
            mandates=[
                CoverageLine(
                    mandate_id=c.mandate.id,
                    title=LocalText.of(c.mandate.title, lang),
                    source=_source(c.mandate.source, c.mandate.article),
                    state=c.state.value,
                    state_label=labels[c.state],
                    items=_item_lines(c.addresses, lang),
                )
                for c in area.mandates
            ],
            paragraphs=by_area.pop(area.area.number if area.area else None, []),
        )
        for area in areas
    ]
    # Areas where only paragraphs sit (no mandate is placed there).
    lines.extend(
        AreaLines(number=number, title=titles[number], mandates=[], paragraphs=rows)
        for number, rows in by_area.items()
    )
    lines.sort(key=lambda line: (line.number is None, line.number or 0))
    # A mandate's anchor on its first line only, in the page's order.
    anchored: set[str] = set()
    for line in lines:
        for i, mandate in enumerate(line.mandates):
            if mandate.mandate_id in anchored:
                line.mandates[i] = replace(mandate, anchored=False)
            anchored.add(mandate.mandate_id)
    return lines


def coverage_csv(
    areas: Sequence[AreaCoverage], lang: str, paragraphs: Sequence[ParagraphCoverage] = ()
) -> str:
    """The coverage as CSV text, one row per mandate and area, then one per paragraph the
    committee follows up (``paragraphs``), starting with a BOM. A paragraph's row names its
    mandate, its resolution as source, its number and its text (else its subject).

    The byte order mark makes spreadsheet programs read the file as UTF-8, so accents show.
    """
    labels = state_labels()
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Area number"),
            _("Thematic area"),
            _("Mandate id"),
            _("Mandate"),
            _("Source"),
            _("State"),
            _("Meetings"),
            _("Agenda items"),
            _("Paragraph"),
            _("Text or subject"),
        ]
    )
    for area in areas:
        for c in area.mandates:
            writer.writerow(
                [
                    area.area.number if area.area else "",
                    area.area.title.get(lang)[0] if area.area else "",
                    c.mandate.id,
                    c.mandate.title.get(lang)[0],
                    _source(c.mandate.source, c.mandate.article),
                    labels[c.state],
                    "; ".join(meeting.date.isoformat() for meeting in c.meetings),
                    "; ".join(_items(c.addresses, lang)),
                    "",
                    "",
                ]
            )
    for row in paragraphs:
        words = row.paragraph.text or row.paragraph.subject
        writer.writerow(
            [
                row.area.number if row.area else "",
                row.area.title.get(lang)[0] if row.area else "",
                row.mandate.id,
                row.mandate.title.get(lang)[0],
                row.resolution.label,
                labels[row.state],
                "; ".join(meeting.date.isoformat() for meeting in row.meetings),
                "; ".join(_items(row.addresses, lang)),
                row.paragraph.number,
                words.get(lang)[0] if words is not None else "",
            ]
        )
    return out.getvalue()


def _items(addresses: Iterable[Address], lang: str) -> list[str]:
    return [
        (a.node.title.get(lang)[0] if a.node.title else "")
        + (f" (§ {', '.join(a.paragraphs)})" if a.paragraphs else "")
        for a in addresses
    ]


def today_in(term: m.Term) -> dt.date:
    """Today at the headquarters of ``term`` (its time zone)."""
    return timezone.now().astimezone(ZoneInfo(term.timezone)).date()
