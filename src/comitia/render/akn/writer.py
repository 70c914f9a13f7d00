"""Write one language of a resolution as an Akoma Ntoso 3.0 document.

The resolution is a ``statement`` named "resolution", as the United Nations' Akoma Ntoso
guidelines (AKN4UN) mark up General Assembly resolutions:

- ``meta/identification``: the FRBR work (the resolution, whatever its language: its URI
  ``/akn/oas/statement/resolution/YEAR/NAME``), the expression (one language and, for a draft,
  its revision: ``…/spa@rev2``) and the manifestation (this XML file); languages are ISO 639-2
  codes (eng, fra, spa, por), as Akoma Ntoso asks;
- ``meta/references``: the bodies and the member states the document names (lead
  delegations, the bodies paragraphs are assigned to) and the paragraph statuses, as TLC
  entries;
- ``meta/proprietary``: what Akoma Ntoso has no element for, in Comitia's namespace: each
  paragraph's kind, number, status, lead delegations (ISO codes), the body that follows it up
  and the paragraph it updates;
- ``preface``: the symbol and title; ``preamble``: "THE GENERAL ASSEMBLY," then the preambular
  paragraphs as ``recital``s, then "RESOLVES:"; ``mainBody``: the sections of the thematic
  areas with their operative ``paragraph``s, each with its ``num`` and ``content`` (or its
  ``intro`` and lettered ``point``s), its footnotes as ``authorialNote``s, its status printed
  as a ``remark`` that refers to the status's TLC concept.

Pending passages are ``inline name="pending"`` elements that keep their printed brackets. A
paragraph whose text is not held carries "[Text not held.]" and its subject, as the other
documents do.

Dates: an adopted resolution's work is dated by its adoption; a draft, which the plan does not
date, by the end of the plan's term, when the General Assembly is to adopt it (FRBRdate name
"termEnd").

The XML is indented for reading, but never inside a block of text (``p``, ``num``,
``heading``): there, every character is the document's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from comitia.plan import Plan
from comitia.plan.fields import Text
from comitia.plan.resolutions import (
    Paragraph,
    ParagraphKind,
    Resolution,
    ResolutionState,
    bracketed_runs,
)
from comitia.plan.states import state_name
from comitia.render.document.i18n import Wording
from comitia.render.document.resolution import (
    CLOSE_BRACKET,
    OPEN_BRACKET,
    section_heading,
    status_wording,
)

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
COMITIA_NS = "https://comitia.example/ns/akn/1"
"""Comitia's namespace for the proprietary metadata (not a resolvable address)."""

# ISO 639-2 (terminology) codes of the four languages, as FRBRlanguage wants them.
ISO_639_2 = {"en": "eng", "fr": "fra", "es": "spa", "pt": "por"}
COUNTRY = "oas"  # FRBRcountry: the organization, as AKN4UN writes "un"

_A = "{" + AKN_NS + "}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_C = "{" + COMITIA_NS + "}"

ET.register_namespace("", AKN_NS)
ET.register_namespace("comitia", COMITIA_NS)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _A + tag, attributes)
    if text is not None:
        element.text = text
    return element


def _name(value: str) -> str:
    """``value`` as a part of an identifier or URI: lower case letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "x"


# Elements whose content is text: indenting inside them would add to the text.
_TEXT_BLOCKS = {_A + tag for tag in ("p", "num", "heading", "docNumber", "docTitle", "docStage")}


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent ``element``'s structure by one space a level, leaving blocks of text as they are."""
    children = list(element)
    if not children or element.tag in _TEXT_BLOCKS:
        return
    inner = "\n" + " " * (level + 1)
    element.text = inner
    for child in children:
        _indent(child, level + 1)
        child.tail = inner
    children[-1].tail = "\n" + " " * level


def write_akn(plan: Plan, resolution: Resolution, lang: str) -> bytes:
    """``resolution`` of ``plan`` in ``lang`` as Akoma Ntoso XML bytes (UTF-8)."""
    return _Writer(plan, resolution, lang).write()


