"""Portuguese wording of findings."""

# Templates are data, one a line, so that translators compare languages line by line.
# ruff: noqa: E501

LABELS = {
    "hint": "sugestão:",
    "summary": "{errors} erro(s), {warnings} aviso(s), {infos} informação(ões)",
    "committee_meetings": "reuniões da Comissão",
    "regular_meetings": "reuniões ordinárias",
    "ga_requested_meetings": "reuniões solicitadas pela Assembleia Geral",
    "half_day_sessions": "sessões de meio dia",
    "full_day_sessions": "sessões de dia inteiro",
    "error": "erro",
    "warning": "aviso",
    "info": "informação",
    "yearly": "anual",
    "biennial": "bienal",
    "voluntary": "voluntária",
    "standing": "permanente",
    "preambular": "do preâmbulo",
    "operative": "da parte dispositiva",
    "proposed": "proposto",
    "informal_consultations": "em consultas informais",
    "agreed_ad_referendum": "acordado ad referendum",
    "pending": "pendente",
    "none": "sem situação",
    "fr": "francês",
    "en": "inglês",
    "es": "espanhol",
    "pt": "português",
}

MESSAGES = {
    "BUD001": {
        "message": "O custo previsto das reuniões do período {period} ({planned}) excede em {over} a dotação da resolução {basis} ({appropriation}).",
        "hint": "Mova, encurte ou cancele reuniões do período {period}, ou indique quem custeia algumas delas.",
    },
    "BUD002": {
        "message": "A reunião de {date} não tem tarifa de custo para o período {period}: seu custo não é contado.",
        "message.period": "A reunião de {date} não se enquadra em nenhum período orçamentário com dotação: seu custo não é contado em nenhum.",
        "hint": "Acrescente as tarifas do período (cost_rates) ou indique o custo da reunião (costing.override).",
        "hint.period": "Acrescente a dotação do seu período, ou indique quem custeia a reunião (costing.paid_by).",
    },
    "CLM001": {
        "message": "O resumo menciona uma reunião da Comissão em {date} ({title}) que o calendário não tem.",
        "hint": "Acrescente a reunião ao calendário ou retire-a do resumo.",
        "hint.moved": "A reunião de {meeting} estava inicialmente prevista para esse dia: o resumo mantém a data antiga. Derive o resumo do calendário.",
    },
    "CLM002": {
        "message": "O calendário tem uma reunião da Comissão em {date} que o resumo não menciona.",
        "hint": "Acrescente a reunião ao resumo (melhor: derive o resumo do calendário).",
    },
    "CLM003": {
        "message": "O resumo data “{title}” {claimed}, o calendário {actual}.",
        "hint": "Verifique qual data está certa e corrija a outra.",
    },
    "CLM004": {
        "message": "O resumo menciona “{title}” ({claimed}), que não corresponde a nada no calendário.",
        "hint": "Acrescente o evento ao calendário ou retire-o do resumo.",
    },
    "CLM005": {
        "message": "“{title}” em {date} é provisório no calendário, mas não no resumo.",
        "message.added": "“{title}” em {date} é provisório no resumo, mas não no calendário.",
        "hint": "Marque a data da mesma forma nos dois lugares: uma data provisória deve indicá-lo onde quer que seja impressa.",
    },
    "CLM006": {
        "message": "O documento indica {claimed} {what}, o calendário tem {actual}.",
        "hint": "Corrija a frase “{text}”; convém derivar os números do calendário.",
        "hint.requested": "Corrija a frase “{text}”. Eventos solicitados pela Assembleia Geral: {requested}; realizados como atividades de outros órgãos, não como reuniões da Comissão: {activities}.",
    },
    "DAT001": {
        "message": "A reunião de {date} está fora do período ({start} – {end}).",
        "hint": "Mova a reunião para dentro do período ou corrija as datas do período.",
    },
    "DAT002": {
        "message": "“{title}” ({when}) cai fora do período ({start} – {end}).",
        "hint": "Verifique a data; um evento posterior ao período pertence ao plano seguinte.",
    },
    "DAT003": {
        "message": "A reunião de {date} cai num dia sem reuniões ({name}).",
        "hint": "Mova a reunião para outro dia.",
    },
    "DAT004": {
        "message": "A reunião de {date} cai num fim de semana.",
        "hint": "Verifique a data: a Comissão costuma reunir-se em dias úteis.",
    },
    "DAT005": {
        "message": "Duas reuniões da Comissão se sobrepõem em {date}: {first} e {second}.",
        "hint": "Mova uma delas ou altere os horários.",
    },
    "DAT006": {
        "message": "A reunião de {date} precisa de {body}, que realiza “{title}” no mesmo dia.",
        "hint": "Verifique se {body} pode comparecer, ou mova o item ou a reunião.",
    },
    "DAT007": {
        "message": "“{title}” ({when}) parece constar duas vezes (também como “{other}”).",
        "hint": "Remova uma das duas entradas.",
    },
    "DAT008": {
        "message": "A reunião de {date} inclui a sua própria data entre as datas anteriores.",
        "hint": "Uma data anterior é a data prevista antes da mudança: remova esta.",
    },
    "DAT009": {
        "message": "A reunião de {date} foi transferida de {previous}, mas outra reunião continua prevista em {previous}.",
        "hint": "Verifique a nota sobre a mudança: se a reunião de {previous} é nova, diga-o; caso contrário, corrija a data anterior.",
    },
    "DAT010": {
        "message": "A reunião de {date} ainda é provisória, daqui a {days} dias (menos de {weeks} semanas).",
        "hint": "Confirme a data ou mova a reunião, para que as delegações possam se organizar.",
    },
    "WDY001": {
        "message": "O texto “{text}” indica o dia da semana errado: trata-se de {weekday}.",
        "hint": "Corrija o dia da semana ou a data.",
    },
    "REF001": {
        "message": "Um item da pauta da reunião de {date} cita o parágrafo {paragraph} de {source}, atribuído a outros órgãos.",
        "message.other": "“{title}” cita o parágrafo {paragraph} de {source}, atribuído a outros órgãos.",
        "hint": "Remova a citação ou corrija o número do parágrafo.",
    },
    "REF002": {
        "message": "Uma citação dá “{paragraph}” como parágrafo, o que não é um número de parágrafo.",
        "hint": "Escreva um parágrafo como um número (12), um número e uma letra (12 bis, 12a) ou um intervalo (9-14).",
    },
    "REF003": {
        "message": "O item “{title}” de {date} nomeia {acronym} como apresentador, que não é um órgão conhecido.",
        "hint": "Corrija a sigla no título ou acrescente o órgão ao plano.",
    },
    "REF004": {
        "message": "A cota do documento “{symbol}” está malformada.",
        "message.year": "A cota do documento “{symbol}” tem um ano impossível.",
        "message.session": "A cota do documento “{symbol}”: o número da sessão não corresponde ao ano.",
        "hint": "Escreva as cotas como a Organização, por exemplo CP/CSH-1933/19 rev. 2 ou AG/RES. 2945 (XLIX-O/19).",
    },
    "COV001": {
        "message": "Nenhuma reunião trata do mandato “{title}”.",
        "hint": "Acrescente um item da pauta que cite o mandato, ou indique por que não requer reunião.",
    },
    "COV002": {
        "message": "Nenhuma reunião apresenta o relatório anual de {body} previsto na Carta ({source}, artigo {article}).",
        "hint": "Acrescente à pauta de uma reunião um item que cite este mandato.",
    },
    "COV003": {
        "message": "A obrigação de informar “{title}” não tem data para lembrá-la aos Estados.",
        "hint": "Uma obrigação {frequency} vence a cada dois anos a partir do seu ano de referência: indique o ano de referência (reference_year) no plano, ou trate-a como voluntária.",
    },
    "COV004": {
        "message": "A obrigação de informar “{title}” cabe aos Estados partes de uma convenção, mas nenhuma lista de Estados partes está registrada: nenhum Estado aparece como devedor nem recebe lembretes.",
        "hint": "Registre a lista de Estados partes da convenção (conventions, states_parties), ou marque uma lista de exemplo como ilustrativa.",
    },
    "RES001": {
        "message": "Nenhuma reunião trata dos parágrafos {numbers} de {resolution}: {covered} dos {total} parágrafos que a Comissão acompanha estão tratados.",
        "hint": "Acrescente itens da ordem do dia que citem esses parágrafos, ou indique por que não requerem reunião.",
    },
    "RES002": {
        "message": "O parágrafo {number} {kind} do projeto {resolution} não tem delegação coordenadora.",
        "hint": "Indique a delegação que propôs o parágrafo e coordena a sua negociação (leads).",
    },
    "RES003": {
        "message": "O exame formal terminou em {date}, mas o parágrafo {number} {kind} do projeto {resolution} continua {status}.",
        "hint": "Registre o parágrafo como acordado ou retirado, ou programe outra sessão de exame formal.",
    },
    "RES004": {
        "message": "A seção “{section}” do projeto {resolution} não contém nenhum parágrafo.",
        "hint": "Acrescente os parágrafos da seção, ou remova-a.",
    },
    "NEG001": {
        "message": "A primeira versão ({draft}) está prevista antes da metodologia da negociação ({methodology}).",
        "hint": "Apresente primeiro a metodologia e depois a primeira versão.",
    },
    "NEG002": {
        "message": "O exame formal ({review}) começa antes da apresentação da primeira versão ({draft}).",
        "hint": "Apresente a primeira versão antes do início do exame formal.",
    },
    "NEG003": {
        "message": "O plano de negociação anuncia {planned} {what} para o exame formal ({when}), o calendário tem {actual}.",
        "hint": "Acrescente as sessões que faltam ao calendário ou corrija o plano.",
    },
    "NEG004": {
        "message": "A etapa “{title}” está datada {when}, mas a sua reunião é em {date}.",
        "hint": "Corrija a data da etapa ou a reunião que ela indica.",
    },
    "NEG005": {
        "message": "A reunião de {date} trata “{title}” durante o exame formal do projeto de resolução ({when}).",
        "hint": "O período do exame formal é reservado ao projeto de resolução: mova o item, ou indique no plano que o período não é exclusivo.",
    },
    "REQ001": {
        "message": "“{title}” está anunciado para {stated}, mas realiza-se {actual}.",
        "hint": "Corrija a data anunciada.",
        "hint.moved": "A reunião foi transferida de {stated}: atualize a data anunciada na metodologia.",
    },
    "PLS001": {
        "message": "O previsto para {date} vai das {start} às {end} ({hours} horas), mais que um dia de trabalho.",
        "hint": "Verifique os horários: uma hora da manhã pode ter sido lida como da tarde, ou o evento dura vários dias.",
    },
    "PLS002": {
        "message": "O previsto para {date} começa às {start}, antes das 07:00 ou depois das 21:00.",
        "hint": "Verifique a hora: a.m. e p.m. podem ter sido confundidos.",
    },
    "PLS003": {
        "message": "O título “{title}” é apenas um número ou uma data.",
        "hint": "Dê à reunião, ao item ou à atividade o título que o documento lhe dá; um número ou uma data lidos como título costumam vir de uma coluna de tabela.",
    },
    "ORG001": {
        "message": "A {room} está reservada duas vezes em {date}: esta reunião ({start}–{end}) e uma reunião da {other} ({other_start}–{other_end}).",
        "message.hidden": "A {room} está reservada duas vezes em {date}: esta reunião ({start}–{end}) e uma reunião ainda não publicada ({other_start}–{other_end}).",
        "hint": "Transfira uma das reuniões ou realize-a em outra sala.",
    },
    "ORG002": {
        "message": "A equipe de intérpretes “{team}” está reservada duas vezes em {date}: esta reunião ({start}–{end}) e uma reunião da {other} ({other_start}–{other_end}).",
        "message.hidden": "A equipe de intérpretes “{team}” está reservada duas vezes em {date}: esta reunião ({start}–{end}) e uma reunião ainda não publicada ({other_start}–{other_end}).",
        "hint": "Transfira uma das reuniões ou reserve outra equipe.",
    },
    "ORG003": {
        "message": "A equipe de intérpretes “{team}” está reservada para {count} reuniões em {date}; ela cobre {limit} por dia.",
        "hint": "Transfira uma reunião para outro dia ou reserve outra equipe para ela.",
    },
    "ORG004": {
        "message": "A reunião de {date} é realizada na {room}, que não tem cabine de {missing}.",
        "hint": "Realize-a em uma sala com cabines para todos os seus idiomas, ou em menos idiomas.",
    },
    "ORG005": {
        "message": "A reunião de {date} é interpretada pela equipe “{team}”, que não interpreta {missing}.",
        "hint": "Reserve uma equipe que interprete todos os idiomas da reunião.",
    },
    "ORG006": {
        "message": "A reunião de {date} é realizada na {room}, indisponível nesse dia.",
        "message.team": "A reunião de {date} é interpretada pela equipe “{team}”, indisponível nesse dia.",
        "hint": "Transfira a reunião ou reserve outra sala ou outra equipe.",
    },
    "ORG007": {
        "message": "A reunião de {date} indica a sala “{id}”, que {organization} não tem.",
        "message.team": "A reunião de {date} indica a equipe de intérpretes {id}, que {organization} não tem.",
        "hint": "Corrija o identificador ou acrescente a sala ou a equipe ao arquivo da organização.",
    },
}
