"""``comitia manage import_submissions FILE.xlsx|FILE.csv --term TERM [--dry-run]``: the
history of member states' submissions from a spreadsheet; nothing is written when any row is
bad, and every bad row is named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from comitia.web.plans import models as m
from comitia.web.reports.importing import ImportError_, check_rows, import_rows, read_table


class Command(BaseCommand):
    help = "Import member states' submissions from an XLSX or CSV file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--term", help="the term whose obligations the rows name (default: the only one)"
        )
        parser.add_argument("--dry-run", action="store_true", help="check and list; write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        term = _term(options["term"])
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"no file {path}")
        try:
            rows = check_rows(term, read_table(path))
        except ImportError_ as error:
            raise CommandError(f"nothing imported; fix these rows:\n{error}") from None
        for row in rows:
            data = row.data
            self.stdout.write(
                f"row {row.line}: {data.state} {data.obligation.key} {data.cycle} "
                f"received {data.received.isoformat()}"
            )
        if options["dry_run"]:
            self.stdout.write(f"{len(rows)} submission(s) would be recorded (dry run)")
            return
        try:
            count = import_rows(rows)
        except ValidationError as error:
            raise CommandError(f"nothing imported: {error}") from None
        self.stdout.write(f"{count} submission(s) recorded in {term.slug}")


def _term(slug: str | None) -> m.Term:
    if slug:
        term = m.Term.objects.filter(slug=slug.strip().lower()).first()
        if term is None:
            raise CommandError(f"no term is named {slug!r}")
        return term
    terms = list(m.Term.objects.all()[:2])
    if len(terms) != 1:
        raise CommandError("name the term: --term TERM")
    return terms[0]
