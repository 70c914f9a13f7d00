"""The feed's own words, one table per language (vocabulary as data, as in comitia.dates).

Dates inside these phrases are printed by ``comitia.dates``; only the connecting words live here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    meeting_kinds: dict[str, str]
    provisional: str
    cancelled: str
    to_be_confirmed: str
    deadline: str
    agenda: str
    venue: str
    initially_scheduled: str
    then_moved: str
    reason: str
    presented_by: str
    documents: str
    paragraphs: str
    article: str
    more: str
    how_to_send: str
    basis: str
    calendar_name: str
    deadlines_calendar_name: str
    organization_calendar_name: str
    state_calendar_name: str


WORDINGS: dict[str, Wording] = {
    "en": Wording(
        meeting_kinds={
            "regular": "Regular meeting",
            "special": "Special meeting",
            "ga_requested": "Meeting requested by the General Assembly",
            "joint": "Joint meeting",
        },
        provisional="provisional date",
        cancelled="CANCELLED",
        to_be_confirmed="date to be confirmed: {period}",
        deadline="Deadline: {title}",
        agenda="Agenda",
        venue="Venue",
        initially_scheduled="Initially scheduled for {date}",
        then_moved="Then moved to {date}",
        reason="reason: {reason}",
        presented_by="presented by",
        documents="documents",
        paragraphs="paragraphs",
        article="article",
        more="Details",
        how_to_send="How to send it",
        basis="Basis",
        calendar_name="{committee} {label}: calendar",
        deadlines_calendar_name="{committee} {label}: calendar and reporting deadlines",
        organization_calendar_name="{organization}: calendar of all committees",
        state_calendar_name=(
            "{organization}: all committees, with the reporting deadlines of {state}"
        ),
    ),
    "fr": Wording(
        meeting_kinds={
            "regular": "Réunion ordinaire",
            "special": "Réunion spéciale",
            "ga_requested": "Réunion demandée par l’Assemblée générale",
            "joint": "Réunion conjointe",
        },
        provisional="date provisoire",
        cancelled="ANNULÉE",
        to_be_confirmed="date à confirmer : {period}",
        deadline="Date limite : {title}",
        agenda="Ordre du jour",
        venue="Lieu",
        initially_scheduled="Initialement prévue le {date}",
        then_moved="Puis reportée au {date}",
        reason="motif : {reason}",
        presented_by="présenté par",
        documents="documents",
        paragraphs="paragraphes",
        article="article",
        more="Détails",
        how_to_send="Comment l’envoyer",
        basis="Fondement",
        calendar_name="{committee} {label} : calendrier",
        deadlines_calendar_name="{committee} {label} : calendrier et dates limites des rapports",
        organization_calendar_name="{organization} : calendrier de toutes les commissions",
        state_calendar_name=(
            "{organization} : toutes les commissions, avec les dates"
            " limites des rapports de {state}"
        ),
    ),
    "es": Wording(
        meeting_kinds={
            "regular": "Reunión ordinaria",
            "special": "Reunión especial",
            "ga_requested": "Reunión solicitada por la Asamblea General",
            "joint": "Reunión conjunta",
        },
        provisional="fecha provisional",
        cancelled="CANCELADA",
        to_be_confirmed="fecha por confirmar: {period}",
        deadline="Fecha límite: {title}",
        agenda="Orden del día",
        venue="Lugar",
        initially_scheduled="Prevista inicialmente para el {date}",
        then_moved="Luego trasladada al {date}",
        reason="motivo: {reason}",
        presented_by="presentado por",
        documents="documentos",
        paragraphs="párrafos",
        article="artículo",
        more="Detalles",
        how_to_send="Cómo enviarlo",
        basis="Fundamento",
        calendar_name="{committee} {label}: calendario",
        deadlines_calendar_name="{committee} {label}: calendario y plazos de los informes",
        organization_calendar_name="{organization}: calendario de todas las comisiones",
        state_calendar_name=(
            "{organization}: todas las comisiones, con los plazos de los informes de {state}"
        ),
    ),
    "pt": Wording(
        meeting_kinds={
            "regular": "Reunião ordinária",
            "special": "Reunião especial",
            "ga_requested": "Reunião solicitada pela Assembleia Geral",
            "joint": "Reunião conjunta",
        },
        provisional="data provisória",
        cancelled="CANCELADA",
        to_be_confirmed="data a confirmar: {period}",
        deadline="Prazo: {title}",
        agenda="Ordem do dia",
        venue="Local",
        initially_scheduled="Inicialmente prevista para {date}",
        then_moved="Depois transferida para {date}",
        reason="motivo: {reason}",
        presented_by="apresentado por",
        documents="documentos",
        paragraphs="parágrafos",
        article="artigo",
        more="Detalhes",
        how_to_send="Como enviá-lo",
        basis="Fundamento",
        calendar_name="{committee} {label}: calendário",
        deadlines_calendar_name="{committee} {label}: calendário e prazos dos relatórios",
        organization_calendar_name="{organization}: calendário de todas as comissões",
        state_calendar_name=(
            "{organization}: todas as comissões, com os prazos dos relatórios de {state}"
        ),
    ),
}


def wording(lang: str) -> Wording:
    """The feed's words in ``lang``; KeyError names the languages there are."""
    try:
        return WORDINGS[lang]
    except KeyError:
        raise KeyError(f"no feed wording for {lang!r}; there is {sorted(WORDINGS)}") from None
