"""The organization's calendar: every committee's public meetings on one page and in one feed.

It shows what the public sees, to every reader: the published terms and, of each, its public
meetings (``visible_meetings`` and ``visible_plan_at`` at the public level), never a draft,
so that one page and one feed serve everyone and a draft meeting of one committee never
reaches the organization's calendar. Each committee's own calendar shows its secretariat
the rest.

Pages and feeds are kept by what they are made from: the shown terms' output versions and the
versions of their organizations (room names), the language, the filters and the address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser

from comitia.dates import format_day
from comitia.plan import Language, Plan, Text
from comitia.render.ics.organization import build_organization_feed, committee_colours
from comitia.web.home.overview import LocalText
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan, term_slug
from comitia.web.plans.output_version import output_version_pending
from comitia.web.publication.visibility import visible_meetings, visible_plan_at, visible_terms

from .feeds import _kept_or_built
from .pages import local, month_label

__all__ = [
    "CommitteeChoice",
    "OrganizationFilters",
    "calendar_name",
    "made_from",
    "organization_feed",
    "organization_months",
    "public_terms",
]


def public_terms() -> list[m.Term]:
    """The terms the public may see, every committee's, by committee and start."""
    rows = m.Term.objects.select_related("committee", "organization").order_by("slug")
    return visible_terms(AnonymousUser(), rows)


def made_from(terms: Sequence[m.Term]) -> tuple[Any, ...]:
    """What the organization's outputs of ``terms`` are made from beyond the terms' output
    versions: the version of each organization whose rooms they name (one query)."""
    ids = sorted({t.organization_id for t in terms if t.organization_id is not None})
    versions = m.Organization.objects.filter(pk__in=ids).order_by("pk").values_list("pk", "version")
    return ("organizations", tuple(versions))


def calendar_name(terms: Sequence[m.Term], lang: str) -> str | None:
    """The organization's name when every shown term belongs to the same one, else None."""
    organizations = {t.organization_id for t in terms}
    if len(organizations) != 1 or None in organizations:
        return None
    organization = terms[0].organization
    text = local(organization.name, lang) if organization is not None else None
    return text.text if text is not None else None


@dataclass(frozen=True)
class OrganizationFilters:
    """What the reader chose to see: one committee (a term's slug), room or language."""

    committee: str = ""
    room: str = ""
    language: str = ""

    @classmethod
    def from_query(cls, query: Any) -> OrganizationFilters:
        return cls(
            **{name: str(query.get(name, "")).strip()[:100] for name in cls.__dataclass_fields__}
        )

    @property
    def active(self) -> bool:
        return bool(self.committee or self.room or self.language)


@dataclass(frozen=True)
class CommitteeChoice:
    slug: str
    label: str
    colour: str


@dataclass(frozen=True)
class OrganizationMeeting:
    """One line of the organization's calendar."""

    slug: str
    key: str
    date: dt.date
    day: str
    start: str
    end: str
    committee: LocalText
    colour: str
    title: LocalText | None
    kind: str
    place: LocalText | None
    room: str
    status: str
    provisional: bool
    languages: tuple[str, ...]


def _rooms(terms: Sequence[m.Term]) -> dict[tuple[int, str], dict[str, str]]:
    ids = {t.organization_id for t in terms if t.organization_id is not None}
    return {
        (room.organization_id, room.key): room.name
        for room in m.Room.objects.filter(organization_id__in=ids)
    }


