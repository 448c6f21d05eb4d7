"""The result cache: findings by content hash in `.nvlint_cache` at the project root, so a warm run reads
only what changed."""

from __future__ import annotations

import functools
import os
import time

from nvlint import __version__, lazyre
from nvlint.diagnostics import Diagnostic, Edit, Fix

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import Any

    from nvlint.check.file import FileRequest, FileResult

CACHE_DIR = ".nvlint_cache"


@functools.cache
def code_fingerprint() -> str:
    """The version, and what says which files of it are installed: installs from two commits of one
    version, or an edited checkout, must not share answers. Once per run, and only in runs that use
    the cache."""
    from nvlint.digest import sha256

    stamps = __version__ + "\n" + code_stamps(os.path.dirname(os.path.abspath(__file__)))
    return __version__ + "+" + sha256(stamps.encode("utf-8", "surrogateescape")).hexdigest()


def code_stamps(package: str) -> str:
    """An installed wheel's RECORD (pip writes it anew with every install, listing every file's hash),
    beside the package; else, for a checkout (an editable install, or the source tree on the path),
    every file's size and change time, about a millisecond for 170 files. A file edited by hand inside
    an installed wheel is not noticed: `nvlint clean`."""
    record = os.path.join(os.path.dirname(package), f"nvlint-{__version__}.dist-info", "RECORD")
    try:
        status = os.stat(record)
    except OSError:
        return tree_stamps(package)
    return f"RECORD:{status.st_size}:{status.st_mtime_ns}:{status.st_ino}"


def tree_stamps(root: str) -> str:
    """Every file under ``root`` (bytecode caches aside) with its size and change time, sorted."""
    stamps = []
    folders = [root]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                else:
                    status = entry.stat()
                    stamps.append(f"{entry.path[len(root) :]}:{status.st_size}:{status.st_mtime_ns}")
    return "\n".join(sorted(stamps))


