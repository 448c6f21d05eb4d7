"""The action's summary on the job's page ($GITHUB_STEP_SUMMARY): what nvlint found, as Markdown.

Usage: summary.py FINDINGS.json EXIT_STATUS (the JSON format's file, and nvlint's exit status)."""

from __future__ import annotations

import json
import sys
from collections import Counter


def markdown(findings: list[dict], status: int) -> str:
    if status == 2:
        return "## nvlint\n\nnvlint could not run: see the step's log.\n"
    if not findings:
        return "## nvlint\n\nNo problems found.\n"
    files = len({f["path"] for f in findings})
    lines = [
        "## nvlint",
        "",
        f"{len(findings)} problem{'s' * (len(findings) != 1)} in {files} file{'s' * (files != 1)}.",
        "",
        "| rule | name | severity | count |",
        "|---|---|---|---|",
    ]
    counts = Counter((f["rule"], f["name"], f["severity"], f["url"]) for f in findings)
    for (rule, name, severity, url), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"| [{rule}]({url}) | {name} | {severity} | {count} |")
    lines += ["", "| where | rule | message |", "|---|---|---|"]
    for f in findings[:50]:
        message = f["message"].replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{f['path']}:{f['line']}:{f['column']}` | {f['rule']} | {message} |")
    if len(findings) > 50:
        lines.append(f"| … | | {len(findings) - 50} more in the annotations |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        sys.stdout.write(markdown(json.load(handle), int(sys.argv[2])))
