"""The claims the model document makes about its own calendar, entered by hand.

Section 1 states counts in prose; the annex ends with a month-by-month summary. Until the
importer fills these in, the tests add them to the model plan to check the CLM rules against
the document's real contradictions. Line numbers are those of the document's text export.
"""

# The summary is copied as printed, one entry a line.
# ruff: noqa: E501

from __future__ import annotations

from comitia.plan import ClaimedCount, CountClaim, Plan, SummaryClaim, Text

CSH = "Réunion ordinaire de la CSH"

# (when, title, names a meeting of the committee)
SUMMARY: list[tuple[str, str, bool]] = [
    ("2019-10-22", "Réunion ordinaire nº 1416 du Conseil des délégués de la JID", False),
    ("2019-10-24", CSH, True),
    ("2019-10-30/2019-10-31", "Septième Réunion des ministres responsables de la sécurité publique des Amériques (MISPA VII), Quito (Équateur)", False),
    ("2019-11-07", CSH, True),
    ("2019-11-06/2019-11-07", "Séminaire sur la cyberdéfense et la sécurité", False),
    ("2019-11-19", "Réunion ordinaire nº 1417 du Conseil des délégués de la JID", False),
    ("2019-11-21", CSH, True),
    ("2019-11-28", "Jour de l’Action de grâces", False),
    ("2019-12-05", "Réunion spéciale sur les liens entre la cybercriminalité et la criminalité transnationale organisée", False),
    ("2019-12-12", CSH, True),
    ("2019-12-17", "Réunion ordinaire nº 1418 du Conseil des délégués de la JID", False),
    ("2019-12-17/2019-12-20", "Séminaire sur les droits de la personne et le droit international humanitaire (CID)", False),
    ("2020-01-14/2020-01-17", "Conférence sur la situation mondiale (CID)", False),
    ("2020-01-23", CSH, True),
    ("2020-01-23", "Réunion ordinaire nº 1419 du Conseil des délégués de la JID", False),
    ("2020-01-30", CSH, True),
    ("2020-02-03/2020-02-04", "IVe Réunion des autorités pénitentiaires – République dominicaine", False),
    ("2020-02-13", CSH, True),
    ("2020-02-11/2020-02-14", "Séminaire sur les situations d’urgence complexes/les catastrophes de grande envergure (CID)", False),
    ("2020-02-20", "Réunion ordinaire nº 1420 du Conseil des délégués de la JID", False),
    ("2020-02-20", "Réunion ordinaire de la CSH, paragraphe 54", True),
    ("2020-02-27", CSH, True),
    ("2020-03-05", CSH, True),
    ("2020-03-12", CSH, True),
    ("2020-03-16/2020-03-18", "Symposium universitaire continental (CID)", False),
    ("2020-03-19", CSH, True),
    ("2020-03-24", "Réunion ordinaire nº 1421 du Conseil des délégués de la JID – Anniversaire de la JID", False),
    ("2020-03-26", "Préoccupations en matière de sécurité en Amérique centrale", False),
    ("2020-04-02", "Réunion ordinaire de la CSH (Présentation du projet de résolution destiné à l’Assemblée générale)", True),
    ("2020-04-02?", "Réunion préparatoire du Comité consultatif de la Convention interaméricaine contre la fabrication et le trafic illicites d’armes à feu, de munitions, d’explosifs et de matériels connexes (CIFTA). (Date provisoire)", False),
    ("2020-04-09", "Jeudi saint", False),
    ("2020-04-14", "Réunion avec la Commission de consolidation de la paix des Nations Unies (Début de l’examen du projet de résolution destiné à l’Assemblée générale)", False),
    ("2020-04-16/2020-04-17", "XLVIIIe Réunion du Groupe d’experts contre le blanchiment d’avoirs (GELAVEX) à Washington, D.C.", False),
    ("2020-04-14/2020-04-17", "Conférence sur la situation mondiale (CID)", False),
    ("2020-04-21", "Réunion ordinaire nº 1422 du Conseil des délégués de la JID", False),
    ("2020-04-23/2020-04-24", "Vingtième session ordinaire du CICTE au siège de l’OEA à Washington, D.C.", False),
    ("2020-04-30", "Réunion annuelle sur les Préoccupations particulières en matière de sécurité des petits États insulaires et des zones côtières de basse altitude de la Caraïbe", False),
    ("2020-05-05", "Réunion ordinaire de la CSH (rapport annuel (CICTE) et examen du projet de résolution)", True),
    ("2020-05-07", "67e session ordinaire de la CICAD à Washington, D.C.", False),
    ("2020-05-14", "Réunion ordinaire de la CSH (rapports annuels (JID et CICAD) examen du projet de résolution)", True),
    ("2020-05-19", "Réunion ordinaire de la CSH (examen du projet de résolution)", True),
    ("2020-05-19", "Réunion ordinaire nº 1423 du Conseil des délégués de la JID", False),
    ("2020-05-21", "Réunion ordinaire de la CSH (examen du projet de résolution)", True),
    ("2020-05-26", "Réunion ordinaire de la CSH (examen du projet de résolution)", True),
]  # fmt: skip

INTRODUCTION = (
    "Le calendrier comprend 5 réunions tenues dans le cadre de la CSH à la demande de "
    "l’Assemblée générale et 13 réunions ordinaires."
)
METHODOLOGY = (
    "À cette fin, le calendrier prévoit trois réunions d’une demi-journée et deux réunions "
    "de toute la journée."
)


def summary_claims() -> list[SummaryClaim]:
    return [
        SummaryClaim(when=when, title=Text.of("fr", title), committee=committee)
        for when, title, committee in SUMMARY
    ]


def count_claims() -> list[CountClaim]:
    def claim(counts: ClaimedCount, number: int, text: str, line: int) -> CountClaim:
        return CountClaim(counts=counts, number=number, text=Text.of("fr", text), line=line)

    return [
        claim(ClaimedCount.GA_REQUESTED_MEETINGS, 5, INTRODUCTION, 13),
        claim(ClaimedCount.REGULAR_MEETINGS, 13, INTRODUCTION, 13),
        claim(ClaimedCount.HALF_DAY_SESSIONS, 3, METHODOLOGY, 89),
        claim(ClaimedCount.FULL_DAY_SESSIONS, 2, METHODOLOGY, 89),
    ]


def with_document_claims(plan: Plan) -> Plan:
    """The model plan with the claims of the model document, as the importer would add them."""
    return plan.model_copy(
        update={"summary_claims": summary_claims(), "count_claims": count_claims()}
    )