class Cache:
    """Findings by content hash (with the path, settings, rules and version in the key).

    Each run appends what it learnt to shard files of its own (`shard-<pid>-<time>.jsonl`, written
    under a temporary name and renamed), so concurrent runs never write the same file; reading loads
    every shard, and a run that finds many merges them into one, keeping the newest entries. A lost
    shard only costs a miss.

    Entries are found by their key without being decoded: a pre-commit run on one file in a large
    tree decodes one entry, not the cache of the whole tree. The first lookups search the shards'
    text for the key (newest shard first, its last line first); a run that asks for more builds an
    index of every line instead (a whole tree's run asks for every file).

    An answer that depends on files the script sources records them with their digests: it is a hit
    only while they are unchanged. `dependents.json` says which scripts source each file, so a run given
    only the sourced file (pre-commit, after an edit of `env.sh`) checks those scripts again too.
    """

    MAX_SHARDS = 16
    MAX_ENTRIES = 50_000  # kept when shards are merged: entries for content that changed long ago go
    FLUSH_EVERY = 1000  # entries: a huge tree writes several shards instead of holding every answer
    _PREFIX = '{"key": "'  # how json.dumps starts every line (see _write)

    SEARCHES = 16  # lookups answered by searching the text before the shards are indexed

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = folder = os.fspath(folder)
        self.new: dict[str, dict] = {}
        self.dependents = _read_dependents(os.path.join(folder, "dependents.json"))  # sourced file -> scripts
        self.dependents_changed = False
        self._digests: dict[str, str | None] = {}  # a sourced file's digest now, read once per run
        self.shards = sorted(_shards(folder), key=_shard_time)
        # The shards' bytes, oldest first, each after a newline: searched as bytes, and only the line found
        # is decoded (a one-file run in a big tree decodes none of the rest).
        self._texts: list[bytearray] = []
        for shard in self.shards:
            try:
                with open(shard, "rb") as handle:
                    size = os.fstat(handle.fileno()).st_size
                    text = bytearray(size + 1)
                    text[0] = 10  # the newline before the first line, read into place (no copy)
                    read = handle.readinto(memoryview(text)[1:])
                    self._texts.append(text if read == size else text[: read + 1])
            except OSError:
                continue
        self._index: dict[str, str] | None = None  # key -> the line as written, once built
        self._searches = 0
        self.compact()

    @property
    def lines(self) -> dict[str, str]:
        """Every entry's line by its key, the newest line of a key last (built on first use)."""
        if self._index is None:
            index: dict[str, str] = {}
            for text in self._texts:  # oldest first: a newer line for a key replaces an older one
                for line in text.decode("utf-8", "replace").splitlines():
                    if line.startswith(self._PREFIX):
                        end = line.find('"', len(self._PREFIX))
                        if end > 0:
                            key = line[len(self._PREFIX) : end]
                            index.pop(key, None)  # re-inserted last: the order is the age
                            index[key] = line
            self._index = index
            self._texts = []
        return self._index

    def _line(self, key: str) -> str | None:
        """The newest line written for a key."""
        if self._index is None and self._searches < self.SEARCHES:
            self._searches += 1
            head = f'\n{self._PREFIX}{key}"'.encode("utf-8", "surrogatepass")
            for text in reversed(self._texts):
                start = text.rfind(head)
                if start >= 0:
                    end = text.find(b"\n", start + 1)
                    return text[start + 1 : end if end >= 0 else len(text)].decode("utf-8", "replace")
            return None
        return self.lines.get(key)

    @staticmethod
    def key(request: FileRequest, data: bytes) -> str:
        """The key of a request's answer: everything the findings depend on."""
        digest = _run_digest(request)
        digest.update(data)
        return digest.hexdigest()

    @staticmethod
    def stamp_key(request: FileRequest, size: int, mtime_ns: int, cwd: str) -> str:
        """The key under which a file's stamp (its path, size and change time) leads to its answer
        without reading it: what `key` depends on, with the stamp in place of the content. ``cwd``: the
        current folder (a relative path names another file from another folder)."""
        digest = _run_digest(request)
        where = os.path.join(cwd, request.path)
        digest.update(f"stamp\0{where}\0{size}\0{mtime_ns}".encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def stamped(self, stamp_key: str) -> str | None:
        """What a stamp leads to: "" for a file with no word any rule needs, else the key of its answer;
        None when the stamp is unknown (the file is read and checked, or looked up by content)."""
        line = self._line(stamp_key)
        if line is None or not line.endswith('"}'):
            return None
        head = f'{self._PREFIX}{stamp_key}", "stamp": "'
        return line[len(head) : -2] if line.startswith(head) else None

    def put_stamp(self, stamp_key: str, answer_key: str) -> None:
        """Remember that a file with this stamp has the answer under ``answer_key`` ("": nothing to check)."""
        self.new[stamp_key] = {"key": stamp_key, "stamp": answer_key}
        if len(self.new) >= self.FLUSH_EVERY:
            self.save()

    def get(self, key: str) -> list[Diagnostic] | None:
        found = self.answer(key)
        return found.diagnostics if found is not None else None

    def answer(self, key: str) -> FileResult | None:
        """The cached answer (findings, and the NGC orgs the file shows and missed), as a FileResult
        with no display yet."""
        from nvlint.check.file import FileResult

        line = self._line(key)
        if line is None:
            return None
        if line == f'{self._PREFIX}{key}", "findings": []}}':
            return FileResult("")  # most files: nothing found, nothing sourced (as json.dumps writes it)
        orgs = _plain_orgs(line, f'{self._PREFIX}{key}", "findings": []')
        if orgs is not None:  # nothing found, and the NGC orgs the file shows: read without json too
            result = FileResult("")
            result.orgs, result.orgs_missed = frozenset(orgs.get("orgs", ())), frozenset(orgs.get("missed", ()))
            return result
        import json

        try:
            entry = json.loads(line)
            if entry["key"] != key:
                return None
            if any(self._digest(path) != digest for path, digest in entry.get("sources", ())):
                return None  # a file it sources changed: check it again
            result = FileResult("", [_diagnostic(dict(finding)) for finding in entry["findings"]])
            result.orgs = frozenset(entry.get("orgs", ()))
            result.orgs_missed = frozenset(entry.get("missed", ()))
            return result
        except (ValueError, TypeError, KeyError, AttributeError):
            return None  # a damaged line: checked again, and written anew

    def put(
        self,
        key: str,
        diagnostics: list[Diagnostic],
        sources=(),
        display: str = "",
        orgs: frozenset[str] = frozenset(),
        missed: frozenset[str] = frozenset(),
    ) -> None:
        """An answer, with the files the script sourced (path, digest) when it sourced any, and the NGC
        orgs it shows and asked about without knowing (the run's second look needs both)."""
        entry: dict = {"key": key, "findings": [d.as_dict() for d in diagnostics]}
        if orgs:
            entry["orgs"] = sorted(orgs)
        if missed:
            entry["missed"] = sorted(missed)
        if sources:
            entry["sources"] = [list(source) for source in sources]
            script = os.path.abspath(display)
            for path, _ in sources:
                known = self.dependents.setdefault(path, [])
                if script not in known:
                    known.append(script)
                    self.dependents_changed = True
        self.new[key] = entry
        if len(self.new) >= self.FLUSH_EVERY:
            self.save()

    def dependents_of(self, path: str) -> list[str]:
        """The scripts that sourced this file when they were last checked (absolute paths)."""
        return list(self.dependents.get(os.path.abspath(path), ()))

    def save(self) -> None:
        if self.new:
            self._write("".join(_line_of(entry) + "\n" for entry in self.new.values()))
        self.new = {}
        if self.dependents_changed:
            import json

            text = json.dumps(self.dependents, sort_keys=True)
            _write_atomically(os.path.join(self.folder, "dependents.json"), text)
            self.dependents_changed = False

    def _digest(self, path: str) -> str | None:
        if path not in self._digests:
            from nvlint.model.text import text_digest

            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
                self._digests[path] = text_digest(text)
            except (OSError, UnicodeDecodeError):
                self._digests[path] = None
        return self._digests[path]

    def _write(self, text: str) -> str | None:
        """A new shard (None on a read-only or full disk: the next run checks again)."""
        path = os.path.join(self.folder, f"shard-{os.getpid()}-{time.time_ns()}.jsonl")
        return path if _write_atomically(path, text) else None

    def compact(self) -> None:
        """Many shards (many runs) become one with the newest MAX_ENTRIES lines read at the start."""
        if len(self.shards) < self.MAX_SHARDS:
            return
        kept = list(self.lines.values())[-self.MAX_ENTRIES :]
        if self._write("".join(line + "\n" for line in kept)) is not None:
            for shard in self.shards:
                try:  # noqa: SIM105 - contextlib would be imported for this alone
                    os.unlink(shard)
                except FileNotFoundError:
                    pass


_RUN_DIGESTS: dict[tuple, Any] = {}  # the part of every key that many files share, hashed once


def _run_digest(request: FileRequest) -> Any:
    """A digest of everything a file's answer depends on besides the file itself."""
    from nvlint.digest import sha256  # here: only runs that use the cache pay for this import

    org = os.environ.get("NGC_CLI_ORG", "")
    suppress = request.options.suppress
    shared = (code_fingerprint(), request.settings.cache_key(), request.codes, suppress, org)
    base = _RUN_DIGESTS.get(shared)
    if base is None:
        base = _RUN_DIGESTS[shared] = sha256()
        for piece in (shared[0], shared[1], ",".join(request.codes), str(suppress), org):
            base.update(piece.encode("utf-8", "surrogatepass") + b"\0")
    digest = base.copy()
    if request.options.run_orgs:  # the second look: what other files showed is part of the answer
        digest.update(("orgs\0" + ",".join(sorted(request.options.run_orgs))).encode() + b"\0")
    for piece in (request.kind, request.display):
        digest.update(piece.encode("utf-8", "surrogatepass") + b"\0")
    return digest


def _line_of(entry: dict) -> str:
    """An entry as one line of JSON, as json.dumps writes it. Almost every entry holds only digests,
    empty findings and NGC org names: those are written here without importing json, so a pre-commit
    run on one clean file never imports it (2 ms of its start-up). Anything else goes to json."""
    fields = []
    for name, value in entry.items():
        if isinstance(value, str) and _plain(value):
            fields.append(f'"{name}": "{value}"')
        elif isinstance(value, list) and all(isinstance(item, str) and _plain(item) for item in value):
            fields.append(f'"{name}": [' + ", ".join(f'"{item}"' for item in value) + "]")
        else:
            import json

            return json.dumps(entry)
    return "{" + ", ".join(fields) + "}"


_PLAIN_LIST = lazyre.compile(r', "(orgs|missed)": \[((?:"[^"\\]*"(?:, "[^"\\]*")*)?)\]')


def _plain_orgs(line: str, head: str) -> dict[str, list[str]] | None:
    """The org lists of a line that _line_of wrote as `HEAD, "orgs": [...], "missed": [...]}` with plain
    strings only (no quote or backslash inside, so nothing to unescape); None for any other line."""
    if not line.startswith(head) or not line.endswith("}"):
        return None
    lists: dict[str, list[str]] = {}
    at, end = len(head), len(line) - 1
    while at < end:
        match = _PLAIN_LIST.match(line, at, end)
        if match is None or match.group(1) in lists:
            return None
        items = match.group(2)
        lists[match.group(1)] = items[1:-1].split('", "') if items else []
        at = match.end()
    return lists


def _plain(text: str) -> bool:
    """A string that json writes as it is, between quotes: printable ASCII, no quote, no backslash."""
    return text.isascii() and text.isprintable() and '"' not in text and "\\" not in text


def _shards(folder: str) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries]
    except OSError:
        return []
    return [os.path.join(folder, name) for name in names if name.startswith("shard-") and name.endswith(".jsonl")]


