"""``comitia manage send_reminders [--today YYYY-MM-DD] [--dry-run]``: the day's reminders of
reports by e-mail (and those of the last 7 days not sent yet); meant for a daily timer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from comitia.web.reports.reminders import planned_reminders, send_reminders


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--today must be a date such as 2020-03-01, not {text!r}") from None


class Command(BaseCommand):
    help = "Send the reminders of reports due today (and catch up those of the last 7 days)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="the day to act as today (YYYY-MM-DD)")
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would be sent; send nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = _day(options["today"]) if options["today"] else timezone.localdate()
        planned = planned_reminders(today)
        if options["dry_run"]:
            for item in planned:
                self.stdout.write(_line("would send", item))
            self.stdout.write(f"{len(planned)} reminder(s) would be sent (dry run)")
            return
        if planned and not getattr(settings, "COMITIA_EMAIL_CONFIGURED", False):
            raise CommandError(
                "no mail server: set COMITIA_EMAIL_URL (such as smtp://user:password@host:587"
                "?tls=true)"
            )
        sent, failure = send_reminders(planned)
        for item in sent:
            self.stdout.write(_line("sent", item))
        self.stdout.write(f"{len(sent)} reminder(s) sent")
        if failure is not None:
            raise CommandError(
                f"sending failed for {len(planned) - len(sent)} reminder(s), which the next run "
                f"will try again: {failure}"
            )


def _line(verb: str, item: Any) -> str:
    return (
        f"{verb}: {item.state} {item.obligation.key} {item.cycle} ({item.kind.value}, "
        f"due {item.deadline.isoformat()}) to {', '.join(item.recipients)}"
    )
