"""Jupyter notebooks: `%%bash` / `%%sh` cells, `!command` lines of other code cells, and the Python of
code cells, read as a `.py` file is (nvlint.sources.python; `!` and `%` lines blanked for it).

Positions are those of the characters in the .ipynb file itself (inside the JSON strings of `source`),
so every format and every fix works on the file as it is stored; a finding names its cell.
"""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.model.text import Text
from nvlint.sources.kind import Reading, Source

_CELL_MAGIC = lazyre.compile(r"^\s*%%(bash|sh|script\s+(?:bash|sh))\b")
_SHELL_LINE = lazyre.compile(r"^\s*!(?!=)", re.MULTILINE)  # `!cmd`; `!=` is Python


def read(source: Source) -> Reading:
    """Flows, and the region of each code cell, for messages that name the cell (counting every cell)."""
    from nvlint.sources.blocks import Block, run_blocks
    from nvlint.yamltree.nodes import YamlError, get, is_scalar, is_sequence

    try:
        (root,) = source.documents()[:1] or [None]
    except YamlError:
        return Reading()
    cells = get(root, "cells")
    if not is_sequence(cells):
        return Reading()
    blocks: list[Block] = []
    regions: list[tuple[int, int, str]] = []
    python: list[list] = []
    for number, cell in enumerate(cells.value, start=1):
        kind = get(cell, "cell_type")
        if not is_scalar(kind) or kind.value != "code":
            continue
        code = get(cell, "source")
        pieces = [p for p in (code.value if is_sequence(code) else [code]) if is_scalar(p)]
        # The cell's text as the JSON reader decoded it says whether anything in it is read; the offset
        # of each character is worked out only for a cell that is (most cells of a notebook are not).
        cell_text = "".join(str(piece.value) for piece in pieces)
        if not cell_text:
            continue
        regions.append((pieces[0].start_mark.index, pieces[-1].end_mark.index, f"cell {number}"))
        first_line = cell_text.split("\n", 1)[0]
        shell_cell = _CELL_MAGIC.match(first_line) is not None
        python_cell = not first_line.lstrip().startswith("%%") and _python_worth_reading(cell_text)
        if not (shell_cell or python_cell or _SHELL_LINE.search(cell_text)):
            continue
        lines: list[Text] = []
        for piece in pieces:
            lines.extend(_value_lines(source.text, piece))
        block = Block(transcript=False)
        if shell_cell:
            block.lines = lines[1:]
        else:
            for line in lines:
                stripped = line.text.lstrip()
                if stripped.startswith("!") and not stripped.startswith("!="):
                    block.lines.append(line.after(len(line.text) - len(stripped) + 1))
            if python_cell:
                python.append(lines)
        if block.lines:
            blocks.append(block)
    flows = run_blocks(blocks, source.reads_words)
    for cell in python:
        flows.extend(_python_flows(source, cell))
    return Reading(flows, regions=regions)


def _python_flows(source: Source, lines: list[Text]) -> list:
    """A code cell's Python, each character at its place in the .ipynb; IPython's `!`/`%` lines blank."""
    from nvlint.sources.python import PythonReader

    chars: list[str] = []
    offsets: list[int] = []
    for line in lines:
        magic = line.text.lstrip().startswith(("!", "%"))
        chars.append((" " * len(line.text) if magic else line.text) + "\n")
        offsets.extend([*line.offsets, line.end])
    text = "".join(chars)
    return PythonReader(source, text, offsets).flows()


def _python_worth_reading(text: str) -> bool:
    """Could the Python reader find anything in a cell? It reads calls, and each of its findings needs
    one of the gate's trigger words in the cell itself (a cell is read on its own)."""
    from nvlint.check.gate import TEXT_TRIGGERS

    return "(" in text and any(trigger in text for trigger in TEXT_TRIGGERS)


def _value_lines(file_text: str, piece) -> list[Text]:
    """A JSON string of the file, decoded and split into lines; each character keeps its file offset."""
    from nvlint.yamltree.scalars import decode

    text, offsets = decode(file_text, piece.start_mark.index, piece.end_mark.index, piece.style)
    end = piece.end_mark.index
    out: list[Text] = []
    position = 0
    for line in text.split("\n"):
        if position >= len(text) and not line:
            break
        line_end = offsets[position + len(line)] if position + len(line) < len(text) else end
        out.append(Text(line, offsets[position : position + len(line)], line_end))
        position += len(line) + 1
    return out
