"""The rule registry. Each rule lives in its own module and declares `RULE`."""

from __future__ import annotations

import importlib

from nvlint.rules.catalog import CATALOG

CODES = frozenset(code for code, _, _ in CATALOG)
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


__all__ = ["CODES", "select_codes", "select_rules"]  # and, loaded on first use: ALL_RULES, BY_CODE


def select_codes(select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                 extend_select: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Codes enabled by prefixes: `select` (default: every rule on by default) plus `extend-select`,
    minus `ignore`. The longer (more specific) prefix wins, as in ruff. Opt-in rules are enabled only
    by their full code.
    """
    chosen = []
    for code, default_enabled, _ in CATALOG:
        def longest(prefixes: tuple[str, ...], opt_in_needs_full_code: bool = True) -> int:
            return max((len(p) for p in prefixes if code.startswith(p)
                        and (default_enabled or p == code or not opt_in_needs_full_code)), default=-1)

        chosen_by = longest(select) if select else (0 if default_enabled else -1)
        chosen_by = max(chosen_by, longest(extend_select))
        ignored_by = longest(ignore, opt_in_needs_full_code=False)
        if chosen_by >= 0 and chosen_by > ignored_by:
            chosen.append(code)
    return tuple(sorted(chosen))


def select_rules(select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                 extend_select: tuple[str, ...] = ()) -> tuple:
    """The Rule objects of :func:`select_codes`."""
    by_code = __getattr__("BY_CODE")
    return tuple(by_code[code] for code in select_codes(select, ignore, extend_select))
