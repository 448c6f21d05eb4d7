"""Framed, coloured output for people at a terminal: the source line with the word underlined."""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def write(report, stream: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=stream, force_terminal=report.color, no_color=not report.color, highlight=False, soft_wrap=True, width=200
    )
    for d in report.diagnostics:
        header = Text()
        header.append(f"{d.severity}[{d.code}]", style=_STYLE.get(d.severity, "bold"))
        header.append(f" {d.name}: ", style="bold")
        header.append(d.message)
        console.print(header)
        console.print(Text(f"  --> {d.path}:{d.line}:{d.column}", style="blue"))
        lines = report.source_lines(d.path)
        gutter = len(str(d.end_line))
        for number in range(d.line, min(d.end_line, d.line + 4) + 1):
            if number - 1 >= len(lines):
                break
            source = lines[number - 1].expandtabs(1)
            console.print(Text(f"{number:>{gutter}} | ", style="blue") + Text(source))
            first = d.column - 1 if number == d.line else len(source) - len(source.lstrip())
            last = d.end_column - 1 if number == d.end_line else len(source)
            width = max(1, last - first)
            marker = Text(" " * gutter + " | ", style="blue")
            marker.append(" " * first + "^" * width, style=_STYLE.get(d.severity, "bold"))
            console.print(marker)
        if d.fix is not None:
            console.print(Text(f"  = fix ({d.fix.applicability}): {d.fix.message}", style="green"))
        console.print()
    console.print(Text(summary(report), style="bold"))


def summary(report) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in report.diagnostics:
        counts[d.severity] = counts.get(d.severity, 0) + 1
    if not report.diagnostics:
        return f"No problems found in {len(report.files)} file{'s' * (len(report.files) != 1)}."
    parts = [f"{n} {level}{'s' * (n != 1)}" for level, n in counts.items() if n]
    files = len({d.path for d in report.diagnostics})
    text = f"{', '.join(parts)} in {files} file{'s' * (files != 1)}"
    fixable = sum(1 for d in report.diagnostics if d.fix is not None and d.fix.applicability == "safe")
    unsafe = sum(1 for d in report.diagnostics if d.fix is not None and d.fix.applicability == "unsafe")
    if fixable:
        text += f"; {fixable} fixable with --fix"
    if unsafe:
        text += f" ({unsafe} more with --unsafe-fixes)"
    return text + "."
