"""Jupyter notebooks: `%%bash` / `%%sh` cells, `!command` lines of other code cells, and the Python of
code cells, read as a `.py` file is (nvlint.sources.python; `!` and `%` lines blanked for it).

Positions are those of the characters in the .ipynb file itself (inside the JSON strings of `source`),
so every format and every fix works on the file as it is stored; a finding names its cell.
"""

from __future__ import annotations

import re

from nvlint.model.text import Text
from nvlint.sources.kind import FileKind, Reading, Source

_CELL_MAGIC = re.compile(r"^\s*%%(bash|sh|script\s+(?:bash|sh))\b")


def read(source: Source) -> Reading:
    """Flows, and the region of each code cell, for messages that name the cell (counting every cell)."""
    from nvlint.sources.blocks import Block, run_blocks
    from nvlint.yamltree.nodes import DocumentText, YamlError, get, is_scalar, is_sequence

    try:
        (root,) = source.documents()[:1] or [None]
    except YamlError:
        return Reading()
    cells = get(root, "cells")
    if not is_sequence(cells):
        return Reading()
    document = DocumentText(source.text)
    blocks: list[Block] = []
    regions: list[tuple[int, int, str]] = []
    python: list[list] = []
    for number, cell in enumerate(cells.value, start=1):
        kind = get(cell, "cell_type")
        if not is_scalar(kind) or kind.value != "code":
            continue
        code = get(cell, "source")
        pieces = [p for p in (code.value if is_sequence(code) else [code]) if is_scalar(p)]
        lines: list[Text] = []
        for piece in pieces:
            lines.extend(_value_lines(document.value(piece), piece.end_mark.index))
        if not lines:
            continue
        regions.append((pieces[0].start_mark.index, pieces[-1].end_mark.index, f"cell {number}"))
        block = Block(transcript=False)
        if _CELL_MAGIC.match(lines[0].text):
            block.lines = lines[1:]
        else:
            for line in lines:
                stripped = line.text.lstrip()
                if stripped.startswith("!") and not stripped.startswith("!="):
                    block.lines.append(line.after(len(line.text) - len(stripped) + 1))
            if not lines[0].text.lstrip().startswith("%%"):  # another cell magic: not Python
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
    if "(" not in text:
        return []  # no call: nothing the Python reader looks at
    return PythonReader(source, text, offsets).flows()


def _value_lines(value, end: int) -> list[Text]:
    """A decoded JSON string split into lines; each character keeps its own file offset."""
    text = value.template()
    offsets = [value.offset_of(k) or 0 for k in range(len(text))]
    out: list[Text] = []
    position = 0
    for piece in text.split("\n"):
        if position >= len(text) and not piece:
            break
        line_offsets = offsets[position : position + len(piece)]
        line_end = offsets[position + len(piece)] if position + len(piece) < len(text) else end
        out.append(Text(piece, line_offsets, line_end))
        position += len(piece) + 1
    return out


KIND = FileKind("notebook", "`*.ipynb`", extensions=(".ipynb",), identify_tags=("jupyter",), read=read)
