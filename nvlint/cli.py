"""Command line: argument parsing and exit codes only.

Exit status: 0 nothing reported, 1 something reported, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nvlint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _codes(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or ():
        out.extend(code.strip().upper() for code in value.split(",") if code.strip())
    return tuple(out)


def build_parser() -> argparse.ArgumentParser:
    from nvlint.report import FORMATS

    parser = argparse.ArgumentParser(
        prog="nvlint",
        description="Lint NGC registry and NVIDIA Cloud Functions deployments in shell scripts.",
    )
    parser.add_argument("--version", action="version", version=f"nvlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="lint files and directories (default: .)",
                                description="Lint files and directories; '-' reads standard input.")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    check.add_argument("--select", action="append", metavar="CODES",
                       help="only these rules, by code or prefix (NV3), comma-separated")
    check.add_argument("--ignore", action="append", metavar="CODES", help="skip these rules, by code or prefix")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="with '-': the name that decides the file kind and is reported")
    config = check.add_mutually_exclusive_group()
    config.add_argument("--config", metavar="PATH", help="use this pyproject.toml or .nvlint.toml for every file")
    config.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return _check(args, parser)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_FINDINGS


def _check(args, parser) -> int:
    from nvlint.discover import iter_targets, kind_from_shebang, kind_of_name
    from nvlint.lint import lint_bytes
    from nvlint.report import FORMATS
    from nvlint.rules import CODES, select_rules
    from nvlint.settings import ConfigError, Settings, SettingsFinder

    cli_select, cli_ignore = _codes(args.select), _codes(args.ignore)
    for code in cli_select + cli_ignore:
        if not any(known.startswith(code) for known in CODES):
            parser.error(f"unknown rule code or prefix '{code}'")
    try:
        finder = SettingsFinder(Path(args.config) if args.config else None, CODES)
    except ConfigError as error:
        print(f"nvlint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    paths = args.paths or ["."]
    if args.stdin_filename and "-" not in paths:
        parser.error("--stdin-filename needs '-' among the paths")
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        print(f"nvlint: error: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE

    rules_for: dict[tuple, tuple] = {}

    def settings_and_rules(path: Path) -> tuple[Settings, tuple]:
        settings = Settings() if args.isolated else finder.for_file(path)
        select = cli_select or settings.select
        ignore = cli_ignore if args.ignore is not None else settings.ignore
        key = (select, ignore)
        if key not in rules_for:
            rules_for[key] = select_rules(select, ignore)
        return settings, rules_for[key]

    diagnostics = []
    try:
        for given in paths:
            if given == "-":
                name = args.stdin_filename or "-"
                data = sys.stdin.buffer.read()
                kind = kind_of_name(Path(name).name) if args.stdin_filename else None
                kind = kind or kind_from_shebang(data.split(b"\n", 1)[0]) or "shell"
                settings, rules = settings_and_rules(Path(name).absolute())
                diagnostics += _safely(lint_bytes, data, name, kind, settings, rules)
                continue
            for target in iter_targets([given]):
                if target.kind is None:
                    if target.explicit:
                        print(f"nvlint: skipped {target.display}: not a kind of file nvlint reads (shell scripts)",
                              file=sys.stderr)
                    continue
                settings, rules = settings_and_rules(target.path)
                try:
                    data = target.path.read_bytes()
                except OSError as error:
                    diagnostics += _unreadable(target.display, error, rules)
                    continue
                diagnostics += _safely(lint_bytes, data, target.display, target.kind, settings, rules)
    except ConfigError as error:
        print(f"nvlint: error: {error}", file=sys.stderr)
        return EXIT_USAGE

    diagnostics.sort(key=lambda d: d.sort_key())
    FORMATS[args.format](diagnostics, sys.stdout)
    sys.stdout.flush()
    if diagnostics and args.format == "text":
        files = len({d.path for d in diagnostics})
        print(f"Found {len(diagnostics)} problem{'s' * (len(diagnostics) != 1)} in {files} "
              f"file{'s' * (files != 1)}.", file=sys.stderr)
    return EXIT_FINDINGS if diagnostics else EXIT_CLEAN


def _safely(lint_bytes, data: bytes, display: str, kind: str, settings, rules) -> list:
    """A bug in nvlint on one file must not stop the run nor pass silently: it becomes a finding."""
    try:
        return lint_bytes(data, display, kind, settings, rules)
    except (KeyboardInterrupt, SystemExit, BrokenPipeError):
        raise
    except Exception as error:  # noqa: BLE001 - the point is to catch everything
        from nvlint.rules import BY_CODE

        diagnostic = BY_CODE["NV000"].at((0, 0), f"nvlint failed on this file ({type(error).__name__}: {error}); "
                                                 "please report it with the file")
        diagnostic.path = display
        diagnostic.line = diagnostic.column = diagnostic.end_line = diagnostic.end_column = 1
        return [diagnostic]


def _unreadable(display: str, error: OSError, rules) -> list:
    from nvlint.rules import BY_CODE

    if not any(r.code == "NV000" for r in rules):
        return []
    diagnostic = BY_CODE["NV000"].at((0, 0), f"cannot read the file: {error.strerror or error}")
    diagnostic.path = display
    diagnostic.line = diagnostic.column = diagnostic.end_line = diagnostic.end_column = 1
    return [diagnostic]


if __name__ == "__main__":
    raise SystemExit(main())
