"""The declared policy of every route, by URL name; a route missing here is refused.

``tests/web/access/test_matrix.py`` walks the URL configuration, fails for a named route with no
entry and tries every role on every route. Routes of a whole namespace (the admin) are declared
by ``namespace:*``. A route whose methods do different things (the API's ``GET`` and ``PATCH``
of one meeting) declares an action per method; a method it does not name is refused.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.http import HttpRequest

from .policy import Action

Policy = Action | Mapping[str, Action]
# The URL namespace of the JSON API (``comitia.web.api.endpoints``).
API_NAMESPACE = "api"

ROUTE_POLICIES: dict[str, Policy] = {
    "home": Action.VIEW,
    "term": Action.VIEW,
    "set_language": Action.VIEW,
    "favicon": Action.VIEW,
    "admin:*": Action.ADMIN_SITE,
    # documents
    "documents:plan": Action.VIEW,
    "documents:download": Action.VIEW,
    "documents:compare": Action.VIEW,
    "documents:revision": Action.VIEW,
    "documents:approve": Action.APPROVE_REVISION,
    "documents:visibility": Action.PUBLISH,
    # an agenda item's documents: the files to those who see the meeting; attaching, replacing
    # and removing for the secretariat
    "documents:agenda_file": Action.VIEW,
    "documents:agenda_file_attach": Action.EDIT_CALENDAR,
    "documents:agenda_file_remove": Action.EDIT_CALENDAR,
    # calendar, public
    "calendar:latest": Action.VIEW,
    "calendar:list": Action.VIEW,
    "calendar:month_now": Action.VIEW,
    "calendar:month": Action.VIEW,
    "calendar:week_now": Action.VIEW,
    "calendar:week": Action.VIEW,
    "calendar:agenda": Action.VIEW,
    "calendar:meeting": Action.VIEW,
    "calendar:feed": Action.VIEW,
    "calendar:delegations_feed": Action.VIEW,
    # the organization's calendar: every committee's public meetings, the same for everyone
    "calendar:all": Action.VIEW,
    "calendar:all_feed": Action.VIEW,
    "calendar:all_state_feed": Action.VIEW,
    "calendar:login": Action.SIGN_IN,
    "calendar:logout": Action.SIGN_IN,
    # calendar, editing
    "calendar:meeting_new": Action.EDIT_CALENDAR,
    "calendar:meeting_edit": Action.EDIT_CALENDAR,
    "calendar:meeting_move": Action.EDIT_CALENDAR,
    # the rescheduling assistant's dates (the move itself is calendar:meeting_move)
    "calendar:meeting_other_dates": Action.EDIT_CALENDAR,
    "calendar:meeting_cancel": Action.EDIT_CALENDAR,
    "calendar:agenda_new": Action.EDIT_CALENDAR,
    "calendar:agenda_edit": Action.EDIT_CALENDAR,
    "calendar:agenda_reorder": Action.EDIT_CALENDAR,
    "calendar:activity_new": Action.EDIT_CALENDAR,
    "calendar:activity_edit": Action.EDIT_CALENDAR,
    "calendar:restore": Action.EDIT_CALENDAR,
    # search: every reader finds what they may see (comitia.web.search.index)
    "search:search": Action.VIEW,
    # checks
    "checks-panel": Action.VIEW_CHECKS,
    "checks-coverage": Action.VIEW,
    "checks-coverage-csv": Action.VIEW,
    # budget: planned cost against appropriations, for the secretariat, chair and bureau
    "budget:page": Action.VIEW_CHECKS,
    # translations: status and XLIFF export for the secretariat, chair, bureau and translators;
    # importing a translated file (preview, then confirm) for the secretariat and translators
    "checks-translations": Action.VIEW_TRANSLATIONS,
    "checks-translations-xliff": Action.VIEW_TRANSLATIONS,
    "checks-translations-import": Action.TRANSLATE,
    "checks-translations-confirm": Action.TRANSLATE,
    # access
    "access:history": Action.VIEW_HISTORY,
    "access:invitation": Action.SIGN_IN,
    "access:invitation_done": Action.SIGN_IN,
    "access:password_reset": Action.SIGN_IN,
    "access:password_reset_done": Action.SIGN_IN,
    "access:password_reset_confirm": Action.SIGN_IN,
    "access:password_reset_complete": Action.SIGN_IN,
    # the secretariat's pages of users: invite, give roles, deactivate
    "access:users": Action.MANAGE_USERS,
    "access:invite": Action.MANAGE_USERS,
    "access:user_edit": Action.MANAGE_USERS,
    # publication
    "publication:publication": Action.PUBLISH,
    "publication:meeting_visibility": Action.PUBLISH,
    # delegations' suggestions
    "suggestions:meeting": Action.VIEW_PROPOSALS,
    "suggestions:propose": Action.PROPOSE,
    "suggestions:withdraw": Action.PROPOSE,
    "suggestions:decide": Action.EDIT_CALENDAR,
    "suggestions:window": Action.EDIT_CALENDAR,
    # member states' reports (which states a user sees: comitia.web.reports.visibility)
    "reports:matrix": Action.VIEW_REPORTS,
    "reports:matrix_year": Action.VIEW_REPORTS,
    "reports:matrix_csv": Action.VIEW_REPORTS,
    "reports:matrix_xlsx": Action.VIEW_REPORTS,
    "reports:mine": Action.RECORD_REPORTS,
    "reports:rates": Action.VIEW,  # the public: only once the secretariat publishes the counts
    "reports:rates_publish": Action.PUBLISH,
    "reports:document": Action.RECORD_REPORTS,
    "reports:state": Action.RECORD_REPORTS,
    "reports:record": Action.RECORD_REPORTS,
    "reports:contact_add": Action.RECORD_REPORTS,
    "reports:contact_delete": Action.RECORD_REPORTS,
    "reports:feed_key": Action.RECORD_REPORTS,
    "reports:language": Action.RECORD_REPORTS,
    "reports:feed": Action.VIEW,  # the private key in the address is the credential
    # the draft resolution and its amendments
    "negotiation:draft": Action.VIEW,
    "negotiation:dashboard": Action.VIEW,
    "negotiation:propose": Action.PROPOSE,
    "negotiation:withdraw": Action.PROPOSE,
    "negotiation:share": Action.EDIT_CALENDAR,
    "negotiation:decide": Action.EDIT_CALENDAR,
    "negotiation:amendment_changes": Action.VIEW,  # as the amendment's readers: visibility
    # the draft's revisions: issued by the secretariat, read with the draft's visibility
    "negotiation:revision_issue": Action.EDIT_CALENDAR,
    "negotiation:revision": Action.VIEW,
    "negotiation:revision_file": Action.VIEW,
    "negotiation:revision_changes": Action.VIEW,
    "negotiation:leads": Action.EDIT_CALENDAR,
    # a lead delegation's consultations (that it leads the paragraph: the view's check)
    "negotiation:consult": Action.PROPOSE,
    # a formal review meeting's session sheet: read by those who see drafts, kept by the
    # secretariat
    "negotiation:sheet": Action.VIEW_DRAFT,
    "negotiation:sheet_decide": Action.EDIT_CALENDAR,
    # the JSON API: every route names its methods, which its 405 lists in ``Allow``
    "api:index": {"GET": Action.VIEW},  # what the API is and where to start
    "api-docs": Action.VIEW,  # the API's documentation, a page of the site
    "api:api-root": {"GET": Action.VIEW},  # Django Ninja's root: 404, its documentation is off
    "api:openapi-json": {"GET": Action.VIEW},
    "api:terms": {"GET": Action.VIEW},
    "api:plan": {"GET": Action.VIEW},
    "api:meetings": {"GET": Action.VIEW},
    "api:meeting_other_dates": {"GET": Action.EDIT_CALENDAR},  # moving: api:meeting_move
    "api:resolutions": {"GET": Action.VIEW},
    "api:resolution": {"GET": Action.VIEW},
    "api:resolution_paragraphs": {"GET": Action.VIEW},
    "api:meeting": {"GET": Action.VIEW, "PATCH": Action.EDIT_CALENDAR},
    # a draft's amendments (which ones a reader sees: comitia.web.negotiation.visibility)
    "api:amendments": {"GET": Action.VIEW, "POST": Action.PROPOSE},
    "api:amendment": {"GET": Action.VIEW, "PATCH": Action.EDIT_CALENDAR},
    "api:resolution_dashboard": {"GET": Action.VIEW},
    "api:meeting_move": {"POST": Action.EDIT_CALENDAR},
    "api:meeting_cancel": {"POST": Action.EDIT_CALENDAR},
    # which states' reports and contacts: comitia.web.reports.visibility (none for the public)
    "api:submissions": {"GET": Action.VIEW, "POST": Action.RECORD_REPORTS},
    "api:contacts": {"GET": Action.VIEW},
}


def policy_for(view_name: str, method: str = "GET") -> Action | None:
    """The declared action of the route named ``view_name`` for ``method``, or None if it has
    none."""
    return _for_method(_declared(view_name), method)


def allowed_methods(view_name: str) -> list[str]:
    """The methods route ``view_name`` declares a policy for, for the ``Allow`` header of its
    405. HEAD is not listed: the API's views (Django Ninja's) do not take it."""
    policy = _declared(view_name)
    if not isinstance(policy, Mapping):
        return []  # undeclared: no method; one action for every method: never a 405
    return sorted(method.upper() for method in policy)


def _declared(view_name: str) -> Policy | None:
    if view_name in ROUTE_POLICIES:
        return ROUTE_POLICIES[view_name]
    namespace, _, _name = view_name.rpartition(":")
    while namespace:
        if f"{namespace}:*" in ROUTE_POLICIES:
            return ROUTE_POLICIES[f"{namespace}:*"]
        namespace = namespace.rpartition(":")[0]
    return None


def _for_method(policy: Policy | None, method: str) -> Action | None:
    if policy is None or isinstance(policy, Action):
        return policy
    method = method.upper()
    return policy.get("GET" if method == "HEAD" else method)


def is_api_request(request: HttpRequest) -> bool:
    """Whether ``request`` was routed to the JSON API (``/api/v1/``), which answers in JSON
    and takes bearer tokens."""
    match = request.resolver_match
    return match is not None and match.namespace == API_NAMESPACE