def organization_months(
    terms: Sequence[m.Term],
    filters: OrganizationFilters,
    lang: str,
    kind_names: dict[str, str],
) -> dict[str, Any]:
    """The public meetings of ``terms`` that pass ``filters``, grouped by month, and the
    filter form's choices (committees with their colours, rooms, languages)."""
    colours = committee_colours([t.committee.key for t in terms if t.committee is not None])
    rooms = _rooms(terms)
    committees: list[CommitteeChoice] = []
    lines: list[OrganizationMeeting] = []
    used_rooms: dict[str, str] = {}
    for term in terms:
        if term.committee is None:
            continue
        colour = colours[term.committee.key][1]
        acronym = local(term.committee.acronym, lang) or local(term.committee.name, lang)
        assert acronym is not None
        committees.append(CommitteeChoice(term.slug, f"{acronym.text} {term.label}", colour))
        if filters.committee and filters.committee != term.slug:
            continue
        meetings = visible_meetings(AnonymousUser(), term).order_by("date", "start", "position")
        for meeting in meetings:
            room_name = rooms.get((term.organization_id or 0, meeting.room))
            if meeting.room and room_name is not None:
                used_rooms.setdefault(
                    meeting.room, (local(room_name, lang) or LocalText("", None)).text
                )
            languages = tuple(meeting.languages or term.languages)
            if filters.room and meeting.room != filters.room:
                continue
            if filters.language and filters.language not in languages:
                continue
            place = local(meeting.venue, lang) or (
                local(room_name, lang) if room_name is not None else None
            )
            lines.append(
                OrganizationMeeting(
                    slug=term.slug,
                    key=meeting.key,
                    date=meeting.date,
                    day=format_day(meeting.date, lang, weekday=True),
                    start=f"{meeting.start:%H:%M}",
                    end=f"{meeting.end:%H:%M}",
                    committee=acronym,
                    colour=colour,
                    title=local(meeting.title, lang),
                    kind=kind_names.get(meeting.kind, meeting.kind),
                    place=place,
                    room=meeting.room,
                    status=meeting.status,
                    provisional=meeting.provisional,
                    languages=languages,
                )
            )
    lines.sort(key=lambda line: (line.date, line.start, line.slug, line.key))
    groups: list[dict[str, Any]] = []
    for line in lines:
        key = f"{line.date:%Y-%m}"
        if not groups or groups[-1]["key"] != key:
            groups.append(
                {
                    "key": key,
                    "label": month_label(line.date.year, line.date.month, lang),
                    "meetings": [],
                }
            )
        groups[-1]["meetings"].append(line)
    return {
        "groups": groups,
        "committees": committees,
        "rooms": sorted(used_rooms.items(), key=lambda item: item[1]),
        "languages": [lang_.value for lang_ in Language],
    }


# -- feeds -------------------------------------------------------------------------------------


def feed_key(
    terms: Sequence[m.Term], lang: str, state: str | None, calendar_url: str
) -> tuple[Any, ...]:
    """What the organization's feed is made from: the terms as of their output versions, their
    organizations' versions, the language, the state whose deadlines it adds, its address."""
    shown = tuple((t.pk, t.output_version) for t in terms)
    return ("organization-feed", shown, made_from(terms), lang, state, calendar_url)


def organization_feed(
    terms: Sequence[m.Term],
    lang: str,
    *,
    name: str,
    meeting_url: Callable[[str, str], str],
    calendar_url: str,
    state: tuple[str, str] | None = None,
) -> tuple[bytes, str]:
    """The feed's bytes and ETag: the public meetings of ``terms`` (and with ``state``, its
    code and name, the reporting deadlines that state owes), kept under ``feed_key``.
    ``meeting_url(slug, key)`` gives a meeting's page. Raise FeedError for an unknown
    language, PlanLoadError if a term's rows no longer make a valid plan."""
    key = feed_key(terms, lang, state[0] if state else None, calendar_url)

    def built() -> tuple[bytes, str]:
        plans: list[Plan] = [
            visible_plan_at(Visibility.PUBLIC, term, load_plan(term)) for term in terms
        ]
        rooms: dict[str, Text] = {}
        for row in m.Room.objects.filter(
            organization_id__in={t.organization_id for t in terms if t.organization_id}
        ):
            rooms.setdefault(row.key, Text.model_validate(row.name))
        content = build_organization_feed(
            plans,
            lang,
            name=name,
            rooms=rooms,
            meeting_url=lambda plan, meeting: meeting_url(term_slug(plan.term), meeting),
            calendar_url=calendar_url,
            state=state,
        )
        return content, '"' + hashlib.sha256(content).hexdigest()[:32] + '"'

    pending = any(output_version_pending(t.pk) for t in terms)
    return _kept_or_built(key, built, keep=not pending)
