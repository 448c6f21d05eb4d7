"""`nvlint check --watch`: check, then check again whenever a file under the paths changes, until Ctrl-C.

watchfiles (the `watch` extra) does the watching: it uses the operating system's notifications, groups
a burst of changes into one, and is what uvicorn and others rely on."""

from __future__ import annotations

import sys
from collections.abc import Callable


def watch(paths: list[str], check: Callable[[], int]) -> int:
    try:
        from watchfiles import watch as changes
    except ImportError:
        print("nvlint: error: --watch needs the watch extra: pip install 'nvlint[watch]' (watchfiles)", file=sys.stderr)
        return 2
    check()
    for _ in changes(*paths, watch_filter=_matters, debounce=200, raise_interrupt=False):
        print("nvlint: a file changed; checking again", file=sys.stderr)
        check()
    return 0


def _matters(change: object, path: str) -> bool:
    """A change to a file nvlint reads, or to a configuration: not the cache nvlint writes as it runs."""
    import os

    from nvlint.discover import SKIP_DIRS
    from nvlint.sources import kind_of_name

    if any(part in SKIP_DIRS for part in path.split(os.sep)):
        return False
    name = os.path.basename(path)
    return name in ("pyproject.toml", ".nvlint.toml") or kind_of_name(name) is not None or "." not in name
