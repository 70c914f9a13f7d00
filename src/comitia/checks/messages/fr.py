"""French wording of findings."""

# Templates are data, one a line, so that translators compare languages line by line.
# ruff: noqa: E501

LABELS = {
    "hint": "conseil :",
    "summary": "{errors} erreur(s), {warnings} avertissement(s), {infos} information(s)",
    "committee_meetings": "réunions de la Commission",
    "regular_meetings": "réunions ordinaires",
    "ga_requested_meetings": "réunions demandées par l’Assemblée générale",
    "half_day_sessions": "réunions d’une demi-journée",
    "full_day_sessions": "réunions de toute la journée",
    "error": "erreur",
    "warning": "avertissement",
    "info": "information",
    "yearly": "annuelle",
    "biennial": "biennale",
    "voluntary": "volontaire",
    "standing": "permanente",
    "preambular": "du préambule",
    "operative": "du dispositif",
    "proposed": "proposé",
    "informal_consultations": "en consultations informelles",
    "agreed_ad_referendum": "convenu ad referendum",
    "pending": "en suspens",
    "none": "sans statut",
    "fr": "le français",
    "en": "l’anglais",
    "es": "l’espagnol",
    "pt": "le portugais",
}

MESSAGES = {
    "BUD001": {
        "message": "Le coût prévu des réunions de la période {period} ({planned}) dépasse de {over} l’allocation de la résolution {basis} ({appropriation}).",
        "hint": "Déplacez, raccourcissez ou annulez des réunions de la période {period}, ou indiquez qui prend en charge certaines d’entre elles.",
    },
    "BUD002": {
        "message": "La réunion du {date} n’a pas de taux de coût pour la période {period} : son coût n’est pas compté.",
        "message.period": "La réunion du {date} ne relève d’aucune période budgétaire dotée d’une allocation : son coût n’est compté nulle part.",
        "hint": "Ajoutez les taux de la période (cost_rates) ou indiquez le coût de la réunion (costing.override).",
        "hint.period": "Ajoutez l’allocation de sa période, ou indiquez qui prend en charge la réunion (costing.paid_by).",
    },
    "CLM001": {
        "message": "Le résumé mentionne une réunion de la Commission le {date} ({title}) que le calendrier ne contient pas.",
        "hint": "Ajoutez la réunion au calendrier ou retirez-la du résumé.",
        "hint.moved": "La réunion du {meeting} était initialement prévue ce jour-là : le résumé garde l’ancienne date. Dérivez le résumé du calendrier.",
    },
    "CLM002": {
        "message": "Le calendrier contient une réunion de la Commission le {date} que le résumé ne mentionne pas.",
        "hint": "Ajoutez la réunion au résumé (mieux : dérivez le résumé du calendrier).",
    },
    "CLM003": {
        "message": "Le résumé date « {title} » {claimed}, le calendrier {actual}.",
        "hint": "Vérifiez quelle date est la bonne et corrigez l’autre.",
    },
    "CLM004": {
        "message": "Le résumé mentionne « {title} » ({claimed}), qui ne correspond à rien dans le calendrier.",
        "hint": "Ajoutez l’événement au calendrier ou retirez-le du résumé.",
    },
    "CLM005": {
        "message": "« {title} » le {date} est provisoire dans le calendrier mais pas dans le résumé.",
        "message.added": "« {title} » le {date} est provisoire dans le résumé mais pas dans le calendrier.",
        "hint": "Marquez la date de la même façon aux deux endroits : une date provisoire doit l’indiquer partout où elle est imprimée.",
    },
    "CLM006": {
        "message": "Le document annonce {claimed} {what}, le calendrier en compte {actual}.",
        "hint": "Corrigez la phrase « {text} » ; mieux vaut dériver les nombres du calendrier.",
        "hint.requested": "Corrigez la phrase « {text} ». Événements demandés par l’Assemblée générale : {requested} ; tenus comme activités d’autres organes, non comme réunions de la Commission : {activities}.",
    },
    "DAT001": {
        "message": "La réunion du {date} est hors de la période ({start} – {end}).",
        "hint": "Déplacez la réunion dans la période ou corrigez les dates de la période.",
    },
    "DAT002": {
        "message": "« {title} » ({when}) tombe hors de la période ({start} – {end}).",
        "hint": "Vérifiez la date ; un événement postérieur à la période relève du plan suivant.",
    },
    "DAT003": {
        "message": "La réunion du {date} tombe un jour sans réunion ({name}).",
        "hint": "Déplacez la réunion à un autre jour.",
    },
    "DAT004": {
        "message": "La réunion du {date} tombe un week-end.",
        "hint": "Vérifiez la date : la Commission se réunit normalement en semaine.",
    },
    "DAT005": {
        "message": "Deux réunions de la Commission se chevauchent le {date} : {first} et {second}.",
        "hint": "Déplacez l’une d’elles ou changez leurs horaires.",
    },
    "DAT006": {
        "message": "La réunion du {date} a besoin de {body}, qui tient « {title} » le même jour.",
        "hint": "Vérifiez que {body} peut y assister, ou déplacez le point ou la réunion.",
    },
    "DAT007": {
        "message": "« {title} » ({when}) semble figurer deux fois (aussi sous « {other} »).",
        "hint": "Supprimez l’une des deux entrées.",
    },
    "DAT008": {
        "message": "La réunion du {date} compte sa propre date parmi ses dates antérieures.",
        "hint": "Une date antérieure est celle pour laquelle la réunion était prévue avant d’être déplacée : supprimez celle-ci.",
    },
    "DAT009": {
        "message": "La réunion du {date} a été déplacée du {previous}, mais une autre réunion est toujours prévue le {previous}.",
        "hint": "Vérifiez la note sur le déplacement : si la réunion du {previous} est nouvelle, dites-le ; sinon corrigez la date antérieure.",
    },
    "DAT010": {
        "message": "La réunion du {date} est encore provisoire, dans {days} jours (moins de {weeks} semaines).",
        "hint": "Confirmez la date ou déplacez la réunion, pour que les délégations puissent s’organiser.",
    },
    "WDY001": {
        "message": "Le texte « {text} » donne un jour de la semaine erroné : il s’agit du {weekday}.",
        "hint": "Corrigez le jour de la semaine ou la date.",
    },
    "REF001": {
        "message": "Un point de l’ordre du jour de la réunion du {date} cite le paragraphe {paragraph} de {source}, confié à d’autres organes.",
        "message.other": "« {title} » cite le paragraphe {paragraph} de {source}, confié à d’autres organes.",
        "hint": "Retirez la citation ou corrigez le numéro du paragraphe.",
    },
    "REF002": {
        "message": "Une citation donne « {paragraph} » comme paragraphe, ce qui n’est pas un numéro de paragraphe.",
        "hint": "Écrivez un paragraphe comme un nombre (12), un nombre et une lettre (12 bis, 12a) ou un intervalle (9-14).",
    },
    "REF003": {
        "message": "Le point « {title} » du {date} nomme {acronym} comme présentateur, qui n’est pas un organe connu.",
        "hint": "Corrigez le sigle dans le titre ou ajoutez l’organe au plan.",
    },
    "REF004": {
        "message": "La cote de document « {symbol} » est mal formée.",
        "message.year": "La cote de document « {symbol} » porte une année impossible.",
        "message.session": "La cote de document « {symbol} » : le numéro de session ne correspond pas à l’année.",
        "hint": "Écrivez les cotes comme l’Organisation, par exemple CP/CSH-1933/19 rev. 2 ou AG/RES. 2945 (XLIX-O/19).",
    },
    "COV001": {
        "message": "Aucune réunion ne traite le mandat « {title} ».",
        "hint": "Ajoutez un point de l’ordre du jour qui cite le mandat, ou notez pourquoi il ne demande pas de réunion.",
    },
    "COV002": {
        "message": "Aucune réunion ne présente le rapport annuel de {body} dû en vertu de la Charte ({source}, article {article}).",
        "hint": "Ajoutez à l’ordre du jour d’une réunion un point qui cite ce mandat.",
    },
    "COV003": {
        "message": "L’obligation de rapport « {title} » n’a pas de date pour le rappel aux États.",
        "hint": "Une obligation {frequency} est due tous les deux ans à partir de son année de référence : indiquez son année de référence (reference_year) dans le plan, ou traitez-la comme volontaire.",
    },
    "COV004": {
        "message": "L’obligation de rapport « {title} » incombe aux États parties à une convention, mais aucune liste des États parties n’est enregistrée : aucun État n’apparaît comme redevable ni ne reçoit de rappel.",
        "hint": "Saisissez la liste des États parties à la convention (conventions, states_parties), ou marquez une liste d’exemple comme illustrative.",
    },
    "RES001": {
        "message": "Aucune réunion ne traite des paragraphes {numbers} de la résolution {resolution} : {covered} des {total} paragraphes que suit la Commission sont traités.",
        "hint": "Ajoutez des points de l’ordre du jour qui citent ces paragraphes, ou indiquez pourquoi ils ne demandent aucune réunion.",
    },
    "RES002": {
        "message": "Le paragraphe {number} {kind} du projet {resolution} n’a pas de délégation chef de file.",
        "hint": "Indiquez la délégation qui a proposé le paragraphe et en conduit la négociation (leads).",
    },
    "RES003": {
        "message": "L’examen formel s’est achevé le {date}, mais le paragraphe {number} {kind} du projet {resolution} est toujours {status}.",
        "hint": "Enregistrez le paragraphe comme convenu ou retiré, ou prévoyez une autre séance d’examen formel.",
    },
    "RES004": {
        "message": "La section « {section} » du projet {resolution} ne contient aucun paragraphe.",
        "hint": "Ajoutez les paragraphes de la section, ou supprimez-la.",
    },
    "NEG001": {
        "message": "La première mouture ({draft}) est prévue avant la méthodologie de la négociation ({methodology}).",
        "hint": "Présentez d’abord la méthodologie, puis la première mouture.",
    },
    "NEG002": {
        "message": "L’examen formel ({review}) commence avant la présentation de la première mouture ({draft}).",
        "hint": "Présentez la première mouture avant le début de l’examen formel.",
    },
    "NEG003": {
        "message": "Le plan de négociation annonce {planned} {what} pour l’examen formel ({when}), le calendrier en compte {actual}.",
        "hint": "Ajoutez les réunions manquantes au calendrier ou corrigez le plan.",
    },
    "NEG004": {
        "message": "L’étape « {title} » est datée {when}, mais sa réunion a lieu le {date}.",
        "hint": "Corrigez la date de l’étape ou la réunion qu’elle nomme.",
    },
    "NEG005": {
        "message": "La réunion du {date} traite « {title} » pendant l’examen formel du projet de résolution ({when}).",
        "hint": "La période de l’examen formel est réservée au projet de résolution : déplacez le point, ou indiquez dans le plan que la période n’est pas exclusive.",
    },
    "REQ001": {
        "message": "« {title} » est annoncé pour {stated}, mais a lieu {actual}.",
        "hint": "Corrigez la date annoncée.",
        "hint.moved": "La réunion a été déplacée du {stated} : mettez à jour la date annoncée dans la méthodologie.",
    },
    "PLS001": {
        "message": "Ce qui est prévu le {date} dure de {start} à {end} ({hours} heures), plus qu’une journée de travail.",
        "hint": "Vérifiez les heures : une heure du matin a pu être lue comme une heure de l’après-midi, ou l’événement dure plusieurs jours.",
    },
    "PLS002": {
        "message": "Ce qui est prévu le {date} commence à {start}, avant 07:00 ou après 21:00.",
        "hint": "Vérifiez l’heure : le matin et l’après-midi (a.m. et p.m.) ont pu être confondus.",
    },
    "PLS003": {
        "message": "Le titre « {title} » n’est qu’un nombre ou une date.",
        "hint": "Donnez à la réunion, au point ou à l’activité le titre que lui donne le document ; un nombre ou une date lu comme titre vient souvent d’une colonne de tableau.",
    },
    "ORG001": {
        "message": "La {room} est réservée deux fois le {date} : cette réunion ({start}–{end}) et une réunion de la {other} ({other_start}–{other_end}).",
        "message.hidden": "La {room} est réservée deux fois le {date} : cette réunion ({start}–{end}) et une réunion qui n’est pas encore publiée ({other_start}–{other_end}).",
        "hint": "Déplacez l’une des réunions, ou tenez-la dans une autre salle.",
    },
    "ORG002": {
        "message": "L’équipe d’interprètes « {team} » est réservée deux fois le {date} : cette réunion ({start}–{end}) et une réunion de la {other} ({other_start}–{other_end}).",
        "message.hidden": "L’équipe d’interprètes « {team} » est réservée deux fois le {date} : cette réunion ({start}–{end}) et une réunion qui n’est pas encore publiée ({other_start}–{other_end}).",
        "hint": "Déplacez l’une des réunions, ou réservez une autre équipe.",
    },
    "ORG003": {
        "message": "L’équipe d’interprètes « {team} » est réservée pour {count} réunions le {date} ; elle en assure {limit} par jour.",
        "hint": "Déplacez une réunion à un autre jour, ou réservez-lui une autre équipe.",
    },
    "ORG004": {
        "message": "La réunion du {date} se tient dans la {room}, qui n’a pas de cabine pour {missing}.",
        "hint": "Tenez-la dans une salle dotée de cabines pour toutes ses langues, ou dans moins de langues.",
    },
    "ORG005": {
        "message": "La réunion du {date} est interprétée par l’équipe « {team} », qui n’interprète pas {missing}.",
        "hint": "Réservez une équipe qui interprète toutes les langues de la réunion.",
    },
    "ORG006": {
        "message": "La réunion du {date} se tient dans la {room}, indisponible ce jour-là.",
        "message.team": "La réunion du {date} est interprétée par l’équipe « {team} », indisponible ce jour-là.",
        "hint": "Déplacez la réunion, ou réservez une autre salle ou une autre équipe.",
    },
    "ORG007": {
        "message": "La réunion du {date} nomme la salle « {id} », que {organization} n’a pas.",
        "message.team": "La réunion du {date} nomme l’équipe d’interprètes {id}, que {organization} n’a pas.",
        "hint": "Corrigez l’identifiant, ou ajoutez la salle ou l’équipe au fichier de l’organisation.",
    },
}
