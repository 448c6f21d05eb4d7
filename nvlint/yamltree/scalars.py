"""YAML scalars decoded with the file offset of every character.

ruamel.yaml gives each node's raw span (start and end marks) but not where each character of the
decoded value came from, and a shell snippet inside a `run: |` block needs exactly that. So this
module decodes the raw text itself, per scalar style, following YAML 1.2: plain and quoted scalars
with line folding, double-quoted escapes, literal and folded blocks with indentation and chomping
indicators. Characters the folding creates (a space for a line break) take the offset of the break.
"""

from __future__ import annotations

from nvlint import lazyre

_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX = {"x": 2, "u": 4, "U": 8}
_PROPERTY = lazyre.compile(r"(?:[&!][^\s]*\s+)*")  # anchors and tags before the scalar itself


def decode(text: str, start: int, end: int, style: str | None) -> tuple[str, list[int]]:
    """The value of the scalar whose raw text is ``text[start:end]``, and each character's offset.

    The offsets list has one extra entry: the end.
    """
    match = _PROPERTY.match(text, start, end)
    if match:  # `!Sub |`, `&anchor "x"`: the scalar starts after its properties, in every style
        start = match.end()
    if style in ("|", ">"):
        return _block(text, start, end, style)
    if style == "'":
        return _flow(text, text.index("'", start) + 1, _closing(text, start, end, "'"), "'")
    if style == '"':
        return _flow(text, text.index('"', start) + 1, _closing(text, start, end, '"'), '"')
    return _flow(text, start, end, None)


def _closing(text: str, start: int, end: int, quote: str) -> int:
    position = text.rfind(quote, start, end)
    return position if position > start else end


def _flow(text: str, start: int, end: int, quote: str | None) -> tuple[str, list[int]]:
    """Plain, single- and double-quoted scalars: escapes, and line folding."""
    if quote is not None:
        raw = text[start:end]
        if "\n" not in raw and "\r" not in raw and ("\\" if quote == '"' else "'") not in raw:
            return raw, list(range(start, end + 1))  # nothing to decode: every character is itself
    chars: list[str] = []
    offsets: list[int] = []
    i = start
    while i < end:
        char = text[i]
        if char == "\n" or (char == "\r" and i + 1 < end and text[i + 1] == "\n"):
            i = _fold(text, i, start, end, chars, offsets)
            continue
        if quote == "'" and char == "'" and i + 1 < end and text[i + 1] == "'":
            chars.append("'")
            offsets.append(i)
            i += 2
            continue
        if quote == '"' and char == "\\" and i + 1 < end:
            after = _escape(text, i, end, chars, offsets)
            if after is not None:
                i = after
                continue
        chars.append(char)
        offsets.append(i)
        i += 1
    if quote is None:
        while chars and chars[-1] in " \t\n":
            chars.pop()
            offsets.pop()
    offsets.append(offsets[-1] + 1 if offsets else start)
    return "".join(chars), offsets


def _fold(text: str, i: int, start: int, end: int, chars: list[str], offsets: list[int]) -> int:
    """A line break in a flow scalar at ``i``: trailing white space before it goes, leading white space
    after it too; one break is a space, each empty line after it a newline. Returns where reading goes on."""
    while chars and chars[-1] in " \t" and offsets[-1] >= start and not _escaped_space(text, offsets[-1]):
        chars.pop()
        offsets.pop()
    break_at = i
    i += 2 if text[i] == "\r" else 1
    empty_lines = 0
    while i < end:
        j = i
        while j < end and text[j] in " \t":
            j += 1
        if j < end and text[j] == "\n":
            empty_lines += 1
            i = j + 1
            continue
        i = j
        break
    if empty_lines:
        chars.extend("\n" * empty_lines)
        offsets.extend([break_at] * empty_lines)
    else:
        chars.append(" ")
        offsets.append(break_at)
    return i


