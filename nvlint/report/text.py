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


def write(report, stream: TextIO) -> None:
    for d in report.diagnostics:
        stream.write(f"{d.path}:{d.line}:{d.column}: {d.severity}: {d.message} [{d.code}]\n")
