"""`path:line:col: CODE message`, the line format editors and `:make` parse."""

from __future__ import annotations

from io import TextIOBase as TextIO


def write(report, stream: TextIO) -> None:
    for d in report.diagnostics:
        stream.write(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
