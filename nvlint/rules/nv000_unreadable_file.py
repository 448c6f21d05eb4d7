from __future__ import annotations

from nvlint.rules.base import Rule

RULE = Rule(
    code="NV000",
    name="unreadable-file",
    severity="warning",
    summary="A file nvlint was asked to read cannot be read or decoded.",
    what=(
        "Reported by the file reader, not by a check: a file that cannot be opened, is not valid UTF-8, or "
        "is binary. The message gives the reason and where it was found."
    ),
    why="A file nvlint cannot read is a file nobody checked; a silent pass would hide it.",
    # Written with surrogateescape: the bad example is the byte 0xE9 alone, which is not UTF-8.
    bad="docker login nvcr.io -u caf\udce9\n",
    good="docker login nvcr.io -u '$oauthtoken' --password-stdin < key.txt\n",
)
