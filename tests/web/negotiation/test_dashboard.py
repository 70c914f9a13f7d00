"""The draft's dashboard: the counts the draft holds, the chart drawn from the paragraphs'
history with its table, the formal sessions left, the amendments awaiting a decision as the
reader may see them; and the draft page and the dashboard read a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comitia.plan import Plan
from comitia.web.access.models import Role
from comitia.web.levels import Visibility
from comitia.web.negotiation import operations, views
from comitia.web.negotiation.history import record_event
from comitia.web.negotiation.models import Amendment
from comitia.web.plans import models as m
from tests.web.publishing import store_published

from .conftest import DRAFT_KEY, client_for, negotiation_plan, share, url

MARKER = "MARKER-UNSHARED-DASHBOARD-77ab"


def reviewed_plan(paragraphs: int = 0) -> Plan:
    """The negotiation plan whose formal review spans October 2019 (its three meetings, on
    1, 2 and 3 October), with ``paragraphs`` more operative paragraphs (illustrative), half
    with no lead."""
    data: dict[str, Any] = negotiation_plan().model_dump(
        mode="json", by_alias=True, exclude_none=True
    )
    data["negotiation"]["milestones"].append(
        {
            "id": "review",
            "kind": "formal_review",
            "title": {"en": "Formal review"},
            "when": "2019-10",
        }
    )
    draft = next(r for r in data["resolutions"] if r["id"] == DRAFT_KEY)
    for n in range(paragraphs):
        draft["paragraphs"].append(
            {
                "number": str(100 + n),
                "section": "security",
                "text": {"en": f"Paragraph {100 + n} (illustrative)."},
                "leads": ["MX"] if n % 2 else [],
                "status": "pending" if n % 3 else "proposed",
            }
        )
    return Plan.model_validate(data)


@pytest.fixture
def reviewed(db: None) -> m.Resolution:
    term = store_published(reviewed_plan())
    draft = m.Resolution.objects.select_related("term").get(term=term, key=DRAFT_KEY)
    share(draft, Visibility.MEMBER_STATES)
    return draft


def _on(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    monkeypatch.setattr(views, "today_in", lambda term: day)


def _paragraph(draft: m.Resolution, number: str) -> m.Paragraph:
    return m.Paragraph.objects.select_related("resolution__term").get(
        resolution=draft, number=number
    )


def _decide(paragraph: m.Paragraph, status: str, meeting_key: str) -> None:
    """What the session sheet records: the paragraph's new status, in its history."""
    before = paragraph.status
    paragraph.status = status
    paragraph.save(update_fields=["status"])
    meeting = m.Meeting.objects.get(term=paragraph.resolution.term, key=meeting_key)
    record_event(paragraph, before, None, meeting=meeting)


def _amend(paragraph: m.Paragraph, state: str, text: str) -> Amendment:
    return operations.propose_amendment(
        paragraph,
        state,
        {"kind": "reword", "language": "en", "text": text, "justification": text},
        None,
        token=uuid.uuid4(),
    )


