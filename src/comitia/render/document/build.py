"""Build the work-plan document from a plan, in one language, as blocks (see ``blocks``).

The sections follow the model document (CP/CSH-1933/19 rev. 2): introduction, bureau, mandates,
methodology, budget, general considerations, the calendar in two columns, the month-by-month
summary, the activities still to be confirmed and the reminders of reports. Every count, the
summary, the half and full days, the budget differences and the notes on moved meetings are
derived from the plan. Content missing in the document's language is printed in its original
language and listed at the end, in a compact table: where each text first appears (the section,
and in the calendar the meeting's or activity's date) and the beginning of the text, one line
each, so that a secretariat can find every text to translate.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import string
from collections.abc import Iterator, Sequence
from decimal import Decimal

from babel import Locale
from babel.dates import get_month_names

from comitia import articles
from comitia.budget import plan_budget
from comitia.dates import FuzzyDate, Precision, format_day
from comitia.dates.vocab import vocabulary
from comitia.plan import Plan
from comitia.plan.entities import (
    Activity,
    AgendaKind,
    AgendaNode,
    Appropriation,
    Frequency,
    Mandate,
    MandateGroup,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MilestoneKind,
    OfficerRole,
    Parties,
    ReportingObligation,
)
from comitia.plan.fields import Text
from comitia.render.document import derive
from comitia.render.document.blocks import (
    AgendaPlace,
    Block,
    Document,
    Element,
    Heading,
    Inline,
    ItemList,
    ListItem,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Row,
    RowKind,
    Span,
    Table,
    TableKind,
)
from comitia.render.document.changes import changes_annex
from comitia.render.document.i18n import Wording
from comitia.revisions import Change
from comitia.symbols import Session, find_symbols, session_of

_ROLE_ORDER = list(OfficerRole)


def _holds(outer: FuzzyDate, inner: FuzzyDate) -> bool:
    """Whether ``inner`` is a strict part of ``outer`` (October to December of 2019)."""
    first, last = outer.first_day, outer.last_day
    inner_first, inner_last = inner.first_day, inner.last_day
    if first is None or last is None or inner_first is None or inner_last is None:
        return False
    return (
        first <= inner_first and inner_last <= last and (first, last) != (inner_first, inner_last)
    )


# Characters of a text shown in the annex of texts awaiting translation: one line of its column.
_EXCERPT_LENGTH = 80
_FIELDS = string.Formatter()


def build_document(
    plan: Plan,
    lang: str,
    *,
    changes: Sequence[Change] | None = None,
    since: str | None = None,
) -> Document:
    """The whole document for ``plan`` in ``lang`` (en, fr, es or pt).

    With ``changes`` (from ``comitia.revisions.compare``) and ``since`` (such as "rev. 1"), the
    document ends with the annex "Changes since rev. 1". Raises ``UnknownLanguage`` (a
    ``RenderError``) for any other language.
    """
    builder = _Builder(plan, lang)
    if changes is not None:
        builder.changes = (list(changes), since or "")
    return builder.build()


class _Builder:
    def __init__(self, plan: Plan, lang: str) -> None:
        self.plan = plan
        self.lang = lang
        self.w = Wording(lang)
        self.elements: list[Element] = []
        self.untranslated: dict[str, str] = {}
        # Where each untranslated text first appears: (section heading, date in the calendar).
        self.place: tuple[str, str] = (self.w._("Document title"), "")
        self.untranslated_places: dict[str, tuple[str, str]] = {}
        self.bodies = {body.id: body for body in plan.bodies}
        self.areas = {area.id: area for area in plan.thematic_areas}
        self.meetings = {meeting.id: meeting for meeting in plan.meetings}
        self.activities = {activity.id: activity for activity in plan.activities}
        self.resolutions = {resolution.id: resolution for resolution in plan.resolutions}
        self.changes: tuple[list[Change], str] | None = None

    # ------------------------------------------------------------------ helpers

    def text(self, value: Text, *, bold: bool = False, italic: bool = False) -> Span:
        """Content in the document's language, or in its original language, recorded."""
        printed, fallback = value.get(self.lang)
        if fallback:
            self.untranslated.setdefault(printed, value.original.value)
            self.untranslated_places.setdefault(printed, self.place)
            return Span(printed, bold=bold, italic=italic, lang=value.original.value)
        return Span(printed, bold=bold, italic=italic)

    def plain(self, value: Text) -> str:
        return self.text(value).text

    def note(self, value: Text | str) -> Span:
        if isinstance(value, str):
            return Span(value, note=True)
        span = self.text(value)
        return Span(span.text, note=True, lang=span.lang)

    @staticmethod
    def sentence(message: str, **values: str | Span | Inline) -> Inline:
        """A translated ``message`` (``w._(text)`` given no values) filled in, as spans.

        A value given as spans keeps its marks (the language of content printed untranslated)
        in a span of its own, so that the formats can mark that language inside a sentence of
        the document's language, which ``plain`` cannot; the rest is merged into few spans.
        """
        spans: list[Span] = []
        text = ""
        for literal, field, spec, _ in _FIELDS.parse(message):
            text += literal
            if field is None:
                continue
            value = values[field]
            for part in (value,) if isinstance(value, str | Span) else value:
                if isinstance(part, str):
                    text += format(part, spec or "")
                elif part == Span(part.text):
                    text += part.text
                else:
                    if text:
                        spans.append(Span(text))
                    spans.append(part)
                    text = ""
        if text:
            spans.append(Span(text))
        return tuple(spans)

    def quoted(self, value: Text) -> Inline:
        """``value`` between the document language's quotation marks, keeping its language."""
        opening, closing = self.w.quotation_marks()
        return (Span(opening), self.text(value), Span(closing))

    def body_label(self, body_id: str | None) -> str:
        return self.body_name(body_id).text

    def body_name(self, body_id: str | None) -> Span:
        if body_id is None or body_id not in self.bodies:
            return Span("")
        return self.text(self.bodies[body_id].name)

    def acronym(self) -> str:
        return self.acronym_span().text

    def full_name(self, body_id: str | None) -> tuple[str, str]:
        """A body's name and its language (the document's, or its original's while it is not
        translated), for the gender of its article only."""
        body = self.bodies.get(body_id) if body_id is not None else None
        if body is None:
            return "", self.lang
        name, fallback = body.name.get(self.lang)
        return name, body.name.original.value if fallback else self.lang

    def named(self, key: str, printed: Span, full_name: tuple[str, str]) -> dict[str, Inline]:
        """The placeholders of a name in a sentence, as spans: ``key`` and, with the article
        of ``full_name``'s gender, ``key_the``, ``key_of_the``, ``key_by_the`` and
        ``key_The`` (see :mod:`comitia.articles`)."""
        values: dict[str, Inline] = {key: (printed,)}
        name, name_lang = full_name
        for form in articles.Form:
            before, after = articles.around(
                form, printed.text, name or printed.text, self.lang, name_lang
            )
            values[f"{key}_{form.value}"] = (Span(before), printed, Span(after))
            if form is articles.Form.THE:
                values[f"{key}_The"] = (Span(articles.capitalized(before)), printed, Span(after))
        return values

    def named_text(self, key: str, printed: str, full_name: tuple[str, str]) -> dict[str, str]:
        """The placeholders of :meth:`named` as plain text."""
        name, name_lang = full_name
        return articles.forms(key, printed, name or printed, self.lang, name_lang)

    def acronym_span(self) -> Span:
        committee = self.bodies.get(self.plan.term.committee)
        if committee is None:
            return Span(self.plan.term.committee.upper())
        return self.text(committee.acronym) if committee.acronym else self.text(committee.name)

    def day(self, d: dt.date, *, weekday: bool = False) -> str:
        return format_day(d, self.lang, weekday=weekday)

    def para(self, *spans: Span | str, style: ParagraphStyle = ParagraphStyle.BODY) -> Paragraph:
        return Paragraph(tuple(Span(s) if isinstance(s, str) else s for s in spans), style)

    def add(self, *elements: Element) -> None:
        for element in elements:
            if isinstance(element, Heading):
                self.place = (element.text, "")
        self.elements.extend(elements)

    def figure(self, item_amount: Decimal, currency: str) -> str:
        """An amount in figures, as the Organization prints it: "US$ 126 200", "US$126,200"."""
        sign = "-" if item_amount < 0 else ""
        if currency == "USD":
            return sign + self.w._("US$ {amount}", amount=self.w.amount(abs(item_amount)))
        return f"{sign}{currency} {self.w.amount(abs(item_amount))}"

    def money(self, item_amount: Decimal, currency: str) -> str:
        """An amount in figures and in words, as the Organization's prose prints it."""
        if currency == "USD":
            words = self.w._("{words} dollars", words=self.w.amount_in_words(item_amount))
        else:
            words = f"{self.w.amount_in_words(item_amount)} {currency}"
        return f"{self.figure(item_amount, currency)} ({words})"

    # ------------------------------------------------------------------ sections

    def build(self) -> Document:
        self.title()
        self.introduction()
        self.bureau()
        self.mandates()
        self.methodology()
        self.budget()
        self.general_considerations()
        self.add(PageBreak())
        self.calendar()
        self.add(PageBreak())
        self.summary()
        self.to_be_confirmed()
        self.reminders()
        if self.changes is not None:
            self.add(PageBreak(), *changes_annex(self.changes[0], self.lang, self.changes[1]))
        self.awaiting_translation()
        document = self.plan.document
        return Document(
            lang=self.lang,
            title=self._title_text(),
            symbol=document.symbol if document else None,
            elements=tuple(self.elements),
            untranslated=tuple((lang, text) for text, lang in self.untranslated.items()),
        )

    def _title_text(self) -> str:
        if self.plan.document is not None:
            return self.plain(self.plan.document.title)
        return self.w._(
            "Work plan and calendar of activities {term} {committee_of_the}",
            term=self.plan.term.label,
            **self.named_text(
                "committee", self.acronym(), self.full_name(self.plan.term.committee)
            ),
        )

    def title(self) -> None:
        document = self.plan.document
        if document is not None:
            self.add(self.para(document.symbol, style=ParagraphStyle.SYMBOL))
        title = self.text(document.title) if document is not None else Span(self._title_text())
        self.add(Paragraph((title,), ParagraphStyle.TITLE))
        if document is not None and document.approved_on is not None:
            self.add(
                self.para(
                    self.w._(
                        "(Approved by the Committee on {date})",
                        date=self.day(document.approved_on),
                    ),
                    style=ParagraphStyle.SUBTITLE,
                )
            )

    def introduction(self) -> None:
        w, term = self.w, self.plan.term
        self.add(Heading(1, "1. " + w._("Introduction")))
        committee = self.bodies.get(term.committee)
        if term.installed_on is not None and committee is not None:
            self.add(
                self.para(
                    *self.sentence(
                        w._(
                            "{body_The}, at its meeting of {date}, installed {committee_the} "
                            "({acronym}) for the period {term}."
                        ),
                        **self.named(
                            "body",
                            self.body_name(term.installed_by),
                            self.full_name(term.installed_by),
                        ),
                        date=self.day(term.installed_on),
                        **self.named(
                            "committee", self.text(committee.name), self.full_name(committee.id)
                        ),
                        acronym=self.acronym_span(),
                        term=term.label,
                    )
                )
            )
        self.add(
            self.para(
                w._(
                    "This work plan comprises the activities that the Committee will carry out "
                    "to follow up the matters entrusted to it and to negotiate the draft omnibus "
                    "resolution in preparation for the next regular session of the General "
                    "Assembly."
                )
            )
        )
        counts = derive.meetings_by_kind(self.plan)
        total = sum(counts.values())
        parts = [self._kind_count(kind, count) for kind, count in counts.items()]
        self.add(
            self.para(
                w.n(
                    "The calendar comprises {count} meeting of the Committee: {parts}.",
                    "The calendar comprises {count} meetings of the Committee: {parts}.",
                    total,
                    parts=w.join(parts),
                )
            )
        )

    def _kind_count(self, kind: MeetingKind, count: int) -> str:
        w = self.w
        if kind is MeetingKind.REGULAR:
            return w.n("{count} regular meeting", "{count} regular meetings", count)
        if kind is MeetingKind.SPECIAL:
            return w.n("{count} special meeting", "{count} special meetings", count)
        if kind is MeetingKind.GA_REQUESTED:
            return w.n(
                "{count} meeting held at the request of the General Assembly",
                "{count} meetings held at the request of the General Assembly",
                count,
            )
        return w.n("{count} joint meeting", "{count} joint meetings", count)

    def _role(self, role: OfficerRole) -> str:
        w = self.w
        return {
            OfficerRole.CHAIR: w._("Chair"),
            OfficerRole.FIRST_VICE_CHAIR: w._("First Vice-Chair"),
            OfficerRole.SECOND_VICE_CHAIR: w._("Second Vice-Chair"),
            OfficerRole.THIRD_VICE_CHAIR: w._("Third Vice-Chair"),
        }[role]

    def bureau(self) -> None:
        w = self.w
        self.add(Heading(1, "2. " + w._("Bureau")))
        self.add(
            self.para(
                w._(
                    "During the period {term}, the bureau of the Committee is composed as follows:",
                    term=self.plan.term.label,
                )
            )
        )
        items = []
        for officer in sorted(self.plan.officers, key=lambda o: _ROLE_ORDER.index(o.role)):
            name = officer.person
            if officer.honorific is not None:
                name = f"{self.plain(officer.honorific)} {name}"
            if officer.position is not None:
                name = f"{name}, {self.plain(officer.position)}"
            items.append(
                ListItem(
                    (
                        Span(self._role(officer.role) + w._(": "), bold=True),
                        Span(name),
                        Span(
                            " "
                            + w._(
                                "(elected on {date} {body_by_the})",
                                date=self.day(officer.elected_on),
                                **self.named_text(
                                    "body",
                                    self.body_label(officer.elected_by),
                                    self.full_name(officer.elected_by),
                                ),
                            )
                        ),
                    )
                )
            )
        if items:
            self.add(ItemList(tuple(items)))

    def mandates(self) -> None:
        w = self.w
        self.add(Heading(1, "3. " + w._("Mandates")))
        self.add(self.para(w._("The Committee follows up the following mandates:")))
        labels = {
            MandateGroup.GENERAL_ASSEMBLY: w._("From the General Assembly"),
            MandateGroup.CHARTER: w._("From the Charter of the Organization"),
            MandateGroup.STANDING: w._("Other mandates in force"),
        }
        items: list[ListItem] = []
        for label, mandates in self._mandate_groups(labels):
            items.append(ListItem((Span(label, bold=True),)))
            # A note that every mandate of the group carries is the group's lead-in.
            shared = [n for n in mandates[0].notes if all(n in m.notes for m in mandates)]
            level = 1
            if shared and len(mandates) > 1:
                for lead_in in shared:
                    items.append(ListItem((self.text(lead_in),), level=1))
                level = 2
            else:
                shared = []
            for mandate in mandates:
                spans = [self.text(mandate.title)]
                spans.extend(self.note(n) for n in mandate.notes if n not in shared)
                items.append(ListItem(tuple(spans), level=level))
        if items:
            self.add(ItemList(tuple(items), ordered=True))

    def _mandate_groups(
        self, labels: dict[MandateGroup, str]
    ) -> Iterator[tuple[str, list[Mandate]]]:
        """The mandates by group, those of the General Assembly by the session that adopted
        their resolution, named as the model document names it ("De la Quarante-neuvième
        Session ordinaire de l'année 2019"); a mandate whose symbol names no session stays
        under "From the General Assembly"."""
        for group in MandateGroup:
            mandates = [m for m in self.plan.mandates if m.group is group]
            if not mandates:
                continue
            if group is not MandateGroup.GENERAL_ASSEMBLY:
                yield labels[group], mandates
                continue
            by_session: dict[Session | None, list[Mandate]] = {}
            for mandate in mandates:
                by_session.setdefault(self._session(mandate), []).append(mandate)
            for session, of_session in by_session.items():
                yield self._session_label(session, labels[group]), of_session

    def _session(self, mandate: Mandate) -> Session | None:
        """The session of the General Assembly that adopted a mandate's resolution, from the
        symbol of the mandate's source or of the plan's resolution it names."""
        symbols = find_symbols(mandate.source)
        resolution = self.resolutions.get(mandate.resolution) if mandate.resolution else None
        if resolution is not None and resolution.symbol:
            symbols += find_symbols(resolution.symbol)
        return next((s for s in map(session_of, symbols) if s is not None), None)

    def _session_label(self, session: Session | None, unknown: str) -> str:
        w = self.w
        if session is None:
            return unknown
        values = {"ordinal": w.session_ordinal(session.number), "year": session.year}
        if session.special:
            return w._("From the {ordinal} Special Session of {year}", **values)
        return w._("From the {ordinal} Regular Session of {year}", **values)

    def methodology(self) -> None:
        w = self.w
        self.add(Heading(1, "4. " + w._("Methodology")))
        self.add(
            self.para(
                w._(
                    "The following methodology aims to make the best possible use of the "
                    "resources allocated, taking into account the good practices of previous "
                    "years:"
                )
            )
        )
        self.requested_events()
        self.follow_up()
        self.negotiation()

    def _event_when(self, meeting: str | None, activity: str | None, when: FuzzyDate) -> FuzzyDate:
        """When an event happens: the date of the meeting or activity that holds it, if any."""
        if meeting is not None and meeting in self.meetings:
            held = self.meetings[meeting]
            return FuzzyDate.day(held.date, provisional=held.provisional)
        if activity is not None and activity in self.activities:
            return self.activities[activity].when
        return when

    def requested_events(self) -> None:
        w = self.w
        events = self.plan.requested_events
        if not events:
            return
        self.add(Heading(2, "4.1 " + w._("Preparation of events related to the mandates")))
        self.add(
            self.para(
                w._(
                    "During the period {term}, the following events will be held within the "
                    "framework of the Committee:",
                    term=self.plan.term.label,
                )
            )
        )
        items = []
        # In chronological order, as the model document lists them.
        dated = sorted(
            ((self._event_when(e.meeting, e.activity, e.when), e) for e in events),
            key=lambda pair: pair[0].sort_key,
        )
        for when, event in dated:
            spans = [self.text(event.title)]
            if event.venue is not None:
                spans.append(Span(", "))
                spans.append(self.text(event.venue))
            spans.append(Span("; " + when.format(self.lang)))
            items.append(ListItem(tuple(spans)))
        self.add(ItemList(tuple(items), ordered=True))
        self.add(
            self.para(
                w._(
                    "The Chair asks delegations that wish to make suggestions for the draft "
                    "agendas of these events to send them to the Secretariat of the Committee "
                    "well in advance, with suggestions both of topics and of panelists to be "
                    "invited, on the understanding that the Committee will not cover the "
                    "expenses of the panelists' participation."
                )
            ),
            self.para(
                w._(
                    "In the light of these suggestions, the Chair will prepare the draft agenda "
                    "of each event and submit it to the Committee for approval."
                )
            ),
        )

    def follow_up(self) -> None:
        w = self.w
        self.add(Heading(2, "4.2 " + w._("Follow-up of mandated matters")))
        self.add(
            self.para(
                w._(
                    "The calendar annexed to this document lists the scheduled meetings and "
                    "the matters to be considered at each of them. The Chair will prepare the "
                    "draft agendas of these meetings, taking into account the suggestions of "
                    "the delegations."
                )
            ),
            self.para(
                w._(
                    "At each meeting, the General Secretariat may present relevant information "
                    "on the background, the current state and the future plans of these "
                    "matters, to support the delegations in their consideration."
                )
            ),
        )
        areas = sorted(self.plan.thematic_areas, key=lambda a: a.number)
        if areas:
            self.add(
                self.para(
                    w.n(
                        "The items to be considered at each meeting are organized under the "
                        "following thematic area:",
                        "The items to be considered at each meeting are organized under the "
                        "following {count} thematic areas:",
                        len(areas),
                    )
                ),
                ItemList(tuple(ListItem((self.text(a.title),)) for a in areas), ordered=True),
            )

    def negotiation(self) -> None:
        w = self.w
        negotiation = self.plan.negotiation
        if negotiation is None:
            return
        title = (
            self.plain(negotiation.title)
            if negotiation.title
            else w._("Negotiation of the draft resolution")
        )
        self.add(Heading(2, "4.3 " + title))
        if negotiation.starts is not None:
            self.add(
                self.para(
                    w._(
                        "The Chair proposes to begin the consideration of the draft resolution "
                        "in {when}.",
                        when=negotiation.starts.format(self.lang),
                    )
                )
            )
        items = []
        for milestone in negotiation.milestones:
            spans = [self.text(milestone.title)]
            when = None
            if milestone.meeting is not None and milestone.meeting in self.meetings:
                when = self.day(self.meetings[milestone.meeting].date, weekday=True)
            elif milestone.when is not None:
                when = milestone.when.format(self.lang)
            if when:
                spans.append(Span(w._(": ") + when))
            items.append(ListItem(tuple(spans)))
        if items:
            self.add(ItemList(tuple(items), ordered=True))
        for milestone in negotiation.milestones:
            if milestone.kind is MilestoneKind.FORMAL_REVIEW and milestone.when is not None:
                half, full = derive.half_and_full_days(
                    derive.meetings_within(self.plan, milestone.when)
                )
                self.add(
                    self.para(
                        w._(
                            "To make better use of the resources allocated to the Committee, "
                            "{when} will be devoted to the formal consideration of the draft "
                            "resolution; to that end the calendar provides for {half} and "
                            "{full}.",
                            when=milestone.when.format(self.lang),
                            half=w.n("{count} half-day meeting", "{count} half-day meetings", half),
                            full=w.n("{count} full-day meeting", "{count} full-day meetings", full),
                        )
                    )
                )

    def budget(self) -> None:
        """The methodology's fourth part, as a secretariat writes it: each appropriation with
        its legal basis, in figures and words; the part of a year available to the term; the
        difference from the year before; then a table of each period's appropriation, the
        estimated cost of the meetings of the calendar and the balance (``comitia.budget``)."""
        w = self.w
        self.add(
            Heading(2, "4.4 " + w._("Budget for the period {term}", term=self.plan.term.label))
        )
        items = self.plan.appropriations
        enclosing = {
            item.id: next(
                (
                    outer
                    for outer in items
                    if outer is not item and _holds(outer.period, item.period)
                ),
                None,
            )
            for item in items
        }
        printed: Appropriation | None = None
        for top in (item for item in items if enclosing[item.id] is None):
            self.add(self._appropriation(top))
            printed = top
            for part in (item for item in items if enclosing[item.id] is top):
                self.add(self._sub_appropriation(part, same_basis=part.basis == printed.basis))
                printed = part
        for difference in derive.yearly_differences(self.plan):
            change = abs(difference.change)
            values = {
                "year": difference.current.period.format(self.lang),
                "previous": difference.previous.period.format(self.lang),
                "amount": self.money(change, difference.current.currency),
            }
            if difference.change < 0:
                text = w._(
                    "The appropriation for {year} is {amount} less than for {previous}.", **values
                )
            elif difference.change > 0:
                text = w._(
                    "The appropriation for {year} is {amount} more than for {previous}.", **values
                )
            else:
                text = w._("The appropriation for {year} is the same as for {previous}.", **values)
            self.add(self.para(text))
        self.budget_table()

    def _appropriation(self, item: Appropriation) -> Paragraph:
        w = self.w
        title = (Span(" "), *self.quoted(item.basis_title)) if item.basis_title else ()
        approver = (
            (Span(" ("), self.body_name(item.approved_by), Span(")")) if item.approved_by else ()
        )
        values: dict[str, str | Inline] = {
            "basis": item.basis,
            "title": title,
            "approver": approver,
            "amount": self.money(item.amount, item.currency),
            "period": item.period.format(self.lang),
        }
        if item.period.precision is Precision.YEAR:
            message = w._(
                "By resolution {basis}{title}{approver}, {amount} was approved to finance the "
                "meetings of the Committee in {period}."
            )
        else:
            message = w._(
                "By resolution {basis}{title}{approver}, {amount} was approved to finance the "
                "meetings of the Committee for the period {period}."
            )
        spans = list(self.sentence(message, **values))
        spans.extend(self.note(n) for n in item.notes)
        return Paragraph(tuple(spans))

    def _sub_appropriation(self, item: Appropriation, *, same_basis: bool) -> Paragraph:
        """A part of a period with an amount of its own ("of which, for October to December")."""
        if not same_basis:
            return self._appropriation(item)
        spans = list(
            self.sentence(
                self.w._(
                    "For the period {period}, the Committee has {amount} to cover the costs of "
                    "its meetings."
                ),
                period=item.period.format(self.lang),
                amount=self.money(item.amount, item.currency),
            )
        )
        spans.extend(self.note(n) for n in item.notes)
        return Paragraph(tuple(spans))

    def budget_table(self) -> None:
        w = self.w
        budget = plan_budget(self.plan)
        if not budget.periods:
            return
        self.add(
            self.para(
                w._(
                    "The table below compares, for each budget period, the appropriation with "
                    "the estimated cost of the meetings of the calendar, and gives the balance."
                )
            )
        )

        def cell(text: str, *, bold: bool = False) -> tuple[Block, ...]:
            return (self.para(Span(text, bold=bold)),)

        headings = (w._("Period"), w._("Appropriation"), w._("Estimated cost"), w._("Balance"))
        rows = [Row(RowKind.HEADER, tuple(cell(h, bold=True) for h in headings))]
        for period in budget.periods:
            money = functools.partial(self.figure, currency=period.currency)
            label = period.period.format(self.lang)
            if period.appropriation is None:
                label = w._("{period} (no appropriation of its own)", period=label)
            balance = period.balance
            rows.append(
                Row(
                    RowKind.ENTRY,
                    (
                        cell(label),
                        cell("—" if period.appropriation is None else money(period.appropriation)),
                        cell(money(period.planned)),
                        cell("—" if balance is None else money(balance)),
                    ),
                )
            )
        self.add(Table(TableKind.BUDGET, tuple(rows)))
        if any(rates.illustrative for rates in self.plan.cost_rates):
            self.add(
                self.para(
                    w._(
                        "The estimated costs follow illustrative rates, which are not those of "
                        "the Organization."
                    ),
                    style=ParagraphStyle.SMALL,
                )
            )

    def general_considerations(self) -> None:
        w = self.w
        self.add(Heading(1, "5. " + w._("General considerations")))
        self.add(
            self.para(
                w._(
                    "This work plan and calendar will serve as the general framework for the "
                    "activities of the Committee during the period {term}. The changes and "
                    "updates needed to carry out the mandated work and to obtain complete and "
                    "optimal results may be incorporated into them.",
                    term=self.plan.term.label,
                )
            )
        )

    # ------------------------------------------------------------------ calendar

    def calendar(self) -> None:
        w = self.w
        self.add(
            Heading(1, w._("Annex – Calendar of activities {term}", term=self.plan.term.label))
        )
        rows = [
            Row(
                RowKind.HEADER,
                (
                    (self.para(Span(w._("Activities of the Committee"), bold=True)),),
                    (self.para(Span(w._("Other OAS activities on security"), bold=True)),),
                ),
            )
        ]
        meetings = derive.held_meetings(self.plan) + [
            m for m in self.plan.meetings if m.status is MeetingStatus.CANCELLED
        ]
        meetings.sort(key=lambda m: (m.date, m.start, m.id))
        activities = derive.dated_activities(self.plan)
        by_day: dict[dt.date, list[Activity]] = {}
        meeting_days = {m.date for m in meetings}
        alone: list[Activity] = []
        for activity in activities:
            day = derive.first_day(activity)
            if day in meeting_days and activity.when.precision is not Precision.MONTH:
                by_day.setdefault(day, []).append(activity)
            else:
                alone.append(activity)
        entries: list[tuple[dt.date, int, Meeting | Activity]] = [
            (m.date, 1, m) for m in meetings
        ] + [(derive.first_day(a), 0, a) for a in alone]
        entries.sort(key=lambda e: (e[0], e[1]))
        year = None
        paired: set[dt.date] = set()
        section = self.place[0]
        for day, _, entry in entries:
            if day.year != year:
                year = day.year
                label = (self.para(Span(str(year), bold=True)),)
                rows.append(Row(RowKind.GROUP, (label, label)))
            if isinstance(entry, Meeting):
                self.place = (section, self.day(entry.date, weekday=True))
                right: tuple[Block, ...] = ()
                if entry.date not in paired:
                    paired.add(entry.date)
                    right = tuple(self._activity_cell(a) for a in by_day.get(entry.date, []))
                rows.append(Row(RowKind.ENTRY, (tuple(self._meeting_cell(entry)), right)))
            else:
                self.place = (section, entry.when.format(self.lang))
                rows.append(Row(RowKind.ENTRY, ((), (self._activity_cell(entry),))))
        self.place = (section, "")
        self.add(Table(TableKind.CALENDAR, tuple(rows)))

    def _meeting_cell(self, meeting: Meeting) -> Iterator[Block]:
        w = self.w
        date = self.day(meeting.date, weekday=True)
        spans = [
            Span(date[:1].upper() + date[1:], bold=True),
            Span(f" ({w.time_range(meeting.start, meeting.end)})"),
        ]
        if meeting.venue is not None:
            spans += [Span(" ("), self.text(meeting.venue), Span(")")]
        if meeting.provisional:
            spans.append(Span(" " + w._("(provisional date)")))
        if meeting.status is MeetingStatus.CANCELLED:
            spans.append(Span(" " + w._("(cancelled)"), bold=True))
        elif meeting.status is MeetingStatus.HELD:
            spans.append(Span(" " + w._("(held)")))
        if meeting.previous_dates:
            spans.append(self.note(self.moved_note(meeting)))
        spans.extend(self.note(n) for n in meeting.notes)
        yield Paragraph(tuple(spans), ParagraphStyle.MEETING)
        if meeting.title is not None:
            yield Paragraph((self.text(meeting.title, bold=True),))
        pending: list[ListItem] = []
        for node in meeting.agenda:
            if node.kind is AgendaKind.AREA:
                if pending:
                    yield ItemList(tuple(pending))
                    pending = []
                title = node.title or (self.areas[node.area].title if node.area else None)
                if title is not None:
                    yield Paragraph(
                        (self.text(title, bold=True), *(self.note(n) for n in node.notes)),
                        ParagraphStyle.AREA,
                    )
                for child in node.items:
                    pending.extend(self._agenda_items(child, 0, 1))
            else:
                pending.extend(self._agenda_items(node, 0, 0))
        if pending:
            yield ItemList(tuple(pending))

    def moved_note(self, meeting: Meeting) -> str:
        first, *later = meeting.previous_dates
        if not later:
            return self.w._(
                "This meeting was originally scheduled for {date}.", date=self.day(first)
            )
        return self.w._(
            "This meeting was originally scheduled for {date}; it was later moved to {dates}.",
            date=self.day(first),
            dates=self.w.join([self.day(d) for d in later]),
        )

    def _agenda_items(self, node: AgendaNode, level: int, depth: int) -> Iterator[ListItem]:
        if node.title is not None:
            yield ListItem(
                (self.text(node.title), *(self.note(n) for n in node.notes)),
                level=min(level, 3),
                agenda=AgendaPlace(node.kind.value, depth),
            )
        for child in node.items:
            yield from self._agenda_items(child, level + 1, depth + 1)

    def _activity_cell(self, activity: Activity) -> Paragraph:
        when = activity.when.format(self.lang)
        if activity.start is not None and activity.end is not None:
            when += f" ({self.w.time_range(activity.start, activity.end)})"
        spans = [Span(when + self.w._(": "), bold=True), self.text(activity.title)]
        spans.extend(self.note(n) for n in activity.notes)
        return Paragraph(tuple(spans))

    # ------------------------------------------------------------------ summary

    def summary(self) -> None:
        w = self.w
        self.add(
            Heading(1, w._("Summary of meetings scheduled for {term}", term=self.plan.term.label))
        )
        entries: list[tuple[tuple[dt.date, int, str], str, tuple[Span, ...]]] = []
        for meeting in derive.held_meetings(self.plan):
            label = str(meeting.date.day)
            if derive.is_full_day(meeting):
                label += " " + w._("(full-day meeting)")
            entries.append(
                ((meeting.date, 0, meeting.id), label, (self.summary_meeting_text(meeting),))
            )
        for activity in derive.dated_activities(self.plan):
            day = derive.first_day(activity)
            label = self._summary_label(activity.when)
            spans = [self.text(activity.title, italic=True)]
            # A short label (a day number) drops the "provisional" that the full date carries.
            if activity.when.provisional and label != activity.when.format(self.lang):
                spans.append(Span(" " + w._("(provisional date)"), italic=True))
            # Same first day: the shorter activity first, as in the calendar.
            order = f"{activity.when.last_day} {activity.id}"
            entries.append(((day, 1, order), label, tuple(spans)))
        for holiday in self.plan.non_meeting_days:
            entries.append(
                (
                    (holiday.date, 2, holiday.date.isoformat()),
                    str(holiday.date.day),
                    (self.text(holiday.name), Span(" " + w._("(no meetings)"))),
                )
            )
        entries.sort(key=lambda e: e[0])
        months = get_month_names("wide", context="stand-alone", locale=self.lang)
        rows: list[Row] = []
        for year, of_year in itertools.groupby(entries, key=lambda e: e[0][0].year):
            year_label = (self.para(Span(str(year), bold=True)),)
            rows.append(Row(RowKind.GROUP, (year_label, year_label)))
            for month, of_month in itertools.groupby(of_year, key=lambda e: e[0][0].month):
                month_label = (self.para(Span(str(months[month]).upper(), bold=True)),)
                rows.append(Row(RowKind.GROUP, (month_label, ())))
                for _, label, text in of_month:
                    rows.append(Row(RowKind.ENTRY, ((self.para(label),), (Paragraph(text),))))
        self.add(Table(TableKind.SUMMARY, tuple(rows)))
        self.add(
            self.para(
                Span(
                    w._(
                        "Activities in italics are other OAS activities on security; they are "
                        "not meetings of the Committee."
                    ),
                    italic=True,
                ),
                style=ParagraphStyle.SMALL,
            )
        )

    def summary_meeting_text(self, meeting: Meeting) -> Span:
        w = self.w
        if meeting.title is not None:
            return self.text(meeting.title)
        named = self.named_text(
            "committee", self.acronym(), self.full_name(self.plan.term.committee)
        )
        text = {
            MeetingKind.REGULAR: w._("Regular meeting {committee_of_the}", **named),
            MeetingKind.SPECIAL: w._("Special meeting {committee_of_the}", **named),
            MeetingKind.GA_REQUESTED: w._(
                "Meeting {committee_of_the} at the request of the General Assembly", **named
            ),
            MeetingKind.JOINT: w._("Joint meeting {committee_of_the}", **named),
        }[meeting.kind]
        if meeting.provisional:
            text += " " + w._("(provisional date)")
        return Span(text)

    def _summary_label(self, when: FuzzyDate) -> str:
        first, last = when.first_day, when.last_day
        if first is None or last is None:
            return when.format(self.lang)
        if when.precision is Precision.DAY:
            return str(first.day)
        if when.precision is Precision.DAYS and {d.month for d in when.listed_days} == {
            first.month
        }:
            return ", ".join(str(d.day) for d in when.listed_days)
        if (
            when.precision is Precision.RANGE
            and when.range_unit is Precision.DAY
            and (first.year, first.month) == (last.year, last.month)
        ):
            return f"{first.day}-{last.day}"
        return when.format(self.lang)

    # ------------------------------------------------------------------ closing parts

    def to_be_confirmed(self) -> None:
        activities = derive.activities_to_confirm(self.plan)
        if not activities:
            return
        self.add(Heading(1, self.w._("Activities whose date is to be confirmed")))
        for when, group in itertools.groupby(activities, key=lambda a: a.when.format(self.lang)):
            self.add(self.para(Span(when, bold=True), style=ParagraphStyle.LEAD))
            self.add(ItemList(tuple(ListItem((self.text(a.title),)) for a in group)))

    def reminders(self) -> None:
        w = self.w
        obligations = self.plan.obligations
        if not obligations:
            return
        self.add(Heading(1, w._("Reminders of reports on matters of hemispheric security")))
        yearly = sorted(
            (o for o in obligations if o.frequency is Frequency.YEARLY), key=lambda o: o.due or ""
        )
        for obligation in yearly:
            assert obligation.due is not None  # a yearly obligation always has one
            month, day = int(obligation.due[2:4]), int(obligation.due[5:7])
            heading = w._("{date} every year", date=self._day_month(month, day))
            self._obligation(obligation, Span(heading + w._(": "), bold=True))
        labels = {
            Frequency.VOLUNTARY: w._("Voluntary"),
            Frequency.BIENNIAL: w._("Biennial"),
            Frequency.STANDING: w._("Standing requests"),
        }
        for frequency, label in labels.items():
            group = [o for o in obligations if o.frequency is frequency]
            if group:
                self.add(Heading(2, label))
                for obligation in group:
                    self._obligation(obligation, None)

    def _day_month(self, month: int, day: int) -> str:
        v = vocabulary(self.lang)
        name = get_month_names("wide", context="format", locale=self.lang)[month]
        return str(v.day_month.format(day=v.day_numbers.get(day, str(day)), month=name))

    def _obligation(self, obligation: ReportingObligation, lead: Span | None) -> None:
        w = self.w
        title = self.text(obligation.title, bold=True)
        spans = [lead, title] if lead else [title]
        if obligation.parties is Parties.STATES_PARTIES:
            spans.append(Span(" " + w._("(States parties)")))
        has_list = bool(obligation.request or obligation.basis)
        self.add(Paragraph(tuple(spans), ParagraphStyle.LEAD if has_list else ParagraphStyle.BODY))
        basis = f" [{w.join(obligation.basis)}]" if obligation.basis else ""
        items = [ListItem((self.text(r),)) for r in obligation.request]
        if items and basis:
            last = items[-1]
            items[-1] = ListItem((*last.spans, Span(basis)))
        elif basis:
            items.append(ListItem((Span(basis.strip()),)))
        if items:
            self.add(ItemList(tuple(items)))

    def awaiting_translation(self) -> None:
        """One table per original language: a row per place, a line per text (its beginning)."""
        if not self.untranslated:
            return
        w = self.w
        self.add(PageBreak(), Heading(1, w._("Texts awaiting translation")))
        by_language: dict[str, dict[tuple[str, str], list[str]]] = {}
        for text, lang in self.untranslated.items():
            places = by_language.setdefault(lang, {})
            places.setdefault(self.untranslated_places[text], []).append(text)
        for lang, places in sorted(by_language.items()):
            count = sum(len(texts) for texts in places.values())
            self.add(
                self.para(
                    w.n(
                        "The following text has no {language} translation yet and is printed "
                        "in its original language ({original}):",
                        "The following {count} texts have no {language} translation yet and "
                        "are printed in their original language ({original}):",
                        count,
                        language=Locale.parse(self.lang).get_language_name(self.lang),
                        original=Locale.parse(lang).get_language_name(self.lang),
                    )
                )
            )
            small = ParagraphStyle.LINE
            rows = [
                Row(
                    RowKind.HEADER,
                    (
                        (self.para(Span(w._("Place in the document"), bold=True), style=small),),
                        (self.para(Span(w._("Text"), bold=True), style=small),),
                    ),
                )
            ]
            shown = ""
            for (section, detail), texts in places.items():
                # The section is written once, on the first row of its texts.
                where = (
                    [] if section == shown else [self.para(Span(section, bold=True), style=small)]
                )
                shown = section
                if detail:
                    where.append(self.para(detail, style=small))
                # One paragraph of lines, not one per text: a third fewer boxes to lay out.
                lines = Span("\n".join(excerpt(t) for t in texts), lang=lang)
                rows.append(Row(RowKind.ENTRY, (tuple(where), (self.para(lines, style=small),))))
            self.add(Table(TableKind.UNTRANSLATED, tuple(rows)))


def excerpt(text: str, length: int = _EXCERPT_LENGTH) -> str:
    """``text`` on one line, cut after at most ``length`` characters at a word, with "…"."""
    line = " ".join(text.split())
    if len(line) <= length:
        return line
    cut = line[: length - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.–-") + "…"
