"""Benchmark: the first download of the current plan's PDF, printed in the request (before)
and by the worker (after), and the request latency of the download and document pages.

Run on demand (``.venv/bin/python benchmarks/bench_downloads.py``); it prints figures and never
fails on a slow machine. It uses a fresh SQLite file unless DATABASE_URL is set, and Django's
test client through the whole stack (middleware, access policy, views).

Before: the first download printed the PDF in the request (django-tasks' immediate backend
does the same today). After: the download queues the print and answers 202 at once; a worker
(``comitia worker``, a process of its own, polling every 0.1 s) prints it; the figure is the
time from the first request until a download gets the file, asking again every 50 ms. Eight
readers at once ask for a PDF not yet printed: one print (counted from the stored rows and
the worker's log).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench_plan import MODEL_PLAN
from timing import median_ms, print_reference
from web_setup import ROOT, migrated_database

READERS = 8
IMMEDIATE = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "printing"],
    }
}


def main() -> None:
    os.environ["COMITIA_PRINT_AHEAD"] = "0"  # time the download's own print
    migrated_database()
    from django.test import Client, override_settings

    from comitia.plan.files import read_plan
    from comitia.render import pdf
    from comitia.web.documents.models import PrintedDocument
    from comitia.web.plans.convert import save_plan
    from comitia.web.plans.output_version import raise_output_version
    from comitia.web.publication.operations import publish_plan

    print_reference()
    term = save_plan(read_plan(MODEL_PLAN), replace=True)
    publish_plan(term, None)
    url = f"/terms/{term.slug}/document/download.pdf"
    page = f"/terms/{term.slug}/document/"

    def get(path: str, lang: str) -> int:
        return Client(HTTP_HOST="localhost").get(path, {"lang": lang}).status_code

    pdf.render(read_plan(MODEL_PLAN), "fr")  # load fonts first: time the steady state

    with override_settings(TASKS=IMMEDIATE):
        before_ms, status = median_ms(lambda: get(url, "en"), 1)
        assert status == 200, status
    served_ms, _ = median_ms(lambda: get(url, "en"), 10)
    raise_output_version(term.pk)  # a new state of the plan: nothing printed for it

    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-worker-{os.getpid()}.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    with log.open("wb") as output:
        worker = subprocess.Popen(
            [sys.executable, "-m", "comitia", "worker", "--interval", "0.1"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        time.sleep(3)  # the worker's start-up (Django, WeasyPrint) is not the print's
        queued_ms, status = median_ms(lambda: get(url, "en"), 1)
        assert status == 202, status
        started = time.perf_counter()
        while get(url, "en") != 200:
            time.sleep(0.05)
        ready_ms = (time.perf_counter() - started) * 1000 + queued_ms
        again_202_ms, _ = median_ms(lambda: get(url, "es") and get(url, "es"), 1)
        page_ms, _ = median_ms(lambda: get(page, "en"), 10)

        def together(lang: str) -> float:
            """Milliseconds until ``READERS`` simultaneous readers in ``lang`` have the file."""

            def reader() -> None:
                while get(url, lang) != 200:
                    time.sleep(0.05)

            readers = [threading.Thread(target=reader) for _ in range(READERS)]
            begun = time.perf_counter()
            for thread in readers:
                thread.start()
            for thread in readers:
                thread.join()
            return (time.perf_counter() - begun) * 1000

        together_ms = together("pt")
        time.sleep(0.5)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    prints = [line for line in log.read_text().splitlines() if "printed term=" in line]
    pt_prints = sum("lang=pt" in line for line in prints)
    pt_rows = PrintedDocument.objects.filter(lang="pt", format="pdf").count()

    print(f"{'download of the model plan PDF (not yet printed)':<56}{'ms':>10}")
    print(f"{'before: first download, printed in the request':<56}{before_ms:>10.1f}")
    print(f"{'after: first download answers 202 (queues the print)':<56}{queued_ms:>10.1f}")
    print(f"{'after: until a download gets the file (worker running)':<56}{ready_ms:>10.1f}")
    print(f"{'after: two downloads while queued (202, 202)':<56}{again_202_ms:>10.1f}")
    print(f"{'stored: download of a printed PDF, median of 10':<56}{served_ms:>10.1f}")
    print(f"{'document page (formats ready or printing), median of 10':<56}{page_ms:>10.1f}")
    print(
        f"{f'{READERS} readers at once until all have it, pt':<56}{together_ms:>10.1f}"
        f"   prints: {pt_prints}, rows: {pt_rows}"
    )
    log.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
