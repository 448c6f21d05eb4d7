"""Everything before a file is parsed, in one place: opening it (special files are never opened, a file
above `max-file-size` is never read), the stamp a cached answer is found by, the byte prefilter, decoding
(UTF-8 with or without a byte order mark, UTF-16, binary), and every NV000 finding that says why a file
(or its YAML, for a kind that must read it) was not read, at line 1 unless a position is known.

Every caller (the tree, one file, the language server) passes its bytes through these functions: a file
is judged the same way whichever way it came in.
"""

from __future__ import annotations

import os
import stat

from nvlint.diagnostics import Diagnostic

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.sources.kind import Problem

# A file none of whose bytes contain one of these cannot produce a finding: skip it unparsed.
TRIGGERS = (
    b"ngc",
    b"login",
    b"oauthtoken",
    b"nvapi-",
    b"NGC_API_KEY",  # where a legacy key (no `nvapi-`) is assigned
    b"NGC_CLI_API_KEY",
    b"/mount",
    b"password",
    b"nvcr",
    b"--creds",
    b"containerImage",
    b"helmChart",
    b"inferenceUrl",
    b"gpuSpecification",
    b"deploymentSpecifications",  # a deployment request: only online mode reads it
    b"cloud_function",  # the NGC SDK (`clt.cloud_function.functions.create(...)`)
    b"nvcf/",  # the NVCF API's paths (`/v2/nvcf/functions`), in code that posts to them
    b"nvct/",
)
TEXT_TRIGGERS = tuple(trigger.decode() for trigger in TRIGGERS)  # for text already decoded
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = b"\xef\xbb\xbf"


# ---- opening --------------------------------------------------------------------------------------


# Notebooks are measured by what people write in them, their cells' sources, not by their stored
# outputs (images, tables): one is read up to this size, or 32 times max-file-size if that is more.
NOTEBOOK_READ_LIMIT = 64 * 1024 * 1024


def read_limit(kind: str, limit: int) -> int:
    """How many bytes of a file of this kind are read at most (its sources are then measured)."""
    return max(NOTEBOOK_READ_LIMIT, 32 * limit) if kind == "notebook" else limit


def read_bytes(path: str, limit: int) -> bytes | Diagnostic:
    """The file's bytes, or the NV000 that says why they are not read (at line 1, without a path yet)."""
    try:
        # O_NONBLOCK: opening a named pipe would otherwise wait for a writer; one fstat then says what it is
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as handle:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode):
                raise OSError(0, "not a regular file")
            if status.st_size <= limit:
                return handle.read()
    except OSError as error:
        from nvlint.rules import nv000_unreadable_file as nv000  # the rule's messages: only when needed

        return unread_at_start(nv000.cannot_open(error.strerror or str(error)))
    from nvlint.rules import nv000_unreadable_file as nv000

    return skipped_for_size(nv000.too_large(limit, status.st_size))  # not read: memory stays flat


def stamp(path: str, limit: int, racy_after_ns: int) -> os.stat_result | None:
    """What a file's stamp is made of (size, change time), when a stamp can stand for its content: a
    regular file that fits the limit and has not changed since ``racy_after_ns`` (a file changed within
    the file system clock's tick may change again unseen: git's "racily clean" files)."""
    try:
        status = os.stat(path)
    except OSError:
        return None  # reading it says why
    if not stat.S_ISREG(status.st_mode) or status.st_size > limit or status.st_mtime_ns > racy_after_ns:
        return None
    return status


# ---- the prefilter --------------------------------------------------------------------------------


def could_match(data: bytes) -> bool:
    """Does the text hold a word some rule needs?"""
    return any(trigger in data for trigger in TRIGGERS)


def worth_reading(data: bytes, suppress: bool) -> bool:
    """Could reading these bytes report anything? UTF-16 text is judged once decoded (see `admit`); a
    directive alone can be reported (NV001, NV002) unless directives are ignored."""
    return data.startswith(UTF16_BOMS) or could_match(data) or (suppress and b"nvlint" in data)


# ---- decoding -------------------------------------------------------------------------------------


class Admitted:
    """Text that passed the gate: what to read, how many characters (a byte order mark) came before it
    in the file, and whether fixes can be written back (they are applied to UTF-8 text only)."""

    __slots__ = ("text", "shift", "fixable")

    def __init__(self, text: str, shift: int, fixable: bool) -> None:
        self.text, self.shift, self.fixable = text, shift, fixable


