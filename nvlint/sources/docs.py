"""Documentation: shell blocks in Markdown, reStructuredText and Jupyter notebooks.

Mistakes are copied from quick-starts into scripts, so a finding in a doc is a real finding. What is
read: fenced Markdown blocks tagged as shell (markdown-it-py finds them), RST `code-block`/`code`/
`sourcecode`/`prompt` directives and `::` literal blocks after a line that names a shell (a small
reader: docutils would need the whole document to be valid RST and gives no column positions), and
notebook cells (`%%bash`/`%%sh` cells, `!command` lines). Console transcripts keep only the lines
after a prompt. Placeholders (`<org>`, `{{ org }}`) become unknown values before the shell sees them,
so `--org <org>` is not read as a redirection. A document's blocks run top to bottom in one shell.
"""

from __future__ import annotations

import re

from nvlint.events import Event
from nvlint.shell.words import Part, unknown_part
from nvlint.sources.shell import ShellSession
from nvlint.text import SENTINEL_FIRST, SENTINEL_LAST, Snippet

SHELL_LANGUAGES = frozenset({"bash", "sh", "shell", "zsh", "console", "shell-session", "sh-session",
                             "bash-session", "shellsession", "terminal"})
TRANSCRIPTS = frozenset({"console", "shell-session", "sh-session", "bash-session", "shellsession", "terminal"})
_PROMPT = re.compile(r"^(\s*)([$#%>]) ")
_PLACEHOLDER = re.compile(r"<[A-Za-z][^<>\s]*>|\{\{[^{}\n]*\}\}")


# Plain classes rather than dataclasses: see nvlint/record.py (start-up cost).


class Line:
    """One line of shell in a document, with the file offset of each character and of its end."""

    __slots__ = ("text", "offsets", "end")

    def __init__(self, text: str, offsets: list[int], end: int) -> None:
        self.text = text
        self.offsets = offsets
        self.end = end

    @classmethod
    def at(cls, start: int, text: str) -> Line:
        return cls(text, list(range(start, start + len(text))), start + len(text))

    def after(self, cut: int) -> Line:
        return Line(self.text[cut:], self.offsets[cut:], self.end)


class Block:
    __slots__ = ("lines", "transcript")

    def __init__(self, transcript: bool = False) -> None:
        self.lines: list[Line] = []
        self.transcript = transcript

    def snippet(self) -> Snippet | None:
        chars: list[str] = []
        offsets: list[int] = []
        transcript = self.transcript or _starts_with_a_prompt(self.lines)
        for line in (_commands_of_transcript(self.lines) if transcript else self.lines):
            chars.append(line.text + "\n")
            offsets.extend(line.offsets)
            offsets.append(line.end)
        if not chars:
            return None
        offsets.append(offsets[-1] + 1)
        return _with_placeholders("".join(chars), offsets)


def _starts_with_a_prompt(lines: list[Line]) -> bool:
    """A block tagged `bash` whose first command is typed after `$ ` is a transcript all the same: what
    follows the commands is their output or the answers to their prompts (`Username: $oauthtoken`)."""
    for line in lines:
        text = line.text.lstrip()
        if text and not text.startswith("#"):
            return text.startswith("$ ")
    return False


def _commands_of_transcript(lines: list[Line]) -> list[Line]:
    """Only what follows a prompt is typed; `\\` at the end continues onto the next line."""
    out: list[Line] = []
    continuing = False
    for line in lines:
        prompt = _PROMPT.match(line.text)
        if continuing:
            cut = prompt.end() if prompt and prompt.group(2) == ">" else 0
        elif prompt and prompt.group(2) != ">":
            cut = prompt.end()
        else:
            continue  # output
        body = line.after(cut)
        out.append(body)
        continuing = body.text.rstrip().endswith("\\")
    return out


def _with_placeholders(text: str, offsets: list[int]) -> Snippet | None:
    """`<org>` and `{{ org }}` become one unknown character each, whatever the shell would make of them."""
    if "<" not in text and "{{" not in text:
        return Snippet(text, offsets)
    chars: list[str] = []
    new_offsets: list[int] = []
    unknowns: dict[str, Part] = {}
    last = 0
    for match in _PLACEHOLDER.finditer(text):
        if SENTINEL_FIRST + len(unknowns) > SENTINEL_LAST:
            return None
        chars.append(text[last:match.start()])
        new_offsets.extend(offsets[last:match.start()])
        sentinel = chr(SENTINEL_FIRST + len(unknowns))
        unknowns[sentinel] = unknown_part("placeholder:" + match.group(0), offsets[match.start()],
                                          offsets[match.end() - 1] + 1)
        chars.append(sentinel)
        new_offsets.append(offsets[match.start()])
        last = match.end()
    chars.append(text[last:])
    new_offsets.extend(offsets[last:])
    return Snippet("".join(chars), new_offsets, unknowns=unknowns)


def _run(blocks: list[Block], reads_words) -> list[list[Event]]:
    session = ShellSession(reads_words)
    for block in blocks:
        snippet = block.snippet()
        if snippet is not None:
            session.run(snippet)
    return [flow for flow in session.finish() if flow]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    return starts


# ---- Markdown ---------------------------------------------------------------------------------------

