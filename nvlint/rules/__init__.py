"""The rule registry. Each rule lives in its own module and declares `RULE`."""

from __future__ import annotations

import importlib

from nvlint.rules.catalog import CATALOG, CODES, NAMES, code_of, nearest_selector, unknown_rule

_LOADED: dict = {}


def __getattr__(name: str):
    """`ALL_RULES` and `BY_CODE` import the rule modules the first time they are asked for."""
    if name in ("ALL_RULES", "BY_CODE"):
        if not _LOADED:
            rules = [importlib.import_module(f"nvlint.rules.{module}").RULE for _, _, module in CATALOG]
            _LOADED["ALL_RULES"] = tuple(sorted(rules, key=lambda r: r.code))
            _LOADED["BY_CODE"] = {rule.code: rule for rule in _LOADED["ALL_RULES"]}
        return _LOADED[name]
    if name in ("Context", "Rule"):
        from nvlint.rules import base

        return getattr(base, name)
    raise AttributeError(name)


__all__ = [
    "CODES",
    "NAMES",
    "code_of",
    "nearest_selector",
    "select_codes",
    "select_rules",
    "unknown_rule",
]  # and, loaded on first use: ALL_RULES, BY_CODE


def select_codes(
    select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), extend_select: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Codes enabled by prefixes: `select` (default: every rule on by default) plus `extend-select`,
    minus `ignore`. The longer (more specific) prefix wins, as in ruff. Opt-in rules are enabled only
    by their full code.
    """
    chosen = []
    for code, default_enabled, _ in CATALOG:
        chosen_by = _longest(code, select, default_enabled) if select else (0 if default_enabled else -1)
        chosen_by = max(chosen_by, _longest(code, extend_select, default_enabled))
        if chosen_by >= 0 and chosen_by > _longest(code, ignore, True):
            chosen.append(code)
    return tuple(sorted(chosen))


def _longest(code: str, prefixes: tuple[str, ...], default_enabled: bool) -> int:
    """Length of the longest prefix naming ``code`` (-1: none); an opt-in rule only by its full code."""
    return max((len(p) for p in prefixes if code.startswith(p) and (default_enabled or p == code)), default=-1)


def select_rules(
    select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), extend_select: tuple[str, ...] = ()
) -> tuple:
    """The Rule objects of :func:`select_codes`."""
    by_code = __getattr__("BY_CODE")
    return tuple(by_code[code] for code in select_codes(select, ignore, extend_select))
