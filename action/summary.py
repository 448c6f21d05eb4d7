"""The action's summary on the job's page ($GITHUB_STEP_SUMMARY): what nvlint found, as Markdown.

Usage: summary.py FINDINGS.json EXIT_STATUS [LOG] (the JSON format's file, nvlint's exit status, and what
nvlint wrote to standard error: its last line says how many files were checked)."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter

# nvlint's summary line: `Found 3 problems in 2 files (12 files checked)...` or `No problems found in 12 files.`
_CHECKED = re.compile(r"\((\d+) files? checked\)|^No problems found in (\d+) files?\.", re.MULTILINE)


def files_checked(log: str) -> int | None:
    found = _CHECKED.findall(log)
    if not found:
        return None
    checked, clean = found[-1]
    return int(checked or clean)


def markdown(findings: list[dict], status: int, checked: int | None = None) -> str:
    if status == 2:
        return "## nvlint\n\nnvlint could not run: see the step's log.\n"
    of = f" ({checked} file{'s' * (checked != 1)} checked)" if checked is not None else ""
    if not findings:
        clean = f" in {checked} file{'s' * (checked != 1)}" if checked is not None else ""
        return f"## nvlint\n\nNo problems found{clean}.\n"
    files = len({f["path"] for f in findings})
    lines = [
        "## nvlint",
        "",
        f"{len(findings)} problem{'s' * (len(findings) != 1)} in {files} file{'s' * (files != 1)}{of}.",
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
        found = json.load(handle)
    checked = None
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8", errors="replace") as handle:
            checked = files_checked(handle.read())
    sys.stdout.write(markdown(found, int(sys.argv[2]), checked))
