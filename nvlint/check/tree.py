"""Many files: each request answered from the cache when it can be (nvlint/cache.py), else checked here
or, for large trees, in worker processes; and what the whole run found, collected for reporting.

Cheap files are answered in this process as the walk goes: a stamp seen before (path, size and change
time: the file is not even read), no word any rule needs, or content whose answer is cached. The rest
are checked by `check_file`, in worker processes once enough of them need it, a bounded number at a
time, so memory does not grow with the tree. Results come in any order; the caller sorts.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator

from nvlint.check import gate
from nvlint.check.file import FileRequest, FileResult, Options, check_file, read_request
from nvlint.diagnostics import Diagnostic

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.synchronize import Event

    from nvlint.cache import Cache
    from nvlint.check.plan import Plan
    from nvlint.online.references import Reference
    from nvlint.settings import Settings

PARALLEL_MIN_FILES = 24  # below this, starting workers costs more than it saves
# A file changed less than this long ago may change again within the same tick of its file system's
# clock, keeping its stamp: it is read every time until it is older (git calls such files "racily clean").
RACY_NS = 2_000_000_000


class Run:
    """What one `nvlint check` collects from its files' results."""

    def __init__(self, baseline: frozenset[str] | None = None) -> None:
        self.baseline = baseline  # fingerprints of findings not to report
        self.hidden = 0  # findings the baseline hid
        self.diagnostics: list[Diagnostic] = []
        self.files: list[str] = []
        self.failing = 0  # findings at or above their file's fail-on level
        self.diffs: list[str] = []
        self.fixed = 0  # findings --fix fixed (or --diff would fix)
        self.sources: dict[str, str] = {}  # standard input's text, for formats that show source lines
        self.references: list[Reference] = []

    def add(self, result: FileResult) -> None:
        if self.baseline:
            self.hidden += result.hide(self.baseline)
        self.files.append(result.display)
        self.references += result.references
        self.diagnostics += result.diagnostics
        self.failing += result.failing
        self.fixed += result.fixed_count
        if result.diff:
            self.diffs.append(result.diff)
        if result.fixed is not None:
            sys.stdout.write(result.fixed)
        if result.text is not None:
            self.sources[result.display] = result.text

    def add_findings(self, found: list[Diagnostic], settings: Settings, fail_on: str | None) -> None:
        """Findings of the whole run (online mode's), counted with the current folder's fail-on."""
        from nvlint.baseline import fingerprint
        from nvlint.diagnostics import severity_rank

        for d in found:
            fingerprint(d)
        kept = [d for d in found if not self.baseline or d.fingerprint not in self.baseline]
        self.hidden += len(found) - len(kept)
        threshold = severity_rank(fail_on or settings.fail_on or "info")
        self.diagnostics += kept
        self.failing += sum(1 for d in kept if severity_rank(d.severity) >= threshold)


def check_paths(paths: list[str], plan: Plan, cache: Cache | None, jobs: int | None, stdin_filename: str | None) -> Run:
    """Every file of these paths checked; raises ConfigError for a configuration file met on the way.

    The NGC orgs one file shows (`nvcr.io/<org>/...`, `--org`) hold for the whole run: a file whose
    answer hung on an org it did not know, and that another file shows, gets a second look knowing the
    run's orgs (`myorg/app:1` is NGC's short form there too, not a Docker Hub namespace). A run that
    changes files (--fix, --diff) looks once without changing anything first, so a fix is decided
    knowing every org."""
    run = Run(plan.options.baseline)
    options = plan.options
    if options.changes_text and not stdin_filename and "-" not in paths:  # standard input is read once
        looked = _checked(plan, options.without_changes(), paths, cache, jobs)
        results = _checked(plan, options.with_orgs(_shown(looked)), paths, cache, jobs)
    else:
        results = _checked(plan, options, paths, cache, jobs, stdin_filename)
        shown = _shown(results)
        again = [r.display for r in results if r.orgs_missed & shown]
        if again:
            second = {r.display: r for r in _checked(plan, options.with_orgs(shown), again, cache, jobs)}
            results = [second.get(r.display, r) for r in results]
    for result in results:
        run.add(result)
    run.diffs.sort()
    return run


