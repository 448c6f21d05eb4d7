"""When are two written references the same artifact? Used by the push-before-reference rules.

``same`` is strict (both sides name the same thing for sure); ``may_match`` is generous (we
cannot rule it out). NV201/NV202 report only when a build is surely the deployed image and no
push may be it: precision first.
"""

from __future__ import annotations

from operator import is_

from nvlint.model.words import UNKNOWN_CHAR, Value
from nvlint.reference_grammar import canonical_docker, canonical_ngc

_CANONICAL = {"docker": canonical_docker, "ngc": canonical_ngc}


def _canonical(value: Value, context: str) -> str | None:
    literal = value.literal
    return _CANONICAL[context](literal) if literal is not None else None


def same(a: Value, a_context: str, b: Value, b_context: str) -> bool:
    if a.key == b.key:
        return True
    ca, cb = _canonical(a, a_context), _canonical(b, b_context)
    return ca is not None and ca == cb


def may_match(a: Value | None, a_context: str, b: Value, b_context: str) -> bool:
    if a is None or same(a, a_context, b, b_context):
        return True
    ta, tb = a.template(), b.template()
    if UNKNOWN_CHAR not in ta and UNKNOWN_CHAR not in tb:
        return ta == tb
    return templates_compatible(ta, tb)


def templates_compatible(a: str, b: str) -> bool:
    """Could two templates (UNKNOWN_CHAR = any text) be the same string? A cheap sound test."""
    pa, pb = a.split(UNKNOWN_CHAR)[0], b.split(UNKNOWN_CHAR)[0]
    sa, sb = a.split(UNKNOWN_CHAR)[-1], b.split(UNKNOWN_CHAR)[-1]
    if UNKNOWN_CHAR not in a:
        pa = sa = a
    if UNKNOWN_CHAR not in b:
        pb = sb = b
    prefix_ok = pa.startswith(pb) or pb.startswith(pa)
    suffix_ok = sa.endswith(sb) or sb.endswith(sa)
    return prefix_ok and suffix_ok


class ByImage:
    """Events by the artifact they name, for lookups instead of comparing every pair: by the written
    value's identity (`same` word, `Value.key`) and by its canonical name. Each event's canonical name is
    computed once, when it is added (parsing a reference is the costly part)."""

    __slots__ = ("context", "_by_key", "_by_canonical", "_order")

    def __init__(self, context: str) -> None:
        self.context = context  # how the added values name images: "docker" or "ngc"
        self._by_key: dict[tuple, list] = {}
        self._by_canonical: dict[str, list] = {}
        self._order: dict[int, int] = {}  # id(item) -> insertion rank, to merge the two lists in order

    def add(self, value: Value, item, context: str | None = None) -> None:
        self._order[id(item)] = len(self._order)
        self._by_key.setdefault(value.key, []).append(item)
        canonical = _canonical(value, context or self.context)
        if canonical is not None:
            self._by_canonical.setdefault(canonical, []).append(item)

    def same(self, value: Value, context: str) -> list:
        """Every added item whose value is `same` as ``value``, in the order they were added."""
        by_key = self._by_key.get(value.key, [])
        canonical = _canonical(value, context)
        by_canonical = self._by_canonical.get(canonical, []) if canonical is not None else []
        if not by_canonical:
            return by_key
        if not by_key:
            return by_canonical
        if len(by_key) == len(by_canonical) and all(map(is_, by_key, by_canonical)):
            return by_key  # the usual case: the same word, which names the same artifact
        merged = {id(item): item for item in by_key + by_canonical}
        return sorted(merged.values(), key=lambda item: self._order[id(item)])


class LooseIndex(ByImage):
    """Items by the value they name, answering "which items may name ``value``?" (`may_match`) by
    lookups: an item whose value is the same word or names the same artifact (ByImage), or has the
    identical literal template, is found at once. Only then are the distinct templates with unknown
    parts tested, one cheap string test each; the rules ask that only for a create about to be reported,
    or rarely."""

    __slots__ = ("_anything", "_exact", "_open")

    def __init__(self, context: str) -> None:
        super().__init__(context)
        self._anything: list = []  # items whose value nvlint knows nothing of: they may be anything
        self._exact: dict[str, list] = {}  # by template, those without unknown parts
        self._open: dict[str, list] = {}  # by template, those with unknown parts

    def add(self, value: Value | None, item, context: str | None = None) -> None:
        if value is None:
            self._anything.append(item)
            return
        super().add(value, item, context)
        template = value.template()
        (self._open if UNKNOWN_CHAR in template else self._exact).setdefault(template, []).append(item)

    def matching(self, value: Value, context: str):
        """The items that may name ``value`` (some more than once), the cheap answers first."""
        yield from self._anything
        yield from self.same(value, context)
        template = value.template()
        if UNKNOWN_CHAR not in template:
            yield from self._exact.get(template, ())
        else:
            for other, items in self._exact.items():
                if templates_compatible(other, template):
                    yield from items
        for other, items in self._open.items():
            if templates_compatible(other, template):
                yield from items

    def any(self, value: Value, context: str) -> bool:
        return next(self.matching(value, context), None) is not None
