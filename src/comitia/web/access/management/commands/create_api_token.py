"""``create_api_token USERNAME --name NAME``: a key for a script, printed once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from comitia.web.access.models import ApiToken
from comitia.web.access.tokens import issue_token


class Command(BaseCommand):
    help = (
        "Make an API token acting as USERNAME (with that user's rights) and print its key, "
        "which is not stored and cannot be shown again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="what the token is for")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"no user {options['username']!r}")
        if not user.is_active:
            raise CommandError(f"the user {options['username']!r} is inactive")
        if not options["name"].strip():
            raise CommandError("--name must say what the token is for")
        key = issue_token(ApiToken(user=user, name=options["name"]), None)
        self.stdout.write(key)
