"""The one place that converts between the database and the plan model.

A term is named by its slug, the committee's identifier and the term's label joined by a
hyphen (``csh-2019-2020``); :func:`term_slug` makes it and :func:`find_term` finds a term by it.

``save_plan`` writes a plan with one ``bulk_create`` per table (agenda nodes one tree level at a
time), and ``load_plan`` reads a term with one query per table, so neither does more queries
for more meetings. On SQLite, Django splits an insert into batches of 999 parameters, so a
very large plan takes a few more insert statements there; PostgreSQL inserts each table at once.

Both raise :class:`PlanLoadError`, whose message is meant for the person loading or dumping.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from django.apps import apps
from django.db import (
    DataError,
    IntegrityError,
    connection,
    connections,
    models,
    router,
    transaction,
)
from django.db.models import QuerySet
from django.utils.text import slugify
from pydantic import ValidationError

from comitia.dates import FuzzyDate
from comitia.plan import DEFAULT_REMINDERS_AFTER, DEFAULT_REMINDERS_BEFORE, Plan, Text
from comitia.plan import AgendaNode as PlanAgendaNode
from comitia.plan import Citation as PlanCitation
from comitia.plan import Meeting as PlanMeeting
from comitia.plan import Move as PlanMove
from comitia.plan import Term as PlanTerm
from comitia.web.plans import models as m
from comitia.web.plans.carry_over import CarriedOver, CarryOverError
from comitia.web.plans.output_version import raise_output_version
from comitia.web.plans.paragraph_versions import KeptVersions

__all__ = [
    "PlanLoadError",
    "Tables",
    "find_term",
    "load_plan",
    "meeting_plan",
    "plan_of_rows",
    "rows_in_order",
    "save_plan",
    "term_rows",
    "term_slug",
]


class PlanLoadError(Exception):
    """A plan cannot be stored, or a stored term cannot be found or read back."""


def term_slug(term: PlanTerm) -> str:
    """The name of a plan's term in the database, such as ``csh-2019-2020``."""
    return slugify(f"{term.committee}-{term.label}")


def find_term(name: str) -> m.Term:
    """The term named ``name`` (its slug, any case); PlanLoadError lists the known ones."""
    slug = name.strip().lower()
    term = m.Term.objects.filter(slug=slug).first()
    if term is not None:
        return term
    known = list(m.Term.objects.order_by("slug").values_list("slug", flat=True))
    if not known:
        raise PlanLoadError(f"no term is named {name!r}: the database holds no term yet")
    raise PlanLoadError(f"no term is named {name!r}; the database holds: {', '.join(known)}")


# -- plan to database ------------------------------------------------------------------------


def save_plan(plan: Plan, *, replace: bool = False) -> m.Term:
    """Store ``plan`` as a new term and return it.

    If a term of the same name exists, raise PlanLoadError, or with ``replace`` delete it and
    store the plan in its place. Records of other apps that point into the replaced term (roles,
    proposals, its publication) are moved to the same rows of the new plan (see carry_over);
    PlanLoadError if the new plan drops a row they need. Everything happens in one transaction:
    on any error nothing is written.
    """
    if not connection.features.can_return_rows_from_bulk_insert:
        raise PlanLoadError(f"the {connection.vendor} database cannot return new rows' ids")
    slug = term_slug(plan.term)
    try:
        with transaction.atomic():
            existing = m.Term.objects.filter(slug=slug).first()
            if existing is not None:
                if not replace:
                    raise PlanLoadError(
                        f"the term {slug} is already in the database; "
                        "replace it explicitly (comitia load --replace) to load it again"
                    )
                held = CarriedOver(existing, apps.get_app_config("plans").get_models())
                versions = KeptVersions(existing)
                delete_term(existing)
                term = _Writer(plan, slug).write()
                versions.give_to(term)
                held.move_to(term)
                return term
            return _Writer(plan, slug).write()
    except (IntegrityError, DataError) as error:
        raise PlanLoadError(f"the plan of {slug} breaks a rule of the database: {error}") from error
    except CarryOverError as error:
        raise PlanLoadError(f"{slug} cannot be replaced by this plan: {error}") from error


# The tables of a plan, children first, each with the foreign key that leads from its rows to
# the term: straight to the term, or to a parent row that points to it.
_TABLES_OF_TERM: tuple[tuple[type[models.Model], str], ...] = (
    (m.AgendaPresenter, "node"),
    (m.Citation, "term"),
    (m.PreviousDate, "meeting"),
    (m.Submission, "obligation"),
    (m.Milestone, "negotiation"),
    (m.AgendaNode, "term"),
    (m.RequestedEvent, "term"),
    (m.Activity, "term"),
    (m.Meeting, "term"),
    (m.NonMeetingDay, "term"),
    (m.ReportingObligation, "term"),
    (m.Convention, "term"),
    (m.Appropriation, "term"),
    (m.Negotiation, "term"),
    (m.Officer, "term"),
    (m.Mandate, "term"),
    (m.Paragraph, "resolution"),
    (m.ResolutionSection, "resolution"),
    (m.Resolution, "term"),
    (m.ThematicArea, "term"),
    (m.PlanDocument, "term"),
    (m.Body, "term"),
    (m.Term, "id"),
)


