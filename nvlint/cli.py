"""Command line: argument parsing and exit codes only.

Exit status: 0 nothing reported (at or above `fail-on`), 1 something reported, 2 usage or
configuration error (or a bug in nvlint outside any one file, said in one line).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from nvlint import __version__
from nvlint.output import tell

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMAT_NAMES = ("text", "pretty", "json", "jsonl", "sarif", "github", "gitlab", "junit", "checkstyle")
STATISTICS_FORMATS = ("text", "pretty", "json", "jsonl")


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
    subcommands for every pre-commit run cost it milliseconds."""
    parser = _Parser(
        prog="nvlint",
        formatter_class=_Formatter,
        description="Lint NGC registry and NVIDIA Cloud Functions deployments: shell scripts, Makefiles, "
        "GitHub Actions, GitLab CI and NVCF payloads.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"nvlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in _COMMANDS.items():
        if command is None or command == name:
            add(commands)
    return parser


def _add_check(commands) -> None:
    check = commands.add_parser(
        "check",
        help="lint files and directories (default: .)",
        formatter_class=_Formatter,
        description="Lint files and directories; '-' reads standard input.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    _output_arguments(check)
    _rule_arguments(check)
    _fix_arguments(check)
    check.add_argument("--no-cache", action="store_true", help="do not read or write .nvlint_cache")
    check.add_argument(
        "--online",
        action="store_true",
        help="confirm every reference against its registry (also: online = true, NVLINT_ONLINE=1)",
    )
    check.add_argument(
        "--online-scope",
        choices=("deployed", "all"),
        help="deployed: what functions and tasks pull (default); all: also `docker pull` images",
    )
    check.add_argument("--refresh", action="store_true", help="with --online: ignore cached registry answers")
    check.add_argument("--jobs", type=_jobs, metavar="N", help="processes for large trees (default: one per core)")
    check.add_argument(
        "--stdin-filename", metavar="NAME", help="read standard input as this file (implies '-'): its kind, its name"
    )
    check.add_argument("--show-settings", action="store_true", help="print the settings of the first PATH and exit")
    check.add_argument("--show-files", action="store_true", help="list the files that would be checked and exit")
    check.add_argument(
        "--watch", action="store_true", help="check again whenever a file changes (pip install 'nvlint[watch]')"
    )
    config = check.add_mutually_exclusive_group()
    config.add_argument("--config", metavar="PATH", help="use this pyproject.toml or .nvlint.toml for every file")
    config.add_argument("--isolated", action="store_true", help="ignore all configuration files")


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


_COMMANDS = {"check": _add_check, "rule": _add_rule, "rules": _add_rules, "clean": _add_clean, "server": _add_server}


def _output_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--format",
        "--output-format",
        dest="format",
        action="append",
        choices=FORMAT_NAMES,
        help="output format; repeat with --output to write several (default: pretty on a terminal, text otherwise)",
    )
    check.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="FILE",
        help="write the matching --format (text when none is given) to FILE instead of standard output",
    )
    check.add_argument(
        "--statistics", action="store_true", help="a count per rule instead of findings (--format text or json)"
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour in the text and pretty formats (auto: at a terminal; NO_COLOR and FORCE_COLOR are honoured)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="only the findings: no summary, no notices")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="the lowest severity that makes the exit status 1 (default: info)",
    )
    check.add_argument("-e", "--exit-zero", action="store_true", help="exit 0 even when something is reported")


def _rule_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="only these rules: codes, prefixes (NV3) or names (oauthtoken-expanded), comma-separated",
    )
    check.add_argument("--extend-select", action="append", metavar="RULES", help="add these rules (opt-in rules)")
    check.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules instead of the config's")
    check.add_argument("--extend-ignore", action="append", metavar="RULES", help="skip these rules too")
    check.add_argument(
        "--per-file-ignores",
        action="append",
        metavar="GLOB:RULES",
        help="skip these rules in files matching GLOB (gitignore style, from the current folder)",
    )
    check.add_argument(
        "--extend-exclude",
        action="append",
        metavar="GLOBS",
        help="never check files matching these globs too (comma-separated, from the current folder)",
    )
    check.add_argument("--no-suppressions", action="store_true", help="ignore '# nvlint: disable' directives (audits)")


