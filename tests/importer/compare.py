"""Compare two plans by content, not by identifiers: the shape used by the importer's tests."""

from __future__ import annotations

from typing import Any

from comitia.plan import AgendaNode, Citation, Plan


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def citation(plan: Plan, c: Citation) -> tuple[Any, ...]:
    source: tuple[Any, ...] = ()
    if c.mandate is not None:
        mandate = next(m for m in plan.mandates if m.id == c.mandate)
        source = ("mandate", mandate.source, mandate.article, mandate.body)
    return (source, c.symbol, tuple(c.paragraphs), c.article)


def node(plan: Plan, n: AgendaNode) -> dict[str, Any]:
    area = next((a.number for a in plan.thematic_areas if a.id == n.area), None)
    return {
        "kind": n.kind.value,
        "area": area,
        "title": _text(n.title),
        "presenters": list(n.presenters),
        "citations": [citation(plan, c) for c in n.citations],
        "documents": list(n.documents),
        "notes": [str(t) for t in n.notes],
        "items": [node(plan, child) for child in n.items],
    }


def meeting(plan: Plan, m: Any) -> dict[str, Any]:
    return {
        "date": m.date.isoformat(),
        "start": m.start.strftime("%H:%M"),
        "end": m.end.strftime("%H:%M"),
        "kind": m.kind.value,
        "provisional": m.provisional,
        "previous_dates": [d.isoformat() for d in m.previous_dates],
        "venue": _text(m.venue),
        "title": _text(m.title),
        "agenda": [node(plan, n) for n in m.agenda],
    }


def activity(plan: Plan, a: Any) -> dict[str, Any]:
    return {
        "title": str(a.title),
        "body": a.body,
        "when": str(a.when),
        "start": a.start.strftime("%H:%M") if a.start else None,
        "end": a.end.strftime("%H:%M") if a.end else None,
        "venue": _text(a.venue),
        "citations": [citation(plan, c) for c in a.citations],
    }


def obligation(o: Any) -> dict[str, Any]:
    return {
        "title": str(o.title),
        "frequency": o.frequency.value,
        "due": o.due,
        "parties": o.parties.value,
        "request": [str(r) for r in o.request],
        "basis": list(o.basis),
        "channel": o.channel,
    }


def officer(o: Any) -> dict[str, Any]:
    return {
        "role": o.role.value,
        "person": o.person,
        "honorific": _text(o.honorific),
        "position": _text(o.position),
        "state": o.state,
        "elected_on": o.elected_on.isoformat(),
        "elected_by": o.elected_by,
    }


def appropriation(a: Any) -> dict[str, Any]:
    return {
        "period": str(a.period),
        "amount": str(a.amount),
        "basis": a.basis,
        "basis_title": _text(a.basis_title),
        "approved_by": a.approved_by,
        "notes": [str(n) for n in a.notes],
    }
