"""The model plan and what its documents must say, shared by the renderers' tests."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from comitia.plan import Plan
from comitia.plan.files import read_plan
from comitia.translations.texts import without_translations

MODEL_PLAN = Path(__file__).resolve().parents[2] / "examples" / "oas-csh-2019-2020.yaml"


@functools.cache
def model_plan() -> Plan:
    return read_plan(MODEL_PLAN)


@functools.cache
def french_model_plan() -> Plan:
    """The model plan as the OAS document is, in French alone: its translations taken out."""
    return without_translations(model_plan())


# The first meeting as each document must print it: weekday, date and time.
FIRST_MEETING = {
    "fr": "Jeudi 24 octobre 2019 (10 h 00 – 13 h 00)",
    "en": "Thursday, October 24, 2019 (10:00 a.m. – 1:00 p.m.)",
    "es": "Jueves 24 de octubre de 2019 (10:00 a.m. – 1:00 p.m.)",
    "pt": "Quinta-feira, 24 de outubro de 2019 (10h00 – 13h00)",
}
# The afternoon meeting of 14 April 2020, moved from 23 April.
AFTERNOON_MEETING = {
    "fr": "Mardi 14 avril 2020 (14 h 30 – 17 h 30)",
    "en": "Tuesday, April 14, 2020 (2:30 p.m. – 5:30 p.m.)",
    "es": "Martes 14 de abril de 2020 (2:30 p.m. – 5:30 p.m.)",
    "pt": "Terça-feira, 14 de abril de 2020 (14h30 – 17h30)",
}
# The note on the meeting of 20 February 2020 (footnote 9 of the model document).
MOVED_NOTE = {
    "fr": "Cette réunion était initialement programmée pour le 30 janvier 2020.",
    "en": "This meeting was originally scheduled for January 30, 2020.",
    "es": "Esta reunión estaba programada originalmente para el 30 de enero de 2020.",
    "pt": "Esta reunião estava originalmente programada para 30 de janeiro de 2020.",
}
# Meetings that moved in the model plan, and from when.
MOVED = {
    dt.date(2020, 2, 20): dt.date(2020, 1, 30),
    dt.date(2020, 3, 12): dt.date(2020, 3, 19),
    dt.date(2020, 4, 14): dt.date(2020, 4, 23),
    dt.date(2020, 4, 30): dt.date(2020, 4, 16),
    dt.date(2020, 5, 5): dt.date(2020, 5, 7),
}
# Budget: the 2019 appropriation, the 2020 one and their difference, figures and words.
BUDGET = {
    "fr": [
        "126\u202f200",
        "cent vingt-six mille deux cents dollars",
        "105\u202f000",
        "cent cinq mille dollars",
        "21\u202f200",
        "vingt et un mille deux cents dollars",
    ],
    "en": [
        "US$126,200",
        "one hundred twenty-six thousand two hundred dollars",
        "105,000",
        "one hundred five thousand dollars",
        "21,200",
        "twenty-one thousand two hundred dollars",
    ],
    "es": [
        "126.200",
        "ciento veintiséis mil doscientos dólares",
        "105.000",
        "ciento cinco mil dólares",
        "21.200",
        "veintiún mil doscientos dólares",
    ],
    "pt": [
        "126.200",
        "cento e vinte e seis mil e duzentos dólares",
        "105.000",
        "cento e cinco mil dólares",
        "21.200",
        "vinte e um mil e duzentos dólares",
    ],
}
COUNTS = {
    "fr": "Le calendrier comprend 20 réunions de la Commission : 16 réunions ordinaires, "
    "1 réunion spéciale et 3 réunions tenues à la demande de l’Assemblée générale.",
    "en": "The calendar comprises 20 meetings of the Committee: 16 regular meetings, "
    "1 special meeting, and 3 meetings held at the request of the General Assembly.",
    "es": "El calendario comprende 20 reuniones de la Comisión: 16 reuniones ordinarias, "
    "1 reunión especial y 3 reuniones celebradas a solicitud de la Asamblea General.",
    "pt": "O calendário compreende 20 reuniões da Comissão: 16 reuniões ordinárias, "
    "1 reunião especial e 3 reuniões realizadas a pedido da Assembleia Geral.",
}


def plan_tables(document: Any) -> list[Any]:
    """A DOCX document's tables other than the budget table (the one of four columns), in
    order: the calendar, the summary, the texts awaiting translation."""
    return [table for table in document.tables if len(table.columns) != 4]


def budget_table(document: Any) -> Any:
    """The table of the budget section: period, appropriation, estimated cost, balance."""
    return next(table for table in document.tables if len(table.columns) == 4)