def _read_dependents(path: str) -> dict[str, list[str]]:
    if not os.path.exists(path):
        return {}
    import json

    try:
        with open(path, encoding="utf-8") as handle:
            data = json.loads(handle.read())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: [s for s in v if isinstance(s, str)] for k, v in data.items() if isinstance(v, list)}


def _write_atomically(path: str, text: str) -> bool:
    """Write under a temporary name and rename, so a reader never sees half a file; False when the disk
    refuses (read-only or full): what is lost is only what a later run works out again."""
    try:
        folder, name = os.path.split(path)
        temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
        return True
    except OSError:
        return False


def _shard_time(path: str) -> tuple[int, str]:
    """`shard-<pid>-<time_ns>.jsonl`: ordered by the time it was written."""
    name = os.path.basename(path)
    try:
        return int(name[: -len(".jsonl")].rsplit("-", 1)[1]), name
    except (IndexError, ValueError):
        return 0, name


def cache_folder(start: str | os.PathLike[str]) -> str:
    """`.nvlint_cache` at the project root: the nearest folder with `.git`, else the current one."""
    folder = start = os.path.realpath(start)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return os.path.join(folder, CACHE_DIR)
        parent = os.path.dirname(folder)
        if parent == folder:
            return os.path.join(start, CACHE_DIR)
        folder = parent


_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by nvlint.\n"


def open_cache(folder: str | os.PathLike[str]) -> Cache | None:
    folder = os.fspath(folder)
    try:
        os.makedirs(folder, exist_ok=True)  # a file in its place: the writes below fail, and no cache
        tag = os.path.join(folder, "CACHEDIR.TAG")
        if not os.path.exists(tag):
            with open(tag, "w") as handle:
                handle.write(_TAG)
            with open(os.path.join(folder, ".gitignore"), "w") as handle:
                handle.write("# Created by nvlint.\n*\n")
        return Cache(folder)
    except OSError:
        return None  # a read-only tree lints without a cache


def clean(folder: str | os.PathLike[str]) -> bool:
    import shutil

    if not os.path.exists(os.path.join(folder, "CACHEDIR.TAG")):
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True


def _diagnostic(entry: dict) -> Diagnostic:
    fix = entry.pop("fix")
    if fix is not None:
        fix = Fix(fix["message"], tuple(Edit(**edit) for edit in fix["edits"]), fix["applicability"])
    return Diagnostic(fix=fix, **entry)