def _escape(text: str, i: int, end: int, chars: list[str], offsets: list[int]) -> int | None:
    """A backslash escape of a double-quoted scalar at ``i``; where reading goes on, or None when the
    backslash is an ordinary character."""
    following = text[i + 1]
    if following == "\n":  # escaped line break: join with nothing, skip the indentation
        i += 2
        while i < end and text[i] in " \t":
            i += 1
        return i
    if following in _ESCAPES:
        chars.append(_ESCAPES[following])
        offsets.append(i)
        return i + 2
    if following in _HEX:
        digits = text[i + 2 : i + 2 + _HEX[following]]
        try:
            chars.append(chr(int(digits, 16)))
        except ValueError:
            chars.append(following)
        offsets.append(i)
        return i + 2 + _HEX[following]
    return None


def _escaped_space(text: str, offset: int) -> bool:
    return offset > 0 and text[offset - 1] == "\\"


_HEADER = lazyre.compile(r"[|>]([1-9]?)([+-]?)([1-9]?)[ \t]*(?:#[^\n]*)?\r?\n?")


def _block(text: str, start: int, end: int, style: str) -> tuple[str, list[int]]:
    header = _HEADER.match(text, start)
    if header is None:
        return "", [start]
    explicit = header.group(1) or header.group(3)
    chomping = header.group(2)
    lines: list[tuple[int, int]] = []  # (start, end) of each raw line, without its line break
    position = header.end()
    while position < end:
        newline = text.find("\n", position, end)
        line_end = newline if newline != -1 else end
        lines.append((position, line_end))
        position = line_end + 1 if newline != -1 else end
    if explicit:
        indent = _parent_indent(text, start) + int(explicit)
    else:
        indent = next((_indent(text, a, b) for a, b in lines if text[a:b].strip()), 0)
    filled = [n for n, (a, b) in enumerate(lines) if len(text[a:b].rstrip("\r")) > indent or text[a:b].strip()]
    chars: list[str] = []
    offsets: list[int] = []
    if not filled:
        return "", [end]
    last = filled[-1]
    for m in range(filled[0]):  # empty lines before the first line of text
        chars.append("\n")
        offsets.append(lines[m][1])
    for position_in_filled, n in enumerate(filled):
        a, b = lines[n]
        b = a + len(text[a:b].rstrip("\r"))
        for k in range(a + indent, b):
            chars.append(text[k])
            offsets.append(k)
        if n == last:
            break
        following = filled[position_in_filled + 1]
        breaks = [lines[m][1] for m in range(n, following)]  # this line's break, then the empty lines'
        if (
            style == ">"
            and not _more_indented(text, lines[n], indent)
            and not _more_indented(text, lines[following], indent)
        ):
            if len(breaks) == 1:
                chars.append(" ")
                offsets.append(breaks[0])
                continue
            breaks = breaks[1:]  # a folded run: the empty lines are the breaks
        chars.extend("\n" * len(breaks))
        offsets.extend(breaks)
    trailing = [lines[m][1] for m in range(last, len(lines))]
    if chomping == "-":
        trailing = []
    elif chomping != "+":
        trailing = trailing[:1]
    chars.extend("\n" * len(trailing))
    offsets.extend(trailing)
    offsets.append(offsets[-1] + 1 if offsets else end)
    return "".join(chars), offsets


def _more_indented(text: str, line: tuple[int, int], indent: int) -> bool:
    return text[line[0] + indent : line[0] + indent + 1] in (" ", "\t")


def _indent(text: str, a: int, b: int) -> int:
    n = 0
    while a + n < b and text[a + n] == " ":
        n += 1
    return n


def _parent_indent(text: str, header_at: int) -> int:
    """Indentation of the line holding the block header's key (`  run: |2` -> 2)."""
    line_start = text.rfind("\n", 0, header_at) + 1
    line = text[line_start:header_at]
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    while stripped.startswith("- "):  # `- run: |2`: the mapping inside the entry is indented further
        indent += 2
        stripped = stripped[2:].lstrip(" ")
    return indent
