"""The current plan's documents, printed once for each state of the plan and kept.

A PDF costs WeasyPrint about a second of processor time. The day a plan goes out, every
delegation downloads it within minutes: the first request for a document prints it, requests
for the same document that arrive meanwhile wait for that print instead of starting their own
(a server would otherwise spend a second per delegation), and later ones get the kept bytes.

A document is known by a digest of the plan as its reader may see it, its format and its
language. A change to the plan, or a reader who may see less of it, gives another key, so a
kept document is never out of date: it is only forgotten, least recently used first. Approved
revisions are stored in the database instead (``operations.print_revision``).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from concurrent.futures import Future

from comitia.plan import Plan
from comitia.web.kept import Kept

Key = tuple[str, str, str]


def document_key(plan: Plan, fmt: str, lang: str) -> Key:
    """What a printed document depends on: the plan's every field, the format, the language."""
    digest = hashlib.sha256(plan.model_dump_json().encode("utf-8")).hexdigest()
    return (digest, fmt, lang)


class PrintedDocuments:
    """Printed documents by key, up to ``budget`` bytes; each printed once at a time."""

    def __init__(self, budget: int) -> None:
        self._kept: Kept[Key, bytes] = Kept(budget)
        self._printing: dict[Key, Future[bytes]] = {}
        self._lock = threading.Lock()

    def get_or_print(self, key: Key, print_document: Callable[[], bytes]) -> bytes:
        """The document kept under ``key``, or the one being printed for another request, or
        ``print_document()``, kept. A print that fails raises in every request waiting for
        it, and nothing is kept."""
        with self._lock:
            content = self._kept.get(key)
            if content is not None:
                return content
            printing = self._printing.get(key)
            if printing is None:
                printing = self._printing[key] = Future()
                ours = True
            else:
                ours = False
        if not ours:
            return printing.result()
        try:
            content = print_document()
        except BaseException as error:
            printing.set_exception(error)
            raise
        else:
            self._kept.keep(key, content, len(content))
            printing.set_result(content)
            return content
        finally:
            with self._lock:
                del self._printing[key]

    def clear(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)


# The model plan's three formats in its four languages take about 1 MiB.
PRINTED = PrintedDocuments(budget=32 * 2**20)
