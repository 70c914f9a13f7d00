"""What the committees of one organization share: rooms and interpretation teams.

An organization's rows are not part of any term: its terms point to it (``Term.organization``)
and their meetings name a room and a team by key (``Meeting.room``, ``Meeting.team``), as plan
files do, so that a plan reads back as it was written whatever the organization holds; the
checks say when a key names nothing (ORG007). ``version`` is raised by every change to the
organization or its rooms and teams: outputs that print them (the organization's calendar and
feeds) key their caches on it beside the terms' output versions.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from comitia.plan import Language
from comitia.web.plans.models.fields import MultilingualField


def _first_text(text: dict[str, str] | None) -> str:
    return next(iter(text.values())) if text else ""


def _raise_version(organization_id: int | None) -> None:
    if organization_id is not None:
        Organization.objects.filter(pk=organization_id).update(version=F("version") + 1)


class Organization(models.Model):
    """An organization (its secretariat department) and what its committees share."""

    key = models.CharField(
        _("identifier"),
        max_length=64,
        unique=True,
        help_text=_("As plan files name it in their organization field: a-z, 0-9 and -."),
    )
    name = MultilingualField(_("name"))
    timezone = models.CharField(_("time zone"), max_length=64, default="America/New_York")
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("The rooms and teams are an example, not the organization's real ones."),
    )
    version = models.PositiveBigIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ("key",)
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return _first_text(self.name) or self.key

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)


def _languages_valid(value: Any) -> None:
    from django.core.exceptions import ValidationError

    known = {lang.value for lang in Language}
    if not isinstance(value, list) or any(item not in known for item in value):
        raise ValidationError(
            _("A list of language codes: %(codes)s.") % {"codes": ", ".join(sorted(known))}
        )


def _days_valid(value: Any) -> None:
    import datetime as dt

    from django.core.exceptions import ValidationError

    try:
        if not isinstance(value, list):
            raise ValueError
        for item in value:
            dt.date.fromisoformat(item)
    except (TypeError, ValueError):
        raise ValidationError(_("A list of ISO dates, such as 2020-01-15.")) from None


class _Resource(models.Model):
    """What a room and a team have in common: their organization, key, order and name."""

    organization = models.ForeignKey(
        Organization, models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    key = models.CharField(_("identifier"), max_length=64)
    position = models.PositiveIntegerField(_("position"), default=0)
    name = MultilingualField(_("name"))
    unavailable = models.JSONField(
        _("unavailable days"),
        default=list,
        blank=True,
        validators=[_days_valid],
        help_text=_("ISO dates on which it cannot be booked."),
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return _first_text(self.name) or self.key

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        _raise_version(self.organization_id)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        organization_id = self.organization_id
        result = super().delete(*args, **kwargs)
        _raise_version(organization_id)
        return result


class Room(_Resource):
    """A meeting room of the headquarters."""

    organization = models.ForeignKey(
        Organization, models.CASCADE, related_name="rooms", verbose_name=_("organization")
    )
    capacity = models.PositiveIntegerField(_("capacity"), default=1)
    booths = models.JSONField(
        _("booths"),
        default=list,
        blank=True,
        validators=[_languages_valid],
        help_text=_("The languages its interpretation booths interpret into."),
    )
    equipment = models.JSONField(_("equipment"), default=list, blank=True)

    class Meta:
        ordering = ("organization", "position")
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = (
            models.UniqueConstraint(
                fields=["organization", "key"], name="room_key_unique_per_organization"
            ),
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="room_has_seats"),
        )


class InterpretationTeam(_Resource):
    """A team of interpreters, booked as one for a meeting."""

    organization = models.ForeignKey(
        Organization, models.CASCADE, related_name="teams", verbose_name=_("organization")
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        validators=[_languages_valid],
        help_text=_("The languages it interprets between."),
    )
    meetings_per_day = models.PositiveSmallIntegerField(_("meetings a day"), default=1)

    class Meta:
        ordering = ("organization", "position")
        verbose_name = _("interpretation team")
        verbose_name_plural = _("interpretation teams")
        constraints = (
            models.UniqueConstraint(
                fields=["organization", "key"], name="team_key_unique_per_organization"
            ),
            models.CheckConstraint(
                condition=models.Q(meetings_per_day__gte=1, meetings_per_day__lte=4),
                name="team_meetings_per_day_1_to_4",
            ),
        )