class _Writer:
    def __init__(self, plan: Plan, resolution: Resolution, lang: str) -> None:
        self.w = Wording(lang)  # UnknownLanguage for another language
        self.plan = plan
        self.resolution = resolution
        self.lang = lang
        self.bodies = {body.id: body for body in plan.bodies}
        self.areas = {area.id: area for area in plan.thematic_areas}
        # What meta/references lists: eId -> (element, href, showAs).
        self.references: dict[str, tuple[str, str, str]] = {}
        self.notes = 0

    # ------------------------------------------------------------------ helpers

    def text(self, value: Text) -> str:
        return value.get(self.lang)[0]

    def original(self, value: Text) -> str | None:
        """The language ``value`` is printed in when it has no translation, else None."""
        return value.original.value if value.get(self.lang)[1] else None

    def inline(self, parent: ET.Element, value: Text) -> None:
        """A text into ``parent`` with its pending passages as ``inline name="pending"``; a
        text printed in its original language is a ``span`` marked with it (``xml:lang``)."""
        if (lang := self.original(value)) is not None:
            parent = _sub(parent, "span", **{XML_LANG: lang})
        last: ET.Element | None = None
        for run in bracketed_runs(self.text(value)):
            if run.pending:
                last = _sub(parent, "inline", f"{OPEN_BRACKET}{run.text}{CLOSE_BRACKET}")
                last.set("name", "pending")
                last.set("refersTo", "#pending")
                self.references.setdefault(
                    "pending",
                    (
                        "TLCConcept",
                        "/ontology/concept/comitia/pending",
                        OPEN_BRACKET + "…" + CLOSE_BRACKET,
                    ),
                )
            elif last is None:
                self.append_text(parent, run.text)
            else:
                last.tail = (last.tail or "") + run.text

    def append_text(self, parent: ET.Element, text: str) -> None:
        children = list(parent)
        if children:
            children[-1].tail = (children[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def body_ref(self, body_id: str) -> str:
        body = self.bodies[body_id]
        self.references.setdefault(
            body_id,
            (
                "TLCOrganization",
                f"/ontology/organization/oas/{_name(body_id)}",
                self.text(body.name),
            ),
        )
        return f"#{body_id}"

    def state_ref(self, code: str) -> str:
        e_id = f"state-{code.lower()}"
        self.references.setdefault(
            e_id,
            (
                "TLCOrganization",
                f"/ontology/organization/iso3166/{code}",
                state_name(code, self.lang),
            ),
        )
        return f"#{e_id}"

    # ------------------------------------------------------------------ document

    def write(self) -> bytes:
        r = self.resolution
        root = ET.Element(_A + "akomaNtoso")
        statement = _sub(root, "statement", name="resolution", contains="singleVersion")
        meta = _sub(statement, "meta")
        self.identification(meta)
        references = _sub(meta, "references", source="#comitia")
        proprietary = ET.SubElement(meta, _A + "proprietary", {"source": "#comitia"})
        paragraphs = ET.SubElement(proprietary, _C + "paragraphs")

        preface = _sub(statement, "preface")
        _sub(_sub(preface, "p", **{"class": "symbol"}), "docNumber", r.label)
        if r.state is ResolutionState.DRAFT:
            _sub(_sub(preface, "p", **{"class": "stage"}), "docStage", self.w._("DRAFT RESOLUTION"))
        title = _sub(_sub(preface, "p", **{"class": "title"}), "docTitle", self.text(r.title))
        if (lang := self.original(r.title)) is not None:
            title.set(XML_LANG, lang)

        preamble = _sub(statement, "preamble")
        formula = _sub(preamble, "formula", eId="formula_1", name="preamble")
        _sub(formula, "p", self.w._("THE GENERAL ASSEMBLY,"))
        recitals_list = [p for p in r.paragraphs if p.kind is ParagraphKind.PREAMBULAR]
        if recitals_list:
            recitals = _sub(preamble, "recitals", eId="recs_1")
            for paragraph in recitals_list:
                e_id = f"recs_1__rec_{_name(paragraph.number)}"
                recital = _sub(recitals, "recital", eId=e_id)
                _sub(recital, "num", f"{paragraph.number}.")
                p = _sub(recital, "p")
                self.content(p, paragraph)
                self.record(paragraphs, paragraph, e_id)
        enacting = _sub(preamble, "formula", eId="formula_2", name="enactingFormula")
        _sub(enacting, "p", self.w._("RESOLVES:"))

        main = _sub(statement, "mainBody")
        sections = {s.id: s for s in r.sections}
        current: tuple[str | None, ET.Element] = (None, main)
        count = 0
        for paragraph in r.paragraphs:
            if paragraph.kind is not ParagraphKind.OPERATIVE:
                continue
            if paragraph.section != current[0]:
                section = sections.get(paragraph.section or "")
                if section is None or (section.area is None and section.title is None):
                    current = (paragraph.section, main)
                else:
                    count += 1
                    element = _sub(main, "section", eId=f"sec_{count}")
                    heading = section_heading(section, self.areas, self.text)
                    number, _, words = (
                        heading.partition(". ") if section.title is None else ("", "", heading)
                    )
                    if number:
                        _sub(element, "num", f"{number}.")
                    _sub(element, "heading", words)
                    current = (paragraph.section, element)
            parent = current[1]
            prefix = "" if parent is main else f"{parent.get('eId')}__"
            e_id = f"{prefix}para_{_name(paragraph.number)}"
            self.paragraph(parent, paragraph, e_id)
            self.record(paragraphs, paragraph, e_id)
        if not list(main):
            # mainBody must hold something: a resolution with no operative paragraph yet.
            _sub(main, "p")

        for e_id, (tag, href, show_as) in sorted(
            self.references.items(), key=lambda item: (item[1][0], item[0])
        ):
            _sub(references, tag, eId=e_id, href=href, showAs=show_as)
        _indent(root)
        xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
        return xml

    def identification(self, meta: ET.Element) -> None:
        r, plan = self.resolution, self.plan
        adopted = r.state is ResolutionState.ADOPTED and r.adopted_on is not None
        day = r.adopted_on if adopted and r.adopted_on else plan.term.end
        date_name = "adoption" if adopted else "termEnd"
        work = f"/akn/{COUNTRY}/statement/resolution/{day.year}/{_name(r.id)}"
        version = f"@rev{r.revision}" if r.state is ResolutionState.DRAFT else "@"
        expression = f"{work}/{ISO_639_2[self.lang]}{version}"
        author = "ag" if r.state is ResolutionState.ADOPTED else plan.term.committee
        self.references["comitia"] = (
            "TLCOrganization",
            "/ontology/organization/comitia",
            "Comitia",
        )
        if author in self.bodies:
            author_ref = self.body_ref(author)
        else:
            self.references[_name(author)] = (
                "TLCOrganization",
                f"/ontology/organization/oas/{_name(author)}",
                author,
            )
            author_ref = f"#{_name(author)}"
        identification = _sub(meta, "identification", source="#comitia")
        frbr = _sub(identification, "FRBRWork")
        _sub(frbr, "FRBRthis", value=f"{work}/!main")
        _sub(frbr, "FRBRuri", value=work)
        _sub(frbr, "FRBRdate", date=day.isoformat(), name=date_name)
        _sub(frbr, "FRBRauthor", href=author_ref)
        _sub(frbr, "FRBRcountry", value=COUNTRY)
        _sub(frbr, "FRBRname", value=r.label)
        expr = _sub(identification, "FRBRExpression")
        _sub(expr, "FRBRthis", value=f"{expression}/!main")
        _sub(expr, "FRBRuri", value=expression)
        _sub(expr, "FRBRdate", date=day.isoformat(), name=date_name)
        _sub(expr, "FRBRauthor", href=author_ref)
        _sub(expr, "FRBRlanguage", language=ISO_639_2[self.lang])
        manifestation = _sub(identification, "FRBRManifestation")
        _sub(manifestation, "FRBRthis", value=f"{expression}/!main.xml")
        _sub(manifestation, "FRBRuri", value=f"{expression}.akn")
        _sub(manifestation, "FRBRdate", date=day.isoformat(), name=date_name)
        _sub(manifestation, "FRBRauthor", href="#comitia")

    def content(self, p: ET.Element, paragraph: Paragraph) -> None:
        """The paragraph's own text (or "[Text not held.]" and its subject), its footnotes and
        its status, into the block ``p``."""
        if paragraph.text is not None:
            self.inline(p, paragraph.text)
        elif paragraph.subject is not None:
            held = _sub(p, "inline", self.w._("[Text not held.]"), name="textNotHeld")
            held.tail = f" {self.w._('Subject:')} "
            self.inline(p, paragraph.subject)
        elif not paragraph.subparagraphs:
            _sub(p, "inline", self.w._("[Text not held.]"), name="textNotHeld")
        for footnote in paragraph.footnotes:
            self.notes += 1
            note = _sub(
                p,
                "authorialNote",
                marker=footnote.mark,
                placement="bottom",
                eId=f"anote_{self.notes}",
            )
            self.inline(_sub(note, "p"), footnote.text)
        if paragraph.status is not None:
            concept = f"status-{paragraph.status.value.replace('_', '-')}"
            wording = status_wording(paragraph.status, self.lang)
            self.references.setdefault(
                concept,
                (
                    "TLCConcept",
                    f"/ontology/concept/comitia/paragraphStatus/{paragraph.status.value}",
                    wording,
                ),
            )
            self.append_text(p, " ")
            _sub(p, "remark", wording, refersTo=f"#{concept}")

    def paragraph(self, parent: ET.Element, paragraph: Paragraph, e_id: str) -> None:
        element = _sub(parent, "paragraph", eId=e_id)
        _sub(element, "num", f"{paragraph.number}.")
        if not paragraph.subparagraphs:
            self.content(_sub(_sub(element, "content"), "p"), paragraph)
            return
        self.content(_sub(_sub(element, "intro"), "p"), paragraph)
        for sub in paragraph.subparagraphs:
            point = _sub(element, "point", eId=f"{e_id}__point_{_name(sub.letter)}")
            _sub(point, "num", f"({sub.letter})")
            self.inline(_sub(_sub(point, "content"), "p"), sub.text)

    def record(self, paragraphs: ET.Element, paragraph: Paragraph, e_id: str) -> None:
        """The paragraph's data that Akoma Ntoso has no element for, in the proprietary part."""
        attributes = {"href": f"#{e_id}", "kind": paragraph.kind.value, "number": paragraph.number}
        if paragraph.status is not None:
            attributes["status"] = paragraph.status.value
        if paragraph.leads:
            attributes["leads"] = " ".join(paragraph.leads)
            for code in paragraph.leads:
                self.state_ref(code)
        if paragraph.assigned_to is not None and paragraph.assigned_to in self.bodies:
            attributes["assignedTo"] = self.body_ref(paragraph.assigned_to)
        if paragraph.from_ is not None:
            attributes["from"] = f"{paragraph.from_.symbol} {paragraph.from_.number}"
        ET.SubElement(paragraphs, _C + "paragraph", attributes)
