"""`path:line:col: CODE message`, the line format editors and `:make` parse."""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO


def write(report, stream: TextIO) -> None:
    for d in report.diagnostics:
        stream.write(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
