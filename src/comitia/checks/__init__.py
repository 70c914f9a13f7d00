"""Consistency checks over a plan: rules with stable codes, and mandate coverage.

Plain Python (no Django). ``run_checks(plan)`` returns every finding, errors first;
``blocking_findings(plan)`` only the errors, which block the approval of a revision. Each
:class:`Finding` has a code (``CAL001``-style, see docs/checks.md), a severity, the ISO dates
and the objects it concerns, and its message and hint in en, fr, es or pt.
"""

from comitia.checks.coverage import (
    Address,
    AreaCoverage,
    CoverageState,
    MandateCoverage,
    ParagraphCoverage,
    mandate_coverage,
    paragraph_coverage,
)
from comitia.checks.engine import (
    DEFAULT_PROVISIONAL_WEEKS,
    Finding,
    ObjectKind,
    ObjectRef,
    OtherCommittee,
    Rule,
    Severity,
    blocking_findings,
    iter_rules,
    run_checks,
)

__all__ = [
    "DEFAULT_PROVISIONAL_WEEKS",
    "Address",
    "AreaCoverage",
    "CoverageState",
    "Finding",
    "MandateCoverage",
    "ObjectKind",
    "ObjectRef",
    "OtherCommittee",
    "ParagraphCoverage",
    "Rule",
    "Severity",
    "blocking_findings",
    "iter_rules",
    "mandate_coverage",
    "paragraph_coverage",
    "run_checks",
]
