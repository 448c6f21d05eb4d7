#!/usr/bin/env python3
"""Where a cold run's time goes, phase by phase, on the benchmark's generated tree.

    python bench/breakdown.py [--files 2000]

Runs `nvlint check` in this process with one job (no workers: their start is timed on its own) and a
timer around each phase: walking the tree, reading files and the prefilter, parsing (tree-sitter for
shell, libyaml for YAML, JSON), interpretation (turning parse trees into events, minus the parse),
rules, placement (positions, suppressions, fingerprints), the cache, and reporting. Phases are
exclusive: a phase called inside another is subtracted from it. The total is the in-process wall time;
what the phases do not cover (settings, sorting, the Python start and imports) is "other".
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


class Timers:
    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.stack: list[list] = []  # [phase, started, time of inner phases]

    @contextlib.contextmanager
    def phase(self, name: str):
        """Time spent in ``name``, minus the phases called inside it."""
        frame = [name, time.perf_counter(), 0.0]
        self.stack.append(frame)
        try:
            yield
        finally:
            self.stack.pop()
            elapsed = time.perf_counter() - frame[1]
            self.spent[name] = self.spent.get(name, 0.0) + elapsed - frame[2]
            if self.stack:
                self.stack[-1][2] += elapsed

    def wrap(self, owner, name: str, phase: str) -> None:
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            with self.phase(phase):
                return original(*args, **kwargs)

        setattr(owner, name, timed)

    def wrap_iterator(self, owner, name: str, phase: str) -> None:
        """A generator's time is spent as it is iterated: time each step, not the call."""
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            iterator = original(*args, **kwargs)
            while True:
                with self.phase(phase):
                    item = next(iterator, StopIteration)
                if item is StopIteration:
                    return
                yield item

        setattr(owner, name, timed)


def instrument(timers: Timers) -> None:
    import json

    import nvlint.cache
    import nvlint.check.gate
    import nvlint.discover
    import nvlint.output
    import nvlint.placement
    import nvlint.rules.engine
    import nvlint.shell.parse
    import nvlint.sources
    import nvlint.yamltree.nodes

    timers.wrap_iterator(nvlint.discover, "iter_targets", "walk")
    timers.wrap(nvlint.check.gate, "read_bytes", "read and prefilter")
    timers.wrap(nvlint.check.gate, "worth_reading", "read and prefilter")
    timers.wrap(nvlint.check.gate, "admit", "read and prefilter")
    timers.wrap(nvlint.shell.parse, "parse_bytes", "parse")
    timers.wrap(nvlint.yamltree.nodes, "compose_all", "parse")
    timers.wrap(json, "loads", "parse")
    timers.wrap(nvlint.sources, "read_as", "interpretation")
    timers.wrap(nvlint.rules.engine, "run_rules", "rules")
    timers.wrap(nvlint.placement, "place", "placement")
    timers.wrap(nvlint.cache.Cache, "get", "cache")
    timers.wrap(nvlint.cache.Cache, "put", "cache")
    timers.wrap(nvlint.cache.Cache, "save", "cache")
    timers.wrap(nvlint.output, "write_reports", "reporting")


def worker_start() -> float:
    """What starting the worker pool and a first answer from each costs (fork, on this machine)."""
    from nvlint.check.tree import _Pool

    started = time.perf_counter()
    pool = _Pool(2)
    pool._start()
    futures = [pool.executor.submit(int) for _ in range(2)]  # type: ignore[union-attr]
    for future in futures:
        future.result()
    pool.close()
    return time.perf_counter() - started


def rows(files: int) -> list[tuple[str, float, str]]:
    import bench
    from nvlint.cli import main

    with tempfile.TemporaryDirectory(prefix="nvlint-breakdown-") as temp:
        root = Path(temp)
        (root / ".git").mkdir()
        bench.generate(root / "corpus", files)
        timers = Timers()
        instrument(timers)
        import os

        here = os.getcwd()
        os.chdir(root)
        try:
            started = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                main(["check", "--isolated", "--jobs", "1", "--format", "text", "corpus"])
            total = time.perf_counter() - started
        finally:
            os.chdir(here)
    found = [
        (phase, spent, f"{spent / total:5.1%}") for phase, spent in sorted(timers.spent.items(), key=lambda i: -i[1])
    ]
    other = total - sum(timers.spent.values())
    found.append(("other (settings, sorting, imports)", other, f"{other / total:5.1%}"))
    found.append((f"total, {files} files, one process", total, "100.0%"))
    found.append(("worker pool start (2 workers), apart", worker_start(), "paid once, from 24 files to parse"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args(argv)
    found = rows(args.files)
    width = max(len(r[0]) for r in found)
    print(f"{'phase':<{width}}  {'seconds':>9}  share")
    for what, value, share in found:
        print(f"{what:<{width}}  {value:9.3f}  {share}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
