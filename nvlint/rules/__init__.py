"""The rule registry. Each rule lives in its own module and declares `RULE`."""

from __future__ import annotations

import functools

from nvlint import import_module
from nvlint.rules.catalog import CATALOG, CODES, NAMES, code_of, nearest_selector, unknown_rule

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from collections.abc import Iterable

    from nvlint.rules.base import Rule


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, by code: the rule modules are imported the first time (a warm run needs none)."""
    rules: list[Rule] = [import_module(f"nvlint.rules.{module}").RULE for _, _, module in CATALOG]
    return tuple(sorted(rules, key=lambda r: r.code))


@functools.cache
def by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}


_MODULES = {code: module for code, _, module in CATALOG}


def loaded(codes: Iterable[str]) -> tuple[Rule, ...]:
    """These rules, their modules imported now if not yet (the others stay unread: start-up)."""
    return tuple(_rule(code) for code in codes)


@functools.cache
def _rule(code: str) -> Rule:
    return import_module(f"nvlint.rules.{_MODULES[code]}").RULE


__all__ = [
    "CODES",
    "NAMES",
    "all_rules",
    "by_code",
    "code_of",
    "loaded",
    "nearest_selector",
    "select_codes",
    "select_rules",
    "unknown_rule",
]


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
) -> tuple[Rule, ...]:
    """The Rule objects of :func:`select_codes`."""
    rules = by_code()
    return tuple(rules[code] for code in select_codes(select, ignore, extend_select))
