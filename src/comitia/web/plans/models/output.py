"""Counters of what a term's outputs show: the term's own (``Term.output_version``) and one per
term and member state for what only that state's delegation sees (``DelegationVersion``).

Both are raised by ``comitia.web.plans.output_version``; caches of outputs key on them.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def first_version() -> int:
    """A counter's first value, drawn at random: a term stored again under an id used before
    (SQLite reuses the highest id; a rolled-back load) never matches what was cached of the
    earlier one."""
    return secrets.randbits(48)


class DelegationVersion(models.Model):
    """The version of what one member state's delegation alone sees of a term (its proposals,
    its submissions): raised by every write to those, so caches of that delegation's pages
    key on it, and the public outputs are not printed again for them."""

    term = models.ForeignKey("plans.Term", models.CASCADE, related_name="+")
    state = models.CharField(_("member state"), max_length=2)
    version = models.PositiveBigIntegerField(_("version"), default=first_version)

    class Meta:
        verbose_name = _("version of a delegation's view")
        verbose_name_plural = _("versions of delegations' views")
        constraints = (
            models.UniqueConstraint(fields=["term", "state"], name="delegation_version_once"),
        )

    def __str__(self) -> str:
        return f"{self.term_id} {self.state}: {self.version}"
