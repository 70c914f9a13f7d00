"""Forms of the secretariat's editing pages; each error is attached to its field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from comitia.dates import FuzzyDate, FuzzyDateError
from comitia.render.outline import child_number
from comitia.web.local_dates import local_date, reader_language
from comitia.web.plans import models as m
from comitia.web.plans.forms import FitTextMixin
from comitia.web.plans.models.calendar import MeetingKindChoice, MeetingStatusChoice

from .pages import local


def _kind_choices() -> list[tuple[str, Any]]:
    from .labels import meeting_kind_names

    return list(meeting_kind_names().items())


def _status_choices() -> list[tuple[str, Any]]:
    from .labels import status_names

    return [(k, v) for k, v in status_names().items() if k != "provisional"]


def _term_days(term: m.Term) -> dict[str, str]:
    """The term's first and last days in the reader's language, for the messages that name
    them."""
    lang = reader_language()
    return {"start": local_date(term.start, lang), "end": local_date(term.end, lang)}


class DateInput(forms.DateInput):
    """A date picker: its value in ISO form, whatever the language (a browser shows an empty
    field for the French "24/10/2019")."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None, format: str | None = None) -> None:
        super().__init__(attrs, format or "%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"


class Described(FitTextMixin, forms.Form):
    """Ties each field to its help text and error message for screen readers; no text field
    takes an unfit character (``FitTextMixin``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._describe()

    def full_clean(self) -> None:
        super().full_clean()
        self._describe()

    def _describe(self) -> None:
        errors = getattr(self, "_errors", None) or {}
        for name, field in self.fields.items():
            ids = []
            if field.help_text:
                ids.append(f"id_{name}-help")
            if name in errors:
                ids.append(f"id_{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


def set_choices(form: forms.BaseForm, name: str, choices: list[tuple[str, Any]]) -> None:
    """Give the choice field ``name`` of ``form`` its ``choices``, known only per request."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name} is not a choice field")
    field.choices = choices


def show_original(field: forms.Field, value: dict[str, str] | None, lang: str) -> None:
    """When ``value`` has no text in ``lang``, show its original beside the field, so that
    the translation is typed with the original in view."""
    shown = local(value, lang)
    if shown is not None and shown.fallback_lang:
        field.help_text = _("Not yet in this language. Original (%(lang)s): %(text)s") % {
            "lang": shown.fallback_lang.upper(),
            "text": shown.text,
        }


class TermDatesMixin:
    term: m.Term

    def _inside_term(self, day: dt.date | None, field: str) -> None:
        if day is not None and not self.term.start <= day <= self.term.end:
            self.add_error(  # type: ignore[attr-defined]
                field,
                _("Choose a day inside the term, from %(start)s to %(end)s.")
                % _term_days(self.term),
            )


