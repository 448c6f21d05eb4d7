"""When are two written references the same artifact? Used by the push-before-reference rules.

``same`` is strict (both sides name the same thing for sure); ``may_match`` is generous (we
cannot rule it out). NV201/NV202 report only when a build is surely the deployed image and no
push may be it: precision first.
"""

from __future__ import annotations

from nvlint.reference_grammar import canonical_docker, canonical_ngc
from nvlint.shell.words import UNKNOWN_CHAR, Value

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
