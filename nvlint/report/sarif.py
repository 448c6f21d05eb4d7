"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json

from nvlint import REPOSITORY, __version__
from nvlint.diagnostics import rule_url
from nvlint.ruledocs import fence_of

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rules():
    from nvlint.rules import all_rules

    return all_rules()


def _safe(text: str) -> str:
    """Rule examples hold a key (redacted here as everywhere) and an invalid byte (escaped)."""
    from nvlint.secrets import redact

    return redact(text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))


def write(report, stream: TextIO) -> None:
    rules = _rules()
    index = {rule.code: n for n, rule in enumerate(rules)}
    results = []
    for d in report.diagnostics:
        result = {
            "ruleId": d.code,
            "ruleIndex": index.get(d.code, 0),
            "level": _LEVEL.get(d.severity, "warning"),
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": d.path.replace("\\\\", "/")},
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": d.end_column,
                        },
                    }
                }
            ],
            "partialFingerprints": {"nvlint/v1": d.fingerprint},
        }
        if d.fix is not None:
            result["fixes"] = [
                {
                    "description": {"text": d.fix.message},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": d.path.replace("\\\\", "/")},
                            "replacements": [
                                {
                                    "deletedRegion": {
                                        "startLine": e.line,
                                        "startColumn": e.column,
                                        "endLine": e.end_line,
                                        "endColumn": e.end_column,
                                    },
                                    "insertedContent": {"text": e.content},
                                }
                                for e in d.fix.edits
                            ],
                        }
                    ],
                }
            ]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "nvlint",
                        "version": __version__,
                        "informationUri": REPOSITORY,
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.what},
                                "help": {
                                    "text": f"{rule.what}\n\nWhy: {rule.why}",
                                    "markdown": f"{rule.what}\n\n**Why it matters:** {rule.why}\n\n"
                                    f"Bad:\n```{fence_of(rule)}\n{_safe(rule.bad.rstrip())}\n```\n\n"
                                    f"Good:\n```{fence_of(rule)}\n{_safe(rule.good.rstrip())}\n```",
                                },
                                "helpUri": rule_url(rule.code),
                                "defaultConfiguration": {
                                    "level": _LEVEL.get(rule.severity, "warning"),
                                    "enabled": rule.default_enabled,
                                },
                                "properties": {"tags": ["nvcf", "ngc"]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    json.dump(log, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