def _fix_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    check.add_argument(
        "--add-suppressions",
        nargs="?",
        const="",
        metavar="REASON",
        help="write a '# nvlint: disable=...' directive for every finding (with '-- REASON' when given)",
    )
    check.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE and exit 0")
    check.add_argument(
        "--baseline", metavar="FILE", help="report only findings not recorded in FILE (also: baseline = FILE)"
    )


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {jobs}")
    return jobs


def main(argv: list[str] | None = None) -> int:
    # What a run allocates (words, values, events) mostly lives until its file is done, and the collector's
    # default thresholds walk those objects again and again: 40% of the time on a 40,000-line script.
    # Collect cycles far less often (mypy does the same); reference counting frees the rest at once.
    gc.set_threshold(100_000, 50, 100)
    given = sys.argv[1:] if argv is None else argv
    parser = build_parser(given[0] if given and given[0] in _COMMANDS else None)
    args = parser.parse_args(given)
    try:
        if args.command == "check":
            return _check(args, _subparser(parser, "check"))
        if args.command == "rule":
            return _rule(args, _subparser(parser, "rule"))
        if args.command == "rules":
            return _rules(args.format)
        if args.command == "server":
            from nvlint.server import main as serve

            return serve()
        if args.command == "clean":
            from nvlint import cache

            folder = cache.cache_folder(Path.cwd())
            tell(f"nvlint: removed {folder}" if cache.clean(folder) else f"nvlint: no cache at {folder}")
            return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_FINDINGS
    except Exception as error:  # a bug outside any one file: one line, not a traceback
        if os.environ.get("NVLINT_DEBUG") == "1":
            raise
        tell(
            f"nvlint: internal error: {type(error).__name__}: {error} "
            "(please report it; NVLINT_DEBUG=1 shows the traceback)"
        )
        return EXIT_USAGE
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """The command's own parser: its errors show its usage (`nvlint check [-h] ...`), not the top level's."""
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]
    raise LookupError(name)


def _selectors(values: list[str] | None, option: str, usage: argparse.ArgumentParser) -> tuple[str, ...]:
    """Codes, prefixes or rule names, comma-separated, as codes; an unknown one is a usage error."""
    from nvlint.rules import code_of, unknown_rule

    codes: list[str] = []
    for value in values or ():
        for selector in filter(None, (part.strip() for part in value.split(","))):
            code = code_of(selector)
            if code is None:
                usage.error(f"{option}: {unknown_rule(selector)}")
            codes.append(code)
    return tuple(codes)


def _formats(args) -> tuple[list[str], list[str]]:
    """The formats and the files they go to: each --output takes the --format given in its place (in
    order), or text; a format without an --output goes to standard output."""
    outputs = args.output or []
    formats = list(args.format or [])
    if not formats and not outputs:
        formats = [_default_format()]
    formats += ["text"] * (len(outputs) - len(formats))
    return formats, outputs


def _conflict(args, formats: list[str], outputs: list[str]) -> str | None:
    """What makes this command line contradict itself, or None."""
    on_stdout = formats[len(outputs) :]
    if len(on_stdout) > 1:
        return (
            f"--format {on_stdout[0]} and --format {on_stdout[1]} would both write to standard output; "
            "give every format but one an --output FILE"
        )
    if args.fix and args.diff:
        return "--fix and --diff cannot be used together: --diff shows the fixes without applying them"
    if args.unsafe_fixes and not (args.fix or args.diff):
        return "--unsafe-fixes needs --fix or --diff"
    if args.write_baseline and args.baseline:
        return "--write-baseline and --baseline cannot be used together: one records findings, the other hides them"
    if args.statistics and formats[0] not in STATISTICS_FORMATS:
        return f"--statistics writes text or json, not {formats[0]}"
    if args.add_suppressions is not None and (args.fix or args.diff or args.write_baseline):
        return "--add-suppressions writes directives: it cannot be used with --fix, --diff or --write-baseline"
    if args.watch and "-" in (args.paths or ()):
        return "--watch checks files as they change: standard input cannot be watched"
    return None


