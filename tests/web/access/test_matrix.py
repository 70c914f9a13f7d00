"""Every route has a declared policy, and every role gets what that policy says on every route,
in every state of the objects the route is about.

The states: the term's plan, and the meeting, current document and approved revision that the
routes name, are each draft, shared with member states or public (all nine pairs of the term's
level and the objects' level); the proposal the routes name is the delegation's own and another
state's. The expected outcomes are written here, by hand, apart from
``comitia.web.access.policy`` and ``visibility``: the test compares the running site against
this table, not the rules against themselves.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from comitia.web.access.policy import Action
from comitia.web.access.routes import ROUTE_POLICIES, policy_for
from comitia.web.documents.models import AgendaFile, Revision
from comitia.web.documents.operations import approve_revision, set_revision_visibility
from comitia.web.levels import Visibility
from comitia.web.negotiation.models import Amendment, DraftRevision
from comitia.web.negotiation.revisions import issue_revision
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan
from comitia.web.publication.operations import (
    set_document_visibility,
    set_meeting_visibility,
    set_term_visibility,
)
from comitia.web.reports.models import Contact, Submission
from comitia.web.suggestions.models import Proposal
from tests.factories import build_plan, with_resolutions
from tests.web.module_data import kept_for_module

from .conftest import ROLES, make_user, signed_in

INSIDERS = {"secretariat", "bureau", "administrator"}
DELEGATIONS = {"delegation", "delegation_elsewhere"}

# Which roles each declared action lets through, on a term they see.
ALLOWED: dict[Action, set[str]] = {
    Action.VIEW: set(ROLES),
    Action.SIGN_IN: set(ROLES),
    Action.ADMIN_SITE: {"administrator"},  # the admin's own rule: is_staff
    Action.EDIT_CALENDAR: {"secretariat", "administrator"},
    Action.VIEW_CHECKS: INSIDERS,
    Action.VIEW_HISTORY: INSIDERS,
    Action.APPROVE_REVISION: {"bureau", "administrator"},
    Action.PUBLISH: {"secretariat", "administrator"},
    Action.VIEW_DRAFT: INSIDERS,
    Action.PROPOSE: DELEGATIONS | {"administrator"},
    Action.VIEW_PROPOSALS: DELEGATIONS | INSIDERS,
    Action.VIEW_REPORTS: {"secretariat", "administrator"},
    Action.RECORD_REPORTS: DELEGATIONS | {"secretariat", "administrator"},
    Action.VIEW_TRANSLATIONS: INSIDERS,
    Action.TRANSLATE: {"secretariat", "administrator"},
    # the users' pages are site-wide: the secretariat of any committee
    Action.MANAGE_USERS: {"secretariat", "secretariat_elsewhere", "administrator"},
}
# The routes about one member state's reports: the sample state is Brazil, the delegation's.
STATE_ROUTES = {
    "reports:state",
    "reports:record",
    "reports:contact_add",
    "reports:contact_delete",
    "reports:feed_key",
    "reports:language",
    "reports:document",
}

D, S, P = Visibility.DRAFT, Visibility.MEMBER_STATES, Visibility.PUBLIC
STATES = [(term, thing) for term in (D, S, P) for thing in (D, S, P)]
RANK = {D: 0, S: 1, P: 2}

# The routes about one meeting, the current document or an approved revision (besides the
# term): who sees them depends on that object's level too.
MEETING_ROUTES = {
    "calendar:meeting",
    "api:meeting",
    "api:meeting_move",
    "api:meeting_cancel",
    "suggestions:meeting",
    "suggestions:propose",
    "suggestions:withdraw",
    "documents:agenda_file",  # a file of a document the meeting's agenda lists
}
DOCUMENT_ROUTES = {"documents:download", "documents:compare"}
# The routes about the draft resolution (at the objects' level) and Brazil's amendment to it,
# not shared: seen by Brazil, the paragraph's leads (Peru, Canada) and those who see drafts.
RESOLUTION_ROUTES = {
    "api:resolution",
    "api:resolution_paragraphs",
    "negotiation:draft",
    "negotiation:propose",
    "negotiation:withdraw",
    "negotiation:share",
    "negotiation:decide",
    "negotiation:amendment_changes",
    "negotiation:revision_issue",
    "negotiation:revision",
    "negotiation:revision_file",
    "negotiation:revision_changes",
    "negotiation:dashboard",
    "api:amendments",
    "api:amendment",
    "api:resolution_dashboard",
    "negotiation:leads",
    "negotiation:consult",
    "negotiation:sheet",
    "negotiation:sheet_decide",
}
# Brazil's amendment itself: seen by Brazil and those who see drafts (not Mexico, whatever the
# draft's level; never the public).
AMENDMENT_ROUTES = {"api:amendment"}
REVISION_ROUTES = {"documents:revision", "documents:compare"}


def sees(*levels: Visibility) -> set[str]:
    """The roles that see something at the lowest of ``levels``."""
    lowest = min(levels, key=RANK.__getitem__)
    return {D: INSIDERS, S: INSIDERS | DELEGATIONS, P: set(ROLES)}[lowest]


def expected(
    name: str, arguments: tuple[str, ...], term: Visibility, thing: Visibility, method: str = "GET"
) -> set[str]:
    """Who gets through route ``name`` with ``method`` when the term is at ``term`` and its
    objects at ``thing``."""
    action = policy_for(name, method)
    assert action is not None
    allowed = set(ALLOWED[action])
    if name == "reports:feed":
        return set()  # the key in the address is the credential: a wrong one is nobody's
    if "slug" not in arguments:
        return allowed
    if action is Action.VIEW or name.startswith("api:"):
        allowed &= sees(term)  # the API answers 404 for a term one may not see, whatever asked
    if action in {Action.PROPOSE, Action.VIEW_PROPOSALS, Action.RECORD_REPORTS}:
        allowed -= DELEGATIONS - sees(term)
    if name in STATE_ROUTES:
        allowed -= {"delegation_elsewhere"}  # Mexico's delegation: Brazil's reports are not its
    if name == "reports:rates":
        allowed &= {"secretariat", "administrator"}  # the counts are not published

    if (
        action in {Action.VIEW, Action.PROPOSE, Action.VIEW_PROPOSALS} or name.startswith("api:")
    ) and (name in MEETING_ROUTES | DOCUMENT_ROUTES | REVISION_ROUTES | RESOLUTION_ROUTES):
        allowed &= sees(term, thing)
    if name in {"suggestions:withdraw", "negotiation:withdraw", "negotiation:amendment_changes"}:
        allowed -= {"delegation_elsewhere"}  # the proposal, the amendment are Brazil's
    if name == "negotiation:amendment_changes":
        allowed &= INSIDERS | {"delegation"}  # an amendment not shared is never public
    if name in AMENDMENT_ROUTES and method == "GET":
        allowed &= INSIDERS | {"delegation"}
    return allowed


def _named_routes(
    patterns: list[Any] | None = None, namespace: str = "", outer: tuple[str, ...] = ()
) -> list[tuple[str, tuple[str, ...]]]:
    """Every route as (view name, names of its URL's arguments); an unnamed route is called
    ``namespace:<unnamed>`` so that only a namespace's declared policy can cover it."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        arguments = outer + tuple(entry.pattern.converters)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _named_routes(entry.url_patterns, inner, arguments)
        elif isinstance(entry, URLPattern):
            found.append((f"{namespace}{entry.name or '<unnamed>'}", arguments))
    return found


def _methods(name: str) -> list[str]:
    """The methods route ``name`` declares a policy for (GET for a route with one policy)."""
    policy = ROUTE_POLICIES.get(name)
    return list(policy) if isinstance(policy, Mapping) else ["GET"]


def test_every_route_of_the_url_configuration_declares_a_policy() -> None:
    routes = _named_routes()
    assert len(routes) > 30
    missing = sorted(
        name for name, _ in routes if any(policy_for(name, m) is None for m in _methods(name))
    )
    assert missing == []


def test_a_method_a_route_does_not_declare_has_no_policy() -> None:
    assert policy_for("api:meeting", "GET") is Action.VIEW
    assert policy_for("api:meeting", "HEAD") is Action.VIEW
    assert policy_for("api:meeting", "PATCH") is Action.EDIT_CALENDAR
    assert policy_for("api:meeting", "DELETE") is None
    assert policy_for("api:meeting_move", "GET") is None


def test_a_route_without_a_declared_policy_is_refused(client: Client, admin_user: Any) -> None:
    assert policy_for("calendar:no_such_route") is None
    assert policy_for("admin:auth_user_changelist") is Action.ADMIN_SITE
    client.force_login(admin_user)
    with override_settings(ROOT_URLCONF="tests.web.access.undeclared_urls"):
        response = client.get("/undeclared/")
    assert response.status_code == 403
    assert b"MARKER-UNDECLARED-9c2e" not in response.content  # the view never ran


def test_every_declared_policy_names_a_route() -> None:
    names = {name for name, _ in _named_routes()}
    stale = [n for n in ROUTE_POLICIES if not n.endswith(":*") and n not in names]
    assert stale == []


def _sample_kwargs(term: m.Term, revision_number: int = 1) -> dict[str, Any]:
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert meeting is not None
    node = m.AgendaNode.objects.filter(meeting=meeting).first()
    activity = m.Activity.objects.filter(term=term).first()
    assert node is not None and activity is not None
    proposal, _ = Proposal.objects.get_or_create(
        meeting=meeting,
        member_state="BR",
        kind="topic",
        defaults={"topic": "Citizen security", "token": uuid.uuid4()},
    )
    obligation = m.ReportingObligation.objects.filter(term=term).first()
    assert obligation is not None
    if not default_storage.exists("reports/sample.pdf"):
        default_storage.save("reports/sample.pdf", ContentFile(b"%PDF-1.4 sample"))
    submission, _ = Submission.objects.get_or_create(
        obligation=obligation,
        state="BR",
        cycle=2020,
        defaults={"received": dt.date(2020, 3, 1), "document": "reports/sample.pdf"},
    )
    agenda_file = AgendaFile.objects.filter(meeting=meeting, language="en").first()
    if agenda_file is None:
        agenda_file = AgendaFile(
            meeting=meeting, symbol=(node.documents or ["CP/doc.1/20"])[0], language="en"
        )
        agenda_file.original_name = "sample.pdf"
        agenda_file.file.save("sample.pdf", ContentFile(b"%PDF-1.4 sample"), save=False)
        agenda_file.save()
    contact, _ = Contact.objects.get_or_create(
        state="BR", name="Example", defaults={"email": "br@example.org"}
    )
    paragraph = m.Paragraph.objects.filter(
        resolution__term=term, resolution__key="draft-2020"
    ).first()
    amendment = (
        Amendment.objects.get_or_create(
            paragraph=paragraph,
            member_state="BR",
            defaults={
                "kind": Amendment.Kind.REWORD,
                "language": "en",
                "text": "Encourage member states",
                "justification": "Clearer",
                "based_on": 1,
                "token": uuid.uuid4(),
            },
        )[0]
        if paragraph is not None
        else None
    )
    # The sample meeting is one of the formal review's, which the milestone names: it has a
    # session sheet (negotiation:sheet).
    first_step = m.Milestone.objects.filter(negotiation__term=term).first()
    if first_step is not None:
        m.Milestone.objects.get_or_create(
            negotiation=first_step.negotiation,
            key="formal-review",
            defaults={
                "position": 99,
                "kind": "formal_review",
                "title": first_step.title,
                "meeting": meeting,
            },
        )
    return {
        "rev": _draft_revision(term),
        "paragraph_id": paragraph.pk if paragraph is not None else 0,
        "amendment_id": amendment.pk if amendment is not None else 0,
        "state": "BR",
        "year": 2020,
        "submission_id": submission.pk,
        "file_id": agenda_file.pk,
        "contact_id": contact.pk,
        "secret": "feed_not-a-key",
        "proposal_id": proposal.pk,
        "uidb64": "MQ",
        "token": "set-password",
        "slug": term.slug,
        "key": meeting.key,
        "node_id": node.pk,
        "record_id": 0,  # calendar:restore: a change that does not exist (a 404 past the access)
        "number": revision_number,
        "fmt": "html",
        "lang": "en",
        "month": f"{meeting.date:%Y-%m}",
        "day": meeting.date.isoformat(),
        "object_type": "meeting",
        "object_id": meeting.key,
        "activity_key": activity.key,
        "resolution": "draft-2020",
        # access:user_edit: a user that exists (0 when none does: a 404 past the access)
        "user_id": User.objects.order_by("pk").values_list("pk", flat=True).first() or 0,
    }


def _draft_revision(term: m.Term) -> int:
    """The number of the draft's second revision issued (its comparison has one before it),
    issued now if it is not yet; 0 for a term with no draft."""
    draft = m.Resolution.objects.select_related("term").filter(term=term, key="draft-2020").first()
    if draft is None:
        return 0
    issued = DraftRevision.objects.filter(term_slug=term.slug, resolution_key=draft.key)
    while issued.count() < 2:
        issue_revision(draft, None, issued_on=dt.date(2020, 5, 14))
    return max(r.number for r in issued)


def _url(name: str, arguments: tuple[str, ...], sample: dict[str, Any]) -> str | None:
    if name.startswith("admin:"):
        return reverse(name) if name == "admin:index" else None
    if name == "api:api-root":
        return None  # Django Ninja's root answers 404 to everyone: its documentation page is off
    kwargs = {k: sample[k] for k in arguments}
    if name == "calendar:activity_edit":
        kwargs["key"] = sample["activity_key"]
    url = reverse(name, kwargs=kwargs)
    if name == "documents:compare":
        url += f"?a={sample['number']}&b=current"
    if name == "search:search":
        url += "?q=marker"  # every marker of the leak tests begins with the word
    return url


def _refused(response: Any) -> bool:
    """Refused: forbidden, not found (a hidden object is as if it did not exist), or sent to
    sign in (the API: told to sign in)."""
    if response.status_code in {401, 403, 404}:
        return True
    return response.status_code == 302 and "login/" in response["Location"]


def _wrong(responses: list[Any], allowed: bool) -> bool:
    """An allowed role's GET is not refused; a refused role's GET and POST are each refused
    or answered 405 (a route that does not take that method shows and does nothing, whoever
    asks), and at least one is refused."""
    if allowed:
        return any(_refused(r) for r in responses)
    if not all(_refused(r) or r.status_code == 405 for r in responses):
        return True
    return not any(_refused(r) for r in responses)


def _set_state(term: m.Term, term_level: Visibility, level: Visibility, bureau: Any) -> int:
    """Put ``term`` at ``term_level`` and the sample meeting, its current document and an
    approved revision at ``level``; returns the revision's number."""
    revision = Revision.objects.filter(term_slug=term.slug).first() or approve_revision(
        term,
        symbol="X rev. 9",
        approved_on=dt.date(2019, 11, 7),
        user=bureau,
        override_reason="test plan",
    )
    meeting = m.Meeting.objects.select_related("term").filter(term=term).order_by("date")[0]
    set_term_visibility(term, term_level, None)
    set_meeting_visibility(meeting, level, None)
    document = m.PlanDocument.objects.select_related("term").get(term=term)
    set_document_visibility(document, level, None)
    set_revision_visibility(revision, level, None)
    m.Resolution.objects.filter(term=term, state="draft").update(visibility=level)
    return revision.number


def _tried(name: str, declared: str, allowed: bool) -> list[str]:
    """The methods tried: the declared one; a refused role also POSTs to a page that has one
    policy for every method."""
    if allowed or isinstance(ROUTE_POLICIES.get(name), Mapping):
        return [declared]
    return ["GET", "POST"]


def _request(client: Client, method: str, url: str) -> Any:
    """``method`` on ``url``; the API's writes get an empty JSON object, which an allowed caller
    sees refused as invalid (422), not as forbidden."""
    if url.startswith("/api/") and method != "GET":
        return client.generic(method, url, "{}", content_type="application/json")
    return getattr(client, method.lower())(url)


@pytest.fixture(scope="module")
def cast(
    django_db_setup: None, django_db_blocker: Any
) -> Iterator[tuple[m.Term, m.Term, dict[str, User | None]]]:
    """The two terms and a user of every role, stored once for the nine states (each state's
    test sets its levels inside its own transaction)."""

    def build() -> tuple[m.Term, m.Term, dict[str, User | None]]:
        # The term under test holds resolutions, for the API's routes of resolutions.
        here = save_plan(with_resolutions(build_plan(3)))
        elsewhere = save_plan(build_plan(2, label="2020-2021"))
        return here, elsewhere, {role: make_user(role, here, elsewhere) for role in ROLES}

    yield from kept_for_module(django_db_blocker, build)


# The routes whose outcome depends on the level of the objects they name; on the others only
# the term's level counts (``expected``), and they are tried once per term level, with the
# objects at the term's own level.
OBJECT_ROUTES = MEETING_ROUTES | DOCUMENT_ROUTES | REVISION_ROUTES | RESOLUTION_ROUTES


def _matrix_states() -> list[Any]:
    """The nine states; on PostgreSQL the three where objects share the term's level. The six
    others send the same queries with other levels (the visibility rules are data, not SQL),
    and run on SQLite: the PostgreSQL pass is there for the dialect (see tests/selection.py)."""
    ids = [f"term_{t}-objects_{o}" for t, o in STATES]
    return [
        pytest.param(
            t,
            o,
            id=name,
            marks=[] if t == o else [pytest.mark.dialect_free],
        )
        for (t, o), name in zip(STATES, ids, strict=True)
    ]


@pytest.mark.parametrize(("term_level", "level"), _matrix_states())
def test_every_role_meets_the_declared_policy_on_every_route(
    cast: tuple[m.Term, m.Term, dict[str, User | None]],
    db: None,
    capsys: pytest.CaptureFixture[str],
    term_level: Visibility,
    level: Visibility,
) -> None:
    stored, _, users = cast
    here = m.Term.objects.get(pk=stored.pk)  # not the object an earlier state's test changed
    number = _set_state(here, term_level, level, users["bureau"])
    sample = _sample_kwargs(here, number)
    # One signed-in client per role for every route: the cases only read, or are refused
    # before a view runs, so no request changes what the next one meets.
    clients = {role: signed_in(user) for role, user in users.items()}
    wrong: list[str] = []
    cases = 0
    for name, arguments in dict(_named_routes()).items():
        url = _url(name, arguments, sample)
        if url is None or name == "calendar:logout":
            continue
        if name not in OBJECT_ROUTES and level != term_level:
            continue  # tried in this term level's state with the objects at its level
        for declared in _methods(name):
            allowed_roles = expected(name, arguments, term_level, level, declared)
            for role, client in clients.items():
                allowed = role in allowed_roles
                methods = _tried(name, declared, allowed)
                responses = [_request(client, method, url) for method in methods]
                cases += len(methods)
                if _wrong(responses, allowed):
                    codes = ", ".join(
                        f"{m} {r.status_code}" for m, r in zip(methods, responses, strict=True)
                    )
                    verdict = "allowed" if allowed else "refused"
                    wrong.append(f"{role} {url}: {codes} ({verdict})")
    with capsys.disabled():
        print(f"\npermission matrix, term {term_level}, objects {level}: {cases} cases")
    assert wrong == []
    assert cases > (400 if level == term_level else 150)


def test_only_the_object_routes_depend_on_the_objects_level() -> None:
    """What makes trying the other routes once per term level enough."""
    for name, arguments in dict(_named_routes()).items():
        if name in OBJECT_ROUTES or policy_for(name) is None:
            continue
        for declared in _methods(name):
            for term in (D, S, P):
                outcomes = [expected(name, arguments, term, o, declared) for o in (D, S, P)]
                assert outcomes[0] == outcomes[1] == outcomes[2], (name, declared, term)


def test_the_matrix_expects_what_the_issue_says() -> None:
    """Spot checks of the table against the issue's words, so that a wrong table fails too."""
    meeting = ("slug", "key")
    assert expected("calendar:meeting", meeting, P, D) == INSIDERS
    assert expected("calendar:meeting", meeting, P, S) == INSIDERS | DELEGATIONS
    assert expected("calendar:meeting", meeting, S, P) == INSIDERS | DELEGATIONS
    assert expected("calendar:meeting", meeting, P, P) == set(ROLES)
    assert expected("calendar:list", ("slug",), D, P) == INSIDERS
    assert expected("suggestions:propose", meeting, P, D) == {"administrator"}
    assert expected("suggestions:withdraw", (*meeting, "proposal_id"), P, P) == {
        "delegation",
        "administrator",
    }
    assert expected("documents:plan", ("slug",), P, D) == set(ROLES)
    assert expected("documents:download", ("slug", "fmt"), P, D) == INSIDERS
    assert expected("api:meeting", meeting, P, S) == INSIDERS | DELEGATIONS
    assert expected("api:meeting", meeting, P, P, "PATCH") == {"secretariat", "administrator"}
    assert expected("api:meeting", meeting, D, P, "PATCH") == {"secretariat", "administrator"}
    assert expected("api:meetings", ("slug",), S, D) == INSIDERS | DELEGATIONS
    draft = ("slug", "resolution")
    assert expected("negotiation:revision", (*draft, "rev"), P, S) == INSIDERS | DELEGATIONS
    assert expected("negotiation:revision_file", (*draft, "rev", "lang", "fmt"), P, D) == INSIDERS
    assert expected("negotiation:revision_issue", draft, P, P) == {"secretariat", "administrator"}
    changes = (*draft, "amendment_id")
    assert expected("negotiation:amendment_changes", changes, P, P) == INSIDERS | {"delegation"}
    assert expected("negotiation:dashboard", draft, P, S) == INSIDERS | DELEGATIONS
    assert expected("api:resolution_dashboard", draft, P, P) == set(ROLES)
    assert expected("api:amendments", draft, P, D, "POST") == {"administrator"}
    assert expected("api:amendments", draft, P, S, "POST") == DELEGATIONS | {"administrator"}
    amendment = (*draft, "amendment_id")
    assert expected("api:amendment", amendment, P, P) == INSIDERS | {"delegation"}
    assert expected("api:amendment", amendment, P, P, "PATCH") == {"secretariat", "administrator"}
    sheet = (*draft, "key")
    assert expected("negotiation:sheet", sheet, P, P) == INSIDERS
    assert expected("negotiation:sheet_decide", (*sheet, "paragraph_id"), P, P) == {
        "secretariat",
        "administrator",
    }
    assert expected("negotiation:leads", (*draft, "paragraph_id"), P, S) == {
        "secretariat",
        "administrator",
    }
    assert expected("negotiation:consult", (*draft, "paragraph_id"), P, S) == DELEGATIONS | {
        "administrator"
    }
    assert expected("negotiation:consult", (*draft, "paragraph_id"), P, D) == {"administrator"}
