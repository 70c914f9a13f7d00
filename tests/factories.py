"""Ready-made valid plans for tests: ``build_plan(meetings=N)`` uses every kind of plan object.

Plain Python (no Django), so tests of the checks and renderers can use it too.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from comitia.plan import (
    Activity,
    AgendaKind,
    AgendaNode,
    Appropriation,
    Body,
    Citation,
    ClaimedCount,
    Convention,
    CountClaim,
    Frequency,
    Language,
    Mandate,
    MandateGroup,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Milestone,
    MilestoneKind,
    Move,
    Negotiation,
    NonMeetingDay,
    Officer,
    OfficerRole,
    Paragraph,
    ParagraphKind,
    Parties,
    Plan,
    PlanDocument,
    ReportingObligation,
    RequestedEvent,
    Resolution,
    ResolutionSection,
    ResolutionState,
    Submission,
    SummaryClaim,
    Text,
)
from comitia.plan.entities import Term, ThematicArea

TERM_START = dt.date(2019, 10, 1)


def text(fr: str, **translations: str) -> Text:
    """French text (the original) with optional translations, such as ``en="..."``."""
    return Text.of("fr", fr, **translations)


def agenda(index: int) -> list[AgendaNode]:
    """An agenda three levels deep: an area, a topic under it, two items under the topic."""
    return [
        AgendaNode(
            kind=AgendaKind.AREA,
            area="security",
            items=[
                AgendaNode(
                    kind=AgendaKind.TOPIC,
                    title=text(f"Sujet {index}", en=f"Topic {index}"),
                    presenters=["ssm", "csh"],
                    citations=[Citation(mandate="res-2945", paragraphs=["5", "9-14"])],
                    items=[
                        AgendaNode(
                            title=text(f"Point {index}.1"),
                            documents=[f"CP/CSH-{1900 + index}/19"],
                            notes=[text("Présentation", en="Presentation")],
                        ),
                        AgendaNode(
                            title=Text.of("en", f"Item {index}.2", fr=f"Point {index}.2"),
                            citations=[Citation(symbol="CP/RES. 1061/16", article="3")],
                        ),
                    ],
                )
            ],
        ),
        AgendaNode(kind=AgendaKind.ITEM, title=text("Autres questions", en="Other business")),
    ]


def meetings(count: int) -> list[Meeting]:
    return [
        Meeting(
            id=f"m{index}",
            date=TERM_START + dt.timedelta(days=index % 360),
            start=dt.time(10, 0),
            end=dt.time(13, 0) if index % 2 else dt.time(17, 30),
            kind=MeetingKind.SPECIAL if index % 5 == 4 else MeetingKind.REGULAR,
            status=MeetingStatus.HELD if index % 7 == 0 else MeetingStatus.SCHEDULED,
            provisional=index % 3 == 0,
            previous_dates=[TERM_START - dt.timedelta(days=2), TERM_START - dt.timedelta(days=1)]
            if index % 4 == 1
            else [],
            moves=[
                Move(
                    date=TERM_START - dt.timedelta(days=1),
                    reason=text("Coïncide avec une session du Conseil permanent"),
                    recorded_at=dt.datetime(2019, 9, 20, 15, 30, tzinfo=dt.UTC),
                )
            ]
            if index % 4 == 1
            else [],
            sequence=index % 3,
            title=text(f"Réunion {index}") if index % 2 else None,
            venue=Text.of("es", "Salón Simón Bolívar", en="Simon Bolivar Room") if index else None,
            agenda=agenda(index),
            notes=[text("Réunion conjointe")] if index % 6 == 5 else [],
        )
        for index in range(count)
    ]


def build_plan(meetings_count: int = 3, *, label: str = "2019-2020") -> Plan:
    """A valid plan of the CSH with ``meetings_count`` meetings and one of everything else."""
    return Plan(
        language=Language.FR,
        languages=[Language.FR, Language.EN, Language.ES],
        term=Term(
            committee="csh",
            label=label,
            start=TERM_START,
            end=dt.date(2020, 9, 30),
            installed_on=dt.date(2019, 10, 3),
            installed_by="cp",
        ),
        document=PlanDocument(
            title=text("Plan de travail", en="Work plan"),
            symbol="CP/CSH-1933/19 rev. 2",
            revision=2,
            approved_on=dt.date(2019, 11, 7),
            approved_by="csh",
        ),
        bodies=[
            Body(id="cp", name=text("Conseil permanent", en="Permanent Council")),
            Body(
                id="csh",
                acronym=text("CSH"),
                name=text("Commission sur la sécurité continentale"),
                parent="cp",
            ),
            Body(id="sg", name=text("Secrétariat général")),
            Body(
                id="ssm",
                acronym=text("SSM"),
                name=text("Secrétariat à la sécurité multidimensionnelle"),
                parent="sg",
            ),
        ],
        officers=[
            Officer(
                role=OfficerRole.CHAIR,
                person="José Manuel Boza Orozco",
                honorific=text("Ambassadeur"),
                position=text("Représentant permanent du Pérou près l’OEA"),
                state="PE",
                elected_on=dt.date(2019, 10, 3),
                elected_by="cp",
            ),
            Officer(
                role=OfficerRole.FIRST_VICE_CHAIR,
                person="Jane Doe",
                state="CA",
                elected_on=dt.date(2019, 10, 10),
                elected_by="csh",
            ),
        ],
        thematic_areas=[
            ThematicArea(id="security", number=1, title=text("Sécurité", en="Security")),
            ThematicArea(id="arms", number=2, title=text("Armes")),
        ],
        mandates=[
            Mandate(
                id="res-2945",
                group=MandateGroup.GENERAL_ASSEMBLY,
                title=text("Promotion de la sécurité hémisphérique"),
                source="AG/RES. 2945 (XLIX-O/19)",
                article="ii",
                body="ssm",
                area="security",
                excluded_paragraphs=["72", "81"],
                notes=[text("Paragraphes confiés à d'autres organes")],
            ),
            Mandate(
                id="charter",
                group=MandateGroup.CHARTER,
                title=text("Charte"),
                source="Charte de l'OEA",
            ),
        ],
        requested_events=[
            RequestedEvent(
                id="ev-mines",
                title=text("Réunion sur les mines"),
                when="2020-33?",
                meeting="m0" if meetings_count else None,
                citations=[Citation(mandate="res-2945", paragraphs=["12"])],
            ),
            RequestedEvent(
                id="ev-tbc",
                title=text("Dialogue"),
                when="XXXX",
                venue=text("Lima"),
                activity="act-cicte",
            ),
        ],
        meetings=meetings(meetings_count),
        activities=[
            Activity(
                id="act-cicte",
                title=text("Session du CICTE", en="CICTE session"),
                body="ssm",
                when="2020-03",
                venue=text("Washington"),
                citations=[Citation(symbol="CP/doc.5545/19 rev. 1")],
            ),
            Activity(
                id="act-mispa",
                title=text("MISPA"),
                when="{2019-11-04,2019-11-06}?",
                start=dt.time(9, 0),
                end=dt.time(18, 0),
                notes=[text("Date à confirmer")],
            ),
            Activity(id="act-tbc", title=text("Atelier"), when="XXXX"),
            Activity(id="act-sem", title=text("Cours"), when="2020-40"),
        ],
        non_meeting_days=[
            NonMeetingDay(date=dt.date(2019, 11, 28), name=text("Thanksgiving")),
            NonMeetingDay(date=dt.date(2020, 4, 9), name=text("Jeudi saint")),
        ],
        obligations=[
            ReportingObligation(
                id="citaac",
                title=text("Rapport CITAAC"),
                frequency=Frequency.YEARLY,
                due="--06-15",
                parties=Parties.STATES_PARTIES,
                convention="convention-citaac",
                request=[text("Informer des acquisitions")],
                basis=["AG/RES. 2945 (XLIX-O/19)"],
                channel="https://www.oas.org/csh",
                remind_before=[30, 7],
                remind_after=[],
                submissions=[
                    Submission(state="PE", date=dt.date(2020, 6, 1), reference="note 7-5-M/123"),
                    Submission(
                        state="CA",
                        date=dt.date(2020, 6, 10),
                        cycle=2019,
                        link="https://example.org/ca-2019.pdf",
                        language=Language.EN,
                    ),
                ],
            ),
            ReportingObligation(
                id="pnc", title=text("Point de contact"), frequency=Frequency.STANDING
            ),
            ReportingObligation(
                id="biennal",
                title=text("Rapport biennal"),
                frequency=Frequency.BIENNIAL,
                due="--10-01",
                reference_year=2012,
                remind_after=[1, 30],
            ),
        ],
        conventions=[
            # Illustrative: an example list of states parties, not the convention's real one.
            Convention(
                id="convention-citaac",
                title=text("Convention CITAAC"),
                states_parties=["PE", "CA", "MX"],
                illustrative=True,
            ),
        ],
        appropriations=[
            Appropriation(
                id="budget-2020",
                period="2020",
                amount=Decimal("126200"),
                basis="AG/RES. 1 (LIII-E/18) rev. 1",
                basis_title=text("Programme-budget"),
                approved_by="cp",
                notes=[text("Pour les réunions")],
            ),
            Appropriation(
                id="budget-s1",
                period="2019-41",
                amount=Decimal("1500.50"),
                currency="EUR",
                basis="CP/RES. 1061/16",
            ),
        ],
        negotiation=Negotiation(
            title=text("Résolution omnibus"),
            starts="2020-01?",
            milestones=[
                Milestone(
                    id="draft",
                    kind=MilestoneKind.FIRST_DRAFT,
                    title=text("Premier projet"),
                    when="2020-02",
                    meeting="m0" if meetings_count else None,
                ),
                Milestone(
                    id="adopt",
                    kind=MilestoneKind.ADOPTION,
                    title=text("Adoption"),
                    half_day_sessions=0,
                    full_day_sessions=2,
                ),
            ],
        ),
        summary_claims=[
            SummaryClaim(
                when="2019-11-21", title=text("Réunion ordinaire de la CSH"), committee=True
            ),
            SummaryClaim(
                when="2019-12-17/2019-12-20",
                title=text("Séminaire sur les droits de la personne (CID)"),
                committee=False,
                line=612,
            ),
        ],
        count_claims=[
            CountClaim(
                counts=ClaimedCount.REGULAR_MEETINGS,
                number=13,
                text=text("Le calendrier comprend 13 réunions ordinaires."),
                line=12,
            )
        ],
    )


def _resolutions() -> tuple[Mandate, list[Resolution]]:
    """An adopted resolution with the mandate that comes from it, and a draft: every field of
    resolutions set somewhere, texts in an original language other than the plan's."""
    adopted = Resolution(
        id="ag-res-2925",
        symbol="AG/RES. 2925 (XLVIII-O/18)",
        title=Text.of("es", "Avanzando hacia la seguridad hemisférica", fr="Promotion"),
        state=ResolutionState.ADOPTED,
        adopted_on=dt.date(2018, 6, 5),
        sections=[
            ResolutionSection(id="preambule"),
            ResolutionSection(id="arms", area="arms", title=text("Armes")),
        ],
        paragraphs=[
            Paragraph(
                number="1", kind=ParagraphKind.PREAMBULAR, section="preambule", text=text("R")
            ),
            Paragraph(number="29", section="arms", subject=text("Groupe de travail")),
            Paragraph(number="30", section="arms", assigned_to="cp"),
        ],
    )
    draft = Resolution.model_validate(
        {
            "id": "draft-2020",
            "document_symbol": "CP/CSH-2020/20",
            "revision": 3,
            "title": {"en": "Draft", "fr": "Projet"},
            "state": "draft",
            "sections": [{"id": "security", "area": "security"}],
            "paragraphs": [
                {
                    "number": "3 bis",
                    "section": "security",
                    "text": {"es": "Alentar [[instar]] a", "en": "Encourage [[urge]]"},
                    "subparagraphs": [
                        {"letter": "a", "text": {"pt": "primeiro", "en": "first"}},
                        {"letter": "b", "text": {"fr": "[[second]]"}},
                    ],
                    "footnotes": [{"mark": "*", "text": {"en": "A reservation", "es": "Reserva"}}],
                    "leads": ["PE", "CA"],
                    "status": "agreed_ad_referendum",
                    "assigned_to": "ssm",
                    "from": {"symbol": "AG/RES. 2925 (XLVIII-O/18)", "number": "29"},
                }
            ],
        }
    )
    mandate = Mandate(
        id="res-2925",
        group=MandateGroup.GENERAL_ASSEMBLY,
        title=text("Suivi de la résolution AG/RES. 2925"),
        source="AG/RES. 2925 (XLVIII-O/18)",
        resolution="ag-res-2925",
        excluded_paragraphs=["30"],
    )
    return mandate, [adopted, draft]


def with_resolutions(plan: Plan) -> Plan:
    """``plan`` with an adopted resolution (and the mandate that comes from it) and a draft."""
    mandate, held = _resolutions()
    return Plan.model_validate(
        plan.model_copy(
            update={"mandates": [*plan.mandates, mandate], "resolutions": held}
        ).model_dump()
    )
