"""Paragraph versions kept across a replaced plan.

A paragraph's ``version`` is what a delegation's amendment was written against (``based_on``)
and what incorporating one claims (``comitia.web.access.versions.claim``). Replacing the plan
(``save_plan(replace=True)``) deletes the paragraphs' rows and writes new ones at version 1: an
amendment written against version 3 would then be a conflict with nothing, and one written
against version 1 of another text would be applied as if nothing had changed.

So the versions are read before the old rows go, by the paragraph's identity (its resolution's
key, its kind and number, as ``carry_over`` names it), and given back to the same paragraphs of
the new plan: unchanged if the paragraph's words (its text and sub-paragraphs, in every
language) are the same, one more if they changed, so that an amendment written against the old
words is a conflict rather than a silent overwrite. A paragraph new in the plan starts at 1.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from comitia.web.plans import models as m

Identity = tuple[str, str, str]


def _words(text: Any, subparagraphs: Any) -> str:
    return json.dumps([text, subparagraphs], sort_keys=True, ensure_ascii=False)


def _rows(term: m.Term) -> dict[Identity, tuple[int, int, str]]:
    rows = m.Paragraph.objects.filter(resolution__term=term).values_list(
        "pk", "resolution__key", "kind", "number", "version", "text", "subparagraphs"
    )
    return {
        (key, kind, number): (pk, version, _words(text, subs))
        for pk, key, kind, number, version, text, subs in rows
    }


class KeptVersions:
    """The versions of ``term``'s paragraphs, read before the term is replaced."""

    def __init__(self, term: m.Term) -> None:
        self.held = {
            identity: (version, words) for identity, (_, version, words) in _rows(term).items()
        }

    def give_to(self, term: m.Term) -> None:
        """Set the versions of ``term``'s paragraphs that the replaced plan had: one UPDATE
        per version given (a handful), none when every version is 1."""
        if not self.held:
            return
        by_version: dict[int, list[int]] = defaultdict(list)
        for identity, (pk, _, words) in _rows(term).items():
            old = self.held.get(identity)
            if old is None:
                continue
            version = old[0] if old[1] == words else old[0] + 1
            if version != 1:
                by_version[version].append(pk)
        for version, pks in by_version.items():
            # The plan's write raises the term's output version in this transaction already.
            m.Paragraph.objects.filter(pk__in=pks).update(version=version)
