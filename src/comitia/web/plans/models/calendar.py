"""The calendar: the committee's meetings with their agendas, other bodies' activities, the
events the General Assembly asked for and the headquarters' holidays.

Fuzzy dates are stored as their EDTF text plus the first and last possible day (both NULL for
``XXXX``), so calendars can be ordered and filtered by date range in SQL.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from comitia.plan import AgendaKind, MeetingKind, MeetingStatus
from comitia.web.levels import visibility_field
from comitia.web.plans.models.fields import (
    FuzzyBoundsMixin,
    MultilingualField,
    MultilingualListField,
    bounds_in_order,
    edtf_field,
    optional_char,
    validate_costing,
)
from comitia.web.plans.models.term import (
    Body,
    Mandate,
    Term,
    ThematicArea,
    key_field,
    position_field,
)

MeetingKindChoice = models.TextChoices(  # type: ignore[call-overload]
    "MeetingKindChoice", [(k.name, k.value) for k in MeetingKind]
)
MeetingStatusChoice = models.TextChoices(  # type: ignore[call-overload]
    "MeetingStatusChoice", [(s.name, s.value) for s in MeetingStatus]
)
AgendaKindChoice = models.TextChoices("AgendaKindChoice", [(k.name, k.value) for k in AgendaKind])  # type: ignore[call-overload]


def _first_text(text: dict[str, str] | None) -> str:
    return next(iter(text.values())) if text else ""


class Meeting(models.Model):
    """One of the committee's own sessions, on one day, at local times of the term's time zone."""

    term = models.ForeignKey(Term, models.CASCADE, related_name="meetings")
    key = key_field()
    position = position_field()
    date = models.DateField(_("date"))
    start = models.TimeField(_("start"))
    end = models.TimeField(_("end"))
    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=MeetingKindChoice.choices,
        default=MeetingKindChoice.REGULAR,
    )
    status = models.CharField(
        _("status"),
        max_length=32,
        choices=MeetingStatusChoice.choices,
        default=MeetingStatusChoice.SCHEDULED,
    )
    provisional = models.BooleanField(_("provisional date"), default=False)
    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        help_text=_("Raised by each change, so subscribed calendars update (iCalendar SEQUENCE)."),
    )
    title = MultilingualField(_("title"), null=True, blank=True)
    venue = MultilingualField(
        _("venue"), null=True, blank=True, help_text=_("Empty for the headquarters.")
    )
    # A room and an interpretation team of the term's organization, by key as in plan files
    # (comitia.web.plans.models.organization): empty when it names none.
    room = models.CharField(
        _("room"),
        max_length=64,
        blank=True,
        default="",
        help_text=_("The headquarters room, by its identifier; a meeting elsewhere has a venue."),
    )
    team = models.CharField(
        _("interpretation team"),
        max_length=64,
        blank=True,
        default="",
        help_text=_("By its identifier."),
    )
    languages = models.JSONField(
        _("languages"),
        null=True,
        blank=True,
        help_text=_("The languages it is held in; empty: the term's published languages."),
    )
    notes = MultilingualListField(_("notes"))
    # The plan file's costing (languages, pages, who pays, a stated cost and its reason), as
    # its JSON text (not jsonb, which would sort the languages of the reason): read whole by
    # the budget, never queried piecemeal. Empty when the meeting states nothing.
    costing = models.TextField(
        _("costing (JSON)"), default="", blank=True, validators=[validate_costing]
    )
    # A web-layer state, not part of the plan model: plan files carry no visibility.
    visibility = visibility_field()
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised by every saved edit.")
    )

    class Meta:
        ordering = ("term", "date", "start", "position")
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = (
            models.UniqueConstraint(fields=["term", "key"], name="meeting_key_unique_per_term"),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="meeting_ends_after_start"
            ),
        )
        indexes = (models.Index(fields=["term", "date"], name="meeting_term_date"),)

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.start:%H:%M} {_first_text(self.title)}".rstrip()


class PreviousDate(models.Model):
    """A date a meeting was scheduled for before it moved; ``position`` 0 is the oldest."""

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="previous_dates")
    position = position_field()
    date = models.DateField(_("date"))
    reason = MultilingualField(_("reason for the move"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("move recorded at"), null=True, blank=True)

    class Meta:
        ordering = ("meeting", "position")
        verbose_name = _("previous date")
        verbose_name_plural = _("previous dates")
        constraints = (
            models.UniqueConstraint(
                fields=["meeting", "position"], name="previous_date_position_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}"


class AgendaNode(models.Model):
    """A node of a meeting's agenda tree: a thematic area at the top, topics and items below.

    ``depth`` is 0 for top-level nodes; ``position`` orders siblings. ``term`` repeats the
    meeting's term so a whole plan's agenda is read with one query.
    """

    term = models.ForeignKey(Term, models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="agenda_nodes")
    parent = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    position = position_field()
    depth = models.PositiveSmallIntegerField(_("depth"), default=0)
    kind = models.CharField(
        _("kind"), max_length=16, choices=AgendaKindChoice.choices, default=AgendaKindChoice.ITEM
    )
    area = models.ForeignKey(
        ThematicArea,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thematic area"),
    )
    title = MultilingualField(_("title"), null=True, blank=True)
    presenters = models.ManyToManyField(
        Body, through="AgendaPresenter", related_name="+", blank=True, verbose_name=_("presenters")
    )
    documents = models.JSONField(
        _("documents"), default=list, blank=True, help_text=_("Document symbols.")
    )
    notes = MultilingualListField(_("notes"))
    key = models.CharField(
        _("identifier"),
        max_length=64,
        blank=True,
        default="",
        help_text=_("Optional: as other agenda items name it in their after."),
    )
    after = models.JSONField(
        _("after"),
        default=list,
        blank=True,
        help_text=_("The identifiers of the agenda items, of other meetings, held first."),
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised by every saved edit.")
    )

    class Meta:
        ordering = ("meeting", "depth", "parent_id", "position")
        verbose_name = _("agenda node")
        verbose_name_plural = _("agenda nodes")
        constraints = (
            # Siblings have distinct positions. NULL parents are not equal in SQL, so the top
            # level needs its own constraint (``nulls_distinct`` is PostgreSQL only).
            models.UniqueConstraint(
                fields=["meeting", "parent", "position"],
                condition=Q(parent__isnull=False),
                name="agenda_node_position_unique",
            ),
            models.UniqueConstraint(
                fields=["meeting", "position"],
                condition=Q(parent__isnull=True),
                name="agenda_root_position_unique",
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True, depth=0) | Q(parent__isnull=False, depth__gt=0),
                name="agenda_node_depth_zero_at_top",
            ),
            models.CheckConstraint(
                condition=Q(kind=AgendaKindChoice.AREA, area__isnull=False, depth=0)
                | (~Q(kind=AgendaKindChoice.AREA) & Q(area__isnull=True, title__isnull=False)),
                name="agenda_node_area_at_top_others_titled",
            ),
        )

    def __str__(self) -> str:
        return _first_text(self.title) or (str(self.area) if self.area_id else self.kind)


class AgendaPresenter(models.Model):
    """A body presenting an agenda node, in the order the agenda lists them."""

    node = models.ForeignKey(AgendaNode, models.CASCADE, related_name="presenter_links")
    body = models.ForeignKey(Body, models.RESTRICT, related_name="+")
    position = position_field()

    class Meta:
        ordering = ("node", "position")
        verbose_name = _("presenter")
        verbose_name_plural = _("presenters")
        constraints = (
            models.UniqueConstraint(
                fields=["node", "position"], name="agenda_presenter_position_unique"
            ),
        )

    def __str__(self) -> str:
        return str(self.body)


class Activity(FuzzyBoundsMixin, models.Model):
    """Another body's event shown beside the committee's calendar."""

    FUZZY_FIELDS = ("when",)

    term = models.ForeignKey(Term, models.CASCADE, related_name="activities")
    key = key_field()
    position = position_field()
    title = MultilingualField(_("title"))
    body = models.ForeignKey(
        Body,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("body"),
    )
    when = edtf_field(verbose_name=_("when (EDTF)"))
    when_first = models.DateField(_("first possible day"), null=True, blank=True, editable=False)
    when_last = models.DateField(_("last possible day"), null=True, blank=True, editable=False)
    provisional = models.BooleanField(_("provisional"), default=False, editable=False)
    start = models.TimeField(_("start"), null=True, blank=True)
    end = models.TimeField(_("end"), null=True, blank=True)
    venue = MultilingualField(_("venue"), null=True, blank=True)
    notes = MultilingualListField(_("notes"))
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised by every saved edit.")
    )

    class Meta:
        ordering = ("term", F("when_first").asc(nulls_last=True), "position")
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = (
            models.UniqueConstraint(fields=["term", "key"], name="activity_key_unique_per_term"),
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True)
                | Q(start__isnull=False, end__isnull=False, end__gt=F("start")),
                name="activity_times_both_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(provisional=True, when__endswith="?")
                | (Q(provisional=False) & ~Q(when__endswith="?")),
                name="activity_provisional_matches_when",
            ),
            bounds_in_order("when", "activity_when_bounds_in_order"),
        )
        indexes = (
            models.Index(fields=["term", "when_first", "when_last"], name="activity_term_when"),
        )

    def __str__(self) -> str:
        return f"{self.when} {_first_text(self.title)}"

    def sync_fuzzy_bounds(self) -> None:
        super().sync_fuzzy_bounds()
        # The flag repeats the date's trailing ? so the calendar can filter on it.
        self.provisional = self.when.endswith("?")


class RequestedEvent(FuzzyBoundsMixin, models.Model):
    """An event the General Assembly asked the committee to hold."""

    FUZZY_FIELDS = ("when",)

    term = models.ForeignKey(Term, models.CASCADE, related_name="requested_events")
    key = key_field()
    position = position_field()
    title = MultilingualField(_("title"))
    when = edtf_field(verbose_name=_("when (EDTF)"))
    when_first = models.DateField(_("first possible day"), null=True, blank=True, editable=False)
    when_last = models.DateField(_("last possible day"), null=True, blank=True, editable=False)
    venue = MultilingualField(_("venue"), null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="requested_events",
        verbose_name=_("meeting"),
    )
    activity = models.ForeignKey(
        Activity,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="requested_events",
        verbose_name=_("activity"),
    )

    class Meta:
        ordering = ("term", "position")
        verbose_name = _("requested event")
        verbose_name_plural = _("requested events")
        constraints = (
            models.UniqueConstraint(
                fields=["term", "key"], name="requested_event_key_unique_per_term"
            ),
            bounds_in_order("when", "requested_event_when_bounds_in_order"),
        )

    def __str__(self) -> str:
        return f"{self.when} {_first_text(self.title)}"


class Citation(models.Model):
    """A reference to a mandate or a document, from exactly one agenda node, activity or
    requested event."""

    term = models.ForeignKey(Term, models.CASCADE, related_name="+")
    node = models.ForeignKey(
        AgendaNode, models.CASCADE, null=True, blank=True, related_name="citations"
    )
    activity = models.ForeignKey(
        Activity, models.CASCADE, null=True, blank=True, related_name="citations"
    )
    requested_event = models.ForeignKey(
        RequestedEvent, models.CASCADE, null=True, blank=True, related_name="citations"
    )
    position = position_field()
    mandate = models.ForeignKey(
        Mandate,
        models.RESTRICT,
        null=True,
        blank=True,
        related_name="citations",
        verbose_name=_("mandate"),
    )
    symbol = optional_char(_("document symbol"), max_length=200)
    paragraphs = models.JSONField(_("paragraphs"), default=list, blank=True)
    article = optional_char(_("article"), max_length=100)

    class Meta:
        ordering = ("term", "position")
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = (
            models.CheckConstraint(
                condition=Q(mandate__isnull=False) | Q(symbol__isnull=False),
                name="citation_names_a_source",
            ),
            models.CheckConstraint(
                condition=Q(node__isnull=False, activity__isnull=True, requested_event__isnull=True)
                | Q(node__isnull=True, activity__isnull=False, requested_event__isnull=True)
                | Q(node__isnull=True, activity__isnull=True, requested_event__isnull=False),
                name="citation_has_one_owner",
            ),
        )

    def __str__(self) -> str:
        source = self.symbol or (str(self.mandate) if self.mandate_id else "")
        return f"{source} ¶ {', '.join(self.paragraphs)}" if self.paragraphs else source


class NonMeetingDay(models.Model):
    """A holiday of the headquarters calendar."""

    term = models.ForeignKey(Term, models.CASCADE, related_name="non_meeting_days")
    position = position_field()
    date = models.DateField(_("date"))
    name = MultilingualField(_("name"))

    class Meta:
        ordering = ("term", "date")
        verbose_name = _("non-meeting day")
        verbose_name_plural = _("non-meeting days")
        constraints = (
            models.UniqueConstraint(
                fields=["term", "date"], name="non_meeting_day_unique_per_term"
            ),
        )

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {_first_text(self.name)}"
