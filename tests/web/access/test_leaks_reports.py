"""No member state's reports or points of contact reach another state's delegation, or the
public, on any route: pages, exports, documents, the API and the admin (for delegation members
given staff status and every view permission).

Markers are written into Brazil's and Mexico's submissions (symbol, uploaded document) and
points of contact; every role requests every route, including Mexico's own state page and
document, and the admin's changelists of the reports.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse

from comitia.web.plans import models as m
from comitia.web.publication.operations import publish_plan
from comitia.web.reports.models import Contact, Submission

from .conftest import ROLES, make_user, signed_in, store_terms
from .leaks import _empty_cache, every_url, found

__all__ = ["_empty_cache"]

BRAZIL = "MARKER-BRAZIL-REPORT-61f0"
MEXICO = "MARKER-MEXICO-REPORT-0b9d"
BRAZIL_CONTACT = "MARKER-BRAZIL-CONTACT-a3e2"
MEXICO_CONTACT = "MARKER-MEXICO-CONTACT-77c5"
EVERY_MARKER = (BRAZIL, MEXICO, BRAZIL_CONTACT, MEXICO_CONTACT)
MAY_SEE: dict[str, set[str]] = {
    "anonymous": set(),
    "no_role": set(),
    "bureau": set(),
    "bureau_elsewhere": set(),
    "delegation": {BRAZIL, BRAZIL_CONTACT},
    "delegation_elsewhere": {MEXICO, MEXICO_CONTACT},
    "secretariat": set(EVERY_MARKER),
    "secretariat_elsewhere": set(),  # the secretariat of another committee, on this term
    "administrator": set(EVERY_MARKER),
}
STAFFED = {"no_role", "delegation", "delegation_elsewhere", "bureau"}


def _scene(here: m.Term) -> list[str]:
    publish_plan(here, None)
    obligation = m.ReportingObligation.objects.filter(term=here).first()
    assert obligation is not None
    urls = []
    for state, marker, contact in (("BR", BRAZIL, BRAZIL_CONTACT), ("MX", MEXICO, MEXICO_CONTACT)):
        submission = Submission(
            obligation=obligation,
            state=state,
            cycle=2020,
            received=dt.date(2020, 3, 1),
            symbol=marker,
        )
        submission.document.save(f"{state}.pdf", ContentFile(f"%PDF {marker}".encode()), save=False)
        submission.save()
        Contact.objects.create(state=state, name=contact, email=f"{state.lower()}@example.org")
        urls += [
            reverse("reports:state", args=[here.slug, state]) + "?year=2020",
            reverse("reports:document", args=[here.slug, submission.pk]),
        ]
    urls += [
        reverse("reports:matrix_year", args=[here.slug, 2020]),
        reverse("reports:matrix_csv", args=[here.slug, 2020]),
        f"/api/v1/terms/{here.slug}/submissions",
        f"/api/v1/terms/{here.slug}/contacts",
    ]
    for model in ("submission", "contact", "reminder", "delegation"):
        changelist = reverse(f"admin:reports_{model}_changelist")
        urls += [changelist, f"{changelist}?q=MARKER"]
    urls += [reverse("admin:reports_contact_change", args=[c.pk]) for c in Contact.objects.all()]
    return urls


def _as_staff(user: Any) -> Any:
    if user is not None:
        user.is_staff = True
        user.save()
        user.user_permissions.add(*Permission.objects.filter(codename__startswith="view_"))
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_no_state_reads_another_states_reports_or_contacts(role: str) -> None:
    here, elsewhere = store_terms()
    urls = _scene(here) + every_url(here, 1)
    user = make_user(role, here, elsewhere)
    if role in STAFFED:
        user = _as_staff(user)
    seen = found(signed_in(user), urls, EVERY_MARKER)
    leaked = {marker: where for marker, where in seen.items() if marker not in MAY_SEE[role]}
    assert leaked == {}
    assert set(seen) == MAY_SEE[role]  # what it may see does reach it: the test can fail
