"""Benchmark: search over the model plan and over a plan of some 1,000 meetings.

Run on demand (``.venv/bin/python benchmarks/bench_search.py``); it prints figures and never
fails on a slow machine. It uses a fresh SQLite file unless DATABASE_URL is set (PostgreSQL:
its full-text search). Target (issue 23): a search over a 1,000-meeting plan under 50 ms.

Rows: "index made" is the first search after a write, which makes the term's index again
(``comitia.web.search.index.current``); "search" is ``index.search`` as the page calls it, for
the public, with the index current; "page" is ``GET /search/?q=`` through the whole Django
stack (middleware, template) with the test client. The first line gives the time of a fixed
piece of Python work: on a machine shared with other work, figures scale with it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from timing import median_ms, print_reference
from web_setup import migrated_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.large_plan import MODEL_PLAN, over_years  # noqa: E402

REPEAT = 30
QUERIES = ("securite", "sécurité publique", "MISPA", "delincuencia organizada", "zzz-nothing")


def main() -> None:
    migrated_database()
    from django.test import Client

    from comitia.plan.files import read_plan
    from comitia.web.plans import models as m
    from comitia.web.plans.convert import save_plan
    from comitia.web.publication.operations import publish_plan
    from comitia.web.search import index
    from comitia.web.search.models import IndexedTerm, SearchEntry

    print_reference()
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
    model = read_plan(MODEL_PLAN)
    print(f"{'plan':<8}{'meetings':>9}{'entries':>9}  {'what':<36}{'median ms':>10}{'found':>7}")
    for label, plan in (("model", model), ("large", over_years(model, 50))):
        m.Term.objects.all().delete()
        term = save_plan(plan, replace=True)
        publish_plan(term, None)
        meetings = len(plan.meetings)

        def remake(term: m.Term = term) -> None:
            IndexedTerm.objects.filter(term=term).delete()
            index.current(term)

        ms, _ = median_ms(remake, 5)
        entries = SearchEntry.objects.filter(term=term).count()
        row = f"{label:<8}{meetings:>9}{entries:>9}  "
        print(f"{row}{'index made (first search after a write)':<36}{ms:>10.1f}")
        for query in QUERIES:
            ms, groups = median_ms(lambda q=query: index.search(None, q, "fr"), REPEAT)
            found = sum(len(hits) for hits in groups.values())
            print(f"{row}{'search ' + repr(query):<36}{ms:>10.1f}{found:>7}")
        ms, response = median_ms(lambda: client.get("/search/", {"q": "securite"}), REPEAT)
        assert response.status_code == 200
        print(f"{row}{'page /search/?q=securite':<36}{ms:>10.1f}")
        month = f"/calendar/{term.slug}/month/2020-05/"
        ms, response = median_ms(lambda month=month: client.get(month), REPEAT)
        print(f"{row}{'(beside: month page, kept)':<36}{ms:>10.1f}")


if __name__ == "__main__":
    main()
