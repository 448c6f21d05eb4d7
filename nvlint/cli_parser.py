"""The argparse parser of every command: help, usage errors, and the command lines that
nvlint.cli_options does not read itself. The `check` options come from that module's table."""

from __future__ import annotations

import argparse
import os
import sys

from nvlint import __version__
from nvlint.cli_options import CONFIG_OPTIONS, EXIT_USAGE, UNGROUPED_OPTIONS


class _Formatter(argparse.HelpFormatter):
    """argparse makes a formatter for every argument it declares, and each asks `shutil` for the terminal
    width: `shutil` imports bz2 and lzma, a few milliseconds of every pre-commit run. Ask the OS directly."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Parser(argparse.ArgumentParser):
    """A usage error is one line, and where to read more: not the usage block before it."""

    def error(self, message: str):  # argparse declares it NoReturn; exit() never returns
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\ntry '{self.prog} --help'\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``command``, only that subcommand's (the one a run was given). argparse asks
    gettext for each parser's headings, a search of the locale folders every time: building all five
    subcommands for every run cost milliseconds."""
    parser = _Parser(
        prog="nvlint",
        formatter_class=_Formatter,
        description="Lint NGC registry and NVIDIA Cloud Functions deployments: shell scripts, Makefiles, "
        "GitHub Actions, GitLab CI and NVCF payloads.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"nvlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in COMMANDS.items():
        if command is None or command == name:
            add(commands)
    return parser


def subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """The command's own parser: its errors show its usage (`nvlint check [-h] ...`), not the top level's."""
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]
    raise LookupError(name)


def _add_check(commands) -> None:
    check = commands.add_parser(
        "check",
        help="lint files and directories (default: .)",
        formatter_class=_Formatter,
        description="Lint files and directories; '-' reads standard input.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    for flags, settings in UNGROUPED_OPTIONS:
        check.add_argument(*flags, **settings)
    config = check.add_mutually_exclusive_group()
    for flags, settings in CONFIG_OPTIONS:
        config.add_argument(*flags, **settings)


def _add_rule(commands) -> None:
    rule = commands.add_parser("rule", help="show a rule's documentation", formatter_class=_Formatter)
    rule.add_argument("code", nargs="?", metavar="RULE", help="a rule code or name, e.g. NV302 or oauthtoken-expanded")
    rule.add_argument("--all", action="store_true", help="every rule")
    rule.add_argument("--format", choices=("text", "json"), default="text")


def _add_rules(commands) -> None:
    rules = commands.add_parser("rules", help="list the rules", formatter_class=_Formatter)
    rules.add_argument("--format", choices=("text", "json"), default="text")


def _add_clean(commands) -> None:
    commands.add_parser("clean", help="remove the result cache (.nvlint_cache)", formatter_class=_Formatter)


def _add_server(commands) -> None:
    commands.add_parser(
        "server",
        help="run the language server on standard input and output (pip install 'nvlint[server]')",
        formatter_class=_Formatter,
        description="The Language Server Protocol over stdio, for editors: findings as you type, fixes, hover.",
    )


COMMANDS = {"check": _add_check, "rule": _add_rule, "rules": _add_rules, "clean": _add_clean, "server": _add_server}
