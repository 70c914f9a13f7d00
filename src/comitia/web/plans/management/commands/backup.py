"""``comitia manage backup -o FILE``: a consistent copy of the SQLite database, taken while
servers may be writing (SQLite's online backup API). PostgreSQL: pg_dump, as the message says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from comitia.web.plans.backup import BackupError, backup_database


class Command(BaseCommand):
    help = (
        "Back up the SQLite database to FILE, consistent even while servers write to it "
        "(on PostgreSQL, use pg_dump)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", required=True, help="the backup file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        try:
            contents = backup_database(output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"backed up to {output}: {contents.terms} term(s), {contents.revisions} "
            f"revision(s), {output.stat().st_size:,} bytes"
        )
