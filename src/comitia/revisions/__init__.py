"""Plan revisions: immutable snapshots of a plan and what changed between two of them.

Plain Python, no Django: the web application stores snapshots, and the document renderers
print a comparison as the annex "Changes since rev. N" (see ``comitia.render.document``).
"""

from comitia.revisions.compare import Change, ChangeKind, compare
from comitia.revisions.snapshot import approved_plan, plan_from_snapshot, snapshot

__all__ = ["Change", "ChangeKind", "approved_plan", "compare", "plan_from_snapshot", "snapshot"]
