"""Regular expressions compiled when first used, not when their module is imported.

nvlint declares about 150 patterns at module level; a run that checks one shell script uses about 20 of
them, and compiling the rest cost a quarter of its start-up (a private-use character class alone takes
more than a millisecond). The standard library has no lazy form, so this is one: the first attribute
asked of a pattern compiles it and keeps the compiled pattern's methods on the instance, where every
later lookup finds them directly (no cost per call after the first).

A lazy pattern is used through its methods and attributes (`search`, `fullmatch`, `sub`, `pattern`...);
`re.sub(PATTERN, ...)` and `isinstance(PATTERN, re.Pattern)` need the real one: `PATTERN.compiled`.
"""

from __future__ import annotations

import re

_KEPT = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _Lazy:
    __slots__ = ("_source", "_flags", "compiled", *_KEPT)

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str):
        # Only reached for a slot not yet filled: the first use.
        compiled = re.compile(self._source, self._flags)
        self.compiled = compiled
        for kept in _KEPT:
            setattr(self, kept, getattr(compiled, kept))
        return compiled if name == "compiled" else getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazyre.compile({self._source!r})"


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, deferred to the first use of the pattern."""
    return _Lazy(source, flags)  # type: ignore[return-value]  # it answers as a Pattern does