def _check(args, usage: argparse.ArgumentParser) -> int:
    from nvlint.settings import ConfigError

    formats, outputs = _formats(args)
    conflict = _conflict(args, formats, outputs)
    if conflict:
        usage.error(conflict)
    paths = args.paths or (["-"] if args.stdin_filename else ["."])
    if args.stdin_filename and "-" not in paths:
        paths = [*paths, "-"]  # --stdin-filename means standard input is one of the files
    try:
        run_plan, here = _plan(args, usage)
        if args.show_settings or args.show_files:
            from nvlint import show

            return show.settings(run_plan, paths) if args.show_settings else show.files(run_plan, paths)
        online = args.online or os.environ.get("NVLINT_ONLINE") == "1" or here.online
        if not online and (args.refresh or args.online_scope):
            usage.error(
                f"{'--refresh' if args.refresh else '--online-scope'} only applies in online mode "
                "(--online, NVLINT_ONLINE=1 or online = true)"
            )
        baseline_file = None if args.write_baseline else (args.baseline or here.baseline)
        known = _baseline(baseline_file)
        run_plan.options = check_options(args, online, known)
        if args.watch:
            from nvlint import watch

            return watch.watch(
                paths, lambda: _check_once(args, run_plan, here, paths, formats, outputs, online, baseline_file)
            )
        return _check_once(args, run_plan, here, paths, formats, outputs, online, baseline_file)
    except ConfigError as error:
        tell(f"nvlint: error: {error}")
        return EXIT_USAGE


def _plan(args, usage: argparse.ArgumentParser):
    """The run's plan (each file's settings and rules) and the settings of the current folder."""
    from nvlint.check import plan
    from nvlint.rules import CODES
    from nvlint.settings import SettingsFinder

    select = _selectors(args.select, "--select", usage)
    ignore = _selectors(args.ignore, "--ignore", usage) if args.ignore is not None else None
    extend_select = _selectors(args.extend_select, "--extend-select", usage)
    extend_ignore = _selectors(args.extend_ignore, "--extend-ignore", usage)
    per_file = tuple(_per_file_ignore(value, usage) for value in args.per_file_ignores or ())
    exclude = tuple(glob.strip() for value in args.extend_exclude or () for glob in value.split(",") if glob.strip())
    finder = SettingsFinder(Path(args.config) if args.config else None, CODES, plan.DECLARED)
    run_plan = plan.Plan(finder, None, select, ignore, extend_select, args.isolated, extend_ignore)
    run_plan.command_line(per_file, exclude, os.getcwd())
    if args.quiet:
        run_plan.notice = _silent
    return run_plan, run_plan.settings(plan.here())


def _silent(message: str) -> None:
    return None


def _per_file_ignore(value: str, usage: argparse.ArgumentParser) -> tuple[str, tuple[str, ...]]:
    """`legacy/*.sh:NV303,NV201`: a glob and the rules it skips."""
    glob, sep, rules = value.rpartition(":")
    if not sep or not glob.strip():
        usage.error(f"--per-file-ignores: '{value}' is not GLOB:RULES (for example 'legacy/*.sh:NV303')")
    return glob.strip(), _selectors([rules], "--per-file-ignores", usage)


def _baseline(path: str | None) -> frozenset[str] | None:
    if path is None:
        return None
    from nvlint import baseline

    return frozenset(baseline.read(Path(path)))


def _check_once(args, run_plan, here, paths, formats, outputs, online, baseline_file=None) -> int:
    """One run over the paths: check, ask the registries (online mode), write what was found."""
    from nvlint.check import tree

    run = tree.check_paths(paths, run_plan, _cache(args), args.jobs, args.stdin_filename)
    if online:
        from nvlint.check.plan import here as current_folder
        from nvlint.online.verify import verify_run

        enabled = set(run_plan.rules(current_folder()))
        found, _ = verify_run(run.references, here, args.refresh, enabled, args.fail_on, sys.stderr.isatty())
        run.add_findings(found, here, args.fail_on)
    if args.add_suppressions is not None:
        from nvlint import add_suppressions

        added = add_suppressions.write(run_plan, run.diagnostics, args.add_suppressions)
        if not args.quiet:
            tell(add_suppressions.summary(added))
        return EXIT_CLEAN
    return _finish(args, run, formats, outputs, baseline_file)


