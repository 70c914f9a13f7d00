"""Plan files: YAML in, YAML and JSON out.

``read_plan`` returns a valid :class:`~comitia.plan.Plan` or raises :class:`PlanFileError`,
whose message names the file, the line and the field of every problem, one per line, and what
was expected; it never lets a YAML or Pydantic traceback through. Writing a plan and reading it
back gives an equal plan.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from comitia.plan.organization import Organization
from comitia.plan.plan import Plan

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class PlanFileError(ValueError):
    """A plan file that cannot be read or is not a valid plan. ``problems`` has one line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class _PlanLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """YAML 1.1 as PyYAML reads it, less two traps for plan files.

    Base-60 numbers are not recognised, so an unquoted 10:00 stays the text "10:00" instead of
    becoming 600; dates are left as text for the plan model to parse; and a key repeated in one
    mapping is an error instead of silently replacing the first.
    """


# Drop the implicit resolvers that turn 10:00 into an integer and 1:30.5 into a float.
_PlanLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PlanLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    list("-+0123456789"),
)
_PlanLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice in one mapping", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_PlanLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _NotANumber(Exception):
    """A scalar read as a number that Python cannot make one of; ``reason`` says why."""

    def __init__(self, node: yaml.ScalarNode, reason: str) -> None:
        super().__init__(reason)
        self.node, self.reason = node, reason


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    try:
        return loader.construct_yaml_int(node)
    except ValueError:
        # Python refuses to read a decimal number of more digits than
        # sys.get_int_max_str_digits() (4,300), with an error that names no line; no field
        # of a plan holds such a number. The others are such as 0x_ or !!int ten.
        digits = sum(character.isdigit() for character in str(node.value))
        limit = sys.get_int_max_str_digits()
        if limit and digits > limit:
            reason = f"a number of {digits} digits, more than a plan file may hold ({limit})"
        else:
            reason = f"{_shown(node.value)} is not a whole number"
        raise _NotANumber(node, reason) from None


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    try:
        return loader.construct_yaml_float(node)
    except ValueError:  # such as !!float ten
        raise _NotANumber(node, f"{_shown(node.value)} is not a number") from None


def _shown(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else f"{text[:40]}…")


_PlanLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_PlanLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
# Dates stay text here and are parsed by the plan model, whose errors name the field and line;
# PyYAML's own date parsing would fail on 2019-10-34 with no location.
_PlanLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


def parse_plan_text(text: str, source: str = "<plan>") -> Plan:
    """Validate the YAML (or JSON, a subset of it) ``text`` as a plan named ``source``."""
    return _parse(text, source, Plan, "a plan file holds a mapping of sections (term, ...)")


def parse_organization_text(text: str, source: str = "<organization>") -> Organization:
    """Validate the YAML ``text`` as an organization file (rooms and teams) named ``source``."""
    return _parse(
        text, source, Organization, "an organization file holds a mapping (id, name, rooms, ...)"
    )


M = TypeVar("M", Plan, Organization)


