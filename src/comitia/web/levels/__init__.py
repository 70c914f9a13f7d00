"""The levels of visibility: the vocabulary of every model with a visibility column.

The levels are ordered: ``DRAFT`` is seen only by those who may view drafts (the term's
secretariat, chair and bureau, administrators); ``MEMBER_STATES`` also by delegations;
``PUBLIC`` by everyone. An object is seen at the lower of its own level and its term's
(``comitia.web.publication.visibility`` answers every question about it).

This module sits below every app: the plans', the documents' and the publication's models
declare their columns with ``visibility_field``, and the publication app, which holds the
rules, imports those models. It imports nothing of Comitia.
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


def seen_at(level: Visibility | str, viewer: Visibility | str) -> bool:
    """Whether an object at ``level`` is seen by a viewer whose level is ``viewer``."""
    return Visibility(level).rank >= Visibility(viewer).rank


def levels_seen(viewer: Visibility | str) -> list[str]:
    """The stored values of the levels a viewer at ``viewer`` sees (for ``__in`` filters)."""
    return [level.value for level in Visibility if seen_at(level, viewer)]


def visibility_field(default: Visibility = Visibility.DRAFT) -> models.CharField:  # type: ignore[type-arg]
    return models.CharField(
        _("visibility"),
        max_length=16,
        choices=Visibility.choices,
        default=default,
        help_text=_("Draft, shared with member states, or public."),
    )
