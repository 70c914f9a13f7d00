"""Spanish wording of findings."""

# Templates are data, one a line, so that translators compare languages line by line.
# ruff: noqa: E501

LABELS = {
    "hint": "sugerencia:",
    "summary": "{errors} error(es), {warnings} advertencia(s), {infos} información(es)",
    "committee_meetings": "reuniones de la Comisión",
    "regular_meetings": "reuniones ordinarias",
    "ga_requested_meetings": "reuniones solicitadas por la Asamblea General",
    "half_day_sessions": "sesiones de medio día",
    "full_day_sessions": "sesiones de día completo",
    "error": "error",
    "warning": "advertencia",
    "info": "información",
    "yearly": "anual",
    "biennial": "bienal",
    "voluntary": "voluntaria",
    "standing": "permanente",
    "preambular": "del preámbulo",
    "operative": "de la parte resolutiva",
    "proposed": "propuesto",
    "informal_consultations": "en consultas informales",
    "agreed_ad_referendum": "acordado ad referéndum",
    "pending": "pendiente",
    "none": "sin estado",
    "fr": "francés",
    "en": "inglés",
    "es": "español",
    "pt": "portugués",
}

MESSAGES = {
    "BUD001": {
        "message": "El costo previsto de las reuniones del período {period} ({planned}) supera en {over} la asignación de la resolución {basis} ({appropriation}).",
        "hint": "Traslade, acorte o cancele reuniones del período {period}, o indique quién sufraga algunas de ellas.",
    },
    "BUD002": {
        "message": "La reunión del {date} no tiene tarifa de costo para el período {period}: su costo no se cuenta.",
        "message.period": "La reunión del {date} no corresponde a ningún período presupuestario con asignación: su costo no se cuenta en ninguno.",
        "hint": "Agregue las tarifas del período (cost_rates) o indique el costo de la reunión (costing.override).",
        "hint.period": "Agregue la asignación de su período, o indique quién sufraga la reunión (costing.paid_by).",
    },
    "CLM001": {
        "message": "El resumen menciona una reunión de la Comisión el {date} ({title}) que el calendario no tiene.",
        "hint": "Agregue la reunión al calendario o retírela del resumen.",
        "hint.moved": "La reunión del {meeting} estaba prevista inicialmente para ese día: el resumen conserva la fecha anterior. Derive el resumen del calendario.",
    },
    "CLM002": {
        "message": "El calendario tiene una reunión de la Comisión el {date} que el resumen no menciona.",
        "hint": "Agregue la reunión al resumen (mejor: derive el resumen del calendario).",
    },
    "CLM003": {
        "message": "El resumen fecha «{title}» {claimed}, el calendario {actual}.",
        "hint": "Averigüe qué fecha es la correcta y corrija la otra.",
    },
    "CLM004": {
        "message": "El resumen menciona «{title}» ({claimed}), que no corresponde a nada del calendario.",
        "hint": "Agregue el evento al calendario o retírelo del resumen.",
    },
    "CLM005": {
        "message": "«{title}» el {date} es provisional en el calendario pero no en el resumen.",
        "message.added": "«{title}» el {date} es provisional en el resumen pero no en el calendario.",
        "hint": "Marque la fecha igual en ambos lugares: una fecha provisional debe indicarlo dondequiera que se imprima.",
    },
    "CLM006": {
        "message": "El documento indica {claimed} {what}, el calendario tiene {actual}.",
        "hint": "Corrija la frase «{text}»; conviene derivar los números del calendario.",
        "hint.requested": "Corrija la frase «{text}». Eventos solicitados por la Asamblea General: {requested}; celebrados como actividades de otros órganos, no como reuniones de la Comisión: {activities}.",
    },
    "DAT001": {
        "message": "La reunión del {date} está fuera del período ({start} – {end}).",
        "hint": "Traslade la reunión dentro del período o corrija las fechas del período.",
    },
    "DAT002": {
        "message": "«{title}» ({when}) cae fuera del período ({start} – {end}).",
        "hint": "Verifique la fecha; un evento posterior al período corresponde al plan siguiente.",
    },
    "DAT003": {
        "message": "La reunión del {date} cae en un día sin reuniones ({name}).",
        "hint": "Traslade la reunión a otro día.",
    },
    "DAT004": {
        "message": "La reunión del {date} cae en fin de semana.",
        "hint": "Verifique la fecha: la Comisión suele reunirse en días hábiles.",
    },
    "DAT005": {
        "message": "Dos reuniones de la Comisión se superponen el {date}: {first} y {second}.",
        "hint": "Traslade una de ellas o cambie sus horarios.",
    },
    "DAT006": {
        "message": "La reunión del {date} necesita a {body}, que celebra «{title}» el mismo día.",
        "hint": "Verifique que {body} pueda asistir, o traslade el tema o la reunión.",
    },
    "DAT007": {
        "message": "«{title}» ({when}) parece figurar dos veces (también como «{other}»).",
        "hint": "Elimine una de las dos entradas.",
    },
    "DAT008": {
        "message": "La reunión del {date} incluye su propia fecha entre sus fechas anteriores.",
        "hint": "Una fecha anterior es la fecha prevista antes del traslado: elimine esta.",
    },
    "DAT009": {
        "message": "La reunión del {date} se trasladó del {previous}, pero sigue prevista otra reunión el {previous}.",
        "hint": "Verifique la nota sobre el traslado: si la reunión del {previous} es nueva, indíquelo; si no, corrija la fecha anterior.",
    },
    "DAT010": {
        "message": "La reunión del {date} sigue siendo provisional, dentro de {days} días (menos de {weeks} semanas).",
        "hint": "Confirme la fecha o traslade la reunión, para que las delegaciones puedan organizarse.",
    },
    "WDY001": {
        "message": "El texto «{text}» da un día de la semana erróneo: se trata del {weekday}.",
        "hint": "Corrija el día de la semana o la fecha.",
    },
    "REF001": {
        "message": "Un tema del orden del día de la reunión del {date} cita el párrafo {paragraph} de {source}, asignado a otros órganos.",
        "message.other": "«{title}» cita el párrafo {paragraph} de {source}, asignado a otros órganos.",
        "hint": "Retire la cita o corrija el número de párrafo.",
    },
    "REF002": {
        "message": "Una cita da «{paragraph}» como párrafo, lo que no es un número de párrafo.",
        "hint": "Escriba un párrafo como un número (12), un número y una letra (12 bis, 12a) o un intervalo (9-14).",
    },
    "REF003": {
        "message": "El tema «{title}» del {date} nombra a {acronym} como presentador, que no es un órgano conocido.",
        "hint": "Corrija la sigla en el título o agregue el órgano al plan.",
    },
    "REF004": {
        "message": "La signatura del documento «{symbol}» está mal formada.",
        "message.year": "La signatura del documento «{symbol}» tiene un año imposible.",
        "message.session": "La signatura del documento «{symbol}»: el número de período de sesiones no corresponde al año.",
        "hint": "Escriba las signaturas como la Organización, por ejemplo CP/CSH-1933/19 rev. 2 o AG/RES. 2945 (XLIX-O/19).",
    },
    "COV001": {
        "message": "Ninguna reunión trata el mandato «{title}».",
        "hint": "Agregue un tema del orden del día que cite el mandato, o indique por qué no requiere reunión.",
    },
    "COV002": {
        "message": "Ninguna reunión presenta el informe anual de {body} previsto en la Carta ({source}, artículo {article}).",
        "hint": "Agregue al orden del día de una reunión un tema que cite este mandato.",
    },
    "COV003": {
        "message": "La obligación de informar «{title}» no tiene fecha para recordarla a los Estados.",
        "hint": "Una obligación {frequency} vence cada dos años a partir de su año de referencia: indique su año de referencia (reference_year) en el plan, o trátela como voluntaria.",
    },
    "COV004": {
        "message": "La obligación de informar «{title}» corresponde a los Estados partes de una convención, pero no hay lista de Estados partes registrada: ningún Estado figura como obligado ni recibe recordatorios.",
        "hint": "Registre la lista de Estados partes de la convención (conventions, states_parties), o marque una lista de ejemplo como ilustrativa.",
    },
    "RES001": {
        "message": "Ninguna reunión trata los párrafos {numbers} de {resolution}: {covered} de los {total} párrafos que sigue la Comisión están tratados.",
        "hint": "Agregue puntos del orden del día que citen estos párrafos, o indique por qué no requieren reunión.",
    },
    "RES002": {
        "message": "El párrafo {number} {kind} del proyecto {resolution} no tiene delegación coordinadora.",
        "hint": "Indique la delegación que propuso el párrafo y coordina su negociación (leads).",
    },
    "RES003": {
        "message": "El examen formal terminó el {date}, pero el párrafo {number} {kind} del proyecto {resolution} sigue {status}.",
        "hint": "Registre el párrafo como acordado o retirado, o programe otra sesión de examen formal.",
    },
    "RES004": {
        "message": "La sección “{section}” del proyecto {resolution} no contiene ningún párrafo.",
        "hint": "Agregue los párrafos de la sección, o elimínela.",
    },
    "NEG001": {
        "message": "El primer borrador ({draft}) está previsto antes de la metodología de la negociación ({methodology}).",
        "hint": "Presente primero la metodología y después el primer borrador.",
    },
    "NEG002": {
        "message": "La consideración formal ({review}) empieza antes de la presentación del primer borrador ({draft}).",
        "hint": "Presente el primer borrador antes de que empiece la consideración formal.",
    },
    "NEG003": {
        "message": "El plan de negociación anuncia {planned} {what} para la consideración formal ({when}), el calendario tiene {actual}.",
        "hint": "Agregue las sesiones que faltan al calendario o corrija el plan.",
    },
    "NEG004": {
        "message": "La etapa «{title}» está fechada {when}, pero su reunión es el {date}.",
        "hint": "Corrija la fecha de la etapa o la reunión que nombra.",
    },
    "NEG005": {
        "message": "La reunión del {date} trata «{title}» durante la consideración formal del proyecto de resolución ({when}).",
        "hint": "El período de consideración formal está reservado al proyecto de resolución: traslade el tema, o indique en el plan que el período no es exclusivo.",
    },
    "REQ001": {
        "message": "«{title}» está anunciado para {stated}, pero se celebra {actual}.",
        "hint": "Corrija la fecha anunciada.",
        "hint.moved": "La reunión se trasladó del {stated}: actualice la fecha anunciada en la metodología.",
    },
    "PLS001": {
        "message": "Lo previsto el {date} va de {start} a {end} ({hours} horas), más que una jornada de trabajo.",
        "hint": "Verifique los horarios: una hora de la mañana pudo leerse como de la tarde, o el evento dura varios días.",
    },
    "PLS002": {
        "message": "Lo previsto el {date} empieza a las {start}, antes de las 07:00 o después de las 21:00.",
        "hint": "Verifique la hora: pudieron confundirse a. m. y p. m.",
    },
    "PLS003": {
        "message": "El título «{title}» es solo un número o una fecha.",
        "hint": "Dé a la reunión, al tema o a la actividad el título que le da el documento; un número o una fecha leídos como título suelen venir de una columna de una tabla.",
    },
    "ORG001": {
        "message": "La {room} está reservada dos veces el {date}: esta reunión ({start}–{end}) y una reunión de la {other} ({other_start}–{other_end}).",
        "message.hidden": "La {room} está reservada dos veces el {date}: esta reunión ({start}–{end}) y una reunión aún no publicada ({other_start}–{other_end}).",
        "hint": "Traslade una de las reuniones o celébrela en otra sala.",
    },
    "ORG002": {
        "message": "El equipo de intérpretes «{team}» está reservado dos veces el {date}: esta reunión ({start}–{end}) y una reunión de la {other} ({other_start}–{other_end}).",
        "message.hidden": "El equipo de intérpretes «{team}» está reservado dos veces el {date}: esta reunión ({start}–{end}) y una reunión aún no publicada ({other_start}–{other_end}).",
        "hint": "Traslade una de las reuniones o reserve otro equipo.",
    },
    "ORG003": {
        "message": "El equipo de intérpretes «{team}» está reservado para {count} reuniones el {date}; cubre {limit} por día.",
        "hint": "Traslade una reunión a otro día o resérvele otro equipo.",
    },
    "ORG004": {
        "message": "La reunión del {date} se celebra en la {room}, que no tiene cabina de {missing}.",
        "hint": "Celébrela en una sala con cabinas para todos sus idiomas, o en menos idiomas.",
    },
    "ORG005": {
        "message": "La reunión del {date} la interpreta el equipo «{team}», que no interpreta {missing}.",
        "hint": "Reserve un equipo que interprete todos los idiomas de la reunión.",
    },
    "ORG006": {
        "message": "La reunión del {date} se celebra en la {room}, que no está disponible ese día.",
        "message.team": "La reunión del {date} la interpreta el equipo «{team}», que no está disponible ese día.",
        "hint": "Traslade la reunión o reserve otra sala u otro equipo.",
    },
    "ORG007": {
        "message": "La reunión del {date} nombra la sala «{id}», que {organization} no tiene.",
        "message.team": "La reunión del {date} nombra el equipo de intérpretes {id}, que {organization} no tiene.",
        "hint": "Corrija el identificador o añada la sala o el equipo al archivo de la organización.",
    },
}
