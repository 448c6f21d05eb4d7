"""The quick reading of a `check` command line (nvlint.cli_options) agrees with argparse wherever it
answers, and leaves to argparse what it cannot read."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nvlint.cli_options import quick_check
from nvlint.cli_parser import build_parser


def argparse_reading(arguments: list[str]) -> dict | None:
    """argparse's namespace for `nvlint check ARGUMENTS`, or None where it stops with a usage error."""
    try:
        return vars(build_parser("check").parse_args(["check", *arguments]))
    except SystemExit:
        return None


# words a command line is made of: flags of every action, values good and bad, paths, and oddities
WORDS = [
    "a.sh",
    "dir/b.yml",
    "-",
    "",
    "--format",
    "--format=json",
    "--format=bogus",
    "--output-format",
    "text",
    "sarif",
    "-o",
    "--output",
    "out.txt",
    "--statistics",
    "--color",
    "never",
    "--color=always",
    "-q",
    "--quiet",
    "--fail-on",
    "warning",
    "-e",
    "--select",
    "NV3",
    "--ignore=NV101",
    "--extend-select",
    "--per-file-ignores",
    "legacy/*.sh:NV303",
    "--extend-exclude",
    "--no-suppressions",
    "--fix",
    "--fix=yes",
    "--unsafe-fixes",
    "--diff",
    "--add-suppressions",
    "--write-baseline",
    "--baseline",
    "--no-cache",
    "--online",
    "--online-scope",
    "all",
    "--refresh",
    "--jobs",
    "2",
    "0",
    "-1",
    "many",
    "--jobs=3",
    "--stdin-filename",
    "--show-settings",
    "--show-files",
    "--watch",
    "--config",
    "pyproject.toml",
    "--config=",
    "--isolated",
    "--iso",
    "--",
    "-qe",
    "-otext",
    "--help",
    "-x",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=7))
def test_the_quick_reading_agrees_with_argparse_wherever_it_answers(arguments):
    quick = quick_check(arguments)
    if quick is not None:
        assert quick == argparse_reading(arguments), arguments


@pytest.mark.parametrize(
    "arguments",
    [
        ["a.sh"],
        [],
        ["--isolated", "--format", "text", "a.sh", "b.sh"],
        ["a.sh", "-q", "--select=NV3", "--select", "NV1"],
        ["--jobs", "2", "-o", "out.txt", "--format", "json", "-"],
        ["--config", "pyproject.toml", "--fail-on", "warning", "."],
    ],
)
def test_plain_command_lines_are_read_without_argparse(arguments):
    """What pre-commit, CI and editors pass: read here, the same as argparse reads it."""
    assert quick_check(arguments) is not None
    assert quick_check(arguments) == argparse_reading(arguments)


@pytest.mark.parametrize(
    "arguments",
    [
        ["--iso", "a.sh"],  # an abbreviation
        ["a.sh", "-q", "b.sh"],  # a second run of paths: argparse's error
        ["--format", "bogus", "a.sh"],  # a value argparse refuses
        ["--jobs", "0"],
        ["--config", "x.toml", "--isolated"],  # not allowed together
        ["--add-suppressions", "a.sh"],  # an optional value: argparse decides what it takes
        ["--", "-odd.sh"],
        ["--help"],
        ["-qe", "a.sh"],
    ],
)
def test_what_argparse_must_say_is_left_to_it(arguments):
    assert quick_check(arguments) is None
