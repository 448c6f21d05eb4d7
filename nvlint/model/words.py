"""Shell values: literal text where it can be known, identified unknowns where it cannot.

A :class:`Value` is a sequence of :class:`Part` s. A literal part remembers the file offset of each
of its characters, so a rule can point at (or fix) exactly the characters of an image name even when
the name reached the command through a variable. An unknown part carries an :class:`Unknown`: what
could not be known (a variable, a command substitution, a documentation placeholder...). Two unknowns
that are equal are the same value (two uses of an unmodified ``$TAG``), which lets rules compare
``docker build -t "$IMAGE"`` with ``--container-image "$IMAGE"`` without knowing either.
"""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.model.record import Record, fields_repr

# Stands for an unknown part in templates handed to reference parsers.
UNKNOWN_CHAR = "\x00"


# Plain classes with __slots__ rather than dataclasses: see nvlint/model/record.py (start-up cost).

# What an unknown part stands for (Unknown.kind). Compared with `is`: each is one interned string.
VARIABLE = "variable"  # `$NAME` the script never assigned (an environment variable); name: NAME
OPERATION = "operation"  # `${NAME:+alt}`, `${NAME%x}` of a value not known; name: NAME, operation: `:+`
SUBSTITUTION = "substitution"  # `$(...)`, `<(...)`: what the commands write; at: where it is
EXPRESSION = "expression"  # a shell construct nvlint does not evaluate (`${#X}`, `$((...))`); at: where
SCRIPT_DIR = "script-dir"  # the running script's folder (`$(dirname "$0")`); name: the suffix (`/..`)
FRESH = "fresh"  # a variable after a loop, a branch that differs or `read`; name, at: a serial number
ARRAY = "array"  # an array whose elements are not known (`(${LIST})`); name: the array
PLACEHOLDER = "placeholder"  # a documentation placeholder; name: as written (`<org>`, `{{ org }}`)
CI_EXPRESSION = "ci-expression"  # a CI system's expression (`${{ secrets.KEY }}`); name: its text, normalised
MAKE = "make"  # a Makefile reference make expands to something unknown; name: as written (`$(shell ...)`)
DEFINED_ELSEWHERE = "elsewhere"  # a variable defined in another file nvlint does not read; name: it


class Unknown:
    """What an unknown part stands for: its kind, which one (``name``), and where or which occurrence
    (``at``) when two of the same name are not the same value. ``of``: the value an operation was
    applied to (its ``Value.key``). Immutable; equal Unknowns are the same value."""

    __slots__ = ("kind", "name", "at", "operation", "of", "_hash")

    def __init__(self, kind: str, name: str = "", at: int = -1, operation: str = "", of: tuple = ()) -> None:
        self.kind = kind
        self.name = name
        self.at = at
        self.operation = operation
        self.of = of
        self._hash = hash((kind, name, at, operation, of))  # Value.key hashes these for every word

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Unknown)
            and self._hash == other._hash
            and self.kind is other.kind
            and self.name == other.name
            and self.at == other.at
            and self.operation == other.operation
            and self.of == other.of
        )

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"Unknown({self.kind}, {self.name!r}" + (f", at={self.at}" if self.at != -1 else "") + ")"

    @property
    def variable(self) -> str | None:
        """The shell variable this stands for (`$NAME`, `${NAME:+x}`), when it names one."""
        if self.kind is VARIABLE or self.kind is OPERATION:
            return self.name if self.name.isidentifier() else None
        return None

    def shown(self, expressions: bool = True) -> str:
        """How a message names it when its text cannot be shown: `$NAME`, the placeholder, the CI
        expression (``expressions``), or `…`."""
        if self.kind is VARIABLE and self.name.isidentifier():
            return "$" + self.name
        if self.kind is PLACEHOLDER:
            return self.name
        if self.kind is CI_EXPRESSION and expressions:
            return "${{ " + self.name + " }}"
        return "…"


