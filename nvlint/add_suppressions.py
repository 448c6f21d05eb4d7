"""`nvlint check --add-suppressions[=REASON]` (ruff's `--add-noqa`): a `# nvlint: disable=CODES -- REASON`
directive on a line of its own above every command that has findings, so a repository can adopt nvlint
today and remove the directives one by one.

The line goes above the command's first line (a comment inside a `\\`-continued command would break it),
with the command's indentation, which keeps it inside a fenced block, an RST code block or a YAML block
scalar. Codes of one command share one directive; a directive already there gains the new codes. Kinds
without comments (JSON files, notebooks) are skipped and said. Each file is checked again with its
directives before it is written: a file whose findings they would not all silence is left as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic

# Findings no directive can silence in place: the file is not read at all, or nvlint failed on it.
_NOT_SILENCEABLE = frozenset({"NV000", "NV003"})
_DIRECTIVE_LINE = lazyre.compile(r"^(?P<indent>[ \t]*)# nvlint: disable=(?P<codes>[A-Z0-9, ]+?)(?P<rest>\s*(?:--.*)?)$")


class Added:
    """What was written: directives per file, and the files left alone with why."""

    def __init__(self) -> None:
        self.directives: dict[str, int] = {}
        self.skipped: dict[str, str] = {}


def write(plan, diagnostics: list[Diagnostic], reason: str) -> Added:
    from nvlint.fix import write_atomically

    added = Added()
    by_path: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        if d.code not in _NOT_SILENCEABLE and d.path != "-":
            by_path.setdefault(d.path, []).append(d)
    for path, findings in sorted(by_path.items()):
        why = _why_not(path)
        if why is not None:
            added.skipped[path] = why
            continue
        try:
            text = Path(path).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            added.skipped[path] = f"cannot be read as UTF-8 text ({error})"
            continue
        new, count = with_directives(text, findings, reason)
        if not _silences_all(plan, path, new):
            added.skipped[path] = "its directives would not silence every finding (a quoted YAML scalar?)"
            continue
        write_atomically(Path(path), new.encode("utf-8"))
        added.directives[path] = count
    return added


def summary(added: Added) -> str:
    total, files = sum(added.directives.values()), len(added.directives)
    lines = [f"Added {total} suppression directive{'s' * (total != 1)} to {files} file{'s' * (files != 1)}."]
    lines += [f"nvlint: skipped {path}: {why}" for path, why in sorted(added.skipped.items())]
    return "\n".join(lines)


def _why_not(path: str) -> str | None:
    from nvlint.discover import detect_kind

    kind = detect_kind(Path(path))
    if path.lower().endswith(".json") or kind == "notebook":
        return "its kind has no comments"
    if kind is None:
        return "not a kind of file nvlint reads"
    return None


def with_directives(text: str, findings: list[Diagnostic], reason: str) -> tuple[str, int]:
    """The text with a directive above each command that has findings; how many directives it gained."""
    lines = text.splitlines(keepends=True)
    codes_at: dict[int, set[str]] = {}
    for d in findings:
        codes_at.setdefault(_command_start(lines, d.line - 1), set()).add(d.code)
    count = 0
    for first in sorted(codes_at, reverse=True):  # from the bottom: the line numbers above stay true
        codes = codes_at[first]
        above = _DIRECTIVE_LINE.match(lines[first - 1].rstrip("\r\n")) if first > 0 else None
        if above is not None:  # a directive is there already: it gains the codes
            merged = sorted({c.strip() for c in above["codes"].split(",")} | codes)
            newline = lines[first - 1][len(lines[first - 1].rstrip("\r\n")) :]
            lines[first - 1] = f"{above['indent']}# nvlint: disable={','.join(merged)}{above['rest']}{newline}"
            continue
        line = lines[first] if first < len(lines) else ""
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        newline = "\r\n" if line.endswith("\r\n") else "\n"
        because = f" -- {reason}" if reason else ""
        lines.insert(first, f"{indent}# nvlint: disable={','.join(sorted(codes))}{because}{newline}")
        count += 1
    return "".join(lines), count


def _command_start(lines: list[str], index: int) -> int:
    """The first line of the command line ``index`` belongs to (lines continued with `\\` are one)."""
    while index > 0 and lines[index - 1].rstrip("\r\n").endswith("\\"):
        index -= 1
    return index


def _silences_all(plan, path: str, text: str) -> bool:
    """Does the file with its directives report nothing that could be silenced?"""
    from nvlint.check.file import Options, check_file
    from nvlint.discover import detect_kind

    kind = detect_kind(Path(path))
    request = plan.request(path, os.path.abspath(path), kind, text.encode("utf-8"), options=Options())
    return all(d.code in _NOT_SILENCEABLE for d in check_file(request).diagnostics)
