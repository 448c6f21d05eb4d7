"""Every rule's documented bad example reports exactly that rule; its good example reports nothing."""

from __future__ import annotations

import pytest

from conftest import lint
from nvlint.rules import ALL_RULES


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_bad_example_reports_exactly_this_rule(rule):
    found = lint(rule.bad)
    assert found, f"{rule.code}: the bad example reports nothing"
    assert {d.code for d in found} == {rule.code}, [(d.code, d.message) for d in found]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_good_example_reports_nothing(rule):
    found = lint(rule.good)
    assert found == [], [(d.code, d.message) for d in found]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert rule.code.startswith("NV") and len(rule.code) == 5
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.severity in ("error", "warning", "info")
    for text in (rule.summary, rule.what, rule.why):
        assert len(text) > 20
    if rule.fix_applicability is not None:
        assert rule.fix and rule.fix_applicability in ("safe", "unsafe")


def test_codes_and_names_are_unique():
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)