def admit(data: bytes, limit: int, suppress: bool = True) -> Admitted | Diagnostic | None:
    """The text to read, the NV000 that says why there is none, or None when no rule could report on it.
    ``limit`` applies to bytes handed in (standard input, an editor's buffer); files are measured before
    they are read (`read_bytes`)."""
    if len(data) > limit:
        return skipped_for_size(_nv000().too_large(limit, len(data)))
    if data.startswith(UTF16_BOMS):  # Windows editors write these; positions count characters as always
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            return unread_at_start(_nv000().not_utf16(error.reason))
        if not worth_reading(text.encode("utf-8", "surrogatepass"), suppress):
            return None
        return Admitted(text.removeprefix("\ufeff"), 1, False)
    if not worth_reading(data, suppress):
        return None
    if b"\x00" in data[:8192]:
        return unread_at_start(_nv000().binary())
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _not_utf8(data, error)
    if data.startswith(UTF8_BOM):
        return Admitted(text[1:], 1, True)
    return Admitted(text, 0, True)


def _nv000():
    """The rule's messages, imported only for a file it reports (start-up)."""
    from nvlint.rules import nv000_unreadable_file as nv000

    return nv000


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> Diagnostic:
    """NV000 at the first byte that is not UTF-8: the one place an unread file has a position."""
    from nvlint.rules import nv000_unreadable_file as nv000

    good = data[: error.start].decode("utf-8", "replace")
    line = good.count("\n") + 1
    column = len(good) - (good.rfind("\n") + 1) + 1
    diagnostic = nv000.RULE.at((0, 0), nv000.not_utf8(data[error.start], line, column))
    diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column = line, column, line, column + 1
    return diagnostic


# ---- what a file that is not read reports ---------------------------------------------------------


def skipped_for_size(message: str) -> Diagnostic:
    """NV000 for a file too large to read: a notice (severity info), which fails a run only when the
    run's fail-on asks for it (`--fail-on info`): a repository's large data files are no finding."""
    diagnostic = unread_at_start(message)
    diagnostic.severity = "info"
    diagnostic.extra["notice"] = True
    return diagnostic


def is_notice(diagnostic: Diagnostic) -> bool:
    return bool(diagnostic.extra.get("notice"))


def notebook_sources_size(data: bytes) -> int | None:
    """The characters of a notebook's cells' sources (code and markdown: what people wrote), or None
    when it is no notebook JSON (its reader says why)."""
    import json

    try:
        cells = json.loads(data).get("cells")
    except (ValueError, AttributeError, RecursionError):
        return None
    if not isinstance(cells, list):
        return None
    total = 0
    for cell in cells:
        source = cell.get("source") if isinstance(cell, dict) else None
        if isinstance(source, str):
            total += len(source)
        elif isinstance(source, list):
            total += sum(len(line) for line in source if isinstance(line, str))
    return total


def unread_at_start(message: str) -> Diagnostic:
    from nvlint.rules import nv000_unreadable_file as nv000

    return at_line_one(nv000.RULE.at((0, 0), message))


def at_line_one(diagnostic: Diagnostic, path: str | None = None) -> Diagnostic:
    """A finding about the whole file (it was not read, or a check failed on it): line 1, column 1."""
    if path is not None:
        diagnostic.path = path
    diagnostic.line = diagnostic.column = diagnostic.end_line = diagnostic.end_column = 1
    return diagnostic


def unreadable_as_kind(problems: list[Problem]) -> list[Diagnostic]:
    """NV000 where the file's kind could not read it (a workflow whose YAML does not parse), at the
    reader's position: placed like any finding."""
    from nvlint.rules import nv000_unreadable_file as nv000

    return [nv000.RULE.at((p.start, p.end), nv000.parse_error(p.message)) for p in problems]


def unread(problem: Diagnostic, path: str, codes: tuple[str, ...]) -> list[Diagnostic]:
    """What a file that is not read reports: its NV000 when that rule is on, with a fingerprint like
    every finding's."""
    if "NV000" not in codes:
        return []
    from nvlint.baseline import fingerprint

    problem.path = path
    fingerprint(problem)
    return [problem]
