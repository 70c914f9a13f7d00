"""The shape of one language's words for reading a work-plan document.

Only words live here; the grammar is shared (``comitia.importer.grammar``). Every entry is
matched case- and accent-insensitively unless said otherwise; phrases may hold several words.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ImporterWords:
    # Headings that open each section, matched at the start of a short line.
    sections: dict[str, tuple[str, ...]]
    # Headings of the two calendar columns.
    column_headers: tuple[str, ...]
    # A legend line under the calendar ("les réunions qui figurent en italiques ...").
    legend: tuple[str, ...]
    # A line of an agenda that names the meeting itself ("Réunion spéciale ...").
    meeting_title_leads: tuple[str, ...]
    special_words: tuple[str, ...]
    # A footnote on a meeting that gives its earlier date: "initialement programmée pour le".
    earlier_date_marks: tuple[str, ...]
    # First words of an agenda item (as opposed to a topic): "Exposé", "Dialogue".
    item_leads: tuple[str, ...]
    # Regular expression (case-insensitive) for the words that introduce who presents.
    presenter_lead: str
    # Where the presenters end: " sur ", " concernant ".
    presenter_ends: tuple[str, ...]
    # Offices named before their body: "Secrétariat exécutif du CICTE".
    offices: tuple[str, ...]
    # Articles and prepositions before a body's name: "du", "de la".
    articles: tuple[str, ...]
    # Conjunctions in lists: "et".
    conjunctions: tuple[str, ...]
    # Paragraph and article words: "paragraphe(s)", "article".
    paragraph_words: tuple[str, ...]
    article_words: tuple[str, ...]
    charter_names: tuple[str, ...]
    resolution_words: tuple[str, ...]
    # Mandate groups: words of each group's heading.
    mandate_groups: dict[str, tuple[str, ...]]
    # A footnote saying paragraphs went to other bodies: "a été confié".
    assigned_elsewhere: tuple[str, ...]
    # Reminders of reports.
    yearly_marks: tuple[str, ...]
    voluntary_headings: tuple[str, ...]
    biennial_headings: tuple[str, ...]
    standing_headings: tuple[str, ...]
    standing_marks: tuple[str, ...]
    biennial_marks: tuple[str, ...]
    states_parties_marks: tuple[str, ...]
    # Budget: words after an amount that make it a difference, not an appropriation.
    difference_marks: tuple[str, ...]
    # Introduction and bureau.
    installed_marks: tuple[str, ...]
    approved_marks: tuple[str, ...]
    committee_self: tuple[str, ...]
    honorifics: dict[str, str]
    chair_words: tuple[str, ...]
    vice_chair_words: tuple[str, ...]
    role_ordinals: tuple[tuple[str, ...], ...]
    # Counts in prose.
    number_words: dict[str, int]
    meeting_nouns: tuple[str, ...]
    count_qualifiers: dict[str, tuple[str, ...]]
    # Days without meetings named in the summary.
    holidays: tuple[str, ...]
    # Words that say the document's own plan: "plan de travail".
    work_plan_words: tuple[str, ...]
    # Prepositions that put a place at the end of an activity's title: " à ", " en ".
    place_prepositions: tuple[str, ...]
    # Negotiation of the draft resolution: the words of each milestone, what launches it, and
    # "the first meeting of" a month.
    milestones: dict[str, tuple[str, ...]] = field(default_factory=dict)
    launch_marks: tuple[str, ...] = ()
    first_meeting_of: tuple[str, ...] = ()
    # Places other than countries (cities, venues).
    places: tuple[str, ...] = field(
        default=(
            "Washington, D.C.",
            "Washington D.C.",
            "Washington DC",
            "Washington",
            "Casa del Soldado",
        )
    )
