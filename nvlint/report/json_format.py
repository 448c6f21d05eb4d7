"""The JSON contract: an array of findings (see the README for every field); `jsonl` is one per line."""

from __future__ import annotations

import json

from nvlint.diagnostics import Diagnostic

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO


def to_dict(d: Diagnostic) -> dict:
    fix = None
    if d.fix is not None:
        fix = {
            "message": d.fix.message,
            "applicability": d.fix.applicability,
            "edits": [
                {
                    "content": e.content,
                    "line": e.line,
                    "column": e.column,
                    "end_line": e.end_line,
                    "end_column": e.end_column,
                }
                for e in d.fix.edits
            ],
        }
    return {
        "rule": d.code,
        "name": d.name,
        "severity": d.severity,
        "message": d.message,
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "fix": fix,
        "url": d.url,
        "fingerprint": d.fingerprint,
    }


def write(report, stream: TextIO) -> None:
    json.dump([to_dict(d) for d in report.diagnostics], stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def write_lines(report, stream: TextIO) -> None:
    for d in report.diagnostics:
        stream.write(json.dumps(to_dict(d), ensure_ascii=False) + "\n")
