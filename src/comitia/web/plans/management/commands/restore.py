"""``comitia manage restore FILE``: replace the SQLite database by a backup of it, after
checking that FILE is a whole database of Comitia that this version can run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from comitia.web.plans.backup import BackupError, pending_migrations, restore_database


class Command(BaseCommand):
    help = (
        "Replace the SQLite database by the backup FILE (made by `backup`), in one transaction. "
        "Stop the servers first, or restart them after."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="a backup made by `comitia manage backup`")

    def handle(self, *args: Any, **options: Any) -> None:
        backup = Path(options["file"])
        try:
            contents = restore_database(backup)
        except BackupError as error:
            raise CommandError(f"{error}; nothing was changed") from None
        self.stdout.write(
            f"restored {backup}: {contents.terms} term(s), {contents.revisions} revision(s)"
        )
        pending = pending_migrations(backup)
        if pending:
            self.stdout.write(
                f"the backup lacks {len(pending)} migration(s) of this version: "
                "run `comitia manage migrate` (`comitia serve` does it when it starts)"
            )
        # Servers keep feeds and documents written from the database before, in memory.
        self.stdout.write(
            "restart every running Comitia server and worker now: they still hold what they "
            "read from the database before the restore"
        )
