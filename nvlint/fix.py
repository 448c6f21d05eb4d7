"""Applying fixes: only the spans they name change; the rest of the file stays byte for byte."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from nvlint.diagnostics import Diagnostic

MAX_ROUNDS = 10


def applicable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    return fix is not None and (fix.applicability == "safe" or unsafe)


def apply(text: str, diagnostics: list[Diagnostic], unsafe: bool) -> tuple[str, int]:
    """Text with the fixes applied, and how many. A fix that overlaps one already taken waits for
    the next round (the caller lints again until nothing changes)."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for diagnostic in sorted((d for d in diagnostics if applicable(d, unsafe)), key=lambda d: d.start):
        spans = [(e.start, e.end) for e in diagnostic.fix.edits]  # type: ignore[union-attr]
        if any(
            (a < taken_end and taken_start < b) or (a == b == taken_start)
            for a, b in spans
            for taken_start, taken_end in taken
        ):
            continue
        taken.extend(spans)
        chosen.append(diagnostic)
    edits = sorted(
        (e for d in chosen for e in d.fix.edits),  # type: ignore[union-attr]
        key=lambda e: (e.start, e.end),
        reverse=True,
    )
    for edit in edits:
        text = text[: edit.start] + edit.content + text[edit.end :]
    return text, len(chosen)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file in one step, keeping its permissions."""
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".nvlint")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
        )
    )