def _checked(
    plan: Plan, options: Options, paths: list[str], cache: Cache | None, jobs: int | None, stdin: str | None = None
) -> list[FileResult]:
    saved, plan.options = plan.options, options
    try:
        return list(check_tree(plan.requests(paths, stdin, cache), options, cache, jobs))
    finally:
        plan.options = saved


def _shown(results: list[FileResult]) -> frozenset[str]:
    return frozenset().union(*(r.orgs for r in results))


def check_tree(
    requests: Iterable[FileRequest], options: Options, cache: Cache | None = None, jobs: int | None = None
) -> Iterator[FileResult]:
    """Results of every request, streamed: the cheap ones at once, the others as they are checked."""
    if options.online_scope:
        cache = None  # the online check needs every file's references, which the cache does not keep
    answers = _Answers(cache, options)
    pool = _Pool(jobs if jobs is not None else (os.cpu_count() or 1))
    try:
        for request in requests:
            answer = answers.cheap(request)
            if answer is not None:
                yield answer
            else:
                yield from map(answers.remember, pool.submit(request))
        yield from map(answers.remember, pool.drain())
    except KeyboardInterrupt:
        pool.close(interrupted=True)
        raise
    finally:
        pool.close()
    answers.save()


class _Answers:
    """The cache's side of a run: answers found by stamp or content, and answers to remember."""

    def __init__(self, cache: Cache | None, options: Options) -> None:
        self.cache = cache
        self.options = options
        self.stamping = cache is not None and not options.changes_text
        self.stamps: dict[str, str] = {}  # answer key -> the stamp that leads to it, recorded when it comes
        self.here = os.getcwd()

    def cheap(self, request: FileRequest) -> FileResult | None:
        """The answer, when it costs no parsing: by stamp, unreadable, no trigger word, or cached by
        content. None: the request must be checked (its bytes are read, its cache key set)."""
        stamp: tuple[str, int] | None = None  # (stamp key, size) of a file read now
        if self.stamping and request.data is None and not request.stdin:
            stamp, answer = self._by_stamp(request)
            if answer is not None:
                return answer
        data = read_request(request)
        if isinstance(data, FileResult):
            return data
        if stamp is not None and len(data) != stamp[1]:
            stamp = None  # it changed while we looked: remember nothing of it
        if not self.options.changes_text and not gate.worth_reading(data, self.options.suppress):
            if stamp is not None:
                self.cache.put_stamp(stamp[0], "")  # type: ignore[union-attr]
            return FileResult(request.display)  # nothing to parse, nothing to cache
        return self._by_content(request, stamp)

    def _by_stamp(self, request: FileRequest) -> tuple[tuple[str, int] | None, FileResult | None]:
        """(the file's stamp, its answer when the stamp is known); (None, None) when it cannot be stamped."""
        from nvlint.cache import Cache

        assert self.cache is not None
        status = gate.stamp(
            request.path, gate.read_limit(request.kind, request.settings.max_file_size), time.time_ns() - RACY_NS
        )
        if status is None:
            return None, None
        key = Cache.stamp_key(request, status.st_size, status.st_mtime_ns, self.here)
        stamp = (key, status.st_size)
        answer = self.cache.stamped(key)
        if answer == "":
            return stamp, FileResult(request.display)
        if answer:
            cached = self.cache.answer(answer)
            if cached is not None:
                cached.display = request.display
                return stamp, cached.counted(request)
        return stamp, None

    def _by_content(self, request: FileRequest, stamp: tuple[str, int] | None) -> FileResult | None:
        from nvlint.cache import Cache

        cache = self.cache
        # a file that reads others (a `source`, an include) is cached with their digests: see Cache.answer
        if cache is None or request.stdin:
            return None
        request.cache_key = Cache.key(request, request.data)  # type: ignore[arg-type]
        cached = cache.answer(request.cache_key)  # None too when a file it sources changed
        if cached is not None:
            if stamp is not None:
                cache.put_stamp(stamp[0], request.cache_key)
            cached.display = request.display
            return cached.counted(request)
        if stamp is not None:
            self.stamps[request.cache_key] = stamp[0]  # recorded with the answer, when it comes
        return None

    def remember(self, result: FileResult) -> FileResult:
        if result.cache_key is not None and self.cache is not None:
            self.cache.put(
                result.cache_key,
                result.diagnostics,
                result.dependencies,
                result.display,
                result.orgs,
                result.orgs_missed,
            )
            stamp = self.stamps.pop(result.cache_key, None)
            if stamp is not None:
                self.cache.put_stamp(stamp, result.cache_key)
        return result

    def save(self) -> None:
        if self.cache is not None:
            self.cache.save()


