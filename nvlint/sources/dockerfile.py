"""Dockerfiles: `RUN` instructions are shell snippets; `ARG` and `ENV` seed their variables.

A small reader (no maintained Python library parses Dockerfiles with positions): instructions with
escape-character continuations (`# escape=` honoured; comment lines inside a continuation skipped),
`RUN` in shell form, exec form when it runs a shell (`["sh", "-c", "..."]`), and here-documents
(`RUN <<EOF`). `FROM` is docker's business, not NVCF's: no image rule reads it.
"""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.model.events import CommandRun, OptionRun
from nvlint.model.text import Snippet, Text
from nvlint.model.words import Value, Word, literal_part
from nvlint.sources.kind import Reading, Source

_DIRECTIVE = lazyre.compile(r"^#\s*(escape|syntax|check)\s*=\s*(\S+)\s*$", re.IGNORECASE)
_HEREDOC = lazyre.compile(r"<<-?\s*([\"']?)([A-Za-z_][A-Za-z0-9_]*)\1")
_RUN_FLAG = lazyre.compile(r"--[a-z-]+=\S*\s+")
_SHELLS = ("sh", "bash", "/bin/sh", "/bin/bash", "/usr/bin/bash", "zsh", "dash")


def _instructions(text: str) -> list[tuple[str, Text]]:
    """(keyword, the instruction's text after its continuations) of each instruction."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    escape = "\\"
    for line in lines:  # parser directives come first, before any instruction or comment
        directive = _DIRECTIVE.match(line.strip())
        if not directive:
            break
        if directive.group(1).lower() == "escape":
            escape = directive.group(2)[:1] or "\\"
    out: list[tuple[str, Text]] = []
    n = 0
    while n < len(lines):
        raw = lines[n].rstrip("\r")
        if not raw.strip() or raw.lstrip().startswith("#"):
            n += 1
            continue
        chars: list[str] = []
        offsets: list[int] = []
        while True:
            body = raw.rstrip()
            continued = body.endswith(escape)
            kept = body[:-1] if continued else raw
            chars.append(kept)
            offsets.extend(range(starts[n], starts[n] + len(kept)))
            if not continued or n + 1 >= len(lines):
                break
            # the shell reads `\\<newline>` as a continuation: keep the line break where it was
            chars.append("\\\n" if escape == "\\" else " ")
            offsets.extend(
                [starts[n] + len(body) - 1, starts[n] + len(body)] if escape == "\\" else [starts[n] + len(body) - 1]
            )
            n += 1
            while n < len(lines) and lines[n].lstrip().startswith("#"):
                n += 1  # comment lines inside a continuation are dropped by the parser
            if n >= len(lines):
                break
            raw = lines[n].rstrip("\r")
        n += 1
        joined = "".join(chars)
        keyword = joined.split(None, 1)[0].upper() if joined.strip() else ""
        heredocs = _HEREDOC.findall(joined) if keyword == "RUN" else []
        for _, terminator in heredocs:  # here-document bodies follow the instruction
            while n < len(lines):
                body_line = lines[n].rstrip("\r")
                chars_line = "\n" + body_line
                joined += chars_line
                offsets.append(starts[n] - 1)
                offsets.extend(range(starts[n], starts[n] + len(body_line)))
                n += 1
                if body_line.strip() == terminator:
                    break
        out.append((keyword, Text(joined, offsets)))
    return out


def read(source: Source) -> Reading:
    from nvlint.shell.expand import Env  # here: the interpreter is not needed to find files
    from nvlint.sources.session import ShellSession

    reads_words = source.reads_words
    session = ShellSession(reads_words)
    variables: dict[str, Value] = {}
    for keyword, instruction in _instructions(source.text):
        chars = instruction.text
        rest_at = len(chars) - len(chars.lstrip()) + len(keyword)
        while rest_at < len(chars) and chars[rest_at] in " \t":
            rest_at += 1
        body = instruction.slice(rest_at)
        if keyword in ("ARG", "ENV"):
            assigned, words = _assignments(keyword, body, variables)
            variables.update(assigned)
            session.flows[-1].extend(
                CommandRun(w.start, w.end, words=[w]) for w in words if reads_words is None or reads_words(w)
            )
        elif keyword.startswith("-"):  # `--type CONTAINER` alone: the RUN above lost its continuation
            first = chars.split(None, 1)[0]
            at = instruction.offsets[len(chars) - len(chars.lstrip())]
            option = Word(Value([literal_part(first, at)]), at, at + len(first), "bare", raw=first)
            session.flows[-1].append(OptionRun(at, instruction.end, option))
        elif keyword == "RUN":
            snippet = _run_snippet(body)
            if snippet is not None:
                session.env = Env(dict(variables), set(variables))
                snippet.env = dict(variables)
                session.run(snippet)
    main, *functions = session.finish()
    return Reading([flow for flow in [main, *functions] if flow])


def _assignments(keyword: str, body: Text, variables: dict[str, Value]) -> tuple[dict[str, Value], list[Word]]:
    """`ENV A=1 B="x y"` and `ARG A=1` read like shell assignments; `ENV A some value` (the legacy
    form) sets A to the rest of the line, as written."""
    from nvlint.shell.expand import Env
    from nvlint.shell.interp import Interpreter

    text = body.text
    first = text.split(None, 1)[0] if text.strip() else ""
    if keyword == "ENV" and "=" not in first:
        value_text = body.slice(len(text) - len(text[len(first) :].lstrip())).strip()
        if not first or not value_text.text:
            return {}, []
        value = Value([literal_part(value_text.text, value_text.offsets[0], tuple(value_text.offsets))])
        return {first: value}, [Word(value, value_text.offsets[0], value_text.offsets[-1] + 1, "bare")]
    collected: dict[str, Value] = {}
    words: list[Word] = []

    def on_assign(name, word):
        collected[name] = word.value
        words.append(word)

    snippet = body.snippet(env=dict(variables))
    Interpreter(lambda command: None, on_assign).run(snippet, Env(dict(variables), set(variables)))
    return collected, words


def _run_snippet(body: Text) -> Snippet | None:
    flags = _RUN_FLAG.match(body.text)
    while flags:  # `RUN --mount=type=secret,id=ngc ...`
        body = body.slice(flags.end())
        flags = _RUN_FLAG.match(body.text)
    text = body.text
    if text.lstrip().startswith("["):
        return _exec_form(body)
    heredoc = _HEREDOC.match(text.strip())
    if heredoc and text.strip().split("\n", 1)[0].strip() == heredoc.group(0):
        first_break = text.find("\n")
        terminator_at = text.rfind("\n")
        if first_break != -1 and terminator_at > first_break:
            inner = body.slice(first_break + 1, terminator_at + 1)
            return Snippet(inner.text, [*inner.offsets, body.end])
    return body.snippet()


def _exec_form(body: Text) -> Snippet | None:
    """`["bash", "-c", "script"]`: the script, with positions inside the JSON string."""
    from nvlint.model.text import snippet_of_value
    from nvlint.yamltree.nodes import DocumentText, YamlError, compose_all, is_scalar, is_sequence

    try:
        (array,) = compose_all(body.text)[:1] or [None]
    except YamlError:
        return None
    if not is_sequence(array) or not all(is_scalar(item) for item in array.value):
        return None
    items = [str(item.value) for item in array.value]
    if not items or items[0] not in _SHELLS:
        return None
    for n, item in enumerate(items[1:], start=1):
        if item.startswith("-") and "c" in item[1:] and n + 1 < len(items):
            value = DocumentText(body.text, [*body.offsets, body.end]).value(array.value[n + 1])
            return snippet_of_value(value, body.end)
    return None
