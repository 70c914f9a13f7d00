"""Write imported translations into a plan file's text, leaving the rest of it as it was.

A plan file is written by people: comments, the order of fields, flow or block style, the
quoting. Re-dumping the plan would lose all of that and make every import a diff of the whole
file. ``add_translations`` instead finds each text's mapping in the YAML (through PyYAML's
node marks) and adds the new language after the last one there, or replaces the value of a
language already there, and rewrites the ``translated_from`` section alone (appended at the
end of the file when it is new). The caller checks that the edited text reads back to the plan
the import made (``comitia.translations.xliff.apply_changes``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import yaml

from comitia.translations.texts import Location
from comitia.translations.xliff import Change

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlEditError(ValueError):
    """The plan file's text has a shape the in-place editor does not handle."""


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: every character escaped as YAML needs.
    return json.dumps(text, ensure_ascii=False)


def _node_at(root: yaml.Node, location: Location) -> yaml.Node:
    node = root
    for part in location:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            found = node.value[part] if part < len(node.value) else None
        else:
            found = None
        if found is None:
            raise YamlEditError(f"no {'.'.join(map(str, location))} in the file")
        node = found
    return node


def add_translations(
    text: str, changes: Iterable[Change], translated_from: Mapping[str, Mapping[str, str]]
) -> str:
    """``text`` with each change's language set in its text, and ``translated_from`` replaced."""
    root = yaml.compose(text, Loader=_Loader)
    if not isinstance(root, yaml.MappingNode):
        raise YamlEditError("the plan file is not a mapping")
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), by character index
    done: set[tuple[int, str]] = set()
    for change in changes:
        node = _node_at(root, change.entry.location)
        # A text reached through a YAML alias (&lead-in ... *lead-in) is one node: edit it once.
        if (node.start_mark.index, change.lang.value) in done:
            continue
        done.add((node.start_mark.index, change.lang.value))
        if not isinstance(node, yaml.MappingNode) or not node.value:
            raise YamlEditError(f"{change.entry.id} is not a mapping of languages in the file")
        value = _quoted(change.new)
        existing = next((v for k, v in node.value if k.value == change.lang.value), None)
        if existing is not None:
            edits.append((existing.start_mark.index, existing.end_mark.index, value))
            continue
        last = node.value[-1][1]
        at = last.end_mark.index
        if node.flow_style:
            edits.append((at, at, f", {change.lang.value}: {value}"))
        else:
            indent = " " * node.value[0][0].start_mark.column
            line = f"{indent}{change.lang.value}: {value}"
            if text[at - 1 : at] == "\n":  # a block scalar ends after its line break
                edits.append((at, at, line + "\n"))
            else:
                edits.append((at, at, "\n" + line))
    if translated_from or any(key.value == "translated_from" for key, _ in root.value):
        edits.append(_sources_edit(text, root, translated_from))
    # Edits at one place are written in the order given (en, es, pt); the text is put together
    # once from the spans between edits.
    ordered = sorted(enumerate(edits), key=lambda item: (item[1][0], item[0]))
    pieces: list[str] = []
    at = 0
    for _, (start, end, replacement) in ordered:
        pieces.extend((text[at:start], replacement))
        at = max(at, end)
    pieces.append(text[at:])
    return "".join(pieces)


def _sources_edit(
    text: str, root: yaml.MappingNode, translated_from: Mapping[str, Mapping[str, str]]
) -> tuple[int, int, str]:
    lines = ["translated_from:" if translated_from else "translated_from: {}"]
    for lang, sources in translated_from.items():
        lines.append(f"  {lang}:")
        lines.extend(f"    {_quoted(text_id)}: {_quoted(fp)}" for text_id, fp in sources.items())
    block = "\n".join(lines) + "\n"
    for key, value in root.value:
        if key.value == "translated_from":
            end = value.end_mark.index
            if not block.endswith("\n") or text[end - 1 : end] != "\n":
                block = block.rstrip("\n")
            return key.start_mark.index, end, block
    ending = "" if text.endswith("\n") else "\n"
    header = (
        "\n# Per language, the fingerprint of the source each translation was made from"
        "\n# (written by comitia translations import; a changed source shows as outdated).\n"
    )
    return len(text), len(text), ending + header + block


def edited_as_intended(
    edited: str, changes: Iterable[Change], translated_from: Mapping[str, Mapping[str, str]]
) -> bool:
    """Whether ``edited`` holds each changed text with its new language and its others as they
    were, and ``translated_from`` as given: the check of ``add_translations``'s work, cheaper
    than reading the whole plan again, on the only places it touched."""
    try:
        root = yaml.compose(edited, Loader=_Loader)
        if root is None:
            return False
        for change in changes:
            node = _node_at(root, change.entry.location)
            if not isinstance(node, yaml.MappingNode):
                return False
            values = {key.value: value.value for key, value in node.value}
            wanted = {lang.value: text for lang, text in change.entry.text.root.items()}
            if {**wanted, change.lang.value: change.new}.items() - values.items():
                return False
        if translated_from:
            sources = _node_at(root, ("translated_from",))
            data = {
                lang.value: {key.value: value.value for key, value in ids.value}
                for lang, ids in sources.value
            }
            return data == {lang: dict(ids) for lang, ids in translated_from.items()}
    except (yaml.YAMLError, YamlEditError):
        return False
    return True
