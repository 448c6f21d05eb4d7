"""Framed, coloured output for people at a terminal, as wide as the terminal (COLUMNS wins; 80 elsewhere):
the message wrapped at word boundaries, then the source line (trimmed around the span when it is long, as
rustc and ruff do) with the span underlined.

The layout is computed here as plain text with the span's columns; rich only colours it. (rich would wrap
the source lines too, and a wrapped line loses its caret.)
"""

from __future__ import annotations

from nvlint.report import checked_phrase, fixable_phrase, plural

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO

WIDTH = 80  # when the stream is no terminal and COLUMNS says nothing
ELLIPSIS = "..."
_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
_SHOWN_LINES = 5  # of a span over many lines, the first few


def width_of(stream) -> int:
    """The columns to lay out in: COLUMNS when set, else the terminal's, else WIDTH (a file, a pipe)."""
    import os

    try:
        return max(int(os.environ["COLUMNS"]), 20)
    except (KeyError, ValueError):
        pass
    try:
        if stream.isatty():
            return max(os.get_terminal_size(stream.fileno()).columns, 20)
    except (AttributeError, ValueError, OSError):
        pass
    return WIDTH


def write(report, stream: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    width = width_of(stream)

    console = Console(
        file=stream,
        force_terminal=report.color,
        no_color=not report.color,
        highlight=False,
        soft_wrap=True,
        width=width,
    )
    for d in report.diagnostics:
        style = _STYLE.get(d.severity, "bold")
        prefix = f"{d.severity}[{d.code}]"
        for n, line in enumerate(wrap(f"{prefix} {d.name}: {d.message}", width)):
            text = Text(line)
            if n == 0:
                text.stylize(style, 0, len(prefix))
                text.stylize("bold", len(prefix) + 1, len(prefix) + 2 + len(d.name))
            console.print(text)
        console.print(Text(f"  --> {d.path}:{d.line}:{d.column}", style="blue"))
        lines = report.source_lines(d.path)
        last_line = min(d.end_line, d.line + _SHOWN_LINES - 1, len(lines))
        gutter = len(str(last_line))
        for number in range(d.line, last_line + 1):
            source = lines[number - 1].expandtabs(1)  # one column per character: the caret stays aligned
            first = d.column - 1 if number == d.line else len(source) - len(source.lstrip())
            end = d.end_column - 1 if number == d.end_line else len(source)
            shown, start, stop = trim(source, first, max(end, first + 1), width - gutter - 3)
            row = Text()
            row.append(f"{number:>{gutter}} | ", style="blue")
            row.append(shown[:start])
            row.append(shown[start:stop], style=style)
            row.append(shown[stop:])
            console.print(row)
            marker = Text(" " * gutter + " | ", style="blue")
            marker.append(" " * columns(shown[:start]) + "^" * max(columns(shown[start:stop]), 1), style=style)
            console.print(marker)
        if d.fix is not None:
            for line in wrap(f"  = fix ({d.fix.applicability}): {d.fix.message}", width, indent="    "):
                console.print(Text(line, style="green"))
        console.print()
    console.print(Text(summary(report), style="bold"))


def wrap(text: str, width: int, indent: str = "  ") -> list[str]:
    """Lines of at most ``width`` columns, broken at spaces only (a long word or path stays whole)."""
    import textwrap

    return textwrap.wrap(text, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False) or [
        text
    ]


def trim(source: str, first: int, end: int, width: int) -> tuple[str, int, int]:
    """The part of ``source`` to show in ``width`` terminal columns so that the span [first, end) (character
    indices) is in view, with `...` where text was cut; and where the span starts and ends (character
    indices) in what is shown. Wide characters (CJK) take two columns, combining marks none."""
    cells, at = _cells(source)
    first_column = at[min(first, len(source))]
    end_column = max(at[min(end, len(source))], first_column + 1)
    shown, start, stop = _trim_columns(cells, first_column, end_column, width)
    return "".join(shown), len("".join(shown[:start])), len("".join(shown[:stop]))


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes."""
    return sum(_width(char) for char in text)


def _width(char: str) -> int:
    import unicodedata

    if unicodedata.combining(char) or char in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _cells(source: str) -> tuple[list[str], list[int]]:
    """One entry per terminal column: a character, then "" for the second column of a wide one (a
    combining mark joins the column before it); and the column of each character (and of the end)."""
    cells: list[str] = []
    at: list[int] = []
    for char in source:
        size = _width(char)
        if size == 0 and cells:
            at.append(len(cells) - 1)
            cells[-1] += char
        else:
            at.append(len(cells))
            cells.append(char)
            cells.extend([""] * (size - 1))
    at.append(len(cells))
    return cells, at


def _trim_columns(cells: list[str], first: int, end: int, width: int) -> tuple[list[str], int, int]:
    if len(cells) <= width:
        return cells, first, end
    cut = len(ELLIPSIS)
    dots = list(ELLIPSIS)
    room = width - 2 * cut  # between two ellipses
    end = min(end, first + room)  # a span wider than the room is shown from its start
    start = first - (room - (end - first)) // 2  # the span in the middle
    if start <= 0:  # the line's start is in view: no ellipsis on the left
        return _whole(cells[: width - cut]) + dots, first, end
    if start + room >= len(cells) - cut:  # its end is in view
        start = len(cells) - (width - cut)
        return dots + _whole(cells[start:]), first - start + cut, end - start + cut
    return dots + _whole(cells[start : start + room]) + dots, first - start + cut, end - start + cut


def _whole(cells: list[str]) -> list[str]:
    """A wide character cut in half at either edge becomes a space: the columns stay where they were."""
    cells = list(cells)
    if cells and cells[0] == "":
        cells[0] = " "
    if cells and cells[-1] != "" and _width(cells[-1][:1]) == 2:
        cells[-1] = " "
    return cells


def summary(report) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for d in report.diagnostics:
        counts[d.severity] = counts.get(d.severity, 0) + 1
    if not report.diagnostics:
        return f"No problems found in {plural(len(report.files), 'file')}."
    parts = [plural(n, level) for level, n in counts.items() if n]
    files = len({d.path for d in report.diagnostics})
    text = f"{', '.join(parts)} in {plural(files, 'file')}{checked_phrase(len(report.files))}"
    return text + fixable_phrase(report.diagnostics) + "."
