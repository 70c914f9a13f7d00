"""Benchmark: printing a draft resolution of 200 paragraphs in four languages, as DOCX and as
Akoma Ntoso, and how the time grows with the number of paragraphs.

Run on demand (``.venv/bin/python benchmarks/bench_resolution.py``); it prints figures and
never fails on a slow machine. Targets (issue 16): a 200-paragraph resolution whose texts are
held in the four languages renders to DOCX in under 1 s and to AKN in under 0.2 s (each one
language's document; the "all 4" rows add the four up), growing linearly: the 400 / 200
ratio near 2, not 4. The figures stand beside the reference of ``timing.print_reference``,
measured in the same run: on a machine shared with other work they scale with it.

The resolution is made up (illustrative): 20 preambular and 180 operative paragraphs in the
model plan's eight thematic areas, each text in four languages with a pending passage, lead
delegations, a status; one paragraph in five has two sub-paragraphs and one in ten a footnote.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_plan import MODEL_PLAN  # noqa: E402
from timing import median_ms, print_reference  # noqa: E402

STATUSES = ("proposed", "informal_consultations", "agreed_ad_referendum", "agreed", "pending")
LEADS = ("PE", "MX", "CO", "CA", "US", "BR", "CL", "AR")
TEXTS = {
    "en": "To request the General Secretariat to support member states, [[at their request,]] "
    "in strengthening their capacities, paragraph {n};",
    "fr": "Demander au Secrétariat général d’aider les États membres, [[à leur demande,]] à "
    "renforcer leurs capacités, paragraphe {n} ;",
    "es": "Solicitar a la Secretaría General que apoye a los Estados Miembros, [[a solicitud "
    "de estos,]] en el fortalecimiento de sus capacidades, párrafo {n};",
    "pt": "Solicitar à Secretaria-Geral que apoie os Estados membros, [[a pedido destes,]] no "
    "fortalecimento de suas capacidades, parágrafo {n};",
}


def _text(n: int) -> dict[str, str]:
    return {lang: text.format(n=n) for lang, text in TEXTS.items()}


def resolution_data(paragraphs: int, areas: list[str]) -> dict[str, Any]:
    """A draft of ``paragraphs`` paragraphs (a tenth preambular), as plan-file data."""
    preambular = paragraphs // 10
    items: list[dict[str, Any]] = []
    for n in range(1, paragraphs + 1):
        operative = n > preambular
        number = n - preambular if operative else n
        item: dict[str, Any] = {
            "number": str(number),
            "kind": "operative" if operative else "preambular",
            "section": areas[(number - 1) * len(areas) // (paragraphs - preambular)]
            if operative
            else "preamble",
            "text": _text(n),
            "status": STATUSES[n % len(STATUSES)],
            "leads": [LEADS[n % len(LEADS)], LEADS[(n + 3) % len(LEADS)]],
        }
        if operative and n % 5 == 0:
            item["subparagraphs"] = [
                {"letter": letter, "text": _text(n * 10 + i)} for i, letter in enumerate("ab")
            ]
        if n % 10 == 0:
            item["footnotes"] = [{"mark": "1", "text": _text(-n)}]
        items.append(item)
    return {
        "id": "bench-draft",
        "document_symbol": "CP/CSH-9999/20",
        "revision": 3,
        "state": "draft",
        "title": {lang: f"Illustrative draft ({lang})" for lang in TEXTS},
        "sections": [{"id": "preamble"}, *({"id": a, "area": a} for a in areas)],
        "paragraphs": items,
    }


def plan_with_resolution(paragraphs: int) -> Any:
    from comitia.plan import Plan
    from comitia.plan.files import read_plan

    model = read_plan(MODEL_PLAN)
    areas = [area.id for area in model.thematic_areas]
    data = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["resolutions"] = [*data.get("resolutions", []), resolution_data(paragraphs, areas)]
    return Plan.model_validate(data)


def main() -> None:
    from comitia.render.formats import output_format

    docx, akn = output_format("docx"), output_format("akn")
    sizes = (50, 100, 200, 400)
    plans = {size: plan_with_resolution(size) for size in sizes}
    docx.render_resolution(plans[50], "fr", "bench-draft")  # imports and catalogs first
    akn.render_resolution(plans[50], "fr", "bench-draft")
    print_reference()
    print("targets at 200 paragraphs: docx < 1 s, akn < 0.2 s; 400/200 near 2 (linear)")
    print(
        f"{'format':<8}{'lang':<6}"
        + "".join(f"{f'{s} par. s':>12}" for s in sizes)
        + f"{'400/200':>9}"
    )
    for name, output in (("docx", docx), ("akn", akn)):
        total = dict.fromkeys(sizes, 0.0)
        for lang in ("fr", "en", "es", "pt"):
            seconds = {}
            for size in sizes:
                ms, _ = median_ms(
                    lambda output=output, plan=plans[size], lang=lang: output.render_resolution(
                        plan, lang, "bench-draft"
                    ),
                    5,
                )
                seconds[size] = ms / 1000
            row = "".join(f"{seconds[s]:>12.3f}" for s in sizes)
            print(f"{name:<8}{lang:<6}{row}{seconds[400] / seconds[200]:>9.2f}")
            for size in sizes:
                total[size] += seconds[size]
        row = "".join(f"{total[s]:>12.3f}" for s in sizes)
        print(f"{name:<8}{'all 4':<6}{row}{total[400] / total[200]:>9.2f}")


if __name__ == "__main__":
    main()