def delete_term(term: m.Term) -> None:
    """Delete ``term`` and the rows of its plan, with one DELETE statement per table.

    Only the plan's own rows go: records of other apps that point into them (roles, proposals,
    the publication) are left for ``carry_over`` to move to the plan that replaces this one.
    ``QuerySet.delete()`` cannot do that: it emulates ON DELETE in Python, so it would delete
    those records too (their foreign keys cascade, rightly, when one meeting is deleted), and it
    first fetches every row it deletes and follows every key into them, in batches (the
    term's cascade took 65 queries for the model plan and 131 for 1,044 events, about ten
    times as long as these 19 statements; benchmarks/bench_delete_term.py). The statements go
    through the connection's cursor, with table and column names from the models' ``_meta``.

    Foreign keys are checked at commit (Django declares them deferred on SQLite and
    PostgreSQL), so the committee body that the term row points to may go before the term, and
    the other apps' references may point at deleted rows until they are moved; hence the
    transaction, which also makes the deletion all or nothing.
    """
    using = router.db_for_write(m.Term, instance=term)
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        for model, key in _TABLES_OF_TERM:
            cursor.execute(_delete_rows_of_term(model, key), [term.pk])


def _delete_rows_of_term(model: type[models.Model], key: str) -> str:
    """The DELETE statement of ``model``'s rows in the term whose primary key is its one
    parameter, found through ``key``: the primary key of a term, a foreign key to the term, or
    a foreign key to a parent whose ``term`` is it."""
    table = _name(model._meta.db_table)
    if model is m.Term:
        return f"DELETE FROM {table} WHERE {_name(_column(model._meta.get_field(key)))} = %s"
    field = model._meta.get_field(key)
    if not isinstance(field, models.ForeignKey):
        raise TypeError(f"{model.__name__}.{key} is not a foreign key")
    parent = field.related_model
    if parent is m.Term:
        return f"DELETE FROM {table} WHERE {_name(_column(field))} = %s"
    rows = (
        f"SELECT {_name(_column(parent._meta.pk))} FROM {_name(parent._meta.db_table)}"
        f" WHERE {_name(_column(parent._meta.get_field('term')))} = %s"
    )
    return f"DELETE FROM {table} WHERE {_name(_column(field))} IN ({rows})"


def _column(field: Any) -> str:
    """The column of a concrete field (a relation's reverse side has none)."""
    return str(field.column)


def _name(identifier: str) -> str:
    # The names are the models' own; SQLite and PostgreSQL, the databases Comitia runs on,
    # both quote with double quotes.
    return '"' + identifier.replace('"', '""') + '"'


def _organization(plan: Plan) -> m.Organization | None:
    """The stored organization the plan names; PlanLoadError if it is not stored."""
    if plan.organization is None:
        return None
    found = m.Organization.objects.filter(key=plan.organization).first()
    if found is None:
        raise PlanLoadError(
            f"the plan names the organization {plan.organization!r}, which is not in the "
            "database: load its organization file first (comitia load PLAN --organization ORG)"
        )
    return found


def _claims(plan: Plan) -> dict[str, Any]:
    """The plan's claims of its source document, as the JSON the term keeps them in."""
    data = plan.model_dump(mode="json", include={"summary_claims", "count_claims"})
    return {key: value for key, value in data.items() if value}


def _cost_rates(plan: Plan) -> str:
    """The plan's cost rates as the JSON text the term keeps; empty when it has none."""
    if not plan.cost_rates:
        return ""
    return json.dumps(plan.model_dump(mode="json", include={"cost_rates"})["cost_rates"])


def _costing(meeting: PlanMeeting) -> str:
    """A meeting's costing as the JSON text its row keeps; empty when it states nothing."""
    if meeting.costing is None:
        return ""
    return meeting.costing.model_dump_json(exclude_defaults=True)


def _json(text: str) -> Any:
    return json.loads(text) if text else None


def _text(value: Text | None) -> dict[str, str] | None:
    return None if value is None else {str(lang): text for lang, text in value.root.items()}


def _texts(values: Iterable[Text]) -> list[dict[str, str]]:
    return [{str(lang): text for lang, text in value.root.items()} for value in values]


def _pairs(value: Text) -> list[list[str]]:
    """A text inside a JSON column, as ordered ``[language, text]`` pairs: PostgreSQL's jsonb
    sorts an object's keys, and a text's first language is its original."""
    return [[str(lang), text] for lang, text in value.root.items()]


def _move_of(meeting: PlanMeeting, date: Any, position: int) -> PlanMove | None:
    """The move from ``date`` if ``position`` is the first of that date in previous_dates."""
    if meeting.previous_dates.index(date) != position:
        return None
    return next((move for move in meeting.moves if move.date == date), None)