def _version_field() -> forms.IntegerField:
    """The version the form was filled from; a save based on an older one is refused."""
    return forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class MeetingForm(TermDatesMixin, Described):
    version = _version_field()
    date = forms.DateField(label=_("Date"), widget=DateInput)
    start = forms.TimeField(label=_("Starts at"), widget=TimeInput)
    end = forms.TimeField(label=_("Ends at"), widget=TimeInput)
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=_kind_choices)
    status = forms.ChoiceField(label=_("Status"), choices=_status_choices)
    provisional = forms.BooleanField(label=_("The date is provisional"), required=False)
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=1000,
        help_text=_("Leave empty for an ordinary meeting; written in the language of this page."),
    )
    venue = forms.CharField(
        label=_("Venue"),
        required=False,
        max_length=500,
        help_text=_("Leave empty for the headquarters."),
    )

    def __init__(
        self,
        *args: Any,
        term: m.Term,
        editing: bool = False,
        meeting: m.Meeting | None = None,
        lang: str = "en",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.term = term
        if meeting is not None:
            show_original(self.fields["title"], meeting.title, lang)
            show_original(self.fields["venue"], meeting.venue, lang)
            self._describe()
        if editing:
            # A new date is a move, which records the earlier date: it has its own form.
            del self.fields["date"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error(
                "end",
                _("The meeting must end after it starts (%(start)s).")
                % {"start": start.strftime("%H:%M")},
            )
        if "date" in self.fields:
            self._inside_term(data.get("date"), "date")
        return data

    @staticmethod
    def initial_for(meeting: m.Meeting, lang: str) -> dict[str, Any]:
        title = local(meeting.title, lang)
        venue = local(meeting.venue, lang)
        return {
            "version": meeting.version,
            "date": meeting.date,
            "start": meeting.start,
            "end": meeting.end,
            "kind": meeting.kind,
            "status": meeting.status,
            "provisional": meeting.provisional,
            "title": title.text if title and not title.fallback_lang else "",
            "venue": venue.text if venue and not venue.fallback_lang else "",
        }


class MoveForm(TermDatesMixin, Described):
    version = _version_field()
    new_date = forms.DateField(label=_("New date"), widget=DateInput)
    start = forms.TimeField(label=_("Starts at"), widget=TimeInput)
    end = forms.TimeField(label=_("Ends at"), widget=TimeInput)
    reason = forms.CharField(
        label=_("Reason for the move"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown beside the earlier date, such as “the room is not available”."),
    )

    def __init__(self, *args: Any, meeting: m.Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.term = meeting.term

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        new_date = data.get("new_date")
        if new_date is not None and new_date == self.meeting.date:
            self.add_error("new_date", _("Choose a day other than the current date."))
        self._inside_term(new_date, "new_date")
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error(
                "end",
                _("The meeting must end after it starts (%(start)s).")
                % {"start": start.strftime("%H:%M")},
            )
        return data


class CancelForm(Described):
    version = _version_field()
    reason = forms.CharField(
        label=_("Reason for the cancellation"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the meeting's history, such as “no quorum expected”."),
        error_messages={"required": _("Say why the meeting is cancelled.")},
    )


class AgendaItemForm(Described):
    version = _version_field()
    kind = forms.ChoiceField(label=_("Kind"))
    parent = forms.ChoiceField(label=_("Place under"), required=False)
    position = forms.IntegerField(
        label=_("Position among its siblings"),
        min_value=1,
        required=False,
        help_text=_("1 is first; leave empty to put it last."),
    )
    area = forms.ChoiceField(label=_("Thematic area"), required=False)
    title = forms.CharField(
        label=_("Title"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    documents = forms.CharField(
        label=_("Documents"),
        required=False,
        help_text=_("Document symbols, one per line, such as CP/CSH-1933/19 rev. 2."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    presenters = forms.MultipleChoiceField(
        label=_("Presented by"), required=False, widget=forms.CheckboxSelectMultiple
    )
    mandate = forms.ChoiceField(label=_("Mandate"), required=False)
    paragraphs = forms.CharField(
        label=_("Paragraphs of the mandate"),
        required=False,
        help_text=_("Separated by commas, such as 25, 52."),
    )

    def __init__(
        self, *args: Any, meeting: m.Meeting, node: m.AgendaNode | None, lang: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        from .labels import agenda_kind_names

        self.meeting, self.node = meeting, node
        nodes = list(m.AgendaNode.objects.filter(meeting=meeting).order_by("depth", "position"))
        excluded = _descendants(node, nodes) if node else set()
        self.parents = {str(n.pk): n for n in nodes if n.pk not in excluded}
        outline = _outline_labels(nodes, lang)
        set_choices(
            self,
            "parent",
            [("", _("Top of the agenda"))]
            + [(str(n.pk), outline[n.pk]) for n in _in_order(nodes) if n.pk not in excluded],
        )
        set_choices(self, "kind", list(agenda_kind_names().items()))
        term = meeting.term
        self.areas = {a.key: a for a in m.ThematicArea.objects.filter(term=term).order_by("number")}
        set_choices(
            self,
            "area",
            [("", "—")]
            + [
                (a.key, f"{a.number}. {(local(a.title, lang) or _blank()).text}")
                for a in self.areas.values()
            ],
        )
        self.bodies = {b.key: b for b in m.Body.objects.filter(term=term).order_by("position")}
        set_choices(
            self,
            "presenters",
            [
                (b.key, (local(b.acronym, lang) or local(b.name, lang) or _blank()).text)
                for b in self.bodies.values()
            ],
        )
        if node is not None:
            show_original(self.fields["title"], node.title, lang)
            self._describe()
        self.mandates = {x.key: x for x in m.Mandate.objects.filter(term=term).order_by("position")}
        set_choices(
            self,
            "mandate",
            [("", "—")]
            + [
                (x.key, f"{x.source} — {(local(x.title, lang) or _blank()).text}"[:140])
                for x in self.mandates.values()
            ],
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        parent_key = data.get("parent") or ""
        parent = self.parents.get(parent_key) if parent_key else None
        if parent_key and parent is None:
            self.add_error(
                "parent",
                _("Choose an entry of this agenda that is not the item itself or under it."),
            )
        data["parent"] = parent
        if kind == "area":
            if parent is not None:
                self.add_error("parent", _("A thematic area sits at the top of the agenda."))
            if not data.get("area"):
                self.add_error("area", _("Choose the thematic area."))
        else:
            if data.get("area"):
                self.add_error(
                    "area",
                    _(
                        "Only a thematic-area entry names an area; choose the kind "
                        "“thematic area” or leave this empty."
                    ),
                )
            if not (data.get("title") or "").strip():
                self.add_error("title", _("Give the title of the topic or item."))
        data["area"] = self.areas.get(data.get("area") or "")
        data["documents"] = [
            line.strip() for line in (data.get("documents") or "").splitlines() if line.strip()
        ]
        data["presenters"] = [
            self.bodies[key] for key in data.get("presenters") or [] if key in self.bodies
        ]
        data["mandate"] = self.mandates.get(data.get("mandate") or "")
        data["paragraphs"] = [
            p.strip() for p in (data.get("paragraphs") or "").split(",") if p.strip()
        ]
        if data["paragraphs"] and data["mandate"] is None:
            self.add_error("paragraphs", _("Choose the mandate these paragraphs belong to."))
        return data

    @staticmethod
    def initial_for(node: m.AgendaNode, lang: str) -> dict[str, Any]:
        title = local(node.title, lang)
        citation = next((c for c in node.citations.all() if c.mandate_id), None)
        return {
            "version": node.version,
            "parent": str(node.parent_id or ""),
            "position": node.position + 1,
            "kind": node.kind,
            "area": node.area.key if node.area else "",
            "title": title.text if title and not title.fallback_lang else "",
            "documents": "\n".join(node.documents),
            "presenters": [link.body.key for link in node.presenter_links.all()],
            "mandate": citation.mandate.key if citation and citation.mandate else "",
            "paragraphs": ", ".join(citation.paragraphs) if citation else "",
        }


def _blank() -> Any:
    from comitia.web.home.overview import LocalText

    return LocalText("", None)


def _descendants(node: m.AgendaNode, nodes: list[m.AgendaNode]) -> set[int]:
    found = {node.pk}
    changed = True
    while changed:
        changed = False
        for n in nodes:
            if n.parent_id in found and n.pk not in found:
                found.add(n.pk)
                changed = True
    return found


def _in_order(nodes: list[m.AgendaNode]) -> list[m.AgendaNode]:
    children: dict[int | None, list[m.AgendaNode]] = {}
    for n in sorted(nodes, key=lambda n: n.position):
        children.setdefault(n.parent_id, []).append(n)
    ordered: list[m.AgendaNode] = []

    def walk(parent: int | None) -> None:
        for child in children.get(parent, []):
            ordered.append(child)
            walk(child.pk)

    walk(None)
    return ordered


def _outline_labels(nodes: list[m.AgendaNode], lang: str) -> dict[int, str]:
    numbers: dict[int, str] = {}
    labels: dict[int, str] = {}
    counters: dict[int | None, int] = {}
    for n in _in_order(nodes):
        counters[n.parent_id] = counters.get(n.parent_id, 0) + 1
        parent = numbers[n.parent_id] if n.parent_id else None
        numbers[n.pk] = child_number(parent, counters[n.parent_id])
        title = local(n.title, lang) or (local(n.area.title, lang) if n.area else None)
        labels[n.pk] = f"{numbers[n.pk]} {(title.text if title else '')[:80]}"
    return labels


class ActivityForm(TermDatesMixin, Described):
    version = _version_field()
    title = forms.CharField(
        label=_("Title"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.ChoiceField(label=_("Body"), required=False)
    when = forms.CharField(
        label=_("When"),
        max_length=400,
        help_text=_(
            "A day (2020-03-05), days ({2020-02-03,2020-02-05}), a range (2019-10-30/2019-10-31), "
            "a month (2020-03), a half-year (2020-40 first, 2020-41 second), a year (2020), "
            "or XXXX when not known; end with ? when provisional (2020-07?)."
        ),
    )
    start = forms.TimeField(label=_("Starts at"), required=False, widget=TimeInput)
    end = forms.TimeField(label=_("Ends at"), required=False, widget=TimeInput)
    venue = forms.CharField(label=_("Venue"), required=False, max_length=500)

    def __init__(
        self,
        *args: Any,
        term: m.Term,
        lang: str,
        activity: m.Activity | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.term = term
        if activity is not None:
            show_original(self.fields["title"], activity.title, lang)
            show_original(self.fields["venue"], activity.venue, lang)
            self._describe()
        self.bodies = {b.key: b for b in m.Body.objects.filter(term=term).order_by("position")}
        set_choices(
            self,
            "body",
            [("", "—")]
            + [
                (b.key, (local(b.acronym, lang) or local(b.name, lang) or _blank()).text)
                for b in self.bodies.values()
            ],
        )

    def clean_when(self) -> str:
        text = self.cleaned_data["when"].strip()
        try:
            value = FuzzyDate.parse_edtf(text)
        except FuzzyDateError as error:
            raise forms.ValidationError(str(error)) from None
        if (
            value.first_day
            and value.last_day
            and (value.last_day < self.term.start or value.first_day > self.term.end)
        ):
            raise forms.ValidationError(
                _("Choose a date inside the term, from %(start)s to %(end)s.")
                % _term_days(self.term)
            )
        return str(value)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if (start is None) != (end is None):
            self.add_error("end" if start else "start", _("Give both times, or neither."))
        elif start and end and end <= start:
            self.add_error("end", _("The activity must end after it starts."))
        data["body"] = self.bodies.get(data.get("body") or "")
        return data

    @staticmethod
    def initial_for(activity: m.Activity, lang: str) -> dict[str, Any]:
        title = local(activity.title, lang)
        venue = local(activity.venue, lang)
        return {
            "version": activity.version,
            "title": title.text if title and not title.fallback_lang else "",
            "body": activity.body.key if activity.body else "",
            "when": activity.when,
            "start": activity.start,
            "end": activity.end,
            "venue": venue.text if venue and not venue.fallback_lang else "",
        }


__all__ = [
    "ActivityForm",
    "AgendaItemForm",
    "MeetingForm",
    "MeetingKindChoice",
    "MeetingStatusChoice",
    "MoveForm",
]
