# ruff: noqa: E501  (names of bodies are data, kept on one line each)
"""The OAS bodies an imported document may name, with acronym and name per language.

Data, not code: the importer resolves presenters, electors and organizers against this list and
puts in the plan only the bodies the document names. To teach the importer another body, add it
here. Acronyms differ between languages for some bodies (JID in French and Spanish, IADB in
English); ids are the lower-case French/Spanish acronym, as in the model plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class KnownBody:
    id: str
    # Acronyms per language ("" where the body has none in that language).
    acronyms: dict[str, str]
    names: dict[str, str]
    parent: str | None = None
    # Other spellings met in documents, any language.
    aliases: tuple[str, ...] = field(default=())


def _b(
    id: str,
    acr: str | dict[str, str],
    fr: str,
    en: str,
    es: str,
    pt: str,
    *,
    parent: str | None = None,
    aliases: tuple[str, ...] = (),
) -> KnownBody:
    acronyms = acr if isinstance(acr, dict) else dict.fromkeys(("fr", "en", "es", "pt"), acr)
    return KnownBody(id, acronyms, {"fr": fr, "en": en, "es": es, "pt": pt}, parent, aliases)


KNOWN_BODIES: tuple[KnownBody, ...] = (
    _b(
        "ag",
        {"fr": "AG", "en": "GA", "es": "AG", "pt": "AG"},
        "Assemblée générale",
        "General Assembly",
        "Asamblea General",
        "Assembleia Geral",
    ),
    _b(
        "cp",
        {"fr": "CP", "en": "CP", "es": "CP", "pt": "CP"},
        "Conseil permanent",
        "Permanent Council",
        "Consejo Permanente",
        "Conselho Permanente",
    ),
    _b(
        "csh",
        "CSH",
        "Commission sur la sécurité continentale",
        "Committee on Hemispheric Security",
        "Comisión de Seguridad Hemisférica",
        "Comissão de Segurança Hemisférica",
        parent="cp",
    ),
    _b(
        "cajp",
        "CAJP",
        "Commission des questions juridiques et politiques",
        "Committee on Juridical and Political Affairs",
        "Comisión de Asuntos Jurídicos y Políticos",
        "Comissão de Assuntos Jurídicos e Políticos",
        parent="cp",
    ),
    _b(
        "cidi",
        "CIDI",
        "Conseil interaméricain pour le développement intégré",
        "Inter-American Council for Integral Development",
        "Consejo Interamericano para el Desarrollo Integral",
        "Conselho Interamericano de Desenvolvimento Integral",
    ),
    _b(
        "sedi",
        "SEDI",
        "Secrétariat exécutif au développement intégré",
        "Executive Secretariat for Integral Development",
        "Secretaría Ejecutiva para el Desarrollo Integral",
        "Secretaria Executiva de Desenvolvimento Integral",
    ),
    _b(
        "ssm",
        {"fr": "SSM", "en": "SMS", "es": "SSM", "pt": "SSM"},
        "Secrétariat à la sécurité multidimensionnelle",
        "Secretariat for Multidimensional Security",
        "Secretaría de Seguridad Multidimensional",
        "Secretaria de Segurança Multidimensional",
    ),
    _b(
        "dsp",
        {"fr": "DSP", "en": "DPS", "es": "DSP", "pt": "DSP"},
        "Département de la sécurité publique",
        "Department of Public Security",
        "Departamento de Seguridad Pública",
        "Departamento de Segurança Pública",
        parent="ssm",
    ),
    _b(
        "dtoc",
        {"fr": "", "en": "DTOC", "es": "DDOT", "pt": ""},
        "Département contre la criminalité transnationale organisée",
        "Department against Transnational Organized Crime",
        "Departamento contra la Delincuencia Organizada Transnacional",
        "Departamento contra o Crime Organizado Transnacional",
        parent="ssm",
    ),
    _b(
        "saj",
        {"fr": "", "en": "SLA", "es": "SAJ", "pt": ""},
        "Secrétariat aux questions juridiques",
        "Secretariat for Legal Affairs",
        "Secretaría de Asuntos Jurídicos",
        "Secretaria de Assuntos Jurídicos",
    ),
    _b(
        "jid",
        {"fr": "JID", "en": "IADB", "es": "JID", "pt": "JID"},
        "Organisation interaméricaine de défense",
        "Inter-American Defense Board",
        "Junta Interamericana de Defensa",
        "Junta Interamericana de Defesa",
        aliases=("Junte interaméricaine de défense",),
    ),
    _b(
        "cid",
        {"fr": "CID", "en": "IADC", "es": "CID", "pt": "CID"},
        "Collège interaméricain de défense",
        "Inter-American Defense College",
        "Colegio Interamericano de Defensa",
        "Colégio Interamericano de Defesa",
        parent="jid",
    ),
    _b(
        "cicte",
        "CICTE",
        "Comité interaméricain contre le terrorisme",
        "Inter-American Committee against Terrorism",
        "Comité Interamericano contra el Terrorismo",
        "Comitê Interamericano contra o Terrorismo",
    ),
    _b(
        "cicad",
        "CICAD",
        "Commission interaméricaine de lutte contre l’abus des drogues",
        "Inter-American Drug Abuse Control Commission",
        "Comisión Interamericana para el Control del Abuso de Drogas",
        "Comissão Interamericana para o Controle do Abuso de Drogas",
    ),
    _b(
        "gelavex",
        "GELAVEX",
        "Groupe d’experts contre le blanchiment d’avoirs",
        "Group of Experts for the Control of Money Laundering",
        "Grupo de Expertos para el Control del Lavado de Activos",
        "Grupo de Especialistas para o Controle da Lavagem de Ativos",
        parent="cicad",
    ),
    _b(
        "aicma",
        "AICMA",
        "Programme d’action intégrale contre les mines antipersonnel",
        "Comprehensive Action against Antipersonnel Mines Program",
        "Programa de Acción Integral contra las Minas Antipersonal",
        "Programa de Ação Integral contra as Minas Antipessoal",
    ),
    _b(
        "iin",
        "IIN",
        "Institut interaméricain de l’enfance et de l’adolescence",
        "Inter-American Children's Institute",
        "Instituto Interamericano del Niño, la Niña y Adolescentes",
        "Instituto Interamericano da Criança e do Adolescente",
    ),
    _b(
        "cidh",
        {"fr": "CIDH", "en": "IACHR", "es": "CIDH", "pt": "CIDH"},
        "Commission interaméricaine des droits de l’homme",
        "Inter-American Commission on Human Rights",
        "Comisión Interamericana de Derechos Humanos",
        "Comissão Interamericana de Direitos Humanos",
    ),
    _b(
        "mispa",
        "MISPA",
        "Réunion des ministres en matière de sécurité publique des Amériques",
        "Meeting of Ministers Responsible for Public Security in the Americas",
        "Reunión de Ministros en Materia de Seguridad Pública de las Américas",
        "Reunião de Ministros em Matéria de Segurança Pública das Américas",
    ),
    _b(
        "remja",
        "REMJA",
        "Réunion des ministres de la justice ou autres ministres ou procureurs généraux des Amériques",
        "Meeting of Ministers of Justice or Other Ministers or Attorneys General of the Americas",
        "Reunión de Ministros de Justicia u Otros Ministros, Procuradores o Fiscales Generales de las Américas",
        "Reunião de Ministros da Justiça ou de Ministros ou Procuradores-Gerais das Américas",
    ),
    _b(
        "cifta",
        "CIFTA",
        "Convention interaméricaine contre la fabrication et le trafic illicites d’armes à feu, de munitions, d’explosifs et d’autres matériels connexes",
        "Inter-American Convention against the Illicit Manufacturing of and Trafficking in Firearms, Ammunition, Explosives, and Other Related Materials",
        "Convención Interamericana contra la Fabricación y el Tráfico Ilícitos de Armas de Fuego, Municiones, Explosivos y Otros Materiales Relacionados",
        "Convenção Interamericana contra a Fabricação e o Tráfico Ilícitos de Armas de Fogo, Munições, Explosivos e Outros Materiais Correlatos",
    ),
    _b(
        "citaac",
        "CITAAC",
        "Convention interaméricaine sur la transparence de l’acquisition d’armes classiques",
        "Inter-American Convention on Transparency in Conventional Weapons Acquisitions",
        "Convención Interamericana sobre Transparencia en las Adquisiciones de Armas Convencionales",
        "Convenção Interamericana sobre Transparência nas Aquisições de Armas Convencionais",
    ),
    _b(
        "cmda",
        "CMDA",
        "Conférence des ministres de la défense des Amériques",
        "Conference of Defense Ministers of the Americas",
        "Conferencia de Ministros de Defensa de las Américas",
        "Conferência de Ministros da Defesa das Américas",
    ),
)

BY_ID = {body.id: body for body in KNOWN_BODIES}
