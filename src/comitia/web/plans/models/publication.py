"""Who may see a term's plan, a meeting or a document: one vocabulary for all three.

The levels are ordered: ``DRAFT`` is seen only by those who may view drafts (the term's
secretariat, chair and bureau, administrators); ``MEMBER_STATES`` also by delegations;
``PUBLIC`` by everyone. An object is seen at the lower of its own level and its term's
(``comitia.web.access.visibility`` answers every question about it).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    DRAFT = "draft", _("draft")
    MEMBER_STATES = "member_states", _("shared with member states")
    PUBLIC = "public", _("public")

    @property
    def rank(self) -> int:
        """0 for draft, 1 for shared with member states, 2 for public."""
        return _RANK[self.value]


_RANK = {"draft": 0, "member_states": 1, "public": 2}


def visibility_field(default: Visibility = Visibility.DRAFT) -> models.CharField:
    return models.CharField(
        _("visibility"),
        max_length=16,
        choices=Visibility.choices,
        default=default,
        help_text=_("Draft, shared with member states, or public."),
    )
