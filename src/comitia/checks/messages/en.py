"""English wording of findings."""

# Templates are data, one a line, so that translators compare languages line by line.
# ruff: noqa: E501

LABELS = {
    "hint": "hint:",
    "summary": "{errors} error(s), {warnings} warning(s), {infos} information finding(s)",
    "committee_meetings": "meetings of the committee",
    "regular_meetings": "regular meetings",
    "ga_requested_meetings": "meetings requested by the General Assembly",
    "half_day_sessions": "half-day sessions",
    "full_day_sessions": "full-day sessions",
    "error": "error",
    "warning": "warning",
    "info": "information",
    "yearly": "yearly",
    "biennial": "biennial",
    "voluntary": "voluntary",
    "standing": "standing",
    "preambular": "of the preamble",
    "operative": "of the operative part",
    "proposed": "proposed",
    "informal_consultations": "in informal consultations",
    "agreed_ad_referendum": "agreed ad referendum",
    "pending": "pending",
    "none": "without a status",
    "fr": "French",
    "en": "English",
    "es": "Spanish",
    "pt": "Portuguese",
}

MESSAGES = {
    "BUD001": {
        "message": "The planned cost of the meetings in {period} ({planned}) exceeds the appropriation of {basis} ({appropriation}) by {over}.",
        "hint": "Move, shorten or cancel meetings in {period}, or state who pays for some of them.",
    },
    "BUD002": {
        "message": "The meeting on {date} has no cost rate for {period}: its cost is not counted.",
        "message.period": "The meeting on {date} falls in no budget period with an appropriation: its cost is counted nowhere.",
        "hint": "Add rates for the period (cost_rates), or state the meeting's cost (costing.override).",
        "hint.period": "Add the appropriation for its period, or state who pays for the meeting (costing.paid_by).",
    },
    "CLM001": {
        "message": "The summary lists a meeting of the committee on {date} ({title}) that the calendar does not have.",
        "hint": "Add the meeting to the calendar, or remove the entry from the summary.",
        "hint.moved": "The meeting of {meeting} was first planned for that day: the summary still shows the old date. Derive the summary from the calendar.",
    },
    "CLM002": {
        "message": "The calendar has a meeting of the committee on {date} that the summary does not list.",
        "hint": "Add the meeting to the summary (better: derive the summary from the calendar).",
    },
    "CLM003": {
        "message": "The summary dates “{title}” {claimed}, the calendar {actual}.",
        "hint": "Find out which date is right and correct the other.",
    },
    "CLM004": {
        "message": "The summary lists “{title}” ({claimed}), which matches nothing in the calendar.",
        "hint": "Add the event to the calendar, or remove it from the summary.",
    },
    "CLM005": {
        "message": "“{title}” on {date} is provisional in the calendar but not in the summary.",
        "message.added": "“{title}” on {date} is provisional in the summary but not in the calendar.",
        "hint": "Mark the date the same way in both places: a provisional date must say so wherever it is printed.",
    },
    "CLM006": {
        "message": "The document states {claimed} {what}, the calendar has {actual}.",
        "hint": "Correct the sentence “{text}”; counts are best derived from the calendar.",
        "hint.requested": "Correct the sentence “{text}”. Events the General Assembly requested: {requested}; held as activities of other bodies, not as meetings of the committee: {activities}.",
    },
    "DAT001": {
        "message": "The meeting on {date} is outside the term ({start} to {end}).",
        "hint": "Move the meeting into the term, or correct the term's dates.",
    },
    "DAT002": {
        "message": "“{title}” ({when}) falls outside the term ({start} to {end}).",
        "hint": "Check the date; an event after the term belongs in the next term's plan.",
    },
    "DAT003": {
        "message": "The meeting on {date} falls on a non-meeting day ({name}).",
        "hint": "Move the meeting to another day.",
    },
    "DAT004": {
        "message": "The meeting on {date} falls on a weekend.",
        "hint": "Check the date: the committee normally meets on working days.",
    },
    "DAT005": {
        "message": "Two meetings of the committee overlap on {date}: {first} and {second}.",
        "hint": "Move one of them, or change their hours so that they do not overlap.",
    },
    "DAT006": {
        "message": "The meeting on {date} needs {body}, which holds “{title}” the same day.",
        "hint": "Check that {body} can attend, or move the item or the meeting.",
    },
    "DAT007": {
        "message": "“{title}” ({when}) seems to be listed twice (also as “{other}”).",
        "hint": "Remove one of the two entries.",
    },
    "DAT008": {
        "message": "The meeting on {date} lists its own date among its earlier dates.",
        "hint": "An earlier date is the date a meeting was scheduled for before it moved: remove this one.",
    },
    "DAT009": {
        "message": "The meeting on {date} was moved from {previous}, yet another meeting is still planned on {previous}.",
        "hint": "Check the note on the move: if the meeting of {previous} is a new one, say so; otherwise correct the earlier date.",
    },
    "DAT010": {
        "message": "The meeting on {date} is still provisional, {days} days ahead (less than {weeks} weeks).",
        "hint": "Confirm the date or move the meeting, so that delegations can plan to attend.",
    },
    "WDY001": {
        "message": "The text “{text}” gives a wrong weekday: the day is {weekday}.",
        "hint": "Correct the weekday or the date.",
    },
    "REF001": {
        "message": "An agenda item of the meeting on {date} cites paragraph {paragraph} of {source}, which was assigned to other bodies.",
        "message.other": "“{title}” cites paragraph {paragraph} of {source}, which was assigned to other bodies.",
        "hint": "Remove the citation, or correct the paragraph number.",
    },
    "REF002": {
        "message": "A citation gives “{paragraph}” as a paragraph, which is not a paragraph number.",
        "hint": "Write a paragraph as a number (12), a number and a letter (12 bis, 12a) or a range (9-14).",
    },
    "REF003": {
        "message": "The item “{title}” on {date} names {acronym} as presenter, which is not a known body.",
        "hint": "Correct the acronym in the title, or add the body to the plan.",
    },
    "REF004": {
        "message": "The document symbol “{symbol}” is malformed.",
        "message.year": "The document symbol “{symbol}” has an impossible year.",
        "message.session": "The document symbol “{symbol}”: the session number does not match the year.",
        "hint": "Write symbols as the Organization does, such as CP/CSH-1933/19 rev. 2 or AG/RES. 2945 (XLIX-O/19).",
    },
    "COV001": {
        "message": "No meeting addresses the mandate “{title}”.",
        "hint": "Add an agenda item that cites the mandate, or note why it needs no meeting.",
    },
    "COV002": {
        "message": "No meeting presents the annual report of {body} due under the Charter ({source}, article {article}).",
        "hint": "Add an item to a meeting's agenda that cites this mandate.",
    },
    "COV003": {
        "message": "The reporting obligation “{title}” has no date to remind states of.",
        "hint": "A {frequency} obligation is due every other year from its reference year: give its reference_year in the plan (a year in which a report is due), or treat it as voluntary.",
    },
    "COV004": {
        "message": "The reporting obligation “{title}” is owed by the states parties to a convention, but no list of states parties is recorded: no state is shown as owing it or reminded of it.",
        "hint": "Enter the list of states parties of the convention (conventions, states_parties), or mark an example list as illustrative.",
    },
    "RES001": {
        "message": "No meeting addresses paragraphs {numbers} of {resolution}: {covered} of the {total} paragraphs the committee follows up are addressed.",
        "hint": "Add agenda items that cite these paragraphs, or note why they need no meeting.",
    },
    "RES002": {
        "message": "Paragraph {number} {kind} of the draft {resolution} has no lead delegation.",
        "hint": "Name the delegation that proposed the paragraph and leads its negotiation (leads).",
    },
    "RES003": {
        "message": "The formal review ended on {date}, but paragraph {number} {kind} of the draft {resolution} is still {status}.",
        "hint": "Record the paragraph as agreed or withdrawn, or schedule another session of the formal review.",
    },
    "RES004": {
        "message": "The section “{section}” of the draft {resolution} holds no paragraph.",
        "hint": "Add the section's paragraphs, or remove it.",
    },
    "NEG001": {
        "message": "The first draft ({draft}) is planned before the methodology of the negotiation ({methodology}).",
        "hint": "Present the methodology first, then the first draft.",
    },
    "NEG002": {
        "message": "The formal review ({review}) begins before the first draft is presented ({draft}).",
        "hint": "Present the first draft before the formal review begins.",
    },
    "NEG003": {
        "message": "The negotiation plan announces {planned} {what} for the formal review ({when}), the calendar has {actual}.",
        "hint": "Add the missing sessions to the calendar, or correct the plan.",
    },
    "NEG004": {
        "message": "The milestone “{title}” is dated {when}, but its meeting is on {date}.",
        "hint": "Correct the milestone's date or the meeting it names.",
    },
    "NEG005": {
        "message": "The meeting on {date} takes up “{title}” during the formal review of the draft resolution ({when}).",
        "hint": "The formal review period is kept for the draft resolution: move the item, or say in the plan that the period is not exclusive.",
    },
    "REQ001": {
        "message": "“{title}” is stated for {stated}, but is held {actual}.",
        "hint": "Correct the stated date.",
        "hint.moved": "The meeting was moved from {stated}: update the date stated in the methodology.",
    },
    "PLS001": {
        "message": "What is planned on {date} runs from {start} to {end} ({hours} hours), longer than a working day.",
        "hint": "Check the times: a morning time may have been read as an afternoon one, or the event lasts several days.",
    },
    "PLS002": {
        "message": "What is planned on {date} starts at {start}, before 07:00 or after 21:00.",
        "hint": "Check the time: a.m. and p.m. may have been mixed up.",
    },
    "PLS003": {
        "message": "The title “{title}” is only a number or a date.",
        "hint": "Give the meeting, item or activity the title the document gives it; a number or date read as a title often comes from a table's column.",
    },
    "ORG001": {
        "message": "The {room} is booked twice on {date}: this meeting ({start}–{end}) and a meeting of {other} ({other_start}–{other_end}).",
        "message.hidden": "The {room} is booked twice on {date}: this meeting ({start}–{end}) and a meeting not yet published ({other_start}–{other_end}).",
        "hint": "Move one of the meetings, or hold it in another room.",
    },
    "ORG002": {
        "message": "The interpretation team “{team}” is booked twice on {date}: this meeting ({start}–{end}) and a meeting of {other} ({other_start}–{other_end}).",
        "message.hidden": "The interpretation team “{team}” is booked twice on {date}: this meeting ({start}–{end}) and a meeting not yet published ({other_start}–{other_end}).",
        "hint": "Move one of the meetings, or book another team.",
    },
    "ORG003": {
        "message": "The interpretation team “{team}” is booked for {count} meetings on {date}; it covers {limit} a day.",
        "hint": "Move a meeting to another day, or book another team for it.",
    },
    "ORG004": {
        "message": "The meeting on {date} is held in the {room}, which has no booth for {missing}.",
        "hint": "Hold it in a room with booths for all its languages, or hold it in fewer languages.",
    },
    "ORG005": {
        "message": "The meeting on {date} is interpreted by the team “{team}”, which does not interpret {missing}.",
        "hint": "Book a team that interprets all the meeting's languages.",
    },
    "ORG006": {
        "message": "The meeting on {date} is in the {room}, which is unavailable that day.",
        "message.team": "The meeting on {date} is interpreted by the team “{team}”, which is unavailable that day.",
        "hint": "Move the meeting, or book another room or team.",
    },
    "ORG007": {
        "message": "The meeting on {date} names the room “{id}”, which {organization} does not have.",
        "message.team": "The meeting on {date} names the interpretation team “{id}”, which {organization} does not have.",
        "hint": "Correct the identifier, or add the room or team to the organization file.",
    },
}
