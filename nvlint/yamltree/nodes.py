"""YAML documents as ruamel.yaml node trees, and their scalars as values, words and shell snippets.

Nodes (not constructed Python objects) are used because they keep every scalar's position and
style; anchors and aliases resolve to the same node, so an aliased script points at its anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nvlint import lazyre
from nvlint.model.text import Snippet, snippet_of_value
from nvlint.model.words import CI_EXPRESSION, Part, Unknown, Value, Word, literal_part, unknown_part
from nvlint.yamltree.scalars import decode

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import Any


class DocumentText:
    """Text a YAML/JSON document was parsed from, and where its characters are in the real file.

    For a file it is the file itself. For a `curl -d` body it is the shell word's value, whose
    unknown parts (`'"$NAME"'` splices) stand in the text as private-use characters.
    """

    # A plain class rather than a dataclass: see nvlint/model/record.py (start-up cost).
    __slots__ = ("text", "offsets", "unknowns", "foreign")

    def __init__(
        self,
        text: str,
        offsets: list[int] | None = None,
        unknowns: dict[str, Part] | None = None,
        foreign: bool = False,
    ) -> None:
        self.text = text
        self.offsets = offsets
        self.unknowns = unknowns if unknowns is not None else {}
        self.foreign = foreign  # the text of another file (a JSON file curl posts), all at one place here

    def value(self, node) -> Value:
        content, positions = decode(self.text, node.start_mark.index, node.end_mark.index, node.style)
        if self.foreign and self.offsets is not None and content:
            at = self.offsets[positions[0]]
            return Value([Part(content, at, at + 1, (at,) * len(content), None, False, True)])
        if self.offsets is None and not self.unknowns:
            return Value([literal_part(content, positions[0], tuple(positions[:-1]))] if content else [])
        parts: list[Part] = []
        for char, position in zip(content, positions, strict=False):  # positions has one more: the end
            outer = self.unknowns.get(char)
            if outer is not None:
                parts.append(outer)
            else:
                at = self.offsets[position] if self.offsets is not None else position
                parts.append(literal_part(char, at))
        return Value(parts)

    def span(self, node) -> tuple[int, int]:
        start, end = node.start_mark.index, max(node.start_mark.index, node.end_mark.index - 1)
        if self.offsets is None:
            return node.start_mark.index, node.end_mark.index
        return self.offsets[start], self.offsets[min(end, len(self.offsets) - 1)] + 1

    def word(self, node) -> Word:
        start, end = self.span(node)
        return Word(self.value(node), start, end, "yaml", foreign=self.foreign)


class YamlError(Exception):
    def __init__(self, line: int, column: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.column, self.reason = line, column, reason


def compose_all(text: str) -> list:
    """Every document's root node (None for an empty document).

    Nodes only (never constructed objects): they keep each scalar's style and its start and end
    character index. PyYAML's libyaml composer gives exactly that and, measured on the benchmark
    corpus, is about 35x faster than ruamel.yaml's round-trip composer (0.03 ms against 1 ms a file),
    so it is used when PyYAML was built with libyaml; ruamel.yaml, which builds the same node tree,
    is the fallback.
    """
    loader = _libyaml()
    if loader is not None:
        import yaml

        try:
            return list(yaml.compose_all(text, Loader=loader))
        except yaml.MarkedYAMLError as error:
            raise _error(error) from None
        except (yaml.YAMLError, ValueError, RecursionError) as error:
            raise YamlError(1, 1, str(error) or type(error).__name__) from None
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return list(YAML(typ="rt").compose_all(text))
    except MarkedYAMLError as error:
        raise _error(error) from None
    except (YAMLError, ValueError, RecursionError) as error:
        raise YamlError(1, 1, str(error) or type(error).__name__) from None


def _error(error) -> YamlError:
    mark = error.problem_mark or error.context_mark
    reason = " ".join(str(x) for x in (error.context, error.problem) if x)
    return YamlError(mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, reason)


_LOADER: list = []


def _libyaml():
    if not _LOADER:
        try:
            import yaml

            _LOADER.append(yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else None)
        except ImportError:
            _LOADER.append(None)
    return _LOADER[0]


def is_mapping(node) -> bool:
    return getattr(node, "id", None) == "mapping"


def is_sequence(node) -> bool:
    return getattr(node, "id", None) == "sequence"


def is_scalar(node) -> bool:
    return getattr(node, "id", None) == "scalar"


def items(node) -> list[tuple[str, Any, Any]]:
    """(key text, key node, value node) of a mapping; `<<` merge keys are followed."""
    if not is_mapping(node):
        return []
    out: list[tuple[str, object, object]] = []
    merged: list[tuple[str, object, object]] = []
    for key, value in node.value:
        if is_scalar(key) and key.value == "<<":
            for source in value.value if is_sequence(value) else [value]:
                merged.extend(items(source))
            continue
        if is_scalar(key):
            out.append((str(key.value), key, value))
    names = {name for name, _, _ in out}
    return [m for m in merged if m[0] not in names] + out


def get(node, key: str):
    """The value of ``key`` in a mapping: its own first entry, else one from a `<<` merge."""
    if not is_mapping(node):
        return None
    merges = False
    for name, value in node.value:
        if is_scalar(name):
            if name.value == key:
                return value
            merges = merges or name.value == "<<"
    if merges:  # rare: the full walk through the merged mappings
        for name, _, value in items(node):
            if name == key:
                return value
    return None


def scalar_text(node) -> str | None:
    return str(node.value) if is_scalar(node) else None


class Expressions:
    """How a source writes values the linter cannot know (`${{ ... }}` in GitHub Actions)."""

    # A plain class rather than a dataclass: see nvlint/model/record.py (start-up cost).
    __slots__ = ("pattern", "resolve")

    def __init__(self, pattern: re.Pattern | None = None, resolve: Callable[[str], Value | None] | None = None) -> None:
        self.pattern = pattern
        self.resolve = resolve  # optional callable(expression text) -> Value | None

    def unknown(self, expression: str) -> Unknown:
        return Unknown(CI_EXPRESSION, " ".join(expression.split()))


GITHUB_EXPRESSIONS = lazyre.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)


def scalar_value(node, text: str, expressions: Expressions | None = None) -> Value:
    """The scalar's value with exact offsets; expressions become identified unknown parts."""
    return scalar_value_and_sites(node, text, expressions)[0]