def _fuzzy(prefix: str, value: FuzzyDate | None) -> dict[str, Any]:
    if value is None:
        return {prefix: None, f"{prefix}_first": None, f"{prefix}_last": None}
    return {
        prefix: str(value),
        f"{prefix}_first": value.first_day,
        f"{prefix}_last": value.last_day,
    }


class _Writer:
    """Writes one plan; each ``_write_*`` step inserts one table (or one agenda level)."""

    def __init__(self, plan: Plan, slug: str) -> None:
        self.plan = plan
        self.slug = slug
        self.citations: list[m.Citation] = []

    def write(self) -> m.Term:
        plan = self.plan
        self.term = m.Term.objects.create(
            slug=self.slug,
            label=plan.term.label,
            start=plan.term.start,
            end=plan.term.end,
            installed_on=plan.term.installed_on,
            timezone=plan.term.timezone,
            organization=_organization(plan),
            language=plan.language.value,
            languages=[lang.value for lang in plan.languages],
            document_claims=_claims(plan),
            cost_rates=_cost_rates(plan),
            translated_from={
                lang.value: dict(sources) for lang, sources in plan.translated_from.items()
            },
        )
        self._write_bodies()
        self._write_document()
        self.areas = self._bulk(
            m.ThematicArea(
                term=self.term, key=area.id, position=i, number=area.number, title=_text(area.title)
            )
            for i, area in enumerate(plan.thematic_areas)
        )
        self._write_resolutions()
        self.mandates = self._bulk(
            m.Mandate(
                term=self.term,
                key=mandate.id,
                position=i,
                group=mandate.group.value,
                title=_text(mandate.title),
                source=mandate.source,
                article=mandate.article,
                body=self._body(mandate.body),
                area=self.areas[mandate.area] if mandate.area else None,
                resolution=self.resolutions[mandate.resolution] if mandate.resolution else None,
                excluded_paragraphs=mandate.excluded_paragraphs,
                notes=_texts(mandate.notes),
            )
            for i, mandate in enumerate(plan.mandates)
        )
        self._insert(
            [
                m.Officer(
                    term=self.term,
                    position=i,
                    role=officer.role.value,
                    person=officer.person,
                    honorific=_text(officer.honorific),
                    appointment=_text(officer.position),
                    state=officer.state,
                    elected_on=officer.elected_on,
                    elected_by=self._body(officer.elected_by),
                )
                for i, officer in enumerate(plan.officers)
            ]
        )
        self._write_meetings()
        self._write_activities()
        self._write_follow_up()
        m.Citation.objects.bulk_create(self.citations)
        # The rows above were written in bulk, without signals (the term's own did raise it).
        raise_output_version(self.term.pk)
        return self.term

    def _bulk(self, rows: Iterable[Any]) -> dict[str, Any]:
        """Insert ``rows`` (all of one model, each with a ``key``) and map keys to rows."""
        created = type(self)._insert(list(rows))
        return {row.key: row for row in created}

    @staticmethod
    def _insert(rows: Sequence[Any]) -> Sequence[Any]:
        if not rows:
            return rows
        created: list[Any] = type(rows[0]).objects.bulk_create(rows)
        return created

    def _body(self, key: str | None) -> m.Body | None:
        return None if key is None else self.bodies[key]

    def _cite(self, citations: list[PlanCitation], **owner: Any) -> None:
        self.citations.extend(
            m.Citation(
                term=self.term,
                position=i,
                mandate=self.mandates[c.mandate] if c.mandate else None,
                symbol=c.symbol,
                paragraphs=c.paragraphs,
                article=c.article,
                **owner,
            )
            for i, c in enumerate(citations)
        )

    def _write_bodies(self) -> None:
        plan, term = self.plan, self.term
        self.bodies = self._bulk(
            m.Body(
                term=term,
                key=body.id,
                position=i,
                acronym=_text(body.acronym),
                name=_text(body.name),
            )
            for i, body in enumerate(plan.bodies)
        )
        children = []
        for body in plan.bodies:
            if body.parent is not None:
                row = self.bodies[body.id]
                row.parent = self.bodies[body.parent]
                children.append(row)
        if children:
            m.Body.objects.bulk_update(children, ["parent"])
        term.committee = self.bodies[plan.term.committee]
        term.installed_by = self._body(plan.term.installed_by)
        term.save(update_fields=["committee", "installed_by"])

    def _write_resolutions(self) -> None:
        plan = self.plan
        self.resolutions = self._bulk(
            m.Resolution(
                term=self.term,
                key=resolution.id,
                position=i,
                symbol=resolution.symbol,
                document_symbol=resolution.document_symbol,
                revision=resolution.revision,
                title=_text(resolution.title),
                state=resolution.state.value,
                adopted_on=resolution.adopted_on,
            )
            for i, resolution in enumerate(plan.resolutions)
        )
        sections = self._insert(
            [
                m.ResolutionSection(
                    resolution=self.resolutions[resolution.id],
                    key=section.id,
                    position=i,
                    area=self.areas[section.area] if section.area else None,
                    title=_text(section.title),
                )
                for resolution in plan.resolutions
                for i, section in enumerate(resolution.sections)
            ]
        )
        by_key = {(row.resolution.key, row.key): row for row in sections}
        self._insert(
            [
                m.Paragraph(
                    resolution=self.resolutions[resolution.id],
                    position=i,
                    number=p.number,
                    kind=p.kind.value,
                    section=by_key[resolution.id, p.section] if p.section else None,
                    text=_text(p.text),
                    subject=_text(p.subject),
                    subparagraphs=[
                        {"letter": sub.letter, "text": _pairs(sub.text)} for sub in p.subparagraphs
                    ],
                    footnotes=[
                        {"mark": note.mark, "text": _pairs(note.text)} for note in p.footnotes
                    ],
                    leads=list(p.leads),
                    status=p.status.value if p.status else None,
                    assigned_to=self._body(p.assigned_to),
                    from_symbol=p.from_.symbol if p.from_ else None,
                    from_number=p.from_.number if p.from_ else None,
                )
                for resolution in plan.resolutions
                for i, p in enumerate(resolution.paragraphs)
            ]
        )

    def _write_document(self) -> None:
        document = self.plan.document
        if document is not None:
            m.PlanDocument.objects.create(
                term=self.term,
                title=_text(document.title),
                symbol=document.symbol,
                revision=document.revision,
                approved_on=document.approved_on,
                approved_by=self._body(document.approved_by),
            )

    def _write_meetings(self) -> None:
        plan, term = self.plan, self.term
        self.meetings = self._bulk(
            m.Meeting(
                term=term,
                key=meeting.id,
                position=i,
                date=meeting.date,
                start=meeting.start,
                end=meeting.end,
                kind=meeting.kind.value,
                status=meeting.status.value,
                provisional=meeting.provisional,
                sequence=meeting.sequence,
                title=_text(meeting.title),
                venue=_text(meeting.venue),
                room=meeting.room or "",
                team=meeting.team or "",
                languages=[lang.value for lang in meeting.languages]
                if meeting.languages is not None
                else None,
                notes=_texts(meeting.notes),
                costing=_costing(meeting),
            )
            for i, meeting in enumerate(plan.meetings)
        )
        self._insert(
            [
                m.PreviousDate(
                    meeting=self.meetings[meeting.id],
                    position=i,
                    date=date,
                    reason=_text(move.reason) if move else None,
                    recorded_at=move.recorded_at if move else None,
                )
                for meeting in plan.meetings
                for i, date in enumerate(meeting.previous_dates)
                # A move is told on the first row of its date.
                for move in [_move_of(meeting, date, i)]
            ]
        )
        # One insert per tree level: a child needs its parent's id.
        level: list[tuple[m.Meeting, m.AgendaNode | None, int, PlanAgendaNode]] = [
            (self.meetings[meeting.id], None, i, node)
            for meeting in plan.meetings
            for i, node in enumerate(meeting.agenda)
        ]
        depth = 0
        presenters: list[m.AgendaPresenter] = []
        while level:
            rows = self._insert(
                [
                    m.AgendaNode(
                        term=term,
                        meeting=meeting,
                        parent=parent,
                        position=i,
                        depth=depth,
                        kind=node.kind.value,
                        area=self.areas[node.area] if node.area else None,
                        title=_text(node.title),
                        documents=node.documents,
                        notes=_texts(node.notes),
                        key=node.id or "",
                        after=node.after,
                    )
                    for meeting, parent, i, node in level
                ]
            )
            next_level: list[Any] = []
            for row, (meeting, _parent, _i, node) in zip(rows, level, strict=True):
                presenters.extend(
                    m.AgendaPresenter(node=row, body=self.bodies[key], position=p)
                    for p, key in enumerate(node.presenters)
                )
                self._cite(node.citations, node=row)
                next_level.extend((meeting, row, i, child) for i, child in enumerate(node.items))
            level = next_level
            depth += 1
        self._insert(presenters)

    def _write_activities(self) -> None:
        plan, term = self.plan, self.term
        self.activities = self._bulk(
            m.Activity(
                term=term,
                key=activity.id,
                position=i,
                title=_text(activity.title),
                body=self._body(activity.body),
                **_fuzzy("when", activity.when),
                provisional=activity.provisional,
                start=activity.start,
                end=activity.end,
                venue=_text(activity.venue),
                notes=_texts(activity.notes),
            )
            for i, activity in enumerate(plan.activities)
        )
        for activity in plan.activities:
            self._cite(activity.citations, activity=self.activities[activity.id])
        events = self._bulk(
            m.RequestedEvent(
                term=term,
                key=event.id,
                position=i,
                title=_text(event.title),
                **_fuzzy("when", event.when),
                venue=_text(event.venue),
                meeting=self.meetings[event.meeting] if event.meeting else None,
                activity=self.activities[event.activity] if event.activity else None,
            )
            for i, event in enumerate(plan.requested_events)
        )
        for event in plan.requested_events:
            self._cite(event.citations, requested_event=events[event.id])
        self._insert(
            [
                m.NonMeetingDay(term=term, position=i, date=day.date, name=_text(day.name))
                for i, day in enumerate(plan.non_meeting_days)
            ]
        )

    def _write_follow_up(self) -> None:
        plan, term = self.plan, self.term
        conventions = self._bulk(
            m.Convention(
                term=term,
                key=convention.id,
                position=i,
                title=_text(convention.title),
                states_parties=convention.states_parties,
                illustrative=convention.illustrative,
            )
            for i, convention in enumerate(plan.conventions)
        )
        obligations = self._bulk(
            m.ReportingObligation(
                term=term,
                key=obligation.id,
                position=i,
                title=_text(obligation.title),
                frequency=obligation.frequency.value,
                due=obligation.due,
                reference_year=obligation.reference_year,
                parties=obligation.parties.value,
                convention=conventions[obligation.convention] if obligation.convention else None,
                request=_texts(obligation.request),
                basis=obligation.basis,
                channel=obligation.channel,
                remind_before=obligation.remind_before,
                remind_after=obligation.remind_after,
            )
            for i, obligation in enumerate(plan.obligations)
        )
        self._insert(
            [
                m.Submission(
                    obligation=obligations[obligation.id],
                    position=i,
                    state=submission.state,
                    date=submission.date,
                    reference=submission.reference,
                    cycle=submission.cycle,
                    link=submission.link,
                    language=submission.language.value if submission.language else "",
                )
                for obligation in plan.obligations
                for i, submission in enumerate(obligation.submissions)
            ]
        )
        self._bulk(
            m.Appropriation(
                term=term,
                key=item.id,
                position=i,
                **_fuzzy("period", item.period),
                amount=item.amount,
                currency=item.currency,
                basis=item.basis,
                basis_title=_text(item.basis_title),
                approved_by=self._body(item.approved_by),
                notes=_texts(item.notes),
                parts=[str(part) for part in item.parts],
            )
            for i, item in enumerate(plan.appropriations)
        )
        negotiation = plan.negotiation
        if negotiation is not None:
            row = m.Negotiation.objects.create(
                term=term, title=_text(negotiation.title), **_fuzzy("starts", negotiation.starts)
            )
            self._insert(
                [
                    m.Milestone(
                        negotiation=row,
                        key=milestone.id,
                        position=i,
                        kind=milestone.kind.value,
                        title=_text(milestone.title),
                        **_fuzzy("when", milestone.when),
                        meeting=self.meetings[milestone.meeting] if milestone.meeting else None,
                        half_day_sessions=milestone.half_day_sessions,
                        full_day_sessions=milestone.full_day_sessions,
                    )
                    for i, milestone in enumerate(negotiation.milestones)
                ]
            )


