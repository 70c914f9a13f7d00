"""The OASIS Akoma Ntoso 3.0 schema (tests/data/akn, copied from the shared schemas), in lxml."""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "akn"
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
COMITIA = "https://comitia.example/ns/akn/1"
NS = {"a": AKN, "c": COMITIA}


@functools.cache
def schema() -> etree.XMLSchema:
    # akomantoso30.xsd imports ./xml.xsd beside it: parsed from its path, lxml finds it there.
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "akomantoso30.xsd")))


def schema_errors(xml: bytes) -> list[str]:
    """What the schema finds wrong with ``xml``; empty when it is valid."""
    document = etree.fromstring(xml)
    validator = schema()
    if validator.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in validator.error_log]
