"""What `source FILE` and `. FILE` read: a file of the tree being linted, found as the shell would find it.

- A literal path is relative to the folder the script is in when it runs: nvlint follows `cd` where it
  can (`cd deploy`, `cd "$(dirname "$0")"`), and otherwise takes the script's own folder.
- `"$(dirname "$0")/..."`, `"${BASH_SOURCE%/*}/..."`, `$(cd "$(dirname "$0")/.." && pwd)/...` and a variable
  set from them are the script's folder (or above it).
- `${UNKNOWN_ROOT}/rel/path` is the one file with that relative path below the script's folder or one of
  its ancestors up to the repository root; none or several: not followed.

Nothing outside the tree (the repository, or the current folder outside one) is read, nor a file the
configuration excludes. A chain deeper than MAX_SOURCE_DEPTH, or a file that sources itself, stops with a
notice (NV000) instead.
"""

from __future__ import annotations

import os

from nvlint.model.text import text_digest
from nvlint.model.words import SCRIPT_DIR, Value

MAX_SOURCE_DEPTH = 8  # `a.sh` sources `b.sh` sources `c.sh`...: this many files deep
MAX_SOURCED_BYTES = 1024 * 1024  # a configuration file is small: anything larger is not followed


class Found:
    """A file `source` reads: its path (as nvlint shows it), its text, its digest, and how it was found."""

    __slots__ = ("path", "display", "text", "digest", "how")

    def __init__(self, path: str, display: str, text: str, how: str) -> None:
        self.path = path
        self.display = display  # relative to the current folder, as findings show paths
        self.text = text
        self.digest = text_digest(text)
        self.how = how  # "" or how an unknown prefix was looked up (for messages)


class SourcedFiles:
    """The files one script may source: resolution, the tree's bounds, and the chain being read."""

    def __init__(self, script_path: str, excludes=None, at_root: bool = False) -> None:
        self.script_dir = os.path.dirname(os.path.abspath(script_path))
        self.at_root = at_root
        self._root: str | None = None
        self.excludes = excludes  # settings.excludes, or None
        self.chain: list[str] = [os.path.abspath(script_path)]  # the files being read now, outermost first
        self.read: dict[str, str] = {}  # every file sourced: path -> digest (a cached result depends on them)

    @property
    def root(self) -> str:
        """The tree's top, looked up when a `source` or `cd` first needs it: most files have neither."""
        if self._root is None:
            self._root = _tree_root(self.script_dir)
        return self._root

    @property
    def start(self) -> str | None:
        """Where the commands run, when not the file's folder."""
        return self.root if self.at_root else None

    def resolve(self, value: Value, cwd: str | None) -> Found | str | None:
        """The file a `source` argument names; a notice (str) when it must not be read; None: not known."""
        path, how = self._path(value, cwd)
        if path is None:
            return None
        path = os.path.normpath(path)
        if not _inside(path, self.root) or not os.path.isfile(path):
            return None
        if self.excludes is not None and self.excludes(path):
            return None
        if path in self.chain:
            cycle = " → ".join(_shown(p) for p in [*self.chain[self.chain.index(path) :], path])
            return f"{_shown(path)} sources itself ({cycle}); not read again"
        if len(self.chain) > MAX_SOURCE_DEPTH:
            return f"files sourced more than {MAX_SOURCE_DEPTH} deep; {_shown(path)} is not read"
        try:
            if os.path.getsize(path) > MAX_SOURCED_BYTES:
                return None
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            return None
        found = Found(path, _shown(path), text, how)
        self.read[found.path] = found.digest
        return found

    def _path(self, value: Value, cwd: str | None) -> tuple[str | None, str]:
        parts = value.parts
        if not parts:
            return None, ""
        first = parts[0]
        if first.text is None:
            rest = Value(parts[1:])
            tail = rest.literal
            if tail is None or not tail.startswith("/"):
                return None, ""
            unknown = first.unknown
            if unknown is not None and unknown.kind is SCRIPT_DIR:
                return self.script_dir + unknown.name + tail, ""
            return self._lookup(tail.lstrip("/"), unknown.variable or unknown.name if unknown is not None else "")
        literal = value.literal
        if literal is None or literal.startswith("~"):
            return None, ""
        if os.path.isabs(literal):
            return literal, ""
        if cwd == "":
            return None, ""  # after a `cd` nvlint could not follow
        return os.path.join(cwd if cwd is not None else (self.start or self.script_dir), literal), ""

    def _lookup(self, relative: str, name: str) -> tuple[str | None, str]:
        """`${ROOT}/rel/path`: the one folder from the script's up to the tree's root that holds it."""
        found = []
        folder = self.script_dir
        while _inside(folder, self.root):
            candidate = os.path.join(folder, relative)
            if os.path.isfile(candidate):
                found.append(candidate)
            if folder == self.root:
                break
            folder = os.path.dirname(folder)
        if len(found) != 1:
            return None, ""
        return found[0], f"found for ${{{name}}}/{relative} in {_shown(os.path.dirname(found[0])) or '.'}"

    def cd(self, value: Value | None, cwd: str | None) -> str:
        """The folder after `cd VALUE`; "" when it cannot be known."""
        if value is None:
            return ""
        return change_directory(value, cwd, self.script_dir) or ""

    def enter(self, found: Found) -> None:
        self.chain.append(found.path)

    def leave(self) -> None:
        self.chain.pop()


def change_directory(value: Value, cwd: str | None, script_dir: str) -> str | None:
    """The folder after `cd VALUE`; None when it cannot be known."""
    parts = value.parts
    first = parts[0].unknown if parts else None
    if first is not None and first.kind is SCRIPT_DIR:
        tail = Value(parts[1:]).literal
        if tail is None:
            return None
        return os.path.normpath(script_dir + first.name + tail)
    literal = value.literal
    if literal is None or literal.startswith(("~", "-")) or cwd == "":
        return None
    return os.path.normpath(os.path.join(cwd if cwd is not None else script_dir, literal))


def _tree_root(folder: str) -> str:
    """The repository the script is in, else the current folder when the script is below it."""
    for candidate in [folder, *_parents(folder)]:
        if os.path.exists(os.path.join(candidate, ".git")):
            return candidate
    cwd = os.getcwd()
    return cwd if _inside(folder, cwd) else folder


def _parents(folder: str):
    while True:
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        yield parent
        folder = parent


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _shown(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path