def markdown_blocks(text: str, untagged: bool = False) -> list[Block]:
    from markdown_it import MarkdownIt

    starts = _line_starts(text)
    lines = text.split("\n")
    blocks: list[Block] = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type not in ("fence", "code_block") or token.map is None:
            continue
        language = _language(token.info)
        if token.type == "code_block" or not language:
            if not untagged:
                continue
            language = "bash"
        if language not in SHELL_LANGUAGES:
            continue
        first, end = token.map
        if token.type == "fence":
            fence_line = lines[first]
            indent = len(fence_line) - len(fence_line.lstrip(" "))
            first += 1
            marker = token.markup
            if end - 1 > first - 1 and lines[end - 1].strip().startswith(marker[:3]):
                end -= 1
        else:
            indent = 4
        block = Block(transcript=language in TRANSCRIPTS)
        for n in range(first, min(end, len(lines))):
            raw = lines[n].rstrip("\r")
            cut = min(indent, len(raw) - len(raw.lstrip(" ")))
            block.lines.append(Line.at(starts[n] + cut, raw[cut:]))
        blocks.append(block)
    return blocks


def _language(info: str) -> str:
    """`bash`, `{bash}`, `bash title="x"`, `{.bash .numberLines}` -> bash."""
    info = info.strip()
    if info.startswith("{"):
        info = info.strip("{}").strip()
    word = info.split(None, 1)[0] if info else ""
    return word.lstrip(".").lower()


def markdown_flows(text: str, reads_words=None, untagged: bool = False) -> list[list[Event]]:
    return _run(markdown_blocks(text, untagged), reads_words)


# ---- reStructuredText -------------------------------------------------------------------------------

_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+(code-block|code|sourcecode|prompt)::\s*([\w-]*)")
_LITERAL_INTRO = re.compile(r"(?i)\b(bash|shell|sh|zsh|terminal|console|command line|command-line)\b.*::\s*$")


def rst_blocks(text: str) -> list[Block]:
    starts = _line_starts(text)
    lines = [line.rstrip("\r") for line in text.split("\n")]
    blocks: list[Block] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        directive = _DIRECTIVE.match(line)
        indent = None
        language = None
        if directive:
            language = (directive.group(3) or "").lower()
            indent = len(directive.group(1))
            n += 1
            while n < len(lines) and lines[n].strip().startswith(":") and _indent(lines[n]) > indent:
                n += 1  # directive options
        elif _LITERAL_INTRO.search(line) and not line.strip().startswith(".."):
            language, indent = "bash", _indent(line)
            n += 1
        else:
            n += 1
            continue
        body: list[int] = []
        while n < len(lines) and (not lines[n].strip() or _indent(lines[n]) > indent):
            body.append(n)
            n += 1
        while body and not lines[body[-1]].strip():
            body.pop()
        while body and not lines[body[0]].strip():
            body.pop(0)
        if not body or language not in SHELL_LANGUAGES:
            continue
        cut = min(_indent(lines[k]) for k in body if lines[k].strip())
        is_prompt = directive is not None and directive.group(2) == "prompt"
        block = Block(transcript=language in TRANSCRIPTS)
        for k in body:
            block.lines.append(Line.at(starts[k] + min(cut, len(lines[k])), lines[k][cut:]))
        if is_prompt:
            block.transcript = False  # `.. prompt:: bash` content is the commands, without prompts
        blocks.append(block)
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def rst_flows(text: str, reads_words=None) -> list[list[Event]]:
    return _run(rst_blocks(text), reads_words)


# ---- Jupyter notebooks ------------------------------------------------------------------------------

_CELL_MAGIC = re.compile(r"^\s*%%(bash|sh|script\s+(?:bash|sh))\b")


def notebook_flows(text: str, reads_words=None) -> tuple[list[list[Event]], list[tuple[int, int, int]]]:
    """Flows, and (start, end, cell number) of each code cell, for messages that name the cell.

    Positions are those of the characters in the .ipynb file itself (the JSON source strings), so
    every format and every fix works on the file as it is stored.
    """
    from nvlint.yamltree.nodes import (
        DocumentText,
        YamlError,
        compose_all,
        get,
        is_scalar,
        is_sequence,
    )

    try:
        (root,) = compose_all(text)[:1] or [None]
    except YamlError:
        return [], []
    cells = get(root, "cells")
    if not is_sequence(cells):
        return [], []
    document = DocumentText(text)
    blocks: list[Block] = []
    regions: list[tuple[int, int, int]] = []
    for number, cell in enumerate(cells.value, start=1):
        kind = get(cell, "cell_type")
        if not is_scalar(kind) or kind.value != "code":
            continue
        source = get(cell, "source")
        pieces = [p for p in (source.value if is_sequence(source) else [source]) if is_scalar(p)]
        lines: list[Line] = []
        for piece in pieces:
            lines.extend(_value_lines(document.value(piece), piece.end_mark.index))
        if not lines:
            continue
        regions.append((pieces[0].start_mark.index, pieces[-1].end_mark.index, number))
        block = Block()
        if _CELL_MAGIC.match(lines[0].text):
            block.lines = lines[1:]
        else:
            for line in lines:
                stripped = line.text.lstrip()
                if stripped.startswith("!") and not stripped.startswith("!="):
                    block.lines.append(line.after(len(line.text) - len(stripped) + 1))
        if block.lines:
            blocks.append(block)
    return _run(blocks, reads_words), regions


def _value_lines(value, end: int) -> list[Line]:
    """A decoded JSON string split into lines; each character keeps its own file offset."""
    text = value.template()
    offsets = [value.offset_of(k) or 0 for k in range(len(text))]
    out: list[Line] = []
    position = 0
    for piece in text.split("\n"):
        if position >= len(text) and not piece:
            break
        line_offsets = offsets[position:position + len(piece)]
        line_end = offsets[position + len(piece)] if position + len(piece) < len(text) else end
        out.append(Line(piece, line_offsets, line_end))
        position += len(piece) + 1
    return out
