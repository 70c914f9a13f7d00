"""The level of each term's plan (``Publication``); the levels of meetings, plan documents and
revisions are columns of their own models (``comitia.web.levels.visibility_field``).

``Publication`` was a model of the access app: its table keeps that app's name
(``access_publication``), so that moving it changed no table (migration 0001).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from comitia.web.levels import Visibility, visibility_field


class Publication(models.Model):
    """The visibility of a term's plan: draft, shared with member states, or public.

    A term with no row is a draft: nothing is shown outside the secretariat, the chair and
    bureau until someone publishes it (``comitia load --publish``, or the term's page). A
    meeting or document is seen at the lower of its own level and its term's.
    """

    term = models.OneToOneField(
        "plans.Term",
        models.CASCADE,
        related_name="publication",
        verbose_name=_("term"),
    )
    visibility = visibility_field()
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised by every saved edit.")
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        db_table = "access_publication"
        verbose_name = _("publication of a term")
        verbose_name_plural = _("publications of terms")

    def __str__(self) -> str:
        return f"{self.term}: {self.visibility}"

    @property
    def published(self) -> bool:
        return bool(self.visibility == Visibility.PUBLIC)
