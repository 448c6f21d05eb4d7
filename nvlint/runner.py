"""Checking many files: one task per file, a result cache, and processes for large trees.

A task is everything needed to check one file, so it can run in this process or in a worker (the
parser holds the GIL: threads would not help). Results come back in any order; the caller sorts.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
from dataclasses import asdict, dataclass, field
from pathlib import Path

from nvlint import __version__
from nvlint.diagnostics import Diagnostic, Edit, Fix, severity_rank
from nvlint.settings import Settings

PARALLEL_MIN_FILES = 24  # below this, starting workers costs more than it saves
CACHE_DIR = ".nvlint_cache"


@dataclass
class Options:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    suppress: bool = True
    fail_on: str | None = None
    cache: Path | None = None  # the cache folder, or None


@dataclass
class Task:
    display: str
    path: str
    kind: str
    settings: Settings
    codes: tuple[str, ...]  # the enabled rules
    data: bytes | None = None  # standard input; files are read by the task


@dataclass
class Result:
    display: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failing: int = 0
    diff: str = ""
    fixed: str | None = None  # standard input, fixed
    text: str | None = None  # standard input, for formats that show source lines
    read: bool = True


def run(task: Task, options: Options) -> Result:
    from nvlint.rules import BY_CODE

    rules = tuple(BY_CODE[code] for code in task.codes)
    result = Result(task.display)
    data = task.data
    if data is None:
        try:
            from nvlint.lint import MAX_BYTES

            size = os.stat(task.path).st_size
            if size > MAX_BYTES:  # not even read: memory stays flat whatever the tree holds
                if "NV000" in task.codes:
                    diagnostic = BY_CODE["NV000"].at((0, 0), f"file is {size // (1024 * 1024)} MB, larger than "
                                                             f"{MAX_BYTES // (1024 * 1024)} MB; not read")
                    _at_start(diagnostic, task.display)
                    result.diagnostics = [diagnostic]
                    result.failing = 1
                return result
            data = Path(task.path).read_bytes()
        except OSError as error:
            result.read = False
            if "NV000" in task.codes:
                diagnostic = BY_CODE["NV000"].at((0, 0), f"cannot read the file: {error.strerror or error}")
                _at_start(diagnostic, task.display)
                result.diagnostics = [diagnostic]
                result.failing = 1
            return result
    # files that read other files (`include`) are not cached: a change there would not be seen
    cacheable = options.cache is not None and task.data is None and b"include" not in data
    key = _cache_key(task, options, data) if cacheable else None
    cached = _cache_get(options.cache, key) if key else None
    if cached is not None:
        result.diagnostics = cached
    else:
        result.diagnostics = _lint(data, task, rules, options)
        if options.fix or options.diff:
            data = _fix(data, task, rules, options, result)
        elif key:
            _cache_put(options.cache, key, result.diagnostics)
    if task.data is not None:
        result.text = data.decode("utf-8", "replace")
        if options.fix and result.fixed is None:
            result.fixed = data.decode("utf-8", "surrogateescape")
    threshold = severity_rank(options.fail_on or task.settings.fail_on or "info")
    result.failing = sum(1 for d in result.diagnostics if severity_rank(d.severity) >= threshold)
    return result


def _lint(data: bytes, task: Task, rules, options: Options) -> list[Diagnostic]:
    from nvlint import lint

    try:
        return lint.lint_bytes(data, task.display, task.kind, task.settings, rules, options.suppress)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as error:  # noqa: BLE001 - a reader's bug becomes a finding, not a crash
        diagnostic = lint.internal_error(f"reading this {task.kind} file", error)
        _at_start(diagnostic, task.display)
        return [diagnostic]


def _fix(data: bytes, task: Task, rules, options: Options, result: Result) -> bytes:
    from nvlint import fix as fixing

    if not any(fixing.applicable(d, options.unsafe_fixes) for d in result.diagnostics):
        return data
    before = data.decode("utf-8", "surrogateescape")
    text = before
    for _ in range(fixing.MAX_ROUNDS):
        text, applied = fixing.apply(text, result.diagnostics, options.unsafe_fixes)
        result.diagnostics = _lint(text.encode("utf-8", "surrogateescape"), task, rules, options)
        if not applied or not any(fixing.applicable(d, options.unsafe_fixes) for d in result.diagnostics):
            break
    if text == before:
        return data
    if options.diff:
        result.diff = fixing.unified_diff(task.display, before, text)
        return data
    if task.data is not None:
        result.fixed = text
    else:
        fixing.write_atomically(Path(task.path), text.encode("utf-8", "surrogateescape"))
    return text.encode("utf-8", "surrogateescape")


def _at_start(diagnostic: Diagnostic, display: str) -> None:
    diagnostic.path = display
    diagnostic.line = diagnostic.column = diagnostic.end_line = diagnostic.end_column = 1


# ---- the cache -----------------------------------------------------------------------------------

def cache_folder(start: Path) -> Path:
    """`.nvlint_cache` at the project root: the nearest folder with `.git`, else the current one."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder / CACHE_DIR
    return start / CACHE_DIR


def prepare_cache(folder: Path) -> Path | None:
    try:
        folder.mkdir(exist_ok=True)
        tag = folder / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                           "# This file is a cache directory tag created by nvlint.\n")
            (folder / ".gitignore").write_text("# Created by nvlint.\n*\n")
        return folder
    except OSError:
        return None  # a read-only tree lints without a cache


def clean(folder: Path) -> bool:
    import shutil

    if not (folder / "CACHEDIR.TAG").exists():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True


def _cache_key(task: Task, options: Options, data: bytes) -> str:
    digest = hashlib.sha256()
    for piece in (__version__, task.kind, task.display, repr(task.settings), ",".join(task.codes),
                  str(options.suppress), os.environ.get("NGC_CLI_ORG", "")):
        digest.update(piece.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def _cache_get(folder: Path | None, key: str) -> list[Diagnostic] | None:
    try:
        entries = json.loads((folder / key[:2] / f"{key[2:]}.json").read_text(encoding="utf-8"))  # type: ignore[operator]
        return [_diagnostic(entry) for entry in entries]
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _cache_put(folder: Path | None, key: str, diagnostics: list[Diagnostic]) -> None:
    """Write to a temporary name, then rename: concurrent runs never see half a file."""
    if folder is None:
        return
    try:
        target = folder / key[:2] / f"{key[2:]}.json"
        target.parent.mkdir(exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps([asdict(d) for d in diagnostics]), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        pass


def _diagnostic(entry: dict) -> Diagnostic:
    fix = entry.pop("fix")
    if fix is not None:
        fix = Fix(fix["message"], tuple(Edit(**edit) for edit in fix["edits"]), fix["applicability"])
    return Diagnostic(fix=fix, **entry)


# ---- many files ----------------------------------------------------------------------------------

def run_all(tasks: list[Task], options: Options, jobs: int | None = None):
    """Results of every task, in processes when there are enough files to pay for them."""
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if jobs <= 1 or len(tasks) < PARALLEL_MIN_FILES:
        for task in tasks:
            yield run(task, options)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupts)
    try:
        chunk = max(1, len(tasks) // (jobs * 8))
        yield from executor.map(run, tasks, [options] * len(tasks), chunksize=chunk)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    """Ctrl-C is the parent's to handle: workers must not print tracebacks of their own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
