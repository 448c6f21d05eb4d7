"""The rule catalogue in `rules/`: one Markdown page per rule, generated from the rule modules.

Run `python -m nvlint.ruledocs` after changing a rule; a test fails while the pages are out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from nvlint.rules import ALL_RULES, Rule


def page(rule: Rule) -> str:
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"Severity: **{rule.severity}**. Fix: **{rule.fix_applicability or 'none'}**. "
        f"Enabled by default: **{'yes' if rule.default_enabled else 'no'}**.",
        "",
        rule.summary,
        "",
        "## What it does",
        "",
        rule.what,
        "",
        "## Why it matters",
        "",
        rule.why,
        "",
        *(["## Bad", "", "```bash", _example(rule.bad), "```", ""] if rule.bad else []),
        "## Good",
        "",
        "```bash",
        _example(rule.good),
        "```",
    ]
    if rule.fix:
        lines += ["", "## Fix", "", rule.fix]
    if rule.configuration:
        lines += ["", "## Configuration", "", rule.configuration]
    if rule.references:
        lines += ["", "## References", ""] + [f"- <{ref}>" for ref in rule.references]
    return "\n".join(lines) + "\n"


def _example(text: str) -> str:
    return printable(text.rstrip("\n"))


def printable(text: str) -> str:
    """Examples as a page can show them: the NV000 example's invalid byte escaped, keys redacted."""
    from nvlint.secrets import redact

    return redact(text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))


def index() -> str:
    lines = ["# nvlint rules", "", "Generated from the rule modules by `python -m nvlint.ruledocs`.", "",
             "| code | name | severity | fix | summary |", "|---|---|---|---|---|"]
    for rule in ALL_RULES:
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.severity} | "
                     f"{rule.fix_applicability or ''} | {summary} |")
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    out = {f"{rule.code}.md": page(rule) for rule in ALL_RULES}
    out["README.md"] = index()
    return out


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0] if argv else "rules")
    target.mkdir(exist_ok=True)
    for name, text in pages().items():
        (target / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
