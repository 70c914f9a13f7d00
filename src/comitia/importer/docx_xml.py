"""Parse untrusted XML as a stream of events, refusing what defusedxml refuses.

Expat, the parser under ElementTree and defusedxml, calls a handler for every start tag, end tag
and piece of text as the bytes are fed to it, chunk by chunk. Nothing of the document is kept
but what the handler keeps, so memory does not grow with the XML, and a handler that only
counts depth reads any nesting in time linear in the input (no tree is built, nothing is
walked twice, and no recursion limit applies).

The refusals are defusedxml's, with its exceptions: a document type declaration (so no entity
can be declared: no billion laughs, no external entity), an entity or unparsed entity
declaration, and an external reference are refused as soon as the parser meets them.

Names arrive as ``namespace}local`` (ElementTree's ``{namespace}local`` without the brace
that would cost a string per element); attributes as a dict of such names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol
from xml.parsers import expat

from defusedxml import (
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
)

from comitia.importer.source import UnreadableDocument


class Handler(Protocol):
    def start(self, tag: str, attributes: dict[str, str]) -> None: ...

    def end(self, tag: str) -> None: ...

    def text(self, data: str) -> None: ...


def parse(chunks: Iterable[bytes], handler: Handler, name: str) -> None:
    """Feed ``chunks`` (one XML document) to ``handler``; ``UnreadableDocument`` in one line for
    a DTD, an entity, an external reference or broken XML. Exceptions that ``chunks`` or the
    handler raise pass through."""
    parser = expat.ParserCreate(namespace_separator="}")
    # Text arrives in pieces as long as the buffer allows, not split at every line break.
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_unparsed_entity
    parser.ExternalEntityRefHandler = _refuse_external_reference
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except DefusedXmlException:
        raise UnreadableDocument(
            f"{name}: the DOCX declares a DTD or entities (refused as a possible XML bomb)"
        ) from None
    except expat.ExpatError as error:
        raise UnreadableDocument(f"{name}: the DOCX holds broken XML ({error})") from None


def _refuse_dtd(name: str, sysid: str | None, pubid: str | None, _internal: bool) -> None:
    raise DTDForbidden(name, sysid, pubid)


def _refuse_entity(
    name: str,
    _is_parameter: bool,
    value: str | None,
    base: str | None,
    sysid: str | None,
    pubid: str | None,
    notation_name: str | None,
) -> None:
    raise EntitiesForbidden(name, value, base, sysid, pubid, notation_name)


def _refuse_unparsed_entity(
    name: str, base: str | None, sysid: str, pubid: str | None, notation_name: str
) -> None:
    raise EntitiesForbidden(name, None, base, sysid, pubid, notation_name)


def _refuse_external_reference(
    context: str, base: str | None, sysid: str | None, pubid: str | None
) -> bool:
    raise ExternalReferenceForbidden(context, base, sysid, pubid)
