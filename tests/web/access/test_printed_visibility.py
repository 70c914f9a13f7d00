"""A document printed for one reader is never handed to a reader who may see less of the
plan, whoever downloaded it first."""

from __future__ import annotations

from django.test import Client

from comitia.web.plans import models as m

from .conftest import make_user, publish_with_hidden_meetings, signed_in

DRAFT, SHARED = "PRINTED-DRAFT-MEETING-5b31", "PRINTED-SHARED-MEETING-e07a"


def _download(client: Client, slug: str) -> str:
    response = client.get(f"/terms/{slug}/document/download.html", {"lang": "en"})
    assert response.status_code == 200
    return response.content.decode()


def test_each_reader_gets_the_document_of_the_plan_they_may_see(
    terms: tuple[m.Term, m.Term],
) -> None:
    here, elsewhere = terms
    publish_with_hidden_meetings(here, DRAFT, SHARED)
    # The secretariat prints first: its document, with every meeting, is kept.
    insider = _download(signed_in(make_user("secretariat", here, elsewhere)), here.slug)
    delegation = _download(signed_in(make_user("delegation", here, elsewhere)), here.slug)
    public = _download(signed_in(None), here.slug)
    assert DRAFT in insider and SHARED in insider
    assert DRAFT not in delegation and SHARED in delegation
    assert DRAFT not in public and SHARED not in public
