"""What changed in the rows a term's feeds print, as the database records it.

Both tables are written by database triggers only (``feed_triggers``), never by the
application: whatever changes a feed's row (operations, the admin, ``QuerySet.update()``, a
script, raw SQL) is recorded in the same transaction. The feeds read them to tell which of the
events they keep must be written again (``feeds``).
"""

from __future__ import annotations

from django.db import models

from comitia.web.plans.models import Term

# The events a change belongs to: a meeting (its row, earlier dates, agenda nodes, their
# presenters and citations), an activity (its row and citations), a reporting obligation's
# yearly deadline, or what every event prints (the term, its document, bodies, thematic areas
# and mandates), recorded with owner 0.
MEETING, ACTIVITY, DEADLINE, SHARED = "meeting", "activity", "deadline", "shared"


class FeedStamp(models.Model):
    """A term's counter of changes: ``n`` is raised by each change to its feeds' rows.

    ``token`` is drawn at random when the row is made (with the term): a term stored again
    under an id used before (after a rollback, in tests) never matches what was kept of the
    earlier one.
    """

    term = models.OneToOneField(
        Term, models.DO_NOTHING, primary_key=True, db_constraint=False, related_name="+"
    )
    token = models.BigIntegerField()
    n = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.term_id}: {self.n}"


class FeedChange(models.Model):
    """One event of a term changed: ``n`` is the term's counter after its latest change."""

    term = models.ForeignKey(
        Term, models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    kind = models.CharField(max_length=16)
    owner = models.BigIntegerField()
    n = models.BigIntegerField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["term", "kind", "owner"], name="feed_change_once"),
        )
        indexes = (models.Index(fields=["term", "n"], name="feed_change_term_n"),)

    def __str__(self) -> str:
        return f"{self.term_id}: {self.kind} {self.owner} at {self.n}"
