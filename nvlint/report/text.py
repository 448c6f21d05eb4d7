"""`path:line:col: severity: message [CODE]`, the line GCC prints.

Chosen over ruff's `path:line:col: CODE message` because every editor's default error parser already reads
GCC's form with its severity: Vim's `%t` takes the first letter of `error`/`warning`/`info`, Emacs'
compilation mode colours `error:`, `warning:` and `info:` lines as such, and VS Code's `$gcc` problem matcher
reads it as is. The code comes last, in brackets, as GCC puts its `[-Wflag]`.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO


# ANSI colours with --color (at a terminal, or `always`): editors' parsers read the text format without them.
_SEVERITY = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def write(report, stream: TextIO) -> None:
    if not report.color:
        for d in report.diagnostics:
            stream.write(f"{d.path}:{d.line}:{d.column}: {d.severity}: {d.message} [{d.code}]\n")
        return
    for d in report.diagnostics:
        severity = f"{_SEVERITY.get(d.severity, _BOLD)}{d.severity}{_RESET}"
        stream.write(
            f"{_BOLD}{d.path}:{d.line}:{d.column}:{_RESET} {severity}: {d.message} [{_BOLD}{d.code}{_RESET}]\n"
        )
