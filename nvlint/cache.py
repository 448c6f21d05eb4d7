"""The result cache: findings by content hash in `.nvlint_cache` at the project root, so a warm run reads
only what changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

from nvlint import __version__
from nvlint.diagnostics import Diagnostic, Edit, Fix

CACHE_DIR = ".nvlint_cache"


class Cache:
    """Findings by content hash (with the path, settings, rules and version in the key).

    Each run appends what it learnt to shard files of its own (`shard-<pid>-<time>.jsonl`, written
    under a temporary name and renamed), so concurrent runs never write the same file; reading loads
    every shard, and a run that finds many merges them into one, keeping the newest entries. A lost
    shard only costs a miss.

    Lines are indexed by their key without being decoded: a pre-commit run on one file in a large
    tree decodes one entry, not the cache of the whole tree.
    """

    MAX_SHARDS = 16
    MAX_ENTRIES = 50_000  # kept when shards are merged: entries for content that changed long ago go
    FLUSH_EVERY = 1000  # entries: a huge tree writes several shards instead of holding every answer
    _PREFIX = '{"key": "'  # how json.dumps starts every line (see _write)

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lines: dict[str, str] = {}  # key -> the line as written, decoded on a hit
        self.new: dict[str, list] = {}
        self.shards = sorted(folder.glob("shard-*.jsonl"), key=_shard_time)
        for shard in self.shards:  # oldest first: a newer line for a key replaces an older one
            try:
                text = shard.read_text(encoding="utf-8")
            except (OSError, ValueError):
                continue
            for line in text.splitlines():
                if line.startswith(self._PREFIX):
                    end = line.find('"', len(self._PREFIX))
                    if end > 0:
                        key = line[len(self._PREFIX) : end]
                        self.lines.pop(key, None)  # re-inserted last: the order is the age
                        self.lines[key] = line
        self.compact()

    @staticmethod
    def key(task, options, data: bytes) -> str:
        """The key of a runner Task's answer: everything the findings depend on."""
        import hashlib  # here and below: only runs that use the cache pay for these imports

        digest = hashlib.sha256()
        for piece in (
            __version__,
            task.kind,
            task.display,
            task.settings.cache_key(),
            ",".join(task.codes),
            str(options.suppress),
            os.environ.get("NGC_CLI_ORG", ""),
        ):
            digest.update(piece.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> list[Diagnostic] | None:
        import json

        line = self.lines.get(key)
        if line is None:
            return None
        try:
            entry = json.loads(line)
            if entry["key"] != key:
                return None
            return [_diagnostic(dict(finding)) for finding in entry["findings"]]
        except (ValueError, TypeError, KeyError, AttributeError):
            return None  # a damaged line: checked again, and written anew

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        self.new[key] = [d.as_dict() for d in diagnostics]
        if len(self.new) >= self.FLUSH_EVERY:
            self.save()

    def save(self) -> None:
        if self.new:
            import json

            self._write("".join(json.dumps({"key": k, "findings": v}) + "\n" for k, v in self.new.items()))
        self.new = {}

    def _write(self, text: str) -> Path | None:
        name = f"shard-{os.getpid()}-{time.time_ns()}.jsonl"
        try:
            temporary = self.folder / f".{name}.tmp"
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.folder / name)
            return self.folder / name
        except OSError:
            return None  # a read-only or full disk: the next run checks again

    def compact(self) -> None:
        """Many shards (many runs) become one with the newest MAX_ENTRIES lines read at the start."""
        if len(self.shards) < self.MAX_SHARDS:
            return
        kept = list(self.lines.values())[-self.MAX_ENTRIES :]
        if self._write("".join(line + "\n" for line in kept)) is not None:
            for shard in self.shards:
                shard.unlink(missing_ok=True)


def _shard_time(path: Path) -> tuple[int, str]:
    """`shard-<pid>-<time_ns>.jsonl`: ordered by the time it was written."""
    try:
        return int(path.stem.rsplit("-", 1)[1]), path.name
    except (IndexError, ValueError):
        return 0, path.name


def cache_folder(start: Path) -> Path:
    """`.nvlint_cache` at the project root: the nearest folder with `.git`, else the current one."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder / CACHE_DIR
    return start / CACHE_DIR


def open_cache(folder: Path) -> Cache | None:
    try:
        folder.mkdir(exist_ok=True)
        tag = folder / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by nvlint.\n"
            )
            (folder / ".gitignore").write_text("# Created by nvlint.\n*\n")
        return Cache(folder)
    except OSError:
        return None  # a read-only tree lints without a cache


def clean(folder: Path) -> bool:
    import shutil

    if not (folder / "CACHEDIR.TAG").exists():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True


def _diagnostic(entry: dict) -> Diagnostic:
    fix = entry.pop("fix")
    if fix is not None:
        fix = Fix(fix["message"], tuple(Edit(**edit) for edit in fix["edits"]), fix["applicability"])
    return Diagnostic(fix=fix, **entry)