# -- database to plan ------------------------------------------------------------------------


def load_plan(term: m.Term) -> Plan:
    """The plan stored as ``term``, read with one query per table.

    Raise PlanLoadError if the rows, as edited since they were loaded, no longer make a valid
    plan; the message lists what is wrong.
    """
    return plan_of_rows(term, _Queried(term))


class Tables(Protocol):
    """Where a plan's rows come from: ``rows(model)`` gives the term's rows of ``model`` in
    the order of :func:`term_rows`."""

    def rows(self, model: type[Any]) -> list[Any]: ...


def plan_of_rows(term: m.Term, tables: Tables) -> Plan:
    """The plan that ``tables`` hold for ``term``, validated.

    ``tables`` may hold only part of the term (some meetings, activities or obligations, and
    no rows of other tables): the result is then the plan of that part, as long as it keeps
    every body, thematic area and mandate its rows name. Raise PlanLoadError as load_plan.
    """
    data = _Reader(term, tables).read()
    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        # Each problem as "where: why", as plan files' errors read, without pydantic's input
        # dump (it would show a form's reader the stored values and pydantic's type codes).
        problems = "\n".join(
            f"{'.'.join(str(part) for part in problem['loc']) or '(the plan)'}: "
            f"{problem['msg'].removeprefix('Value error, ')}"
            for problem in error.errors(include_url=False)
        )
        raise PlanLoadError(f"the term {term.slug} is not a valid plan:\n{problems}") from error


