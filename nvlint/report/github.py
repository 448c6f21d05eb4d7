"""GitHub Actions workflow commands: annotations on the pull request's changed lines."""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def write(report, stream: TextIO) -> None:
    for d in report.diagnostics:
        properties = (
            f"file={_property(d.path)},line={d.line},col={d.column},endLine={d.end_line},"
            f"endColumn={d.end_column},title={_property(f'{d.code} {d.name}')}"
        )
        stream.write(f"::{_LEVEL.get(d.severity, 'warning')} {properties}::{_data(d.message)}\n")
