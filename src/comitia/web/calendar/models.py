"""The version of what one delegation alone sees of a term (its proposals, its submissions).

It lives here rather than beside the term because every model of the plans app is a row of a
plan (the admin lists them, ``comitia load --replace`` replaces them); this one is a counter
about the outputs, carried over to the term that replaces its own. The feeds' change log that
this app held before was removed by migration 0002.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from comitia.web.plans.models.output import first_version


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
