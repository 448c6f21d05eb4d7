from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import NotRead
from nvlint.rules.base import Context, Rule

RULE = Rule(
    code="NV000",
    name="unreadable-file",
    severity="warning",
    summary="A file that cannot be read or decoded (binary, not UTF-8, too large, YAML that does not parse).",
    what=(
        "A file that cannot be opened, is not valid UTF-8, is binary, is larger than the size limit, or is YAML "
        "that does not parse where the path says it must be read; and a part of a file nvlint stops reading: "
        "scripts in strings nested more than 16 levels deep (`bash -c` inside `bash -c`...). The message gives "
        "the reason and where it was found."
    ),
    why="A file nvlint cannot read is a file nobody checked; a silent pass would hide it.",
    # Written with surrogateescape: the bad example is the byte 0xE9 alone, which is not UTF-8.
    bad="docker login nvcr.io -u caf\udce9\n",
    good="docker login nvcr.io -u '$oauthtoken' --password-stdin < key.txt\n",
    reads=(NotRead,),
    per_event=True,
)


def too_large(limit: int, size: int) -> str:
    return f"file is {_size(size)}, larger than max-file-size ({_size(limit)}); not read"


def sources_too_large(limit: int, size: int) -> str:
    return f"the notebook's cells hold {_size(size)} of source, more than max-file-size ({_size(limit)}); not read"


def _size(count: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= factor:
            shown = f"{count / factor:.1f}".removesuffix(".0")
            return f"{shown} {unit}"
    return f"{count} bytes"


def binary() -> str:
    return "binary file (it contains NUL bytes); not read"


def not_utf8(byte: int, line: int, column: int) -> str:
    return f"not valid UTF-8 (byte 0x{byte:02x} at line {line}, column {column}); not read"


def not_utf16(reason: str) -> str:
    return f"not valid UTF-16 ({reason}); not read"


def cannot_open(reason: str) -> str:
    return f"cannot read the file: {reason}"


def parse_error(reason: str) -> str:
    return f"YAML parse error: {reason}; not read"


@RULE.checker
def check(flow: Sequence[NotRead], ctx: Context) -> Iterator[Diagnostic]:
    """The parts of a file its reader did not read (whole files are reported where they are opened)."""
    for event in flow:
        yield RULE.at((event.start, event.end), event.reason)
