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


def write_statistics(diagnostics, format_name: str, stream: TextIO) -> None:
    """A count per rule, most frequent first, with how many of them --fix can fix, and the total."""
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
        }
        stream.write(json.dumps(data, indent=2) + "\n")
        return
    stream.write(f"{'count':>5}  {'fixable':>7}  code   name\n")
    for (code, name), (count, fixable) in ordered:
        stream.write(f"{count:>5}  {fixable:>7}  {code}  {name}\n")
    stream.write(f"{len(diagnostics):>5}  {sum(f for _, (_, f) in ordered):>7}  total\n")


def summary_line(diagnostics, files: int) -> str:
    """`Found 3 problems in 2 files.`, or `No problems found in 12 files.`"""
    if not diagnostics:
        return f"No problems found in {files} file{'s' * (files != 1)}."
    with_findings = len({d.path for d in diagnostics})
    count = len(diagnostics)
    return f"Found {count} problem{'s' * (count != 1)} in {with_findings} file{'s' * (with_findings != 1)}."


def fix_line(fixed: int, remaining: int) -> str:
    return f"Fixed {fixed} finding{'s' * (fixed != 1)} ({remaining} remain{'s' * (remaining == 1)})."


def tell(message: str) -> None:
    print(message, file=sys.stderr)
