"""Which files to lint, and what kind each one is (the kinds and how they are recognised are
nvlint.sources'; this module walks).

Directories are walked in sorted order, respecting every `.gitignore` on the way (and
`.git/info/exclude` at a repository root), and skipping VCS folders, virtualenvs and node_modules.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator

from nvlint import lazyre
from nvlint.model.record import fields_repr
from nvlint.sources import kind_from_shebang, kind_of_name

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".nvlint_cache",
        "site-packages",
        ".eggs",
        ".direnv",
    }
)


class Target:
    __slots__ = ("display", "path", "kind", "explicit")

    def __init__(self, display: str, path: str, kind: str | None, explicit: bool) -> None:
        self.display = display  # the path as reported
        self.path = path
        self.kind = kind  # None: not a kind nvlint reads
        self.explicit = explicit  # named on the command line (not found by walking)

    __repr__ = fields_repr


TYPE_CHECKING = False  # typing and pathlib are not imported at run time: start-up (mypy reads the block)
if TYPE_CHECKING:
    from pathlib import Path


def detect_kind(path: str | os.PathLike[str]) -> str | None:
    """The file kind of a path: by its name, or for a file without an extension by its shebang."""
    name = os.path.basename(os.fspath(path).rstrip("/"))
    kind = kind_of_name(name)
    if kind is not None or "." in name.lstrip("."):
        return kind
    try:
        with open(path, "rb") as handle:
            return kind_from_shebang(handle.readline(256))
    except OSError:
        return None


class _Ignores:
    """The gitignore files that apply inside one directory (its own and its parents'), compiled."""

    def __init__(self, matchers: tuple[_Matcher, ...] = ()) -> None:
        self.matchers = matchers

    def with_directory(self, folder: str, repository_root: bool) -> _Ignores:
        """``folder``: resolved, ending in a slash."""
        lines: list[str] = []
        for name in (".gitignore",) + ((".git/info/exclude",) if repository_root else ()):
            try:
                with open(folder + name, encoding="utf-8", errors="replace") as handle:
                    lines += handle.read().splitlines()
            except OSError:
                continue
        matcher = _Matcher.of(folder, lines)
        return self if matcher is None else _Ignores((*self.matchers, matcher))

    def ignored(self, path: str) -> bool:
        """``path``: resolved, under every matcher's folder; a folder's ends in a slash, as gitignore asks."""
        result = False
        for matcher in self.matchers:
            include = matcher.include(path[len(matcher.base) :])
            if include is not None:
                result = include
        return result


# `(?P<ps_d>` in pathspec's regexes: a named group may appear once in a regex, so in the union it is plain
_NAMED_GROUP = lazyre.compile(r"\(\?P<\w+>")


class _Matcher:
    """One folder's gitignore patterns. pathspec decides which pattern wins (the last that matches, with
    gitignore's rules for folders), but asking it walks every pattern for every path (half a million
    pattern matches on a 4,600-file repository). One regex that unites the patterns answers first
    whether any matches at all, which for almost every path is no."""

    __slots__ = ("base", "spec", "any_pattern")

    def __init__(self, base: str, spec, any_pattern: re.Pattern[str] | None) -> None:
        self.base, self.spec, self.any_pattern = base, spec, any_pattern

    @staticmethod
    def of(base: str, lines: list[str]) -> _Matcher | None:
        if not any(line.strip() and not line.startswith("#") for line in lines):
            return None
        import pathspec  # only where a .gitignore has a pattern

        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        regexes = [p.regex for p in spec.patterns if p.include is not None and p.regex is not None]
        if not regexes:
            return None
        union = None
        if len({regex.flags for regex in regexes}) == 1:
            text = "|".join(f"(?:{_NAMED_GROUP.sub('(?:', regex.pattern)})" for regex in regexes)
            try:
                union = re.compile(text, regexes[0].flags)
            except re.error:  # never seen; pathspec alone still answers
                union = None
        return _Matcher(base, spec, union)

    def include(self, relative: str) -> bool | None:
        """True: ignored; False: a `!pattern` brings it back; None: no pattern speaks of it."""
        if self.any_pattern is not None and self.any_pattern.match(relative) is None:
            return None
        return self.spec.check_file(relative).include


def iter_targets(paths: list[str], notice=None) -> Iterator[Target]:
    """Targets in a stable order; `-` is left to the caller. ``notice`` hears about what is skipped."""
    cwd = os.getcwd()
    for given in paths:
        if os.path.isdir(given or "."):  # as pathlib reads it, "" is the current folder
            from pathlib import Path  # walking a folder: pathlib's spelling of its paths, and its parents

            yield from _walk(Path(given), cwd, notice)
            continue
        special = _special_kind(given)
        if special is not None:  # opening a named pipe would wait for a writer forever
            if notice is not None:
                notice(f"skipped {given}: not a regular file ({special})")
            continue
        yield Target(given, given, detect_kind(given) if os.path.exists(given) else None, True)


def _special_kind(path: str) -> str | None:
    """What a path that exists but is not a regular file or a directory is; None for the rest."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _walk(root: Path, cwd: str, notice=None) -> Iterator[Target]:
    ignores = _Ignores()
    top = _folder(str(root.resolve()))
    # gitignores above the starting directory, up to the repository root, apply too
    parents = []
    for parent in [root.resolve(), *root.resolve().parents]:
        parents.append(parent)
        if (parent / ".git").exists():
            break
    else:
        parents = [root.resolve()]
    for parent in reversed(parents[1:]):
        ignores = ignores.with_directory(_folder(str(parent)), (parent / ".git").exists())
    # a relative root gives relative paths as they are; only an absolute one needs relpath (slow)
    relative = not root.is_absolute()
    yield from _walk_directory(str(root), top, ignores, cwd, notice, relative)


def _folder(path: str) -> str:
    """A resolved folder as the walk keeps it: ending in a slash, so a child is a concatenation."""
    return path if path.endswith("/") else path + "/"


def _walk_directory(
    directory: str, resolved: str, ignores: _Ignores, cwd: str, notice, relative: bool, top: bool = True
) -> Iterator[Target]:
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return
    # What the folder holds is known from its listing: no call per folder to look for these files.
    names = {entry.name for entry in entries}
    if not top and "pyvenv.cfg" in names:
        return  # a virtual environment
    if ".gitignore" in names or ".git" in names:
        ignores = ignores.with_directory(resolved, ".git" in names)
    checking = bool(ignores.matchers)
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        try:
            is_file = entry.is_file()
        except OSError:  # a symbolic link loop
            is_file = False
        if is_dir:
            if entry.name in SKIP_DIRS:
                continue
            absolute = resolved + entry.name + "/"
            if checking and ignores.ignored(absolute):
                continue
            yield from _walk_directory(entry.path, absolute, ignores, cwd, notice, relative, False)
            continue
        kind = kind_of_name(entry.name)
        if not is_file:
            if notice is not None and kind:
                special = _special_kind(entry.path)
                why = f"not a regular file ({special})" if special else "a broken or looping symbolic link"
                notice(f"skipped {_display(entry.path, cwd, relative)}: {why}")
            continue
        if kind is None and "." not in entry.name.lstrip("."):
            kind = detect_kind(entry.path)  # no extension: a shebang may say shell
        # A file of no kind is never read, so whether it is ignored need not be asked (most of a tree).
        if kind is None or (checking and ignores.ignored(resolved + entry.name)):
            continue
        yield Target(_display(entry.path, cwd, relative), entry.path, kind, False)


def _display(path: str, cwd: str, relative: bool) -> str:
    if relative:
        return path[2:] if path.startswith("./") else path
    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return path
