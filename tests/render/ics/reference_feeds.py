"""The reference feeds kept under ``data/feeds/``: which plans, languages and feeds, and how to
write them again.

They were written by the icalendar-based writer that the feed writer of comitia.render.ics
replaced, and the feeds must stay byte-identical to them (``test_reference_feeds``). Write
them again (``python -m tests.render.ics.reference_feeds``) only for a change meant to alter
the feed, and say so in the commit. One such change so far: icalendar left the calendar's NAME
and X-WR-CALNAME unescaped, which RFC 5545 (3.3.11) and RFC 7986 (5.1) make TEXT; the writer
escapes them, so the awkward plan's feeds (a committee acronym with a comma, a semicolon and a
backslash) differ from icalendar's there, and only there.
A second: a meeting moved more than once reads as one chain ("Initially scheduled for …",
then "Then moved to …" for each later date), where icalendar's writer repeated "Initially
scheduled for" before each earlier date; the awkward plan's feeds hold such a meeting.
A third: an agenda item's presenters come with their preposition and article, from the core
catalog ("présenté par le SSM et par la JID", "apresentado pela SSM"), where the feeds printed
the bare acronyms after "presented by" ("présenté par SSM, JID").

Plans: the model plan, the benchmark's plan of 1,044 events (``benchmarks.large_plan``, kept
gzipped), and a small plan whose texts carry what RFC 5545 escapes or folds (commas,
semicolons, backslashes, line breaks, long lines of non-ASCII text). Feeds: the public one and
the delegations' one (with deadlines), as served (with addresses) and, for the model plan, as
``comitia render`` writes it (without).
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.large_plan import MODEL_PLAN, over_years

from comitia.plan import Plan
from comitia.plan.files import read_plan
from comitia.render.ics import build_feed
from tests.factories import build_plan

DATA = Path(__file__).parent / "data" / "feeds"
LANGUAGES = ("en", "es", "fr", "pt")
SITE = "https://comitia.example.org/calendar"


@functools.cache
def model_plan() -> Plan:
    return read_plan(MODEL_PLAN)


@functools.cache
def large_plan() -> Plan:
    return over_years(model_plan())


# What RFC 5545 makes a writer escape (3.3.11) and fold (3.1), in the places a feed prints text.
LONG = "Réunion spéciale sur la sécurité hémisphérique – “menaces” émergentes, Œuvre " * 3
AWKWARD = "Virgule, point-virgule; barre \\ oblique, deux-points: fin"


@functools.cache
def awkward_plan() -> Plan:
    plan = build_plan(4)
    data = plan.model_dump(mode="python")
    for body in data["bodies"]:
        if body["id"] in ("ssm", "csh"):
            body["acronym"] = {"fr": f"{body['id'].upper()}, DSP; \\"}
    for index, meeting in enumerate(data["meetings"]):
        meeting["title"] = {"fr": f"{AWKWARD} {index}", "en": LONG}
        meeting["venue"] = {"es": "Salón, “Bolívar”; piso 2\\B\nentrada norte"}
        for move in meeting["moves"]:
            move["reason"] = {"fr": "Ligne un\nligne deux, trois; quatre \\ cinq " + LONG}
        meeting["agenda"][1]["title"] = {"fr": LONG + "日本語のテキスト🙂" * 9}
    for activity in data["activities"]:
        activity["title"] = {"fr": f"{AWKWARD}\n{LONG}"}
        activity["notes"] = [{"fr": "Note; avec, tout\\ça\nà la ligne\n\nfin"}]
    for obligation in data["obligations"]:
        obligation["title"] = {"fr": f"Rapport; {AWKWARD}"}
        obligation["request"] = [{"fr": LONG}, {"fr": "a,b;c\\d"}]
        obligation["channel"] = "mailto:csh@oas.org?subject=a,b;c"
    return Plan.model_validate(data)


@dataclass(frozen=True)
class Reference:
    """One reference feed: its plan, language, and which feed."""

    plan: str
    lang: str
    deadlines: bool
    served: bool

    @property
    def path(self) -> Path:
        feed = "delegations" if self.deadlines else "public"
        shape = "served" if self.served else "plain"
        suffix = ".ics.gz" if self.plan == "large" else ".ics"
        return DATA / f"{self.plan}.{feed}.{shape}.{self.lang}{suffix}"

    def build(self) -> bytes:
        plan = PLANS[self.plan]()
        slug = f"{plan.term.committee}-{plan.term.label}"
        if not self.served:
            return build_feed(plan, self.lang, deadlines=self.deadlines)
        feed = "delegations-feed" if self.deadlines else "feed"
        return build_feed(
            plan,
            self.lang,
            deadlines=self.deadlines,
            meeting_url=lambda key: f"{SITE}/{slug}/meetings/{key}/",
            calendar_url=f"{SITE}/{slug}/{feed}.{self.lang}.ics",
        )

    def read(self) -> bytes:
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.path.suffix == ".gz" else data


PLANS: dict[str, Callable[[], Plan]] = {
    "model": model_plan,
    "large": large_plan,
    "awkward": awkward_plan,
}

REFERENCES = [
    Reference(plan, lang, deadlines, served)
    for plan in PLANS
    for lang in LANGUAGES
    for deadlines in (False, True)
    for served in ((True, False) if plan == "model" else (True,))
]


def write() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    for reference in REFERENCES:
        content = reference.build()
        if reference.path.suffix == ".gz":
            content = gzip.compress(content, compresslevel=9, mtime=0)
        reference.path.write_bytes(content)
        print(reference.path.relative_to(Path.cwd()), len(content))


if __name__ == "__main__":
    write()