def _parse(text: str, source: str, model: type[M], shape: str) -> M:
    loader = _PlanLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{source}:{mark.line + 1}" if mark else source
        raise PlanFileError([f"{where}: not valid YAML: {error.problem or error}"]) from None
    except yaml.YAMLError as error:
        raise PlanFileError([f"{source}: not valid YAML: {error}"]) from None
    except _NotANumber as error:
        line = error.node.start_mark.line + 1
        path = _path_to(root, error.node) if root is not None else ()
        field = ".".join(str(part) for part in path) or "(the plan)"
        raise PlanFileError([f"{source}:{line}: {field}: {error.reason}"]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise PlanFileError([f"{source}:1: {shape}"])
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise PlanFileError(_describe(error, root, source)) from None


def read_plan(path: str | Path) -> Plan:
    """Read the plan file at ``path``; :class:`PlanFileError` for anything wrong with it."""
    return parse_plan_text(_read_text(path), str(path))


def read_organization(path: str | Path) -> Organization:
    """Read the organization file at ``path`` (its rooms and interpretation teams);
    :class:`PlanFileError` for anything wrong with it, as for a plan file."""
    return parse_organization_text(_read_text(path), str(path))


def dump_organization_yaml(organization: Organization) -> str:
    """The organization as a YAML organization file, defaults left out."""
    data = {
        "comitia": organization.comitia,
        **organization.model_dump(mode="json", exclude_defaults=True),
    }
    return yaml.dump(data, Dumper=_BaseDumper, allow_unicode=True, sort_keys=False, width=100)


def _read_text(path: str | Path) -> str:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanFileError([f"{path}: no such file"]) from None
    except UnicodeDecodeError as error:
        raise PlanFileError(
            [f"{path}: not UTF-8 text ({error.reason} at byte {error.start})"]
        ) from None
    except OSError as error:
        raise PlanFileError([f"{path}: cannot be read ({error.strerror})"]) from None
    return text


def plan_to_data(plan: Plan, *, complete: bool = False) -> dict[str, Any]:
    """The plan as plain data (JSON types). ``complete`` keeps fields that hold their default."""
    return plan.model_dump(mode="json", exclude_defaults=not complete) | {"comitia": plan.comitia}


def dump_plan_yaml(plan: Plan) -> str:
    """The plan as a YAML plan file, fields in schema order, defaults left out."""
    data = {"comitia": plan.comitia, **plan_to_data(plan)}
    return yaml.dump(data, Dumper=_BaseDumper, allow_unicode=True, sort_keys=False, width=100)


# Characters a YAML parser (the plan reader) refuses or reads as line breaks when they stand
# unescaped in a string; JSON readers take them either way. The model refuses control
# characters; these remain.
_NOT_RAW_IN_YAML = re.compile("[\u2028\u2029\ufffe\uffff]")


def dump_plan_json(plan: Plan) -> str:
    """The plan as JSON following the published JSON Schema, every field present."""
    text = json.dumps(plan_to_data(plan, complete=True), ensure_ascii=False, indent=2) + "\n"
    # Outside strings JSON has only ASCII, so every match is in a string: escape it there.
    return _NOT_RAW_IN_YAML.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def write_plan(plan: Plan, path: str | Path) -> None:
    """Write ``plan`` to ``path``: JSON for a ``.json`` name, YAML otherwise."""
    path = Path(path)
    text = dump_plan_json(plan) if path.suffix.lower() == ".json" else dump_plan_yaml(plan)
    path.write_text(text, encoding="utf-8")


def _describe(error: ValidationError, root: yaml.Node | None, source: str) -> list[str]:
    lines = []
    for problem in error.errors(include_url=False):
        location = tuple(problem["loc"])
        line = _line_of(root, location)
        field = ".".join(str(part) for part in location) or "(the plan)"
        message = problem["msg"]
        if problem["type"] == "extra_forbidden":
            message = "unknown field"
        elif problem["type"] == "missing":
            message = "required field is missing"
        lines.append(f"{source}:{line}: {field}: {_plain(message)}")
    return lines


def _plain(message: str) -> str:
    # Pydantic prefixes messages raised by validators; the reader needs only the reason.
    return message.removeprefix("Value error, ")


def _line_of(root: yaml.Node | None, location: tuple[str | int, ...]) -> int:
    """The 1-based line of the deepest node of ``location`` present in the YAML tree."""
    if root is None:
        return 1
    node = root
    for part in location:
        child = _child(node, part)
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def _path_to(node: yaml.Node, target: yaml.Node) -> tuple[str | int, ...]:
    """The keys and indexes from ``node`` down to ``target``; () if it is not below."""
    if isinstance(node, yaml.MappingNode):
        children: list[tuple[str | int, yaml.Node]] = [(k.value, v) for k, v in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = list(enumerate(node.value))
    else:
        return ()
    for part, child in children:
        if child is target:
            return (part,)
        if below := _path_to(child, target):
            return (part, *below)
    return ()


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(part):
                # For a key the reader must fix (unknown, wrong value), point at the key's line.
                return value_node if isinstance(value_node, yaml.CollectionNode) else key_node
    elif (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        return node.value[part]  # type: ignore[no-any-return]
    return None