class _Pool:
    """Requests that need checking: held until there are enough to pay for worker processes (a warm
    run never starts them), then fed to the workers in batches, a bounded number in flight; results
    come back as new batches go in, so memory does not grow with the tree."""

    BATCH = 16
    # In one process, files are checked a batch at a time, not as each is found: walking and checking in
    # turn for every file took 1.08x the time (2,000 files, paired runs); a batch of this many files, or of
    # this many bytes, keeps memory bounded.
    IN_PROCESS_BATCH = 256
    IN_PROCESS_BYTES = 16 * 1024 * 1024

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.waiting: list[FileRequest] = []
        self.waiting_bytes = 0
        self.executor: ProcessPoolExecutor | None = None
        self.stopping: Event | None = None  # the workers' stop event, once they start
        self.running: set[Future[list[FileResult]]] = set()
        self.batch: list[FileRequest] = []

    def submit(self, request: FileRequest) -> list[FileResult]:
        if self.executor is None:
            self.waiting.append(request)
            self.waiting_bytes += len(request.data or b"")
            full = len(self.waiting) >= self.IN_PROCESS_BATCH or self.waiting_bytes >= self.IN_PROCESS_BYTES
            if self.jobs < 2 and full:
                waiting, self.waiting, self.waiting_bytes = self.waiting, [], 0
                return [check_file(queued) for queued in waiting]
            if self.jobs < 2 or len(self.waiting) < PARALLEL_MIN_FILES:
                return []
            self._start()
            waiting, self.waiting = self.waiting, []
            return [result for queued in waiting for result in self._send(queued)]
        return self._send(request)

    def drain(self) -> Iterator[FileResult]:
        for request in self.waiting:  # too few to start workers for
            yield check_file(request)
        self.waiting = []
        if self.executor is None:
            return
        from concurrent.futures import as_completed

        if self.batch:
            self.running.add(self.executor.submit(check_batch, self.batch))
            self.batch = []
        for future in as_completed(self.running):
            yield from future.result()
        self.running = set()

    def close(self, interrupted: bool = False) -> None:
        """Wait for the workers. After Ctrl-C they are told to stop (the event they check between files):
        up to four batches each may be queued or running, seconds of work nobody will read. They are
        never killed: a worker killed while it writes a result to its pipe leaves the parent waiting
        for the rest of it forever."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        if interrupted and self.stopping is not None:
            self.stopping.set()
        executor.shutdown(wait=True, cancel_futures=True)

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.stopping = context.Event()
        self.executor = ProcessPoolExecutor(
            max_workers=self.jobs, mp_context=context, initializer=_in_worker, initargs=(self.stopping,)
        )

    def _send(self, request: FileRequest) -> list[FileResult]:
        from concurrent.futures import FIRST_COMPLETED, wait

        self.batch.append(request)
        if len(self.batch) < self.BATCH:
            return []
        assert self.executor is not None
        self.running.add(self.executor.submit(check_batch, self.batch))
        self.batch = []
        if len(self.running) < self.jobs * 4:
            return []
        done, self.running = wait(self.running, return_when=FIRST_COMPLETED)
        return [result for future in done for result in future.result()]


def check_batch(requests: list[FileRequest]) -> list[FileResult]:
    results = []
    for request in requests:
        if _STOPPING is not None and _STOPPING.is_set():
            break  # Ctrl-C in the parent: what is left of the batch will not be read
        results.append(check_file(request))
    return results


_STOPPING = None  # in a worker: the parent's event for Ctrl-C (see _Pool.close)


def _in_worker(stopping) -> None:
    """Ctrl-C is the parent's to handle: workers must not print tracebacks of their own; they stop
    between files when the parent sets ``stopping``."""
    import signal

    global _STOPPING
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STOPPING = stopping