class Part(Record):
    """Treated as immutable: parts are shared between values."""

    __slots__ = ("text", "start", "end", "offsets", "unknown", "splittable", "foreign")

    def __init__(
        self,
        text: str | None,
        start: int,
        end: int,
        offsets: tuple[int, ...] | None = None,
        unknown: Unknown | None = None,
        splittable: bool = False,
        foreign: bool = False,
    ) -> None:
        self.text = text  # None: unknown
        self.start = start  # file offset of the first character (unknown: start of the text it came from)
        self.end = end  # file offset after the last character
        self.offsets = offsets  # per-character offsets when not contiguous
        self.unknown = unknown  # what an unknown part stands for (None: literal)
        self.splittable = splittable  # came from an unquoted expansion: subject to word splitting
        self.foreign = foreign  # text from another file (a Makefile include): offsets are approximate

    @property
    def known(self) -> bool:
        return self.text is not None

    @property
    def size(self) -> int:
        """Characters it takes in a template: its text, or one UNKNOWN_CHAR."""
        return len(self.text) if self.text is not None else 1

    def char_offset(self, index: int) -> int:
        if self.offsets is not None:
            return self.offsets[index]
        return self.start + index

    def char_end(self, index: int) -> int:
        """Offset just after character ``index``."""
        if self.offsets is not None:
            return self.offsets[index] + 1
        return self.start + index + 1

    def sliced(self, i: int, j: int) -> Part:
        assert self.text is not None
        if self.offsets is not None:
            offs = self.offsets[i:j]
            if not offs:
                at = self.offsets[i] if i < len(self.offsets) else self.end
                return Part(self.text[i:j], at, at, None, None, self.splittable, self.foreign)
            contiguous = offs[-1] - offs[0] == len(offs) - 1
            return Part(
                self.text[i:j], offs[0], offs[-1] + 1, None if contiguous else offs, None, self.splittable, self.foreign
            )
        return Part(self.text[i:j], self.start + i, self.start + j, None, None, self.splittable, self.foreign)


def literal_part(
    text: str, start: int, offsets: tuple[int, ...] | None = None, splittable=False, foreign: bool = False
) -> Part:
    if offsets is not None:
        if not offsets or (offsets[-1] - offsets[0] == len(offsets) - 1 and not foreign):
            start = offsets[0] if offsets else start
            offsets = None
        else:
            return Part(text, offsets[0], offsets[-1] + 1, offsets, None, splittable, foreign)
    return Part(text, start, start + len(text), None, None, splittable, foreign)


class LiteralRuns:
    """The parts of a value that a template scanner reads character by character (a Python f-string, a
    Terraform heredoc): literal characters keep their own offsets and are gathered into one literal part
    until a part of another kind comes."""

    __slots__ = ("_parts", "_chars", "_offsets")

    def __init__(self) -> None:
        self._parts: list[Part] = []
        self._chars: list[str] = []
        self._offsets: list[int] = []

    def char(self, char: str, offset: int) -> None:
        self._chars.append(char)
        self._offsets.append(offset)

    def add(self, *parts: Part) -> None:
        self._flush()
        self._parts.extend(parts)

    def done(self) -> list[Part]:
        self._flush()
        return self._parts

    def _flush(self) -> None:
        if self._chars:
            self._parts.append(literal_part("".join(self._chars), self._offsets[0], tuple(self._offsets)))
            self._chars, self._offsets = [], []


def unknown_part(unknown: Unknown, start: int, end: int, splittable: bool = False) -> Part:
    return Part(None, start, end, None, unknown, splittable)


