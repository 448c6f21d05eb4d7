"""Shell blocks of documentation (Markdown fences, RST directives, notebook cells): their lines, which
of them are typed commands, and how a document's blocks run.

Console transcripts keep only the lines after a prompt; a block tagged `bash` whose first command
follows `$ ` is one too. Placeholders (`<org>`, `{{ org }}`) become unknown values before the shell
sees them, so `--org <org>` is not read as a redirection. A document's blocks run top to bottom in
one shell, so a quick-start that builds in one block and deploys in the next is checked in order.
"""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.model.events import Event
from nvlint.model.text import SENTINEL_FIRST, SENTINEL_LAST, Snippet, Text
from nvlint.model.words import PLACEHOLDER, Part, Unknown, unknown_part

SHELL_LANGUAGES = frozenset(
    {"bash", "sh", "shell", "zsh", "console", "shell-session", "sh-session", "bash-session", "shellsession", "terminal"}
)
TRANSCRIPTS = frozenset({"console", "shell-session", "sh-session", "bash-session", "shellsession", "terminal"})
_PROMPT = lazyre.compile(r"^(\s*)([$#%>]) ")
# `<org>`, `{{ org }}`, the empty `<>` and `<...>`; and in a synopsis, alternatives (`UPLOAD|NONE`).
_PLACEHOLDER = lazyre.compile(
    r"<[A-Za-z][^<>\s]*>|\{\{[^{}\n]*\}\}|<>|<\.\.\.>"
    r"|(?<![\w|-])[A-Z][A-Za-z0-9_]*(?:\|[A-Za-z][A-Za-z0-9_]*)+(?![\w|])"
    # a synopsis's optional part: `[--description <text>]`, `[-v]`, `[--strategy UPLOAD|NONE]` (never a
    # test command: `[ -f x ]` has a space after its `[`); one unknown word that marks a synopsis
    r"|\[--?[A-Za-z][^\[\]\n]*\]"
)


class Block:
    """The lines of one shell block. ``transcript``: True for a console transcript (only the lines
    after a prompt are commands), False when the lines are commands whatever they start with (an RST
    `prompt` directive), None to decide by the first command line (a `$ ` prompt makes a transcript)."""

    __slots__ = ("lines", "transcript")

    def __init__(self, transcript: bool | None = None) -> None:
        self.lines: list[Text] = []
        self.transcript = transcript

    def snippet(self) -> Snippet | None:
        transcript = self.transcript if self.transcript is not None else _starts_with_a_prompt(self.lines)
        lines = _commands_of_transcript(self.lines) if transcript else self.lines
        if not lines:
            return None
        joined = Text.join(lines)
        return _with_placeholders(joined.text, [*joined.offsets, joined.end])


def _starts_with_a_prompt(lines: list[Text]) -> bool:
    """A block tagged `bash` whose first command is typed after `$ ` is a transcript all the same: what
    follows the commands is their output or the answers to their prompts (`Username: $oauthtoken`)."""
    for line in lines:
        text = line.text.lstrip()
        if text and not text.startswith("#"):
            return text.startswith("$ ")
    return False


def _commands_of_transcript(lines: list[Text]) -> list[Text]:
    """Only what follows a prompt is typed; `\\` at the end continues onto the next line."""
    out: list[Text] = []
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
    """`<org>`, `{{ org }}` and a synopsis's optional parts (`[--result-location <path>]`) become one
    unknown character each, whatever the shell would make of them."""
    if "<" not in text and "{{" not in text and "|" not in text and "[-" not in text:
        return Snippet(text, offsets)
    chars: list[str] = []
    new_offsets: list[int] = []
    unknowns: dict[str, Part] = {}
    last = 0
    for match in _PLACEHOLDER.finditer(text):
        if SENTINEL_FIRST + len(unknowns) > SENTINEL_LAST:
            return None
        chars.append(text[last : match.start()])
        new_offsets.extend(offsets[last : match.start()])
        sentinel = chr(SENTINEL_FIRST + len(unknowns))
        unknowns[sentinel] = unknown_part(
            Unknown(PLACEHOLDER, match.group(0)), offsets[match.start()], offsets[match.end() - 1] + 1
        )
        chars.append(sentinel)
        new_offsets.append(offsets[match.start()])
        last = match.end()
    chars.append(text[last:])
    new_offsets.extend(offsets[last:])
    return Snippet("".join(chars), new_offsets, unknowns=unknowns)


def run_blocks(blocks: list[Block], reads_words) -> list[list[Event]]:
    """A document's blocks, top to bottom, in one shell."""
    from nvlint.sources.session import ShellSession  # here: the interpreter is not needed to find files

    session = ShellSession(reads_words, syntax=False)  # a doc's blocks: excerpts and placeholders
    for block in blocks:
        snippet = block.snippet()
        if snippet is not None:
            session.run(snippet)
    return [flow for flow in session.finish() if flow]


def line_starts(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    return starts