def scalar_value_and_sites(
    node, text: str, expressions: Expressions | None
) -> tuple[Value, list[tuple[int, int]] | None]:
    """The value, and where each of its template characters is written when an expression brought
    text from elsewhere (`${{ env.IMAGE }}`: the characters of IMAGE's value are written at the reference)."""
    content, offsets = decode(text, node.start_mark.index, node.end_mark.index, node.style)
    parts, sites = _parts(content, offsets, expressions)
    if node.style in ("'", '"'):  # an edit there would need YAML's escaping: quoted scalars get no fix
        parts = [
            literal_part(p.text, p.start, tuple(p.char_offset(i) for i in range(p.size)), foreign=True)
            if p.text is not None
            else p
            for p in parts
        ]
    return Value(parts), sites


def _parts(
    content: str, offsets: list[int], expressions: Expressions | None
) -> tuple[list[Part], list[tuple[int, int]] | None]:
    def literal(i: int, j: int) -> Part:
        return literal_part(content[i:j], offsets[i], tuple(offsets[i:j]))

    if expressions is None or expressions.pattern is None or expressions.pattern.search(content) is None:
        return ([literal(0, len(content))] if content else []), None
    parts: list[Part] = []
    sites: list[tuple[int, int]] = []  # one per template character
    resolved_any = False
    last = 0
    for match in expressions.pattern.finditer(content):
        if match.start() > last:
            parts.append(literal(last, match.start()))
            sites.extend((o, o + 1) for o in offsets[last : match.start()])
        reference = (offsets[match.start()], offsets[match.end() - 1] + 1)
        resolved = expressions.resolve(match.group(1).strip()) if expressions.resolve else None
        if resolved is not None:
            # text from another file has no position here: it is placed at the reference
            parts.extend(_placed_at(p, reference) if p.foreign else p for p in resolved.parts)
            sites.extend([reference] * len(resolved.template()))
            resolved_any = True
        else:
            parts.append(unknown_part(expressions.unknown(match.group(1)), *reference))
            sites.append(reference)
        last = match.end()
    if last < len(content):
        parts.append(literal(last, len(content)))
        sites.extend((o, o + 1) for o in offsets[last:])
    return parts, (sites if resolved_any else None)


def _placed_at(part: Part, reference: tuple[int, int]) -> Part:
    if part.text is None:
        return Part(None, reference[0], reference[1], None, part.unknown, part.splittable, True)
    start, end, size = reference[0], reference[1], part.size  # spread over the reference, as Make's includes are
    return literal_part(
        part.text, start, tuple(start + k * (end - 1 - start) // max(size - 1, 1) for k in range(size)), foreign=True
    )


def scalar_word(node, text: str, expressions: Expressions | None = None) -> Word:
    value = scalar_value(node, text, expressions)
    return Word(
        value, node.start_mark.index, node.end_mark.index, "yaml", raw=text[node.start_mark.index : node.end_mark.index]
    )


def scalar_snippet(
    node, text: str, env: dict[str, Value], expressions: Expressions | None = None, dollar_escape: str = "$"
) -> Snippet | None:
    """A scalar holding shell commands, ready for the shell front end."""
    value, sites = scalar_value_and_sites(node, text, expressions)
    snippet = snippet_of_value(value, node.end_mark.index, env=dict(env), dollar_escape=dollar_escape)
    if snippet is not None and sites is not None:
        snippet.sites = [*sites, sites[-1] if sites else (node.end_mark.index, node.end_mark.index)]
    return snippet
