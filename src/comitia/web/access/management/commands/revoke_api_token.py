"""``revoke_api_token PREFIX``: refuse a script's key from now on."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from comitia.web.access.models import ApiToken
from comitia.web.access.tokens import revoke_token


class Command(BaseCommand):
    help = "Revoke the API token whose key begins with PREFIX (as the admin lists it)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        prefix = options["prefix"].rstrip("…")
        tokens = list(ApiToken.objects.filter(prefix=prefix).select_related("user"))
        if not tokens:
            raise CommandError(f"no API token begins with {prefix!r}")
        if len(tokens) > 1:
            raise CommandError(f"{len(tokens)} tokens begin with {prefix!r}; revoke in the admin")
        token = revoke_token(tokens[0], None)
        self.stdout.write(f"revoked {token} of {token.user.get_username()}")
