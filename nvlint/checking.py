"""The `check` command's run: which files, each with its settings and rules, checked by the runner; what
the run found is collected for reporting."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from nvlint.runner import Options, Task


class Run:
    """What one `nvlint check` collects."""

    def __init__(self) -> None:
        self.diagnostics: list = []
        self.files: list[str] = []
        self.failing = 0  # findings at or above their file's fail-on level
        self.diffs: list[str] = []
        self.fixed = 0  # findings --fix fixed (or --diff would fix)
        self.sources: dict[str, str] = {}
        self.references: list = []


def notice(message: str) -> None:
    print(f"nvlint: {message}", file=sys.stderr)


class Checker:
    """Each file's settings (the nearest configuration, or one for all) and enabled rules."""

    def __init__(
        self,
        finder,
        select: tuple[str, ...],
        ignore: tuple[str, ...] | None,
        extend: tuple[str, ...],
        isolated: bool = False,
        extend_ignore: tuple[str, ...] = (),
    ) -> None:
        from nvlint.settings import Settings

        self.finder = finder
        self.select, self.extend, self.extend_ignore = select, extend, extend_ignore
        self.ignore = ignore  # None: the configuration's `ignore` applies
        self._rules: dict[tuple, tuple] = {}
        self._by_folder: dict[str, object] = {}  # finding a file's settings resolves its folder: once per folder
        self._isolated = Settings() if isolated else None  # one for every file: its cache key made once

    def settings(self, path: str):
        if self._isolated is not None:
            return self._isolated
        folder = os.path.dirname(path)
        found = self._by_folder.get(folder)
        if found is None:
            found = self._by_folder[folder] = self.finder.for_file(Path(path))
        return found

    def rules(self, path: str, settings=None) -> tuple[str, ...]:
        """The codes of the rules enabled for this file (rule modules are not loaded here)."""
        from nvlint.rules import select_codes

        settings = settings or self.settings(path)
        select = self.select or settings.select
        ignore = self.ignore if self.ignore is not None else settings.ignore
        ignore = ignore + tuple(c for c in settings.ignores_for(path) if c not in settings.ignore) + self.extend_ignore
        key = (select, ignore, self.extend + settings.extend_select)
        if key not in self._rules:
            self._rules[key] = select_codes(select, ignore, self.extend + settings.extend_select)
        return self._rules[key]

    def task(self, display: str, path: str, kind: str, data: bytes | None = None, stdin: bool = False, settings=None):
        from nvlint.runner import Task

        settings = settings or self.settings(path)
        return Task(display, path, kind, settings, self.rules(path, settings), data, stdin)


def tasks(
    paths: list[str], checker: Checker, stdin_filename: str | None, cache=None, excluded: list[str] | None = None
) -> Iterator[Task]:
    """One task per file, streamed: a big tree is never held as a list. `-` is standard input. A file named
    on its own also brings the scripts that source it (pre-commit passes only the file that changed).
    Files named on the command line that the configuration excludes are added to ``excluded``."""
    from nvlint.discover import iter_targets

    named = {os.path.abspath(p) for p in paths if p != "-"}
    for given in paths:
        if given == "-":
            yield _stdin_task(checker, stdin_filename)
            continue
        for target in iter_targets([given], notice=notice):
            dependents = cache.dependents_of(target.path) if cache is not None and target.explicit else []
            if target.kind is None:
                if target.explicit and not dependents:
                    notice(f"skipped {target.display}: not a kind of file nvlint reads")
            else:
                settings = checker.settings(target.path)
                if not settings.excludes(target.path):
                    yield checker.task(target.display, target.path, target.kind, settings=settings)
                elif target.explicit and excluded is not None:
                    excluded.append(target.display)
            for script in dependents:
                if os.path.abspath(script) not in named and os.path.isfile(script):
                    named.add(os.path.abspath(script))
                    yield from tasks([os.path.relpath(script)], checker, None)


def _stdin_task(checker: Checker, stdin_filename: str | None) -> Task:
    """Standard input, read whole. Named with --stdin-filename, it is a file like any other: when the
    configuration excludes that name, no rule runs (an editor shows nothing; --fix gives the text back)."""
    from nvlint.sources import kind_from_shebang, kind_of_name

    name = stdin_filename or "-"
    data = sys.stdin.buffer.read()
    kind = kind_of_name(Path(name).name) if stdin_filename else None
    kind = kind or kind_from_shebang(data.split(b"\n", 1)[0]) or "shell"
    path = str(Path(name).absolute())
    task = checker.task(name, path, kind, data, stdin=True)
    if stdin_filename and task.settings.excludes(path):
        task.codes = ()
    return task


def skipped_line(excluded: list[str]) -> str:
    """One line for the named files the configuration excludes."""
    shown = ", ".join(excluded[:3]) + (f" and {len(excluded) - 3} more" if len(excluded) > 3 else "")
    files = "file" if len(excluded) == 1 else "files"
    return f"skipped {len(excluded)} {files} that the configuration excludes: {shown}"


def check(
    paths: list[str], checker: Checker, options: Options, cache, jobs: int | None, stdin_filename: str | None
) -> Run:
    """Every file checked; raises ConfigError for a configuration file met on the way."""
    from nvlint import runner

    run = Run()
    excluded: list[str] = []
    for result in runner.run_all(tasks(paths, checker, stdin_filename, cache, excluded), options, cache, jobs=jobs):
        run.files.append(result.display)
        run.references += result.references
        run.diagnostics += result.diagnostics
        run.failing += result.failing
        run.fixed += result.fixed_count
        if result.diff:
            run.diffs.append(result.diff)
        if result.fixed is not None:
            sys.stdout.write(result.fixed)
        if result.text is not None:
            run.sources[result.display] = result.text
    run.diffs.sort()
    if excluded:
        notice(skipped_line(excluded))
    return run


def declared_options() -> dict:
    """Every option a rule or a file kind declares, by name: a kind's Option, or the module of the rule
    that declares it (the rules catalogue names them, so a configuration is checked without loading rules)."""
    from nvlint.rules.catalog import OPTIONS
    from nvlint.sources import FILE_KINDS

    declared: dict = dict(OPTIONS)
    declared.update({option.name: option for kind in FILE_KINDS for option in kind.options})
    return declared


def here() -> str:
    """A path in the current folder: its settings are the run's (online mode, `fail-on` of online findings)."""
    return os.path.join(os.getcwd(), "-")
