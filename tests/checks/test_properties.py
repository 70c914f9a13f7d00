"""Properties over any valid plan: the checks never fail, and every finding can be printed."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comitia.checks import Severity, blocking_findings, run_checks
from comitia.checks.report import as_json, as_text
from comitia.plan import ClaimedCount, CountClaim, Plan, SummaryClaim
from tests.strategies import fuzzy_dates, plans, texts

summary_claims = st.lists(
    st.builds(SummaryClaim, when=fuzzy_dates(), title=texts(), committee=st.booleans()),
    max_size=6,
)
count_claims = st.lists(
    st.builds(
        CountClaim,
        counts=st.sampled_from(ClaimedCount),
        number=st.integers(0, 30),
        text=texts(),
    ),
    max_size=3,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), summary_claims, count_claims)
def test_any_valid_plan_is_checked_and_every_finding_worded_in_four_languages(
    plan: Plan, summary: list[SummaryClaim], counts: list[CountClaim]
) -> None:
    plan = plan.model_copy(update={"summary_claims": summary, "count_claims": counts})
    findings = run_checks(plan, today=dt.date(2020, 1, 15))
    for lang in ("en", "fr", "es", "pt"):
        assert json.loads(as_json(findings, lang)) == [f.to_dict(lang) for f in findings]
        assert as_text(findings, lang).count("\n") >= len(findings) * 3
    assert blocking_findings(plan, today=dt.date(2020, 1, 15)) == [
        f for f in findings if f.severity is Severity.ERROR
    ]
