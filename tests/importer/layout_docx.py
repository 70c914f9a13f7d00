"""Build the DOCX calendars of tests/importer/test_layouts.py with python-docx.

Illustrative documents written for the tests (not OAS, UN or parliamentary documents): a
programme of work whose calendar is a Word table, as secretariats lay them out: a header row
naming the columns (in another order in each language), a row across the table for each month,
a date cell merged down over the two sessions of one day, and the items of a meeting in a table
nested in its subject cell. Run ``python -m tests.importer.layout_docx OUTDIR`` to look at them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import docx


@dataclass(frozen=True)
class Sample:
    lang: str
    title: tuple[str, ...]
    intro: str
    label: str
    election: str
    heading: str
    # Header words, in the order of the columns.
    columns: tuple[str, ...]
    # Rows: a month label (one string) or a meeting (a dict of column kind to text; a "date"
    # of None continues the date above, merged; "items" go in a nested table).
    rows: tuple[str | dict[str, object], ...]


SAMPLES = {
    "en": Sample(
        "en",
        ("COMMITTEE ON HEMISPHERIC SECURITY", "WORK PLAN 2020-2021"),
        "INTRODUCTION",
        "[Illustrative document written for Comitia's tests: not an OAS document.]",
        "On October 8, 2020, the Committee elected Ambassador Anne Smith, Permanent"
        " Representative of Canada, as Chair.",
        "SCHEDULE OF MEETINGS",
        ("Date", "Time", "Subject", "Venue"),
        (
            "OCTOBER 2020",
            {
                "date": "Thursday, October 22, 2020",
                "time": "10:00 a.m. – 1:00 p.m.",
                "subject": "Regular meeting",
                "venue": "Simón Bolívar Room",
                "items": ("Consideration of the draft work plan", "Presentation by the SMS"),
            },
            {
                "date": None,
                "time": "3:00 – 6:00 p.m.",
                "subject": "Dialogue with the Inter-American Defense Board",
                "venue": "Simón Bolívar Room",
            },
            "NOVEMBER 2020",
            {
                "date": "Tuesday, November 17, 2020",
                "time": "10:00 a.m. – 1:00 p.m.",
                "subject": "Special meeting on small island states",
                "venue": "Rubén Darío Room",
            },
        ),
    ),
    "fr": Sample(
        "fr",
        ("COMMISSION SUR LA SÉCURITÉ CONTINENTALE", "PLAN DE TRAVAIL 2020-2021"),
        "INTRODUCTION",
        "[Document illustratif rédigé pour les tests de Comitia : ce n’est pas un document"
        " de l’OEA.]",
        "Le 8 octobre 2020, la Commission a élu l’Ambassadeur Paul Martin, Représentant"
        " permanent du Canada, comme Président.",
        "CALENDRIER DES RÉUNIONS",
        ("Objet", "Date", "Heure", "Lieu"),
        (
            "OCTOBRE 2020",
            {
                "date": "Jeudi 22 octobre 2020",
                "time": "10 h 00 – 13 h 00",
                "subject": "Réunion ordinaire",
                "venue": "Salle Simón Bolívar",
                "items": ("Examen du projet de plan de travail", "Exposé du SSM"),
            },
            {
                "date": None,
                "time": "15 h 00 – 18 h 00",
                "subject": "Dialogue avec la Junte interaméricaine de défense",
                "venue": "Salle Simón Bolívar",
            },
            "NOVEMBRE 2020",
            {
                "date": "Mardi 17 novembre 2020",
                "time": "de 10 heures à 13 heures",
                "subject": "Réunion spéciale sur les petits États insulaires",
                "venue": "Salle Rubén Darío",
            },
        ),
    ),
    "es": Sample(
        "es",
        ("COMISIÓN DE SEGURIDAD HEMISFÉRICA", "PLAN DE TRABAJO 2020-2021"),
        "INTRODUCCIÓN",
        "[Documento ilustrativo redactado para las pruebas de Comitia: no es un documento"
        " de la OEA.]",
        "El 8 de octubre de 2020, la Comisión eligió a la Embajadora Ana García,"
        " Representante Permanente de México, como Presidenta.",
        "CALENDARIO DE REUNIONES",
        ("Hora", "Fecha", "Lugar", "Tema"),
        (
            "OCTUBRE DE 2020",
            {
                "date": "Jueves 22 de octubre de 2020",
                "time": "10:00 a 13:00 horas",
                "subject": "Reunión ordinaria",
                "venue": "Salón Simón Bolívar",
                "items": ("Consideración del proyecto de plan de trabajo", "Exposición de la SSM"),
            },
            {
                "date": None,
                "time": "15.00 a 18.00 horas",
                "subject": "Diálogo con la Junta Interamericana de Defensa",
                "venue": "Salón Simón Bolívar",
            },
            "NOVIEMBRE DE 2020",
            {
                "date": "Martes 17 de noviembre de 2020",
                "time": "de 10:00 a 13:00 horas",
                "subject": "Reunión especial sobre los pequeños Estados insulares",
                "venue": "Salón Rubén Darío",
            },
        ),
    ),
    "pt": Sample(
        "pt",
        ("COMISSÃO DE SEGURANÇA HEMISFÉRICA", "PLANO DE TRABALHO 2020-2021"),
        "INTRODUÇÃO",
        "[Documento ilustrativo redigido para os testes do Comitia: não é um documento da OEA.]",
        "Em 8 de outubro de 2020, a Comissão elegeu o Embaixador João Silva, Representante"
        " Permanente do Brasil, como Presidente.",
        "CALENDÁRIO DE REUNIÕES",
        ("Data", "Local", "Assunto", "Horário"),
        (
            "OUTUBRO DE 2020",
            {
                "date": "Quinta-feira, 22 de outubro de 2020",
                "time": "10h00 às 13h00",
                "subject": "Reunião ordinária",
                "venue": "Sala Simón Bolívar",
                "items": ("Consideração do projeto de plano de trabalho", "Exposição da SSM"),
            },
            {
                "date": None,
                "time": "15h00 às 18h00",
                "subject": "Diálogo com a Junta Interamericana de Defesa",
                "venue": "Sala Simón Bolívar",
            },
            "NOVEMBRO DE 2020",
            {
                "date": "Terça-feira, 17 de novembro de 2020",
                "time": "das 10h00 às 13h00",
                "subject": "Reunião especial sobre os pequenos Estados insulares",
                "venue": "Sala Rubén Darío",
            },
        ),
    ),
}
# Which header word names which kind of column, per language.
KINDS = {
    "Date": "date", "Time": "time", "Subject": "subject", "Venue": "venue",
    "Objet": "subject", "Heure": "time", "Lieu": "venue",
    "Hora": "time", "Fecha": "date", "Lugar": "venue", "Tema": "subject",
    "Data": "date", "Local": "venue", "Assunto": "subject", "Horário": "time",
}  # fmt: skip


def build(sample: Sample, path: Path) -> Path:
    """Write ``sample`` as a DOCX at ``path``."""
    document = docx.Document()
    for line in sample.title:
        document.add_paragraph(line)
    document.add_paragraph("")
    document.add_heading(sample.intro, level=1)
    document.add_paragraph(sample.label)
    document.add_paragraph(sample.election)
    document.add_paragraph(sample.heading)
    kinds = [KINDS[c] for c in sample.columns]
    table = document.add_table(rows=1, cols=len(kinds))
    for cell, word in zip(table.rows[0].cells, sample.columns, strict=True):
        cell.text = word
    date_cell = None
    for row in sample.rows:
        cells = table.add_row().cells
        if isinstance(row, str):
            merged = cells[0].merge(cells[-1])
            merged.text = row
            continue
        for cell, kind in zip(cells, kinds, strict=True):
            value = row.get(kind)
            if kind == "date":
                if value is None and date_cell is not None:
                    date_cell = date_cell.merge(cell)
                    continue
                date_cell = cell
            cell.text = str(value)
            if kind == "subject" and row.get("items"):
                items = row["items"]
                assert isinstance(items, tuple)
                inner = cell.add_table(rows=len(items), cols=1)
                for inner_row, item in zip(inner.rows, items, strict=True):
                    inner_row.cells[0].text = item
    document.save(str(path))
    return path


# A table with no header row: a month row across it, then a day, its times (two paragraphs
# for two sessions) and its subject in three cells.
HEADERLESS = (
    ("MARCH 2021",),
    ("Tuesday 9", "10:00 a.m. – 1:00 p.m.", "Regular meeting"),
    ("Thursday 18", "3:00 – 6:00 p.m.", "Special meeting on small island states"),
    ("APRIL 2021",),
    ("Friday 9", "10 a.m. – 1 p.m.\n3 – 6 p.m.", "Hearings on the draft resolution"),
)


def build_headerless(path: Path) -> Path:
    """An English programme of work (illustrative, written for the tests) whose calendar table
    has no header row."""
    document = docx.Document()
    document.add_paragraph("COMMITTEE ON HEMISPHERIC SECURITY")
    document.add_paragraph("PROGRAMME OF WORK 2021")
    document.add_heading("Calendar of meetings", level=1)
    document.add_paragraph(SAMPLES["en"].label)
    table = document.add_table(rows=0, cols=3)
    for row in HEADERLESS:
        cells = table.add_row().cells
        if len(row) == 1:
            cells[0].merge(cells[-1]).text = row[0]
            continue
        for cell, value in zip(cells, row, strict=True):
            first, *others = value.split("\n")
            cell.text = first
            for other in others:
                cell.add_paragraph(other)
    document.save(str(path))
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    for lang, sample in SAMPLES.items():
        print(build(sample, out / f"table.{lang}.docx"))
    print(build_headerless(out / "headerless.en.docx"))
