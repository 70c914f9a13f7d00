"""The first value of the counters of what a term's outputs show: the term's own
(``Term.output_version``) and one per term and member state for what only that state's
delegation sees (``calendar_web.DelegationVersion``), both raised by
``comitia.web.plans.output_version``.
"""

from __future__ import annotations

import secrets


def first_version() -> int:
    """A counter's first value, drawn at random: a term stored again under an id used before
    (SQLite reuses the highest id; a rolled-back load) never matches what was cached of the
    earlier one."""
    return secrets.randbits(48)
