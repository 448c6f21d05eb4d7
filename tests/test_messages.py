"""Messages quote what the user wrote, never an internal stand-in, and every output format stays valid.

Every rule's bad example is run again with each literal word in turn replaced by a variable, a command
substitution, a documentation placeholder and non-ASCII text.
"""

from __future__ import annotations

import re

import pytest
from conftest import check_every_format, lint, lint_example

from nvlint.rules import all_rules

REPLACEMENTS = ['"$VALUE"', "$(cat value.txt)", "<your-value>", "café-✓"]
_LITERAL_RUN = re.compile(r"[A-Za-z0-9_./:@=-]+")  # a run of plain word characters in an example
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")
MAX_RUNS = 14  # per example: enough to reach every option of the longest bad example


def variants(example: str):
    runs = list(_LITERAL_RUN.finditer(example))[:MAX_RUNS]
    for run in runs:
        for replacement in REPLACEMENTS:
            yield example[: run.start()] + replacement + example[run.end() :]


CASES = [(rule, variant) for rule in all_rules() if rule.bad and not rule.online for variant in variants(rule.bad)]


@pytest.mark.parametrize("rule,source", CASES, ids=[f"{r.code}-{n}" for n, (r, _) in enumerate(CASES)])
def test_messages_quote_the_users_text_and_every_format_stays_valid(rule, source):
    found = lint_example(rule, source)
    check_every_format(found, rule.example_file)
    for d in found:
        for match in _QUOTED.finditer(d.message):
            quoted = match.group(1) if match.group(1) is not None else match.group(2)
            if any(mark in quoted for mark in ("$VALUE", "$(cat", "<your-value>", "café")):
                assert quoted in source, (d.code, d.message)  # the user's text, verbatim


def test_the_references_chart_push_example_quotes_the_path_as_written():
    for source, kind, shown in (
        ('ngc registry chart push acme/c:1 "$CHART_PATH"\n', "shell", '"$CHART_PATH"'),
        (
            "```bash\nngc registry chart push <org>/<chart>:<version> <chart-directory-or-tgz>\n```\n",
            "markdown",
            "'<chart-directory-or-tgz>'",
        ),
    ):
        (d,) = lint(source, kind=kind)
        assert d.code == "NV511" and d.message.startswith(f"{shown} is a second positional argument"), d.message


def test_a_value_that_came_through_a_variable_is_quoted_with_what_it_is():
    source = 'IMAGE=vllm/vllm-openai:v1\nngc cf fn create --name f --inference-url /v1 --container-image "$IMAGE"\n'
    (d,) = lint(source)
    assert d.message.startswith('image "$IMAGE" (vllm/vllm-openai:v1) has no registry host'), d.message
