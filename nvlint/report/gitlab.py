"""GitLab Code Quality report (a JSON array), with stable fingerprints."""

from __future__ import annotations

import json

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO


_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def write(report, stream: TextIO) -> None:
    issues = [
        {
            "type": "issue",
            "check_name": f"{d.code} {d.name}",
            "description": f"{d.code} {d.message}",
            "categories": ["Bug Risk"],
            "severity": _SEVERITY.get(d.severity, "minor"),
            "fingerprint": d.fingerprint,
            "location": {
                "path": d.path,
                "positions": {
                    "begin": {"line": d.line, "column": d.column},
                    "end": {"line": d.end_line, "column": d.end_column},
                },
            },
        }
        for d in report.diagnostics
    ]
    json.dump(issues, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
