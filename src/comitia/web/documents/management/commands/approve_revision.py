"""``comitia manage approve_revision TERM --symbol S --date YYYY-MM-DD [--override-reason R]``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from comitia.web.documents.operations import (
    ApprovalBlocked,
    ApprovalConflict,
    approve_revision,
)
from comitia.web.plans.convert import PlanLoadError, find_term


class Command(BaseCommand):
    help = "Approve the term's plan as its next revision (an immutable snapshot)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("term", help="the term's name, such as csh-2019-2020")
        parser.add_argument("--symbol", required=True, help="such as CP/CSH-1933/19 rev. 3")
        parser.add_argument("--date", required=True, help="date of approval, YYYY-MM-DD")
        parser.add_argument("--user", help="user name of the approver (recorded)")
        parser.add_argument(
            "--override-reason",
            default="",
            help="approve despite errors found by the checks, for this recorded reason",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            term = find_term(options["term"])
        except PlanLoadError as error:
            raise CommandError(str(error)) from None
        try:
            approved_on = dt.date.fromisoformat(options["date"])
        except ValueError:
            raise CommandError(f"--date: expected YYYY-MM-DD, got {options['date']!r}") from None
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user is named {options['user']!r}")
        try:
            revision = approve_revision(
                term,
                symbol=options["symbol"],
                approved_on=approved_on,
                user=user,
                override_reason=options["override_reason"],
            )
        except ApprovalBlocked as blocked:
            lines = [f"  {f.code}: {f.message('en')}" for f in blocked.findings]
            raise CommandError("\n".join([str(blocked), *lines])) from None
        except ApprovalConflict as conflict:
            raise CommandError(f"not approved: {conflict}; nothing was recorded") from None
        self.stdout.write(f"approved {revision}")
