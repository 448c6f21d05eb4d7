"""What a `check` run shows: the reports in their formats (or statistics), and one summary line on standard
error for people (the formats stay machine-readable)."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO


def write_reports(report, formats: list[str], outputs: list[str], stream: TextIO) -> None:
    """Each format to its --output file, or the one without a file to ``stream``."""
    from nvlint.report import write

    for n, format_name in enumerate(formats):
        if n < len(outputs):
            with open(outputs[n], "w", encoding="utf-8") as handle:
                write(format_name, report, handle)
        else:
            write(format_name, report, stream)
            stream.flush()


def write_statistics(diagnostics, format_name: str, stream: TextIO, files: int | None = None) -> None:
    """A count per rule, most frequent first, with how many of them --fix can fix, the total, and how
    many files were checked."""
    rows: dict[tuple[str, str], list[int]] = {}
    for d in diagnostics:
        row = rows.setdefault((d.code, d.name), [0, 0])
        row[0] += 1
        row[1] += 1 if d.fix is not None and d.fix.applicability == "safe" else 0
    ordered = sorted(rows.items(), key=lambda item: (-item[1][0], item[0]))
    if format_name in ("json", "jsonl"):
        import json

        data = {
            "rules": [{"code": c, "name": n, "count": k, "fixable": f} for (c, n), (k, f) in ordered],
            "total": len(diagnostics),
            "fixable": sum(f for _, (_, f) in ordered),
            **({"files_checked": files} if files is not None else {}),
        }
        stream.write(json.dumps(data, indent=2) + "\n")
        return
    stream.write(f"{'count':>5}  {'fixable':>7}  code   name\n")
    for (code, name), (count, fixable) in ordered:
        stream.write(f"{count:>5}  {fixable:>7}  {code}  {name}\n")
    stream.write(f"{len(diagnostics):>5}  {sum(f for _, (_, f) in ordered):>7}  total\n")
    if files is not None:
        from nvlint.report import plural

        stream.write(f"{plural(files, 'file')} checked\n")


def summary_line(diagnostics, files: int) -> str:
    """`Found 3 problems in 2 files (12 files checked); 2 fixable with --fix.`, or `No problems found in 12
    files.`"""
    from nvlint.report import checked_phrase, fixable_phrase, plural

    if not diagnostics:
        return f"No problems found in {plural(files, 'file')}."
    with_findings = len({d.path for d in diagnostics})
    found = f"Found {plural(len(diagnostics), 'problem')} in {plural(with_findings, 'file')}"
    return found + checked_phrase(files) + fixable_phrase(diagnostics) + "."


def fix_line(fixed: int, remaining: list) -> str:
    """`Fixed 2 findings (1 remains; 1 fixable with --unsafe-fixes).`"""
    from nvlint.report import fixable_phrase

    left = len(remaining)
    return f"Fixed {fixed} finding{'s' * (fixed != 1)} ({left} remain{'s' * (left == 1)}{fixable_phrase(remaining)})."


def diff_line(fixed: int, remaining: list) -> str:
    """`Would fix 2 findings; 1 fixable with --unsafe-fixes.`"""
    from nvlint.report import fixable_phrase

    return f"Would fix {fixed} finding{'s' * (fixed != 1)}{fixable_phrase(remaining)}."


def tell(message: str) -> None:
    print(message, file=sys.stderr)
