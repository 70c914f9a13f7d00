"""A real SMTP server for the tests (aiosmtpd), on a free port of 127.0.0.1, keeping every
message it receives."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller


class _Keeper:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.original_content)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server() -> Iterator[tuple[int, list[Message]]]:
    """The port of a running SMTP server and the list its messages arrive in."""
    keeper = _Keeper()
    controller = Controller(keeper, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller.port, keeper.messages
    finally:
        controller.stop()
