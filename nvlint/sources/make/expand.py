"""Make's own expansion of a recipe line, before the shell sees it: `$$` is `$`, `$(VAR)`, `${VAR}` and
`$X` are the variables' values (expanded in turn), `$@` and `$<` are the target and its first
prerequisite. Functions (`$(shell ...)`, `$(call ...)`...) and variables make cannot know are unknown.
"""

from __future__ import annotations

from nvlint.model.text import Text
from nvlint.model.words import MAKE, Part, Unknown, literal_part, unknown_part
from nvlint.sources.make.parse import Makefile, Target

_FUNCTIONS = frozenset(
    """shell call wildcard subst patsubst strip findstring filter filter-out sort word words
firstword lastword dir notdir suffix basename addsuffix addprefix join realpath abspath error warning info if
or and foreach file value eval origin flavor guile intcmp let""".split()
)
MAX_EXPANSION_DEPTH = 20


class Expanded:
    """What make hands to the shell for one piece of text.

    ``sites``: where each character is written, one per character of the parts' template: the
    characters of `$(IMAGE)` come from IMAGE's definition but are written at the reference.
    ``oauthtoken``: the `$oauthtoken` that make reads as `$o` + "authtoken" (NV302 says to write `$$`).
    """

    __slots__ = ("parts", "sites", "oauthtoken")

    def __init__(self) -> None:
        self.parts: list[Part] = []
        self.sites: list[tuple[int, int]] = []
        self.oauthtoken: list[tuple[int, int]] = []


class Expander:
    """Expands text in the context of one target (its target-specific variables, `$@`, `$<`)."""

    def __init__(self, makefile: Makefile, target: Target | None) -> None:
        self.makefile = makefile
        self.target = target

    def expand(self, text: Text) -> Expanded:
        found = Expanded()
        found.parts = self._expand(text, 0, frozenset(), found, found.sites)
        return found

    def value_of(self, text: Text) -> list[Part]:
        """The parts alone (a variable's value for the environment)."""
        return self._expand(text, 0, frozenset(), Expanded(), None)

    def _expand(
        self, text: Text, depth: int, seen: frozenset[str], found: Expanded, sites: list[tuple[int, int]] | None
    ) -> list[Part]:
        parts: list[Part] = []

        def note(new_parts: list[Part], start: int, end: int) -> None:
            if sites is not None:
                for part in new_parts:
                    sites.extend([(start, end)] * part.size)
            parts.extend(new_parts)

        chars, offsets = text.text, text.offsets
        i = 0
        run_start = 0

        def flush(until: int) -> None:
            if until > run_start:
                parts.append(_literal(chars[run_start:until], offsets[run_start:until], text.foreign))
                if sites is not None:
                    sites.extend((o, o + 1) for o in offsets[run_start:until])

        while i < len(chars):
            if chars[i] != "$" or i + 1 >= len(chars):
                i += 1
                continue
            flush(i)
            following = chars[i + 1]
            if following == "$":
                note([_literal("$", [offsets[i]])], offsets[i], offsets[i] + 2)
                i += 2
            elif following in "({":
                close = _matching(chars, i + 1)
                end = _end(offsets, close)
                note(self._reference(text.slice(i + 2, close), depth, seen, found, offsets[i], end), offsets[i], end)
                i = close + 1
            else:
                end = _end(offsets, i + 1)
                if following == "o" and chars.startswith("authtoken", i + 2):
                    # make reads `$o` + "authtoken": keep the text, and remember it for NV302
                    found.oauthtoken.append((offsets[i], _end(offsets, i + 10)))
                    parts.append(_literal("$o", offsets[i : i + 2]))
                    if sites is not None:
                        sites.extend((o, o + 1) for o in offsets[i : i + 2])
                else:
                    note(self._single(following, depth, seen, found, offsets[i], end), offsets[i], end)
                i += 2
            run_start = i
        flush(len(chars))
        return parts

    def _reference(
        self, inner: Text, depth: int, seen: frozenset[str], found: Expanded, start: int, end: int
    ) -> list[Part]:
        name = inner.text.strip()
        first = name.split(None, 1)[0] if name else ""
        if not name or (first in _FUNCTIONS and " " in name) or ":" in name or "$" in name or "=" in name:
            return [unknown_part(Unknown(MAKE, f"$({name})"), start, end)]
        return self._variable(name, depth, seen, found, start, end)

    def _single(self, char: str, depth: int, seen: frozenset[str], found: Expanded, start: int, end: int) -> list[Part]:
        target = self.target
        if char == "@" and target is not None:
            return [_literal(target.name, [start] * len(target.name))]
        if char == "<" and target is not None and target.prerequisites:
            first = target.prerequisites[0][0]
            return [_literal(first, [start] * len(first))]
        if char in "@<^+*?%|":
            return [unknown_part(Unknown(MAKE, f"${char}"), start, end)]
        return self._variable(char, depth, seen, found, start, end)

    def _variable(
        self, name: str, depth: int, seen: frozenset[str], found: Expanded, start: int, end: int
    ) -> list[Part]:
        target = self.target
        variable = (target.variables.get(name) if target is not None else None) or self.makefile.variables.get(name)
        if variable is None or variable.flavor == "!=" or depth > MAX_EXPANSION_DEPTH or name in seen:
            return [unknown_part(Unknown(MAKE, f"$({name})"), start, end)]
        value = variable.value
        if not variable.local:  # defined in an included file: spread it over the reference here
            size = len(value.text)
            value = Text(
                value.text, [start + (k * (end - 1 - start)) // max(size - 1, 1) for k in range(size)], foreign=True
            )
        return self._expand(value, depth + 1, seen | {name}, found, None)


def _literal(chars: str, offsets: list[int], foreign: bool = False) -> Part:
    return literal_part(chars, offsets[0] if offsets else 0, tuple(offsets), foreign=foreign)


def _end(offsets: list[int], index: int) -> int:
    return (offsets[index] if index < len(offsets) else offsets[-1]) + 1


def _matching(chars: str, open_at: int) -> int:
    opening = chars[open_at]
    closing = ")" if opening == "(" else "}"
    depth = 0
    for k in range(open_at, len(chars)):
        if chars[k] == opening:
            depth += 1
        elif chars[k] == closing:
            depth -= 1
            if depth == 0:
                return k
    return len(chars) - 1
