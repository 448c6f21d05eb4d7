"""reStructuredText: `code-block`/`code`/`sourcecode`/`prompt` directives, and `::` literal blocks after a
line that names a shell ("Run this in a shell::"). A small reader: docutils would need the whole
document to be valid RST and gives no column positions."""

from __future__ import annotations

from nvlint import lazyre
from nvlint.sources.kind import Reading, Source

_DIRECTIVE = lazyre.compile(r"^(\s*)\.\.\s+(code-block|code|sourcecode|prompt)::\s*([\w-]*)")
_LITERAL_INTRO = lazyre.compile(r"(?i)\b(bash|shell|sh|zsh|terminal|console|command line|command-line)\b.*::\s*$")


def read(source: Source) -> Reading:
    from nvlint.sources.blocks import run_blocks

    return Reading(run_blocks(blocks(source.text), source.reads_words))


def blocks(text: str) -> list:
    from nvlint.model.text import Text
    from nvlint.sources.blocks import SHELL_LANGUAGES, TRANSCRIPTS, Block, line_starts

    starts = line_starts(text)
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
        block = Block(transcript=True if language in TRANSCRIPTS else None)
        for k in body:
            block.lines.append(Text.at(starts[k] + min(cut, len(lines[k])), lines[k][cut:]))
        if is_prompt:
            block.transcript = False  # `.. prompt:: bash` content is the commands, without prompts
        blocks.append(block)
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
