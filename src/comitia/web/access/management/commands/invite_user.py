"""``invite_user USERNAME EMAIL --role ROLE [--state XX | --committee KEY --term SLUG]``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from comitia.web.access.invitations import invite
from comitia.web.access.models import Role
from comitia.web.plans.models import Term


class Command(BaseCommand):
    help = "Create a user with a role and email them a link to choose their password."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("email")
        parser.add_argument("--role", choices=[r.value for r in Role], required=True)
        parser.add_argument("--state", default="", help="member state (ISO code) of a delegate")
        parser.add_argument("--term", default="", help="term slug (bureau; secretariat's body)")
        parser.add_argument("--base-url", default="http://localhost:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        membership: dict[str, Any] = {"role": options["role"]}
        term = Term.objects.filter(slug=options["term"]).first() if options["term"] else None
        if options["term"] and term is None:
            raise CommandError(f"no term {options['term']!r}")
        if options["role"] == Role.DELEGATION:
            if len(options["state"]) != 2:
                raise CommandError("a delegation member needs --state, an ISO code such as BR")
            membership["member_state"] = options["state"].upper()
        elif options["role"] == Role.BUREAU:
            if term is None:
                raise CommandError("a bureau member needs --term")
            membership["term"] = term
        elif options["role"] == Role.SECRETARIAT and term is not None:
            membership["committee"] = term.committee
        user = invite(
            options["username"],
            options["email"],
            base_url=options["base_url"],
            membership=membership,
        )
        self.stdout.write(f"invited {user.get_username()} <{options['email']}>")
