"""Command line: each command run, and its exit status (the options: nvlint.cli_options; argparse:
nvlint.cli_parser).

Exit status: 0 nothing reported (at or above `fail-on`), 1 something reported, 2 usage or
configuration error (or a bug in nvlint outside any one file, said in one line).
"""

from __future__ import annotations

import gc
import os
import sys
from types import SimpleNamespace

from nvlint.cli_options import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, FORMAT_NAMES, quick_check
from nvlint.output import tell

TYPE_CHECKING = False  # typing and argparse are not imported at run time: start-up (mypy reads the block)
if TYPE_CHECKING:
    import argparse
    from typing import Any, NoReturn

STATISTICS_FORMATS = ("text", "pretty", "json", "jsonl")
__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_USAGE", "FORMAT_NAMES", "main"]


def run() -> None:
    """The `nvlint` program: main(), then, after `nvlint check`, an exit that skips the interpreter's
    teardown. Freeing every module and object one at a time took about 5 ms of a 45 ms pre-commit run,
    and nothing a check holds needs it: its files are closed where they are written. mypy exits the same
    way. What else may need the teardown (another command, a thread still running, exit handlers a
    library registered) gets it."""
    import atexit

    for name in ("stdout", "stderr"):  # started with the stream closed (`>&-`): what it gets goes nowhere
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w"))  # noqa: SIM115 - open until the process ends
    code = main()
    if sys.argv[1:2] != ["check"] or ("threading" in sys.modules and sys.modules["threading"].active_count() > 1):
        raise SystemExit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = code or EXIT_FINDINGS  # as main() answers a closed pipe
    except (OSError, ValueError):
        raise SystemExit(code) from None  # a closed or failing stream: the interpreter reports what it can
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    # What a run allocates (words, values, events) mostly lives until its file is done, and the collector's
    # default thresholds walk those objects again and again: 40% of the time on a 40,000-line script.
    # Collect cycles far less often (mypy does the same); reference counting frees the rest at once.
    gc.set_threshold(100_000, 50, 100)
    given = sys.argv[1:] if argv is None else argv
    quick = quick_check(given[1:]) if given and given[0] == "check" else None
    args: Any
    if quick is not None:
        args, parser = SimpleNamespace(**quick), None
    else:
        from nvlint.cli_parser import COMMANDS, build_parser

        parser = build_parser(given[0] if given and given[0] in COMMANDS else None)
        args = parser.parse_args(given)
    try:
        if args.command == "check":
            return _check(args, _Usage(parser, "check"))
        if args.command == "rule":
            return _rule(args, _Usage(parser, "rule"))
        if args.command == "rules":
            return _rules(args.format)
        if args.command == "server":
            from nvlint.server import main as serve

            return serve()
        if args.command == "clean":
            from nvlint import cache

            folder = cache.cache_folder(os.getcwd())
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
    assert parser is not None  # only argparse reads a command line without a command
    parser.print_help(sys.stderr)
    return EXIT_USAGE


class _Usage:
    """Where a command's usage errors go: its argparse parser, built only when there is an error to
    report (a command line read by nvlint.cli_options has none yet)."""

    def __init__(self, parser: argparse.ArgumentParser | None, command: str) -> None:
        self.parser, self.command = parser, command

    def error(self, message: str) -> NoReturn:  # argparse exits
        from nvlint.cli_parser import build_parser, subparser

        parser = self.parser if self.parser is not None else build_parser(self.command)
        subparser(parser, self.command).error(message)


def _selectors(values: list[str] | None, option: str, usage: _Usage) -> tuple[str, ...]:
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


def _check(args, usage: _Usage) -> int:
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


def _plan(args, usage: _Usage):
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
    finder = SettingsFinder(args.config or None, CODES, plan.DECLARED)
    run_plan = plan.Plan(finder, None, select, ignore, extend_select, args.isolated, extend_ignore)
    run_plan.command_line(per_file, exclude, os.getcwd())
    if args.quiet:
        run_plan.notice = _silent
    return run_plan, run_plan.settings(plan.here())


def _silent(message: str) -> None:
    return None


def _per_file_ignore(value: str, usage: _Usage) -> tuple[str, tuple[str, ...]]:
    """`legacy/*.sh:NV303,NV201`: a glob and the rules it skips."""
    glob, sep, rules = value.rpartition(":")
    if not sep or not glob.strip():
        usage.error(f"--per-file-ignores: '{value}' is not GLOB:RULES (for example 'legacy/*.sh:NV303')")
    return glob.strip(), _selectors([rules], "--per-file-ignores", usage)


def _baseline(path: str | None) -> frozenset[str] | None:
    if path is None:
        return None
    from pathlib import Path

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

    return cache.open_cache(cache.cache_folder(os.getcwd()))


def _finish(args, run, formats: list[str], outputs: list[str], baseline_file: str | None) -> int:
    from nvlint import output
    from nvlint.report import Report, plural

    diagnostics = run.diagnostics
    if args.write_baseline:
        from pathlib import Path

        from nvlint import baseline

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


def _rule(args, usage: _Usage) -> int:
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
