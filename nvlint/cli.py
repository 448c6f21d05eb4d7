"""Command line: argument parsing and exit codes only.

Exit status: 0 nothing reported (at or above `fail-on`), 1 something reported, 2 usage or
configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from nvlint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMAT_NAMES = ("text", "pretty", "json", "jsonl", "sarif", "github", "gitlab", "junit", "checkstyle")


def _codes(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or ():
        out.extend(code.strip().upper() for code in value.split(",") if code.strip())
    return tuple(out)


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nvlint",
        formatter_class=_Formatter,
        description="Lint NGC registry and NVIDIA Cloud Functions deployments: shell scripts, Makefiles, "
        "GitHub Actions, GitLab CI and NVCF payloads.",
    )
    parser.add_argument("--version", action="version", version=f"nvlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="lint files and directories (default: .)",
        formatter_class=_Formatter,
        description="Lint files and directories; '-' reads standard input.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    check.add_argument(
        "--format",
        action="append",
        choices=FORMAT_NAMES,
        help="output format; repeat with --output to write several (default: pretty on a terminal, text otherwise)",
    )
    check.add_argument(
        "--output",
        action="append",
        metavar="FILE",
        help="write the matching --format to FILE instead of standard output",
    )
    check.add_argument(
        "--select", action="append", metavar="CODES", help="only these rules, by code or prefix (NV3), comma-separated"
    )
    check.add_argument("--extend-select", action="append", metavar="CODES", help="add these rules (opt-in rules)")
    check.add_argument("--ignore", action="append", metavar="CODES", help="skip these rules, by code or prefix")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="the lowest severity that makes the exit status 1 (default: info)",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when something is reported")
    check.add_argument("--statistics", action="store_true", help="print a count per rule instead of findings")
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour in the pretty format (auto honours NO_COLOR and FORCE_COLOR)",
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    check.add_argument("--no-suppressions", action="store_true", help="ignore '# nvlint: disable' directives (audits)")
    check.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE and exit 0")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    check.add_argument("--no-cache", action="store_true", help="do not read or write .nvlint_cache")
    check.add_argument(
        "--online",
        action="store_true",
        help="confirm every reference against its registry (also: online = true, NVLINT_ONLINE=1)",
    )
    check.add_argument(
        "--online-scope",
        choices=("deployed", "all"),
        default="deployed",
        help="deployed: what functions and tasks pull (default); all: also `docker pull` images",
    )
    check.add_argument("--refresh", action="store_true", help="with --online: ignore cached registry answers")
    check.add_argument("--jobs", type=int, metavar="N", help="processes for large trees (default: one per core)")
    check.add_argument(
        "--stdin-filename", metavar="NAME", help="with '-': the name that decides the file kind and is reported"
    )
    config = check.add_mutually_exclusive_group()
    config.add_argument("--config", metavar="PATH", help="use this pyproject.toml or .nvlint.toml for every file")
    config.add_argument("--isolated", action="store_true", help="ignore all configuration files")

    rule = commands.add_parser("rule", help="show a rule's documentation", formatter_class=_Formatter)
    rule.add_argument("code", nargs="?", help="a rule code, e.g. NV302")
    rule.add_argument("--all", action="store_true", help="every rule")
    rule.add_argument("--format", choices=("text", "json"), default="text")
    commands.add_parser("rules", help="list the rules", formatter_class=_Formatter)
    commands.add_parser("clean", help="remove the result cache (.nvlint_cache)", formatter_class=_Formatter)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args, parser)
        if args.command == "rule":
            return _rule(args, parser)
        if args.command == "rules":
            return _rules()
        if args.command == "clean":
            from nvlint import cache

            folder = cache.cache_folder(Path.cwd())
            print(
                f"nvlint: removed {folder}" if cache.clean(folder) else f"nvlint: no cache at {folder}",
                file=sys.stderr,
            )
            return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_FINDINGS
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _check(args, parser) -> int:
    from nvlint import checking
    from nvlint.rules import CODES
    from nvlint.settings import ConfigError, SettingsFinder

    cli_select, cli_ignore, cli_extend = _codes(args.select), _codes(args.ignore), _codes(args.extend_select)
    for code in cli_select + cli_ignore + cli_extend:
        if not any(known.startswith(code) for known in CODES):
            parser.error(f"unknown rule code or prefix '{code}'")
    formats = args.format or [_default_format()]
    outputs = args.output or []
    if len(outputs) > len(formats):
        parser.error("each --output needs a --format before it")
    paths = args.paths or ["."]
    if args.stdin_filename and "-" not in paths:
        parser.error("--stdin-filename needs '-' among the paths")
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        print(f"nvlint: error: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        finder = SettingsFinder(Path(args.config) if args.config else None, CODES, checking.declared_options())
        checker = checking.Checker(
            finder, cli_select, cli_ignore if args.ignore is not None else None, cli_extend, args.isolated
        )
        here = checker.settings(checking.here())
        online = args.online or os.environ.get("NVLINT_ONLINE") == "1" or here.online
        options = runner_options(args, online)
        cache = _cache(args)
        run = checking.check(paths, checker, options, cache, args.jobs, args.stdin_filename)
    except ConfigError as error:
        print(f"nvlint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if online:
        from nvlint.online.run import run_online

        found, failing = run_online(
            run.references, here, args.refresh, set(checker.rules(checking.here())), args.fail_on, sys.stderr.isatty()
        )
        run.diagnostics += found
        run.failing += failing
    return _finish(args, run, formats, outputs)


def runner_options(args, online: bool):
    from nvlint.runner import Options

    return Options(
        fix=args.fix,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        suppress=not args.no_suppressions,
        fail_on=args.fail_on,
        online_scope=args.online_scope if online else None,
    )


def _cache(args):
    """The result cache, unless the run changes files or is told not to use one."""
    if args.no_cache or args.fix or args.diff:
        return None
    from nvlint import cache

    return cache.open_cache(cache.cache_folder(Path.cwd()))


def _finish(args, run, formats: list[str], outputs: list[str]) -> int:
    from nvlint.report import Report, write

    diagnostics = run.diagnostics
    from nvlint import baseline

    for d in diagnostics:
        if not d.fingerprint:
            baseline.fingerprint(d)
    if args.write_baseline:
        baseline.write(Path(args.write_baseline), diagnostics)
        print(f"nvlint: recorded {len(diagnostics)} finding(s) in {args.write_baseline}", file=sys.stderr)
        return EXIT_CLEAN
    if args.baseline:
        known = baseline.read(Path(args.baseline))
        if known is None:
            print(f"nvlint: error: cannot read baseline {args.baseline}", file=sys.stderr)
            return EXIT_USAGE
        kept = [d for d in diagnostics if d.fingerprint not in known]
        run.failing -= len(diagnostics) - len(kept)
        diagnostics = kept
    diagnostics.sort(key=lambda d: d.sort_key())
    report = Report(diagnostics, files=run.files, color=_color(args.color))
    for path, text in run.sources.items():
        report.remember_source(path, text)
    if args.diff:
        sys.stdout.write("".join(run.diffs))
        return EXIT_FINDINGS if run.diffs and not args.exit_zero else EXIT_CLEAN
    if args.fix and args.paths == ["-"]:
        stream_for_stdout = sys.stderr  # the fixed text went to standard output
    else:
        stream_for_stdout = sys.stdout
    if args.statistics:
        _statistics(diagnostics, stream_for_stdout)
    else:
        for n, format_name in enumerate(formats):
            if n < len(outputs):
                with open(outputs[n], "w", encoding="utf-8") as handle:
                    write(format_name, report, handle)
            else:
                write(format_name, report, stream_for_stdout)
                stream_for_stdout.flush()
    if diagnostics and "text" in formats[len(outputs) :] and not args.statistics:
        files = len({d.path for d in diagnostics})
        print(
            f"Found {len(diagnostics)} problem{'s' * (len(diagnostics) != 1)} in {files} file{'s' * (files != 1)}.",
            file=sys.stderr,
        )
    if args.exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if diagnostics and max(run.failing, 0) else EXIT_CLEAN


def _default_format() -> str:
    return "pretty" if sys.stdout.isatty() else "text"


def _color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _statistics(diagnostics, stream) -> None:
    counts: dict[tuple[str, str], int] = {}
    for d in diagnostics:
        counts[(d.code, d.name)] = counts.get((d.code, d.name), 0) + 1
    for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        stream.write(f"{count:>5}  {code}  {name}\n")


def _rule(args, parser) -> int:
    import json

    from nvlint.rules import ALL_RULES, BY_CODE

    if args.all:
        chosen = list(ALL_RULES)
    elif args.code and args.code.upper() in BY_CODE:
        chosen = [BY_CODE[args.code.upper()]]
    else:
        parser.error(f"unknown rule '{args.code}'" if args.code else "give a rule code or --all")
    if args.format == "json":
        from nvlint.diagnostics import rule_url

        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "summary": r.summary,
                "fixable": r.fix_applicability,
                "default_enabled": r.default_enabled,
                "url": rule_url(r.code),
            }
            for r in chosen
        ]
        print(json.dumps(data if args.all else data[0], indent=2))
        return EXIT_CLEAN
    from nvlint.ruledocs import page

    text = "\n".join(page(r) for r in chosen)
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        from nvlint.ruledocs import printable

        sys.stdout.write(printable(text))
    return EXIT_CLEAN


def _rules() -> int:
    from nvlint.rules import ALL_RULES

    print(f"{'code':<6} {'name':<30} {'severity':<8} {'fix':<6} default")
    for r in ALL_RULES:
        print(
            f"{r.code:<6} {r.name:<30} {r.severity:<8} {r.fix_applicability or '-':<6} "
            f"{'on' if r.default_enabled else 'opt-in'}"
        )
    return EXIT_CLEAN


if __name__ == "__main__":
    raise SystemExit(main())
