"""JSON written in shell options (`--configuration '{...}'`), read as far as its unknown parts allow."""

from __future__ import annotations

from nvlint import lazyre
from nvlint.model.words import UNKNOWN_CHAR


def checkable(template: str) -> str | None:
    """The JSON text to parse: the template itself when it is all known; with each unknown character
    (UNKNOWN_CHAR) replaced by a letter when all of them are inside JSON strings (`"HF_TOKEN": "<token>"`),
    where their text cannot change what the JSON is; None when one is elsewhere (`"NUM_GPUS": <n>`)."""
    if UNKNOWN_CHAR not in template:
        return template
    chars = []
    in_string = escaped = False
    for char in template:
        if char == UNKNOWN_CHAR:
            if not in_string:
                return None
            chars.append("x")
            escaped = False
            continue
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        chars.append(char)
    return "".join(chars)


# `"name": value`: a key of a JSON object and the value after it (a string, the `{` or `[` that opens a nested
# one, whose members are found in turn, or a bare token up to `,` `}` `]`).
_MEMBER = lazyre.compile(r'"((?:[^"\\]|\\.)*)"\s*:\s*("(?:[^"\\]|\\.)*"|[{\[]|[^\s,}\]{\[]+)')


def members(template: str) -> list[tuple[str, str, int]]:
    """Every `"key": value` of a JSON object text, nested ones too, with the value as written and where the
    key's name starts; found by its shape, so text that is not quite JSON (a trailing comma, a placeholder
    for a number) is still read."""
    return [(match.group(1), match.group(2), match.start(1)) for match in _MEMBER.finditer(template)]
