"""What a file kind is: how its files are recognised, and how one is read into flows of events.

Every kind is declared in `nvlint.sources` as data (names, extensions, globs, options) and read by a
module of its own, named by the declaration. Discovery and linting are derived from the declarations;
a kind's module is imported only when a file of that kind is read, so a run that reads one shell
script loads no YAML, Python or Markdown reader (start-up is most of what a pre-commit run pays).
"""

from __future__ import annotations

import os

from nvlint import import_module
from nvlint.model.text import text_digest

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.config_values import Option
    from nvlint.model.events import Event
    from nvlint.settings import Settings
    from nvlint.yamltree.nodes import Expressions

Flows = list  # list[list[Event]]: each flow is the events of one execution, in order


class Source:
    """One file to read: its text (CR before LF already made a space), where it is, its settings, and
    which words the word-level rules want (see nvlint.tools.commands.recognise)."""

    __slots__ = ("text", "path", "settings", "reads_words", "expressions", "_documents", "read_files", "memory")

    def __init__(
        self, text: str, path: str | None, settings: Settings, reads_words=None, expressions: Expressions | None = None
    ) -> None:
        self.text = text
        self.path = path  # None for standard input
        self.settings = settings
        self.reads_words = reads_words
        # how the file writes values only a renderer knows (a Helm template's `{{ }}`): unknown values
        self.expressions = expressions
        self._documents: list | None = None
        # other files this one brought in, absolute path -> digest (None: absent or unreadable)
        self.read_files: dict[str, str | None] = {}
        self.memory: tuple | None = None  # (ScriptMemory, key): see nvlint.shell.resume

    def rendered(self, text: str, expressions: Expressions | None) -> Source:
        """The same file as another text (a Helm template made parseable); files it reads count for both."""
        other = Source(text, self.path, self.settings, self.reads_words, expressions)
        other.read_files = self.read_files
        return other

    def read_other(self, path: str | os.PathLike) -> str | None:
        """Another file that this one brings in (a Makefile's `include`, GitLab's `include: local:`, an
        Ansible role's variables): its text, or None. Each is recorded with its digest, so that a cached
        answer for this file holds only while those files are as they were (and one that was missing
        still is)."""
        absolute = os.path.abspath(path)
        try:
            with open(absolute, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            self.read_files[absolute] = None
            return None
        self.read_files[absolute] = text_digest(text)
        return text

    def sourced_files(self, at_root: bool = False):
        """What `source FILE` may read from this file's commands (None for standard input): relative paths
        start in the file's folder, or at the repository's root (a CI file's commands run there)."""
        if self.path is None:
            return None
        from nvlint.sources.sourcing import SourcedFiles

        return SourcedFiles(self.path, self.settings.excludes, at_root=at_root)

    def documents(self) -> list:
        """The YAML (or JSON) documents' root nodes, composed once. Raises YamlError."""
        if self._documents is None:
            from nvlint.yamltree.nodes import compose_all

            self._documents = compose_all(self.text)
        return self._documents


class Problem:
    """Why a file cannot be read as its kind (NV000), and where: a YAML parse error, with the parser's reason."""

    __slots__ = ("start", "end", "message")

    def __init__(self, start: int, end: int, message: str) -> None:
        self.start, self.end, self.message = start, end, message


class Reading:
    """What reading one file gives: its flows, the problems that stopped part of the reading, and the
    regions whose findings name where they are (a notebook's cells: "[cell 3]"), and where a `#` is
    text rather than a comment (a Python string), so a directive written there silences nothing."""

    __slots__ = ("flows", "problems", "regions", "not_comments", "dependencies")

    def __init__(
        self,
        flows: list[list[Event]] | None = None,
        problems: list[Problem] | None = None,
        regions: list[tuple[int, int, str]] | None = None,
    ) -> None:
        self.flows = flows if flows is not None else []
        self.problems = problems if problems is not None else []
        self.regions = regions if regions is not None else []  # (start, end, label)
        self.not_comments: list[tuple[int, int]] = []  # sorted (start, end) file spans
        self.dependencies: dict[str, str | None] = {}  # Source.read_files, once read


class FileKind:
    """A kind of file nvlint reads.

    Text kinds are recognised by file name, extension or shebang (and identify's tags for the rest).
    Document kinds are YAML or JSON documents (`documents=True`): a file is theirs when its path
    matches one of their ``globs``/``names`` or, for files no path claims, document by document when
    the document has their ``shape``.

    ``module`` reads the files: a text kind's module has ``read(source) -> Reading``; a document
    kind's has ``shape(root) -> bool`` and ``read_document(source, root) -> flows``, and, where
    ``claim`` is set, ``claims(path) -> bool`` for paths that only the files around them place.
    """

    __slots__ = (
        "name",
        "summary",
        "module",
        "names",
        "extensions",
        "shebang",
        "identify_tags",
        "globs",
        "documents",
        "options",
        "claim",
    )

    def __init__(
        self,
        name: str,
        summary: str,
        module: str,
        *,
        names: tuple[str, ...] = (),
        extensions: tuple[str, ...] = (),
        shebang: bool = False,
        identify_tags: tuple[str, ...] = (),
        globs: tuple[str, ...] = (),
        documents: bool = False,
        options: tuple[Option, ...] = (),
        claim: bool = False,
    ) -> None:
        self.name = name
        self.summary = summary  # one line for `nvlint kinds` and the README
        self.module = module  # the module that reads the kind's files (imported on first use)
        self.names = names  # exact file names (`Makefile`)
        self.extensions = extensions  # lower-case, with the dot
        self.shebang = shebang  # a `#!` line naming a shell makes a file of this kind
        self.identify_tags = identify_tags  # identify's tags that mean this kind, for other names
        self.globs = globs  # path patterns that claim a document file (`.github/workflows/*.yml`)
        self.documents = documents
        self.options = options  # settings this kind declares (source.settings.option(...))
        self.claim = claim  # can the path (and what is around it) say a file is of this kind?

    def __repr__(self) -> str:
        return f"FileKind({self.name})"

    def reader(self):
        """The module that reads this kind's files."""
        return import_module(self.module)

    def read(self, source: Source) -> Reading:
        return self.reader().read(source)

    def shape(self, root) -> bool:
        """Does a document (its root node) have this kind's shape?"""
        return bool(self.reader().shape(root))

    def read_document(self, source: Source, root) -> Flows:
        return self.reader().read_document(source, root)

    def claims(self, path: str) -> bool:
        """Does the path alone say a document file is of this kind?"""
        from pathlib import PurePosixPath  # documents only: a shell script's run never needs pathlib

        posix = PurePosixPath(path.replace("\\", "/"))
        if posix.name in self.names or any(posix.match(glob) for glob in self.globs):
            return True
        return self.claim and self.reader().claims(path)