def check_options(args, online: bool, known: frozenset[str] | None = None):
    from nvlint.check.file import Options

    return Options(
        fix=args.fix,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        suppress=not args.no_suppressions,
        fail_on=args.fail_on,
        online_scope=(args.online_scope or "deployed") if online else None,
        baseline=known,
    )


def _cache(args):
    """The result cache, unless the run changes files or is told not to use one."""
    if args.no_cache or args.fix or args.diff or args.add_suppressions is not None:
        return None
    from nvlint import cache

    return cache.open_cache(cache.cache_folder(Path.cwd()))


def _finish(args, run, formats: list[str], outputs: list[str], baseline_file: str | None) -> int:
    from nvlint import baseline, output
    from nvlint.report import Report, plural

    diagnostics = run.diagnostics
    if args.write_baseline:
        baseline.write(Path(args.write_baseline), diagnostics)
        tell(f"nvlint: recorded {len(diagnostics)} finding(s) in {args.write_baseline}")
        return EXIT_CLEAN
    diagnostics.sort(key=lambda d: d.sort_key())
    say = _silent if args.quiet else tell
    if run.hidden:
        say(f"nvlint: {plural(run.hidden, 'finding')} hidden by the baseline ({baseline_file})")
    if args.diff:
        sys.stdout.write("".join(run.diffs))
        if run.fixed:
            say(output.diff_line(run.fixed, diagnostics))
        return EXIT_FINDINGS if run.diffs and not args.exit_zero else EXIT_CLEAN
    # standard input fixed: the fixed text went to standard output, so findings go to standard error
    stream = sys.stderr if args.fix and "-" in (args.paths or ()) else sys.stdout
    if args.statistics:
        if outputs:
            with open(outputs[0], "w", encoding="utf-8") as handle:
                output.write_statistics(diagnostics, formats[0], handle, len(run.files))
        else:
            output.write_statistics(diagnostics, formats[0], stream, len(run.files))
    else:
        report = Report(diagnostics, files=run.files, color=_color(args.color))
        for path, text in run.sources.items():
            report.remember_source(path, text)
        output.write_reports(report, formats, outputs, stream)
    if args.fix:
        say(output.fix_line(run.fixed, diagnostics))
    elif formats[len(outputs) :] in ([], ["text"], ["github"]) and not args.statistics:  # pretty says it itself
        # on standard error: a CI log that shows annotations gets the count of files checked too
        say(output.summary_line(diagnostics, len(run.files)))
    if args.exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if diagnostics and run.failing > 0 else EXIT_CLEAN


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


def _rule(args, usage: argparse.ArgumentParser) -> int:
    import json

    from nvlint.rules import NAMES, all_rules, by_code, unknown_rule

    if args.all:
        chosen = list(all_rules())
    elif args.code:
        code = args.code.strip().upper() if args.code.strip().upper() in by_code() else NAMES.get(args.code.strip())
        if code is None:
            usage.error(unknown_rule(args.code))
        chosen = [by_code()[code]]
    else:
        usage.error("give a rule code or name, or --all")
    if args.format == "json":
        data = [_rule_json(r) for r in chosen]
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


def _rule_json(rule) -> dict:
    from nvlint.diagnostics import rule_url

    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "summary": rule.summary,
        "fixable": rule.fix_applicability,
        "default_enabled": rule.default_enabled,
        "online_only": rule.online,
        "url": rule_url(rule.code),
    }


def _rules(format_name: str) -> int:
    from nvlint.rules import all_rules

    if format_name == "json":
        import json

        print(json.dumps([_rule_json(r) for r in all_rules()], indent=2))
        return EXIT_CLEAN
    print(f"{'code':<6} {'name':<30} {'severity':<8} {'fix':<6} default")
    for r in all_rules():
        enabled = "online" if r.online else "on" if r.default_enabled else "opt-in"
        print(f"{r.code:<6} {r.name:<30} {r.severity:<8} {r.fix_applicability or '-':<6} {enabled}")
    print("\nonline: reported only with --online (see the README's Online mode section)")
    return EXIT_CLEAN


if __name__ == "__main__":
    raise SystemExit(main())