def _cells(page: str, caption: str) -> list[list[str]]:
    """The rows of the table captioned ``caption``, each as its cells' texts."""
    table = page.split(f"<caption>{caption}</caption>", 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_the_draft_page_links_to_its_dashboard(reviewed: m.Resolution) -> None:
    page = client_for(Role.SECRETARIAT).get(url(reviewed)).content.decode()
    assert f'href="{url(reviewed, "dashboard/")}"' in page


def test_the_dashboard_counts_the_paragraphs_by_status_per_section_and_in_all(
    reviewed: m.Resolution, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, dt.date(2019, 10, 2))
    page = client_for(Role.SECRETARIAT).get(url(reviewed, "dashboard/")).content.decode()
    # 3 bis agreed ad referendum and 4 in informal consultations, both in Security.
    assert _cells(page, "Paragraphs by status, per section") == [
        ["Security", "0", "1", "1", "0", "0", "0", "0", "2"]
    ]
    assert '<progress id="settled" max="2" value="0">' in page
    assert "0 paragraphs of 2 agreed or withdrawn (0 %)" in page


def test_the_chart_and_its_table_give_the_status_counts_after_each_session_held(
    reviewed: m.Resolution, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, dt.date(2019, 10, 3))  # m0 and m1 held, m2 to come
    _decide(_paragraph(reviewed, "4"), "pending", "m0")
    _decide(_paragraph(reviewed, "4"), "agreed", "m1")
    _decide(_paragraph(reviewed, "3 bis"), "agreed", "m1")
    page = client_for(Role.SECRETARIAT).get(url(reviewed, "dashboard/")).content.decode()
    # proposed, consultations, ad referendum, agreed, pending, withdrawn, none
    assert _cells(page, "Paragraphs by status after each formal session") == [
        ["October 1, 2019", "0", "0", "1", "0", "1", "0", "0"],
        ["October 2, 2019", "0", "0", "0", "2", "0", "0", "0"],
    ]
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in svg
    assert '<title id="status-chart-title">Paragraphs by status after each formal session' in svg
    assert svg.count('class="status-agreed"><title>agreed: 2</title>') == 1
    assert "2 paragraphs of 2 agreed or withdrawn (100 %)" in page
    assert "Every paragraph is agreed or withdrawn." in page


def test_pending_paragraphs_show_the_formal_sessions_not_yet_held(
    reviewed: m.Resolution, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(monkeypatch, dt.date(2019, 10, 2))  # m0 held; m1 and m2 to come
    page = client_for(Role.SECRETARIAT).get(url(reviewed, "dashboard/")).content.decode()
    assert "Not yet agreed or withdrawn; 2 formal sessions left." in page
    rows = _cells(page, "2 pending paragraphs")
    assert rows == [
        ["3 bis", "Security", "agreed ad referendum", "Peru, Canada", "2"],
        ["4", "Security", "in informal consultations", "Mexico", "2"],
    ]


def test_without_a_dated_formal_review_the_sessions_are_not_counted(draft: m.Resolution) -> None:
    page = client_for(Role.SECRETARIAT).get(url(draft, "dashboard/")).content.decode()
    assert "The plan gives no dates for the formal review" in page


def test_amendments_awaiting_a_decision_are_those_the_reader_sees(
    reviewed: m.Resolution,
) -> None:
    brazil = _amend(_paragraph(reviewed, "3 bis"), "BR", f"Encourage {MARKER}")
    shared = _amend(_paragraph(reviewed, "4"), "BR", "Request the report (illustrative)")
    operations.share_amendment(shared, None)
    decided = _amend(_paragraph(reviewed, "4"), "CO", "Another (illustrative)")
    operations.record_outcome(decided, "not_retained", None)

    def listed(client: Any) -> list[list[str]]:
        page = client.get(url(reviewed, "dashboard/")).content.decode()
        assert MARKER not in page  # the dashboard never prints an amendment's words
        if "No amendment awaits a decision." in page:
            return []
        caption = re.search(r"<caption>(\d+ amendments? awaiting a decision)</caption>", page)
        assert caption is not None
        return [row[:2] + row[-1:] for row in _cells(page, caption.group(1))]

    secretariat = listed(client_for(Role.SECRETARIAT))
    assert secretariat == [["3 bis", "Brazil", "not yet"], ["4", "Brazil", "yes"]]
    assert listed(client_for(Role.DELEGATION, "BR")) == secretariat
    # Mexico sees the shared one only; Peru leads 3 bis and sees Brazil's amendment to it.
    assert listed(client_for(Role.DELEGATION, "MX")) == [["4", "Brazil", "yes"]]
    assert [r[0] for r in listed(client_for(Role.DELEGATION, "PE"))] == ["3 bis", "4"]
    assert brazil.pk


def test_the_public_does_not_reach_the_dashboard_of_a_draft_not_public(
    reviewed: m.Resolution,
) -> None:
    assert client_for(None).get(url(reviewed, "dashboard/")).status_code == 404
    share(reviewed, Visibility.PUBLIC)
    assert client_for(None).get(url(reviewed, "dashboard/")).status_code == 200


def _sized(paragraphs: int, amendments: int) -> m.Resolution:
    """A draft of ``paragraphs`` more paragraphs and ``amendments`` amendments, each paragraph
    with a history entry, in a term of its own."""
    m.Term.objects.all().delete()
    term = store_published(reviewed_plan(paragraphs))
    draft = m.Resolution.objects.select_related("term").get(term=term, key=DRAFT_KEY)
    share(draft, Visibility.MEMBER_STATES)
    rows = list(m.Paragraph.objects.select_related("resolution__term").filter(resolution=draft))
    for n in range(amendments):
        amendment = _amend(rows[n % len(rows)], ("BR", "MX", "CO")[n % 3], f"Text {n}")
        if n % 4 == 0:
            operations.share_amendment(amendment, None)
    for row in rows:
        _decide(row, "agreed" if row.status != "agreed" else "pending", "m0")
    return draft


def _queries(client: Any, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


@pytest.mark.parametrize("tail", ["", "dashboard/"], ids=["draft page", "dashboard"])
@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.DELEGATION])
def test_the_number_of_queries_does_not_grow_with_paragraphs_and_amendments(
    db: None, tail: str, role: Role
) -> None:
    client = client_for(role, "BR" if role == Role.DELEGATION else "")
    counts = []
    for paragraphs, amendments in ((2, 3), (40, 60)):
        draft = _sized(paragraphs, amendments)
        client.get(url(draft, tail))  # sessions, caches and the like first
        counts.append(_queries(client, url(draft, tail)))
    assert counts[0] == counts[1]


def test_the_blank_amendment_form_stamped_for_a_paragraph_is_the_form_rendered_for_it() -> None:
    from comitia.web.negotiation.forms import AmendmentForm
    from comitia.web.negotiation.views import _BlankForm

    blank = _BlankForm("fr")
    first, second = blank.stamped(42).as_p(), blank.stamped(42).as_p()
    (token,) = re.findall(r'name="token" value="([^"]+)"', first)
    assert token not in second  # each paragraph's form has its own token
    rendered = AmendmentForm(initial={"token": token, "language": "fr"}, auto_id="id_%s_42")
    assert first == rendered.as_p()
