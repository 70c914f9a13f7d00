"""Findings as text for people or JSON for programs, in the reader's language."""

from __future__ import annotations

import json
from collections.abc import Sequence

from comitia.checks.engine import Finding, Severity
from comitia.checks.messages import label


def as_text(findings: Sequence[Finding], lang: str = "en") -> str:
    """One block per finding (severity, code, dates, message, hint, objects), then the counts."""
    lines = []
    for finding in findings:
        dates = " ".join(d.isoformat() for d in finding.dates)
        head = f"{label(finding.severity.value, lang)} {finding.code}"
        lines.append(f"{head} [{dates}]" if dates else head)
        lines.append(f"  {finding.message(lang)}")
        lines.append(f"  {label('hint', lang)} {finding.hint(lang)}")
        if finding.objects:
            lines.append("  " + " ".join(str(ref) for ref in finding.objects))
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    lines.append(
        label("summary", lang).format(
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
            infos=counts[Severity.INFO],
        )
    )
    return "\n".join(lines) + "\n"


def as_json(findings: Sequence[Finding], lang: str = "en") -> str:
    """A JSON list of findings: code, severity, message, dates (ISO), objects and hint."""
    return json.dumps([f.to_dict(lang) for f in findings], ensure_ascii=False, indent=2) + "\n"