def meeting_plan(term: m.Term, meeting: m.Meeting) -> Plan:
    """The plan of one meeting of ``term``: the meeting with its earlier dates and agenda, the
    term's bodies, and the thematic areas and mandates the agenda names; none of the term's
    other rows. Raise PlanLoadError as load_plan.

    Read with five queries whatever the size of the term (earlier dates, bodies, agenda nodes,
    presenters, citations), four if ``meeting.previous_dates`` is prefetched: the areas and
    mandates come with the nodes and citations that name them.
    """
    return plan_of_rows(term, _OneMeeting(term, meeting))


class _OneMeeting:
    def __init__(self, term: m.Term, meeting: m.Meeting) -> None:
        nodes = list(term_rows(m.AgendaNode, term).filter(meeting=meeting).select_related("area"))
        citations = list(
            term_rows(m.Citation, term)
            .filter(node__meeting=meeting)
            .select_related("mandate__area")
        )
        mandates = {c.mandate_id: c.mandate for c in citations if c.mandate is not None}
        areas = {node.area_id: node.area for node in nodes if node.area is not None}
        areas.update({x.area_id: x.area for x in mandates.values() if x.area is not None})
        self._tables: dict[type[Any], list[Any]] = {
            m.Body: list(term_rows(m.Body, term)),
            m.ThematicArea: sorted(areas.values(), key=lambda area: (area.position, area.pk)),
            m.Mandate: sorted(mandates.values(), key=lambda x: (x.position, x.pk)),
            m.Meeting: [meeting],
            m.PreviousDate: list(meeting.previous_dates.all()),
            m.AgendaNode: nodes,
            m.AgendaPresenter: list(
                term_rows(m.AgendaPresenter, term).filter(node__meeting=meeting)
            ),
            m.Citation: citations,
        }

    def rows(self, model: type[Any]) -> list[Any]:
        return self._tables.get(model, [])