class Value:
    """An immutable sequence of parts; adjacent literal parts are merged."""

    __slots__ = ("parts", "_literal", "_key", "_template")

    def __init__(self, parts: list[Part] | tuple[Part, ...] = ()) -> None:
        self.parts: tuple[Part, ...] = (parts[0],) if len(parts) == 1 and parts[0].text != "" else _merged(parts)
        self._literal: str | bool | None = False
        self._key: tuple | None = None
        self._template: str | None = None  # rules ask for it many times per word

    @property
    def literal(self) -> str | None:
        """The whole text when every part is known, else None."""
        if self._literal is False:
            texts = []
            for part in self.parts:  # a loop, not all(): this runs for every word
                if part.text is None:
                    self._literal = None
                    return None
                texts.append(part.text)
            self._literal = texts[0] if len(texts) == 1 else "".join(texts)
        return self._literal  # type: ignore[return-value]

    @property
    def known(self) -> bool:
        return self.literal is not None

    @property
    def key(self) -> tuple:
        """Equality key: equal keys mean equal values, known or not."""
        if self._key is None:
            out: list = []
            for part in self.parts:
                if part.text is None:
                    out.append(("?", part.unknown))
                elif out and isinstance(out[-1], str):
                    out[-1] += part.text
                else:
                    out.append(part.text)
            self._key = tuple(out)
        return self._key

    def __eq__(self, other) -> bool:
        return isinstance(other, Value) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Value({self.template()!r})"

    def template(self) -> str:
        """The text with every unknown part replaced by one ``UNKNOWN_CHAR``."""
        if self._template is None:
            literal = self.literal
            if literal is not None:
                self._template = literal
            else:
                self._template = "".join(UNKNOWN_CHAR if p.text is None else p.text for p in self.parts)
        return self._template

    def _locate(self, index: int) -> tuple[int, int]:
        """(part number, index inside part) of template character ``index``."""
        pos = 0
        for n, part in enumerate(self.parts):
            size = part.size
            if index < pos + size:
                return n, index - pos
            pos += size
        return len(self.parts), 0

    def slice(self, start: int, end: int | None = None) -> Value:
        """Sub-value by template character positions."""
        out: list[Part] = []
        pos = 0
        end = len(self.template()) if end is None else end
        for part in self.parts:
            size = part.size
            lo, hi = max(start - pos, 0), min(end - pos, size)
            if lo < hi:
                out.append(part.sliced(lo, hi) if part.known else part)
            pos += size
        return Value(out)

    def span(self) -> tuple[int, int] | None:
        """File span covering the value (first to last character)."""
        if not self.parts:
            return None
        first, last = self.parts[0], self.parts[-1]
        start = first.char_offset(0) if first.known else first.start
        end = last.char_end(last.size - 1) if last.known else last.end
        return (start, end) if end >= start else (start, start)

    def contiguous_span(self, i: int, j: int) -> tuple[int, int] | None:
        """File span of template characters [i, j) when they are literal and written contiguously."""
        if j <= i:
            return None
        first = last = None  # file offsets of the first and last character so far
        pos = 0
        for part in self.parts:
            size = part.size
            lo, hi = max(i - pos, 0), min(j - pos, size)
            pos += size
            if lo >= hi:
                continue
            if not part.known or part.foreign:
                return None
            if part.offsets is None:  # the part's characters are written one after another
                start, end = part.start + lo, part.start + hi - 1
            else:
                offsets = part.offsets[lo:hi]
                if offsets[-1] - offsets[0] != len(offsets) - 1:
                    return None
                start, end = offsets[0], offsets[-1]
            if last is not None and start != last + 1:
                return None
            if first is None:
                first = start
            last = end
        if first is None or last is None or pos < j:
            return None
        return first, last + 1

    def offset_of(self, index: int) -> int | None:
        """File offset of template character ``index`` when it is literal."""
        n, k = self._locate(index)
        if n >= len(self.parts) or not self.parts[n].known or self.parts[n].foreign:
            return None  # unknown, or written in another file: nothing here to point at or fix
        return self.parts[n].char_offset(k)

    def __add__(self, other: Value) -> Value:
        return Value(self.parts + other.parts)


def _merged(parts) -> tuple[Part, ...]:
    """Adjacent literal parts of the same kind as one part; empty ones dropped."""
    merged: list[Part] = []
    for part in parts:
        if part.text == "":
            continue
        if (
            merged
            and part.known
            and merged[-1].known
            and merged[-1].splittable == part.splittable
            and merged[-1].foreign == part.foreign
        ):
            merged.append(_join(merged.pop(), part))
        else:
            merged.append(part)
    return tuple(merged)


