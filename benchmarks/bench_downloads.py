"""Benchmark: downloading the current plan's PDF from the web, once, again, and by eight
readers at the same moment.

Run on demand (``.venv/bin/python benchmarks/bench_downloads.py``); it prints figures and never
fails on a slow machine. It uses a fresh SQLite file unless DATABASE_URL is set, and Django's
test client through the whole stack (middleware, access policy, views). A document is printed
once for each state of the plan (``comitia.web.documents.printed``): the first download prints
it, later ones are served the kept bytes, and readers who ask while it is printed wait for that
one print. Before that store, each download printed the PDF again (about a second of processor
time), and eight at once took about eight times as long, or more.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from bench_plan import MODEL_PLAN
from timing import median_ms, print_reference
from web_setup import migrated_database

READERS = 8


def main() -> None:
    migrated_database()
    from django.test import Client

    from comitia.plan.files import read_plan
    from comitia.render import pdf
    from comitia.web.access.operations import publish_plan
    from comitia.web.documents import operations
    from comitia.web.plans.convert import save_plan

    print_reference()
    term = save_plan(read_plan(MODEL_PLAN), replace=True)
    publish_plan(term, None)
    url = f"/terms/{term.slug}/document/download.pdf"

    prints: list[str] = []
    real_render = pdf.render

    def counted_render(plan: object, lang: str) -> bytes:
        prints.append(lang)
        return real_render(plan, lang)  # type: ignore[arg-type]

    pdf.render = counted_render  # type: ignore[assignment]

    def download(lang: str) -> int:
        response = Client(HTTP_HOST="localhost").get(url, {"lang": lang})
        assert response.status_code == 200, response.status_code
        return len(response.content)

    real_render(read_plan(MODEL_PLAN), "fr")  # load fonts first: time the steady state
    first_ms, size = median_ms(lambda: download("en"), 1)
    again_ms, _ = median_ms(lambda: download("en"), 10)

    def together(lang: str) -> float:
        """Milliseconds until ``READERS`` simultaneous downloads in ``lang`` are all served."""
        readers = [threading.Thread(target=download, args=(lang,)) for _ in range(READERS)]
        started = time.perf_counter()
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join()
        return (time.perf_counter() - started) * 1000

    together_ms = together("es")

    class PrintEachTime:
        """Downloads as they were before the store: every request prints."""

        def get_or_print(self, key: object, print_document: Callable[[], bytes]) -> bytes:
            return print_document()

    operations.PRINTED = PrintEachTime()  # type: ignore[assignment]
    each_ms = together("pt")

    print(f"{'download of the model plan PDF':<52}{'ms':>10}{'prints':>8}")
    print(f"{'first (printed), en':<52}{first_ms:>10.1f}{prints.count('en'):>8}")
    print(f"{'again, median of 10, en':<52}{again_ms:>10.1f}{prints.count('en') - 1:>8}")
    print(
        f"{f'{READERS} readers at once, not yet printed, es':<52}{together_ms:>10.1f}"
        f"{prints.count('es'):>8}"
    )
    print(
        f"{f'{READERS} readers at once, each printing (before), pt':<52}{each_ms:>10.1f}"
        f"{prints.count('pt'):>8}"
    )
    print(f"({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