# How each table's rows belong to a term, and their order: the plan's order, then the primary
# key, so the same rows always come in the same order.
_OWNERS: dict[type[Any], tuple[str, tuple[str, ...]]] = {
    m.PreviousDate: ("meeting__term", ("meeting_id", "position")),
    m.AgendaPresenter: ("node__term", ("node_id", "position")),
    m.AgendaNode: ("term", ("depth", "position")),
    m.Submission: ("obligation__term", ("obligation_id", "position")),
    m.Milestone: ("negotiation__term", ("position",)),
    m.ResolutionSection: ("resolution__term", ("resolution_id", "position")),
    m.Paragraph: ("resolution__term", ("resolution_id", "position")),
    m.PlanDocument: ("term", ()),
    m.Negotiation: ("term", ()),
}


def term_rows(model: type[Any], term: m.Term) -> QuerySet[Any]:
    """The rows of ``model`` that belong to ``term``, in a fixed order."""
    owner, _ = _OWNERS.get(model, ("term", ()))
    return rows_in_order(model).filter(**{owner: term})


def rows_in_order(model: type[Any]) -> QuerySet[Any]:
    """The rows of ``model``, in the order of ``term_rows``."""
    _, order = _OWNERS.get(model, ("term", ("position",)))
    rows: QuerySet[Any] = model.objects.order_by(*order, "pk")
    return rows


class _Queried:
    def __init__(self, term: m.Term) -> None:
        self.term = term

    def rows(self, model: type[Any]) -> list[Any]:
        return list(term_rows(model, self.term))


def _optional(data: dict[str, Any], **values: Any) -> dict[str, Any]:
    """``data`` with those ``values`` that are set, so defaults stay defaults."""
    data.update({name: value for name, value in values.items() if value not in (None, [])})
    return data


def _reminder_days(item: m.ReportingObligation) -> dict[str, list[int]]:
    """The obligation's reminder days that differ from the defaults (an empty list too), so
    a plan file states only what differs."""
    days = {"remind_before": list(item.remind_before), "remind_after": list(item.remind_after)}
    defaults = {
        "remind_before": list(DEFAULT_REMINDERS_BEFORE),
        "remind_after": list(DEFAULT_REMINDERS_AFTER),
    }
    return {name: value for name, value in days.items() if value != defaults[name]}


