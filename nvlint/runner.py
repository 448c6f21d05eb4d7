"""Checking many files: one task per file, answered from the cache (nvlint/cache.py) or checked here or in
worker processes for large trees.

A task is everything needed to check one file, so it can run in this process or in a worker (the
parser holds the GIL: threads would not help). Results come back in any order; the caller sorts.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from nvlint.cache import Cache
from nvlint.diagnostics import Diagnostic, severity_rank
from nvlint.settings import Settings

PARALLEL_MIN_FILES = 24  # below this, starting workers costs more than it saves


# Plain classes rather than dataclasses: see nvlint/model/record.py (start-up cost).


class Options:
    __slots__ = ("fix", "unsafe_fixes", "diff", "suppress", "fail_on", "online_scope")

    def __init__(
        self,
        fix: bool = False,
        unsafe_fixes: bool = False,
        diff: bool = False,
        suppress: bool = True,
        fail_on: str | None = None,
        online_scope: str | None = None,
    ) -> None:
        self.fix = fix
        self.unsafe_fixes = unsafe_fixes
        self.diff = diff
        self.suppress = suppress
        self.fail_on = fail_on
        self.online_scope = online_scope  # collect references for the online check: deployed | all


class Task:
    __slots__ = ("display", "path", "kind", "settings", "codes", "data", "stdin", "cache_key")

    def __init__(
        self,
        display: str,
        path: str,
        kind: str,
        settings: Settings,
        codes: tuple[str, ...],
        data: bytes | None = None,
        stdin: bool = False,
        cache_key: str | None = None,
    ) -> None:
        self.display = display
        self.path = path
        self.kind = kind
        self.settings = settings
        self.codes = codes  # the enabled rules
        self.data = data  # the bytes, once read (standard input, or a file read by the parent)
        self.stdin = stdin
        self.cache_key = cache_key  # set by the parent when the answer is to be cached


class Result:
    __slots__ = (
        "display",
        "diagnostics",
        "failing",
        "diff",
        "fixed",
        "text",
        "read",
        "cache_key",
        "references",
        "dependencies",
        "fixed_count",
    )

    def __init__(
        self,
        display: str,
        diagnostics: list[Diagnostic] | None = None,
        failing: int = 0,
        diff: str = "",
        fixed: str | None = None,
        text: str | None = None,
        read: bool = True,
        cache_key: str | None = None,
        references: list | None = None,
    ) -> None:
        self.display = display
        self.diagnostics = diagnostics if diagnostics is not None else []
        self.failing = failing
        self.diff = diff
        self.fixed = fixed  # standard input, fixed
        self.text = text  # standard input, for formats that show source lines
        self.read = read
        self.cache_key = cache_key  # checked, not found in the cache: the parent records it
        self.references = references if references is not None else []  # for the online check
        self.dependencies: list[tuple[str, str]] = []  # files `source` read: (path, digest)
        self.fixed_count = 0  # findings --fix fixed (--diff: would fix)


def run(task: Task, options: Options) -> Result:
    """Check one file (read it if the task has no bytes yet); in this process or in a worker."""
    from nvlint.rules import BY_CODE

    rules = tuple(BY_CODE[code] for code in task.codes)
    result = Result(task.display)
    data = task.data
    if data is None:
        data = _read(task, result)
        if data is None:
            return result
    references: list | None = [] if options.online_scope else None
    result.diagnostics = _lint(data, task, rules, options, references, result.dependencies)
    result.references = references or []
    if options.fix or options.diff:
        data = _fix(data, task, rules, options, result)
    else:
        result.cache_key = task.cache_key
    if task.stdin:
        result.text = data.decode("utf-8", "replace")
        if options.fix and result.fixed is None:
            result.fixed = data.decode("utf-8", "surrogateescape")
    return _count(result, task, options)


def _count(result: Result, task: Task, options: Options) -> Result:
    threshold = severity_rank(options.fail_on or task.settings.fail_on or "info")
    result.failing = sum(1 for d in result.diagnostics if severity_rank(d.severity) >= threshold)
    return result


def _read(task: Task, result: Result) -> bytes | None:
    from nvlint.rules import nv000_unreadable_file as nv000

    try:
        # O_NONBLOCK: opening a named pipe would otherwise wait for a writer; one fstat then says what it is
        descriptor = os.open(task.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as handle:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode):
                raise OSError(0, "not a regular file")
            size = status.st_size
            if size <= task.settings.max_file_size:
                return handle.read()
        # not even read: memory stays flat whatever the tree holds
        message = nv000.too_large(task.settings.max_file_size, size)
    except OSError as error:
        message = nv000.cannot_open(error.strerror or str(error))
    result.read = False
    if "NV000" in task.codes:
        diagnostic = nv000.RULE.at((0, 0), message)
        _at_start(diagnostic, task.display)
        result.diagnostics = [diagnostic]
        result.failing = 1
    return None


def _lint(
    data: bytes, task: Task, rules, options: Options, references: list | None = None, dependencies: list | None = None
) -> list[Diagnostic]:
    from nvlint import lint

    try:
        return lint.lint_bytes(
            data,
            task.display,
            task.kind,
            task.settings,
            rules,
            options.suppress,
            references,
            options.online_scope or "deployed",
            dependencies,
        )
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
        result.fixed_count += applied
        result.diagnostics = _lint(text.encode("utf-8", "surrogateescape"), task, rules, options)
        if not applied or not any(fixing.applicable(d, options.unsafe_fixes) for d in result.diagnostics):
            break
    if text == before:
        result.fixed_count = 0
        return data
    if options.diff:
        result.diff = fixing.unified_diff(task.display, before, text)
        return data
    if task.stdin:
        result.fixed = text
    else:
        fixing.write_atomically(Path(task.path), text.encode("utf-8", "surrogateescape"))
    return text.encode("utf-8", "surrogateescape")


def _at_start(diagnostic: Diagnostic, display: str) -> None:
    diagnostic.path = display
    diagnostic.line = diagnostic.column = diagnostic.end_line = diagnostic.end_column = 1


# ---- many files ----------------------------------------------------------------------------------


def run_all(tasks, options: Options, cache: Cache | None = None, jobs: int | None = None):
    """Results of every task, streamed: cheap files (cache hits, no trigger word) are answered here,
    the ones that need parsing go to worker processes (when there are enough of them to pay for the
    workers), a bounded number at a time, so memory does not grow with the tree.

    With a cache, a file whose stamp (path, size, change time) was seen before is answered without
    being read: the stamp leads to its answer, or says it holds no word any rule needs."""
    from nvlint.prefilter import UTF16_BOMS, could_match

    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if options.online_scope:
        cache = None  # the online check needs every file's references, which the cache does not keep
    stamping = cache is not None and not options.fix and not options.diff
    stamps: dict[str, str] = {}  # answer key -> the stamp that leads to it, recorded when the answer comes
    here = os.getcwd()
    workers: _Workers | None = None
    waiting: list[Task] = []  # to parse, until there are enough to pay for starting workers
    try:
        for task in tasks:
            stamp: tuple[str, int] | None = None  # (stamp key, size) of a file read now
            if stamping and task.data is None and not task.stdin:
                stamp, answer = _by_stamp(task, options, cache, here)  # type: ignore[arg-type]
                if answer is not None:
                    yield answer
                    continue
            if task.data is None:
                result = Result(task.display)
                data = _read(task, result)
                if data is None:
                    yield result
                    continue
                task.data = data
                if stamp is not None and len(data) != stamp[1]:
                    stamp = None  # it changed while we looked: remember nothing of it
            if (
                not options.fix
                and not options.diff
                and not could_match(task.data)
                and b"nvlint" not in task.data
                and not task.data.startswith(UTF16_BOMS)
            ):
                if stamp is not None:
                    cache.put_stamp(stamp[0], "")  # type: ignore[union-attr]
                yield Result(task.display)  # no word any rule needs: nothing to parse, nothing to cache
                continue
            # files that read other files (`include`) are not cached: a change there would not be seen
            if cache is not None and not task.stdin and b"include" not in task.data:
                task.cache_key = Cache.key(task, options, task.data)
                cached = cache.get(task.cache_key)  # None too when a file it sources changed
                if cached is not None:
                    if stamp is not None:
                        cache.put_stamp(stamp[0], task.cache_key)
                    yield _count(Result(task.display, cached), task, options)
                    continue
                if stamp is not None:
                    stamps[task.cache_key] = stamp[0]  # recorded with the answer, when it comes
            if workers is None:
                waiting.append(task)
                if jobs > 1 and len(waiting) >= PARALLEL_MIN_FILES:  # a warm run never starts them
                    workers = _Workers(options, jobs)
                    for queued in waiting:
                        yield from (_remember(r, cache, stamps) for r in workers.submit(queued))
                    waiting = []
            else:
                yield from (_remember(r, cache, stamps) for r in workers.submit(task))
        for task in waiting:
            yield _remember(run(task, options), cache, stamps)
        if workers is not None:
            yield from (_remember(r, cache, stamps) for r in workers.drain())
    finally:
        if workers is not None:
            workers.close()
    if cache is not None:
        cache.save()


# A file changed less than this long ago may change again within the same tick of its file system's
# clock, keeping its stamp: it is read every time until it is older (git calls such files "racily clean").
RACY_NS = 2_000_000_000


def _by_stamp(task: Task, options: Options, cache: Cache, cwd: str) -> tuple[tuple[str, int] | None, Result | None]:
    """(the file's stamp, its answer when the stamp is known); (None, None) when it cannot be stamped."""
    try:
        status = os.stat(task.path)
    except OSError:
        return None, None  # reading it says why
    if not stat.S_ISREG(status.st_mode) or status.st_size > task.settings.max_file_size:
        return None, None
    if status.st_mtime_ns > time.time_ns() - RACY_NS:
        return None, None
    key = Cache.stamp_key(task, options, status.st_size, status.st_mtime_ns, cwd)
    answer = cache.stamped(key)
    if answer == "":
        return (key, status.st_size), Result(task.display)
    if answer:
        cached = cache.get(answer)
        if cached is not None:
            return (key, status.st_size), _count(Result(task.display, cached), task, options)
    return (key, status.st_size), None


def _remember(result: Result, cache: Cache | None, stamps: dict[str, str]) -> Result:
    if result.cache_key is not None and cache is not None:
        cache.put(result.cache_key, result.diagnostics, result.dependencies, result.display)
        stamp = stamps.pop(result.cache_key, None)
        if stamp is not None:
            cache.put_stamp(stamp, result.cache_key)
    return result


class _Workers:
    """A process pool fed batches of tasks, a bounded number in flight: results come back as new
    batches go in, so memory does not grow with the tree and inter-process traffic stays small."""

    BATCH = 16

    def __init__(self, options: Options, jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupts)
        self.options, self.window = options, jobs * 4
        self.running: set = set()
        self.batch: list[Task] = []

    def submit(self, task: Task) -> list[Result]:
        from concurrent.futures import FIRST_COMPLETED, wait

        self.batch.append(task)
        if len(self.batch) < self.BATCH:
            return []
        self.running.add(self.executor.submit(run_batch, self.batch, self.options))
        self.batch = []
        if len(self.running) < self.window:
            return []
        done, self.running = wait(self.running, return_when=FIRST_COMPLETED)
        return [result for future in done for result in future.result()]

    def drain(self):
        from concurrent.futures import as_completed

        if self.batch:
            self.running.add(self.executor.submit(run_batch, self.batch, self.options))
            self.batch = []
        for future in as_completed(self.running):
            yield from future.result()
        self.running = set()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def run_batch(tasks: list[Task], options: Options) -> list[Result]:
    return [run(task, options) for task in tasks]


def _ignore_interrupts() -> None:
    """Ctrl-C is the parent's to handle: workers must not print tracebacks of their own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
