"""Benchmark: printing the work-plan document of the model plan and of one ten times its size.

Run on demand (``.venv/bin/python benchmarks/bench_render.py``); it prints figures and never
fails on a slow machine. Targets (issue 5): DOCX under 0.5 s and PDF under 2 s for the model
plan, and time that grows linearly with the plan (the x10 / x1 ratio near 10, not 100).
It also times the calendar table alone as DOCX at 1, 10 and 20 times the model plan: the time
per row must stay flat (a naive python-docx build, through ``row.cells``, walks the whole table
for every row and grows quadratically).

``--calls`` prints instead the number of Python function calls that each format makes (cProfile):
a figure that does not depend on the machine's load, for comparing two versions on a busy
machine. WeasyPrint's time follows it closely: the English PDF of the model plan makes 3.3
million calls and took 1.09 s with the reference at 13.6 ms (2026-11-28), but 2.2 s on the
same kind of machine on a day it ran at half speed. ``valgrind --tool=cachegrind`` counts
instructions whatever the load: 7.3 G for that PDF once fonts are loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_plan import MODEL_PLAN, scaled  # noqa: E402
from timing import median_ms, print_reference  # noqa: E402


def count_calls() -> None:
    import cProfile
    import pstats

    from comitia.plan.files import read_plan
    from comitia.render.docx import render as render_docx
    from comitia.render.html import render as render_html
    from comitia.render.pdf import render as render_pdf

    model = read_plan(MODEL_PLAN)
    render_pdf(model, "fr")  # load fonts and caches first
    ten = scaled(model, 10)
    print(f"{'format':<10}{'lang':<6}{'model Mcalls':>14}{'x10 Mcalls':>12}{'ratio':>8}")
    for name, render in (("docx", render_docx), ("html", render_html), ("pdf", render_pdf)):
        for lang in ("fr", "en"):
            calls = []
            for plan in (model, ten):
                profile = cProfile.Profile()
                profile.runcall(render, plan, lang)
                calls.append(pstats.Stats(profile).total_calls / 1e6)
            one, many = calls
            print(f"{name:<10}{lang:<6}{one:>14.2f}{many:>12.2f}{many / one:>8.1f}")


def main() -> None:
    from comitia.plan.files import read_plan
    from comitia.render.document import build_document
    from comitia.render.docx import render as render_docx
    from comitia.render.html import render as render_html
    from comitia.render.pdf import render as render_pdf

    model = read_plan(MODEL_PLAN)
    render_pdf(model, "fr")  # the first PDF loads fonts; time the steady state
    print_reference()
    formats: dict[str, Callable[[Any, str], bytes]] = {
        "document": lambda plan, lang: build_document(plan, lang),  # type: ignore[return-value]
        "docx": render_docx,
        "html": render_html,
        "pdf": render_pdf,
    }
    print(f"{'format':<10}{'lang':<6}{'model s':>10}{'x10 s':>10}{'ratio':>8}{'model KiB':>11}")
    ten = scaled(model, 10)
    for name, render in formats.items():
        for lang in ("fr", "en"):
            # The model plan's PDF is timed five times: one run varies by a tenth.
            one_ms, content = median_ms(lambda render=render, lang=lang: render(model, lang), 5)
            many_ms, _ = median_ms(
                lambda render=render, lang=lang: render(ten, lang), 1 if name == "pdf" else 3
            )
            one, many = one_ms / 1000, many_ms / 1000
            size = f"{len(content) / 1024:>11.0f}" if isinstance(content, bytes) else f"{'':>11}"
            print(f"{name:<10}{lang:<6}{one:>10.3f}{many:>10.3f}{many / one:>8.1f}{size}")
    # The calendar table alone, printed as DOCX, at 1, 10 and 20 times the model plan.
    from dataclasses import replace

    from comitia.render.document.blocks import Table
    from comitia.render.docx.writer import write_docx

    print(f"{'calendar table (docx)':<24}{'rows':>8}{'s':>10}{'ms per row':>12}")
    for factor in (1, 10, 20):
        document = build_document(model if factor == 1 else scaled(model, factor), "fr")
        tables = tuple(e for e in document.elements if isinstance(e, Table))[:1]
        only_table = replace(document, elements=tables)
        table_ms, _ = median_ms(lambda only_table=only_table: write_docx(only_table), 1)
        seconds = table_ms / 1000
        rows = len(tables[0].rows)
        print(f"{'x' + str(factor):<24}{rows:>8}{seconds:>10.3f}{seconds / rows * 1000:>12.2f}")
    print(
        f"(model: {len(model.meetings)} meetings, {len(model.activities)} activities; "
        f"x10: {len(ten.meetings)} meetings, {len(ten.activities)} activities)"
    )


if __name__ == "__main__":
    count_calls() if "--calls" in sys.argv[1:] else main()