class _Reader:
    def __init__(self, term: m.Term, tables: Tables) -> None:
        self.term = term
        self._rows = tables.rows

    def read(self) -> dict[str, Any]:
        term = self.term
        bodies = self._rows(m.Body)
        self.body_keys = {body.pk: body.key for body in bodies}
        areas = self._rows(m.ThematicArea)
        self.area_keys = {area.pk: area.key for area in areas}
        resolutions = self._resolutions()
        mandates = self._rows(m.Mandate)
        self.mandate_keys = {mandate.pk: mandate.key for mandate in mandates}
        self.citations: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
        for c in self._rows(m.Citation):
            owner = (
                ("node", c.node_id)
                if c.node_id
                else ("activity", c.activity_id)
                if c.activity_id
                else ("event", c.requested_event_id)
            )
            self.citations[owner].append(
                _optional(
                    {},
                    mandate=self.mandate_keys.get(c.mandate_id),
                    symbol=c.symbol,
                    paragraphs=c.paragraphs,
                    article=c.article,
                )
            )
        if term.committee_id is None:
            raise PlanLoadError(f"the term {term.slug} names no committee")
        data: dict[str, Any] = {
            **term.document_claims,
            "translated_from": term.translated_from,
            "language": term.language,
            "languages": term.languages,
            "cost_rates": _json(term.cost_rates) or [],
            # One query, only for a term of an organization.
            **(
                {"organization": term.organization.key}
                if term.organization_id is not None and term.organization is not None
                else {}
            ),
            "term": _optional(
                {
                    "committee": self.body_keys[term.committee_id],
                    "label": term.label,
                    "start": term.start,
                    "end": term.end,
                    "timezone": term.timezone,
                },
                installed_on=term.installed_on,
                installed_by=self._body(term.installed_by_id),
            ),
        }
        document = next(iter(self._rows(m.PlanDocument)), None)
        if document is not None:
            data["document"] = _optional(
                {"title": document.title, "symbol": document.symbol, "revision": document.revision},
                approved_on=document.approved_on,
                approved_by=self._body(document.approved_by_id),
            )
        data["bodies"] = [
            _optional(
                {"id": body.key, "name": body.name},
                acronym=body.acronym,
                parent=self._body(body.parent_id),
            )
            for body in bodies
        ]
        data["officers"] = [
            _optional(
                {
                    "role": officer.role,
                    "person": officer.person,
                    "state": officer.state,
                    "elected_on": officer.elected_on,
                    "elected_by": self.body_keys[officer.elected_by_id],
                },
                honorific=officer.honorific,
                position=officer.appointment,
            )
            for officer in self._rows(m.Officer)
        ]
        data["thematic_areas"] = [
            {"id": area.key, "number": area.number, "title": area.title} for area in areas
        ]
        data["mandates"] = [
            _optional(
                {
                    "id": mandate.key,
                    "group": mandate.group,
                    "title": mandate.title,
                    "source": mandate.source,
                },
                article=mandate.article,
                body=self._body(mandate.body_id),
                area=self.area_keys.get(mandate.area_id),
                resolution=self.resolution_keys.get(mandate.resolution_id),
                excluded_paragraphs=mandate.excluded_paragraphs,
                notes=mandate.notes,
            )
            for mandate in mandates
        ]
        if resolutions:
            data["resolutions"] = resolutions
        data["meetings"] = self._meetings()
        data.update(self._activities())
        data["non_meeting_days"] = [
            {"date": day.date, "name": day.name} for day in self._rows(m.NonMeetingDay)
        ]
        data.update(self._follow_up())
        return data

    def _body(self, pk: int | None) -> str | None:
        return None if pk is None else self.body_keys[pk]

    def _resolutions(self) -> list[dict[str, Any]]:
        rows = self._rows(m.Resolution)
        self.resolution_keys = {row.pk: row.key for row in rows}
        if not rows:
            return []  # most terms hold none: no query of their sections and paragraphs
        sections: dict[int, list[m.ResolutionSection]] = defaultdict(list)
        section_keys: dict[int, str] = {}
        for section in self._rows(m.ResolutionSection):
            sections[section.resolution_id].append(section)
            section_keys[section.pk] = section.key
        paragraphs: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for p in self._rows(m.Paragraph):
            paragraphs[p.resolution_id].append(
                _optional(
                    {"number": p.number, "kind": p.kind},
                    section=section_keys.get(p.section_id) if p.section_id else None,
                    text=p.text,
                    subject=p.subject,
                    subparagraphs=[
                        {"letter": sub["letter"], "text": dict(sub["text"])}
                        for sub in p.subparagraphs
                    ],
                    footnotes=[
                        {"mark": note["mark"], "text": dict(note["text"])} for note in p.footnotes
                    ],
                    leads=p.leads,
                    status=p.status,
                    assigned_to=self._body(p.assigned_to_id),
                    **{"from": {"symbol": p.from_symbol, "number": p.from_number}}
                    if p.from_symbol is not None
                    else {},
                )
            )
        return [
            _optional(
                {"id": row.key, "title": row.title, "state": row.state, "revision": row.revision},
                symbol=row.symbol,
                document_symbol=row.document_symbol,
                adopted_on=row.adopted_on,
                sections=[
                    _optional(
                        {"id": section.key},
                        area=self.area_keys.get(section.area_id),
                        title=section.title,
                    )
                    for section in sections.get(row.pk, [])
                ],
                paragraphs=paragraphs.get(row.pk),
            )
            for row in rows
        ]

    def _meetings(self) -> list[dict[str, Any]]:
        previous: dict[int, list[Any]] = defaultdict(list)
        moves: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in self._rows(m.PreviousDate):
            previous[row.meeting_id].append(row.date)
            if row.reason is not None or row.recorded_at is not None:
                moves[row.meeting_id].append(
                    _optional({"date": row.date}, reason=row.reason, recorded_at=row.recorded_at)
                )
        presenters: dict[int, list[str]] = defaultdict(list)
        for presenter in self._rows(m.AgendaPresenter):
            presenters[presenter.node_id].append(self.body_keys[presenter.body_id])
        self.presenters = presenters
        self.children: dict[tuple[int, int | None], list[m.AgendaNode]] = defaultdict(list)
        for node in self._rows(m.AgendaNode):
            self.children[node.meeting_id, node.parent_id].append(node)
        meetings = self._rows(m.Meeting)
        self.meeting_keys = {meeting.pk: meeting.key for meeting in meetings}
        return [
            _optional(
                {
                    "id": meeting.key,
                    "date": meeting.date,
                    "start": meeting.start,
                    "end": meeting.end,
                    "kind": meeting.kind,
                    "status": meeting.status,
                    "provisional": meeting.provisional,
                    "sequence": meeting.sequence,
                },
                previous_dates=previous.get(meeting.pk),
                moves=moves.get(meeting.pk),
                title=meeting.title,
                venue=meeting.venue,
                room=meeting.room or None,
                team=meeting.team or None,
                languages=meeting.languages,
                agenda=self._tree(meeting.pk, None),
                notes=meeting.notes,
                costing=_json(meeting.costing),
            )
            for meeting in meetings
        ]

    def _tree(self, meeting_id: int, parent_id: int | None) -> list[dict[str, Any]]:
        # A method, not a closure: a closure that calls itself is a reference cycle, which
        # would keep every row read alive until the garbage collector runs.
        return [
            _optional(
                {"kind": node.kind},
                id=node.key or None,
                area=self.area_keys.get(node.area_id),
                title=node.title,
                presenters=self.presenters.get(node.pk),
                citations=self.citations.get(("node", node.pk)),
                documents=node.documents,
                notes=node.notes,
                items=self._tree(meeting_id, node.pk),
                after=node.after,
            )
            for node in self.children.get((meeting_id, parent_id), [])
        ]

    def _activities(self) -> dict[str, Any]:
        activities = self._rows(m.Activity)
        activity_keys = {activity.pk: activity.key for activity in activities}
        meeting_keys = self.meeting_keys
        return {
            "activities": [
                _optional(
                    {
                        "id": activity.key,
                        "title": activity.title,
                        "when": activity.when,
                        "provisional": activity.provisional,
                    },
                    body=self._body(activity.body_id),
                    start=activity.start,
                    end=activity.end,
                    venue=activity.venue,
                    citations=self.citations.get(("activity", activity.pk)),
                    notes=activity.notes,
                )
                for activity in activities
            ],
            "requested_events": [
                _optional(
                    {"id": event.key, "title": event.title, "when": event.when},
                    venue=event.venue,
                    meeting=meeting_keys.get(event.meeting_id),
                    activity=activity_keys.get(event.activity_id),
                    citations=self.citations.get(("event", event.pk)),
                )
                for event in self._rows(m.RequestedEvent)
            ],
        }

    def _follow_up(self) -> dict[str, Any]:
        submissions: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for submission in self._rows(m.Submission):
            submissions[submission.obligation_id].append(
                _optional(
                    {"state": submission.state, "date": submission.date},
                    reference=submission.reference,
                    cycle=submission.cycle,
                    link=submission.link,
                    language=submission.language or None,
                )
            )
        convention_keys = {}
        conventions = []
        for convention in self._rows(m.Convention):
            convention_keys[convention.pk] = convention.key
            conventions.append(
                _optional(
                    {"id": convention.key, "title": convention.title},
                    states_parties=convention.states_parties,
                    illustrative=convention.illustrative or None,
                )
            )
        data: dict[str, Any] = {
            "conventions": conventions,
            "obligations": [
                _optional(
                    {
                        "id": item.key,
                        "title": item.title,
                        "frequency": item.frequency,
                        "parties": item.parties,
                        **_reminder_days(item),
                    },
                    due=item.due,
                    reference_year=item.reference_year,
                    convention=convention_keys.get(item.convention_id),
                    request=item.request,
                    basis=item.basis,
                    channel=item.channel,
                    submissions=submissions.get(item.pk),
                )
                for item in self._rows(m.ReportingObligation)
            ],
            "appropriations": [
                _optional(
                    {
                        "id": item.key,
                        "period": item.period,
                        "amount": item.amount,
                        "currency": item.currency,
                        "basis": item.basis,
                    },
                    basis_title=item.basis_title,
                    approved_by=self._body(item.approved_by_id),
                    notes=item.notes,
                    parts=item.parts,
                )
                for item in self._rows(m.Appropriation)
            ],
        }
        negotiation = next(iter(self._rows(m.Negotiation)), None)
        if negotiation is not None:
            data["negotiation"] = _optional(
                {
                    "milestones": [
                        _optional(
                            {"id": item.key, "kind": item.kind, "title": item.title},
                            when=item.when,
                            meeting=self.meeting_keys.get(item.meeting_id),
                            half_day_sessions=item.half_day_sessions,
                            full_day_sessions=item.full_day_sessions,
                        )
                        for item in self._rows(m.Milestone)
                    ]
                },
                title=negotiation.title,
                starts=negotiation.starts,
            )
        return data
