"""Python string literals as values whose characters keep their place in the file: escapes decoded,
implicit concatenation (`"a" "b"`, across lines in parentheses) joined, and in f-strings the literal parts
known and each `{expression}` an unknown part (or the value it names, when the caller knows it).

The `ast` module gives a literal's value and its span, not where each character of the value is written;
`tokenize` gives tokens, not decoded characters. Rules point at (and fix) exact characters, so the decoding
is done here, on the source of the literal's span.
"""

from __future__ import annotations

from collections.abc import Callable

from nvlint.model.words import EXPRESSION, VARIABLE, LiteralRuns, Part, Unknown, Value, literal_part, unknown_part

_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", "'": "'", '"': '"'}
_PREFIX = frozenset("rRbBuUfF")

# What the caller says an f-string's `{name}` is: its value, or None when it is not known.
Resolve = Callable[[str, int, int], Value | None]


def literal_value(text: str, start: int, end: int, resolve: Resolve | None = None) -> Value | None:
    """The value of the string literal(s) written in text[start:end]; None when it is not one (bytes)."""
    parts: list[Part] = []
    i = start
    while i < end:
        char = text[i]
        if char in " \t\r\n\f\\(":  # between implicitly concatenated literals, and a line continuation
            i += 1
            continue
        if char == "#":
            newline = text.find("\n", i, end)
            i = end if newline == -1 else newline + 1
            continue
        j = i
        while j < end and text[j] in _PREFIX:
            j += 1
        prefix = text[i:j].lower()
        if j >= end or text[j] not in "'\"" or "b" in prefix:
            return None
        quote = text[j : j + 3] if text[j : j + 3] in ('"""', "'''") else text[j]
        body = j + len(quote)
        close = _closing(text, body, end, quote, raw="r" in prefix)
        if close is None:
            return None
        parts.extend(_body(text, body, close, raw="r" in prefix, formatted="f" in prefix, resolve=resolve))
        i = close + len(quote)
    return Value(parts)


def _closing(text: str, i: int, end: int, quote: str, raw: bool) -> int | None:
    """Where the literal's closing quote is (a backslash escapes the next character, raw or not)."""
    while i < end:
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(quote, i):
            return i
        i += 1
    return None


def _body(text: str, i: int, end: int, raw: bool, formatted: bool, resolve: Resolve | None) -> list[Part]:
    runs = LiteralRuns()
    while i < end:
        char = text[i]
        if formatted and char in "{}":
            if text[i : i + 2] in ("{{", "}}"):
                runs.char(char, i)
                i += 2
                continue
            if char == "{":
                close = _expression_end(text, i + 1, end)
                runs.add(*_expression(text, i, close, resolve))
                i = close + 1
                continue
        if char == "\\" and not raw and i + 1 < end:
            decoded, width = _escape(text, i, end)
            if decoded:
                # a character written as an escape (`\"`, `\n`) takes more than one place: it is placed at
                # its backslash, and never edited (a fix there would need Python's escaping)
                runs.add(literal_part(decoded, i, tuple([i] * len(decoded)), foreign=True))
            i += width
            continue
        runs.char(char, i)
        i += 1
    return runs.done()


def _escape(text: str, i: int, end: int) -> tuple[str, int]:
    """(what `\\...` at i stands for, how many characters it takes)."""
    following = text[i + 1]
    if following == "\n":
        return "", 2  # a line continuation inside the literal
    if following in _SIMPLE:
        return _SIMPLE[following], 2
    for letter, digits in (("x", 2), ("u", 4), ("U", 8)):
        if following == letter:
            code = text[i + 2 : i + 2 + digits]
            try:
                return chr(int(code, 16)), 2 + digits
            except ValueError:
                return "\\" + letter, 2
    if following in "01234567":
        n = 1
        while n < 3 and i + 1 + n < end and text[i + 1 + n] in "01234567":
            n += 1
        return chr(int(text[i + 1 : i + 1 + n], 8)), 1 + n
    if following == "N" and i + 2 < end and text[i + 2] == "{":
        close = text.find("}", i + 3, end)
        if close != -1:
            import unicodedata

            try:
                return unicodedata.lookup(text[i + 3 : close]), close + 1 - i
            except KeyError:
                pass
    return "\\" + following, 2  # an unknown escape keeps its backslash, as Python does


def _expression_end(text: str, i: int, end: int) -> int:
    """The `}` that closes an f-string replacement field starting at i (brackets and strings inside)."""
    depth = 0
    while i < end:
        char = text[i]
        if char in "'\"":
            close = text.find(char, i + 1, end)
            i = end if close == -1 else close + 1
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return end


def _expression(text: str, start: int, close: int, resolve: Resolve | None) -> list[Part]:
    """`{name}`, `{name!r}`, `{name:>10}`: the value ``resolve`` knows for a plain name, else unknown."""
    field = text[start + 1 : close]
    expression = field.split("!", 1)[0].split(":", 1)[0].strip()
    end = close + 1
    if expression.isidentifier():
        known = resolve(expression, start, end) if resolve is not None else None
        if known is not None and field.strip() == expression:
            return list(known.parts)
        return [unknown_part(Unknown(VARIABLE, expression), start, end)]  # the same name: the same value
    return [unknown_part(Unknown(EXPRESSION, at=start), start, end)]
