"""Words for reading meetings in layouts other than the model document's, per language.

Data only (``comitia.importer.layouts`` is the grammar): the header words of a calendar
table's columns, the words that put a venue in a sentence, the words of an election in prose,
and more wordings of the section headings. Matched case- and accent-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LayoutWords:
    # Header words of a calendar table's columns, by what the column holds.
    columns: dict[str, tuple[str, ...]]
    # Nouns of a room or hall, before its name ("Salón Simón Bolívar") or after it ("... Room").
    rooms_before: tuple[str, ...]
    rooms_after: tuple[str, ...]
    # Verbs that say officers were elected ("the Committee elected").
    elected: tuple[str, ...]
    # Headings of sections worded otherwise than the model document's, by section.
    sections: dict[str, tuple[str, ...]]
    # Words that number an annex before its heading ("ANNEX I: CALENDAR ...").
    annex: tuple[str, ...] = ()


_COLUMN_DATE = {
    "en": ("date", "dates", "day", "date and time"),
    "fr": ("date", "dates", "jour", "date et heure"),
    "es": ("fecha", "fechas", "día", "dia", "fecha y hora"),
    "pt": ("data", "datas", "dia", "data e hora"),
}

WORDS = {
    "en": LayoutWords(
        annex=("annex", "appendix"),
        columns={
            "date": _COLUMN_DATE["en"],
            "time": ("time", "times", "hour", "hours", "schedule"),
            "subject": (
                "subject",
                "topic",
                "topics",
                "item",
                "items",
                "agenda",
                "activity",
                "activities",
                "meeting",
                "description",
            ),
            "venue": ("venue", "place", "location", "room"),
        },
        rooms_before=("room", "hall"),
        rooms_after=("Room", "Hall", "Auditorium", "Chamber"),
        elected=("elected", "was elected", "were elected"),
        sections={
            "methodology": ("work methodology", "working methods", "methods of work"),
            "calendar": (
                "proposed calendar",
                "tentative calendar",
                "schedule of activities",
                "schedule of meetings",
                "tentative schedule",
                "calendar of meetings",
                "annex: calendar",
                "annex i – calendar",
                "annex i - calendar",
                "timetable",
            ),
            "summary": (
                "summary of the meetings",
                "list of meetings",
                "meetings summary",
                "overview of meetings",
            ),
            "bureau": ("election of officers", "officers of the committee"),
            "budget": ("budget and financing", "financial resources", "resources"),
            "intro": ("background",),
            "mandates": ("mandates assigned",),
        },
    ),
    "fr": LayoutWords(
        annex=("annexe", "appendice"),
        columns={
            "date": _COLUMN_DATE["fr"],
            "time": ("heure", "heures", "horaire"),
            "subject": (
                "objet",
                "sujet",
                "sujets",
                "ordre du jour",
                "activité",
                "activités",
                "réunion",
                "thème",
                "points",
            ),
            "venue": ("lieu", "salle", "endroit"),
        },
        rooms_before=("salle", "auditorium", "salon"),
        rooms_after=(),
        elected=("a élu", "ont été élus", "a été élu", "a été élue", "élit"),
        sections={
            "methodology": ("méthodes de travail", "méthode de travail"),
            "calendar": (
                "calendrier proposé",
                "calendrier indicatif",
                "calendrier des réunions",
                "calendrier provisoire",
                "programme des réunions",
                "annexe : calendrier",
                "annexe i – calendrier",
            ),
            "summary": ("récapitulatif des réunions", "liste des réunions", "résumé des séances"),
            "bureau": (
                "élection du bureau",
                "composition du bureau",
                "élection des membres du bureau",
            ),
            "budget": ("ressources financières", "financement"),
            "intro": ("contexte", "historique"),
            "mandates": ("mandats confiés",),
        },
    ),
    "es": LayoutWords(
        annex=("anexo", "apéndice"),
        columns={
            "date": _COLUMN_DATE["es"],
            "time": ("hora", "horario", "horas"),
            "subject": (
                "tema",
                "temas",
                "asunto",
                "asuntos",
                "actividad",
                "actividades",
                "orden del día",
                "reunión",
                "descripción",
            ),
            "venue": ("lugar", "sala", "salón", "sede"),
        },
        rooms_before=("salón", "sala", "auditorio"),
        rooms_after=(),
        elected=(
            "eligió",
            "fue electo",
            "fue elegido",
            "fue elegida",
            "fueron electos",
            "fueron elegidos",
        ),
        sections={
            "methodology": ("métodos de trabajo", "método de trabajo"),
            "calendar": (
                "calendario propuesto",
                "calendario indicativo",
                "calendario de reuniones",
                "calendario tentativo",
                "cronograma",
                "anexo: calendario",
                "anexo i – calendario",
            ),
            "summary": ("resumen de las sesiones", "lista de reuniones", "listado de reuniones"),
            "bureau": (
                "elección de autoridades",
                "elección de la mesa directiva",
                "integración de la mesa",
            ),
            "budget": ("recursos financieros", "financiamiento", "presupuesto asignado"),
            "intro": ("antecedentes",),
            "mandates": ("mandatos asignados",),
        },
    ),
    "pt": LayoutWords(
        annex=("anexo", "apêndice"),
        columns={
            "date": _COLUMN_DATE["pt"],
            "time": ("hora", "horário", "horas"),
            "subject": (
                "tema",
                "temas",
                "assunto",
                "assuntos",
                "atividade",
                "atividades",
                "pauta",
                "reunião",
                "descrição",
            ),
            "venue": ("local", "sala", "lugar"),
        },
        rooms_before=("sala", "salão", "auditório", "plenário"),
        rooms_after=(),
        elected=("elegeu", "foi eleito", "foi eleita", "foram eleitos"),
        sections={
            "methodology": ("métodos de trabalho", "método de trabalho"),
            "calendar": (
                "calendário proposto",
                "calendário indicativo",
                "calendário de reuniões",
                "calendário provisório",
                "cronograma",
                "anexo: calendário",
                "anexo i – calendário",
            ),
            "summary": ("resumo das sessões", "lista de reuniões", "relação das reuniões"),
            "bureau": ("eleição da mesa", "eleição da mesa diretora", "composição da mesa"),
            "budget": ("recursos financeiros", "financiamento", "orçamento"),
            "intro": ("antecedentes", "contexto"),
            "mandates": ("mandatos atribuídos",),
        },
    ),
}