def _join(a: Part, b: Part) -> Part:
    if a.offsets is None and b.offsets is None and a.end == b.start:
        return Part(a.text + b.text, a.start, b.end, None, None, a.splittable, a.foreign)  # type: ignore[operator]
    offs = tuple(a.char_offset(i) for i in range(a.size)) + tuple(b.char_offset(i) for i in range(b.size))
    return Part(
        a.text + b.text,  # type: ignore[operator]
        offs[0],
        max(a.end, b.end),
        offs,
        None,
        a.splittable,
        a.foreign,
    )


EMPTY = Value(())


class Expansion:
    """A variable the shell expands in a word: what NV302 and NV304 look at."""

    __slots__ = ("name", "start", "end", "in_double_quotes", "assigned", "by_make")

    def __init__(
        self, name: str, start: int, end: int, in_double_quotes: bool, assigned: bool, by_make: bool = False
    ) -> None:
        self.name = name
        self.start = start  # span of `$name` / `${name...}` in the file
        self.end = end
        self.in_double_quotes = in_double_quotes
        self.assigned = assigned  # the script assigned it before this point
        self.by_make = by_make  # make expanded it (`$oauthtoken` in a recipe is make's `$o`), not the shell

    __repr__ = fields_repr


class Word:
    """One argument as the shell passes it to a command."""

    __slots__ = ("value", "literal", "start", "end", "quoting", "expansions", "may_split", "raw", "foreign")

    def __init__(
        self,
        value: Value,
        start: int,
        end: int,
        quoting: str,
        expansions: tuple[Expansion, ...] = (),
        may_split: bool = False,
        raw: str = "",
        foreign: bool = False,
    ) -> None:
        self.value = value
        # The whole text when every part is known, else None: asked of every word by every recogniser.
        self.literal: str | None = value.literal
        self.start = start
        self.end = end
        self.quoting = quoting  # bare | single | double | ansi | mixed
        self.expansions = expansions
        self.may_split = may_split  # an unquoted unknown expansion: could be several words or none
        self.raw = raw
        self.foreign = foreign  # written where an edit cannot be made as such (another file, a quoted YAML scalar)

    def __repr__(self) -> str:
        return f"Word({self.value!r}, {self.start}, {self.end}, {self.quoting!r})"

    @property
    def text(self) -> str:
        """Template text: literal where known, UNKNOWN_CHAR elsewhere."""
        return self.value.template()


PLACEHOLDER_RE = lazyre.compile(r"<[A-Za-z][^<>\s]*>|\{\{[^{}]*\}\}|\b(?:YOUR|your)[_-][A-Za-z0-9_-]+")


def replace_matches(part: Part, pattern: re.Pattern, replacement) -> list[Part]:
    """Split a literal part around ``pattern`` matches; ``replacement(match, piece)`` gives the part
    that stands for each match (the literal piece is kept when it returns None)."""
    text = part.text
    out: list[Part] = []
    last = 0
    for match in pattern.finditer(text or ""):
        if match.start() > last:
            out.append(part.sliced(last, match.start()))
        piece = part.sliced(match.start(), match.end())
        out.append(replacement(match, piece) or piece)
        last = match.end()
    if not out:
        return [part]
    if last < len(text):  # type: ignore[arg-type]
        out.append(part.sliced(last, len(text)))  # type: ignore[arg-type]
    return out


def split_placeholders(part: Part) -> list[Part]:
    """Documentation placeholders (``<org>``, ``{{ org }}``, ``YOUR_ORG``) are unknown values."""
    text = part.text
    if text is None or not ("<" in text or "{{" in text or "our" in text or "OUR" in text):
        return [part]
    return replace_matches(
        part,
        PLACEHOLDER_RE,
        lambda match, piece: unknown_part(
            Unknown(PLACEHOLDER, match.group(0)), piece.start, piece.end, part.splittable
        ),
    )
