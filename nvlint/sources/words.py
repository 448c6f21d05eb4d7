"""Words of a scalar split as shlex (Ansible's `command` module, compose's `command:` string) splits them:
quotes group, a backslash escapes, nothing is expanded; each word keeps where its characters are written."""

from __future__ import annotations

from nvlint.model.words import Part, Value, Word


def positions_of(value: Value, sites: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """Where each template character of ``value`` is written."""
    if sites is not None:
        return sites
    out: list[tuple[int, int]] = []
    for part in value.parts:
        if part.text is None:
            out.append((part.start, part.end))
        else:
            out.extend((part.char_offset(i), part.char_end(i)) for i in range(part.size))
    return out


def word_of(value: Value, sites, i: int, j: int, quoting: str) -> Word | None:
    if j <= i:
        return None
    positions = positions_of(value, sites)
    piece = value.slice(i, j)
    return Word(piece, positions[i][0], positions[j - 1][1], quoting, raw=piece.template())


def split_words(value: Value, sites) -> list[Word]:
    """Words as Ansible's `command` module splits its text (shlex: quotes group, no shell expansion)."""
    template = value.template()
    words: list[Word] = []
    kept: list[int] = []  # template indexes of the current word's characters, quotes removed
    quote = ""
    started = False
    i = 0
    while i < len(template):
        char = template[i]
        if quote:
            if char == quote:
                quote = ""
            elif char == "\\" and quote == '"' and i + 1 < len(template) and template[i + 1] in '"\\':
                i += 1
                kept.append(i)
            else:
                kept.append(i)
        elif char in "'\"":
            quote, started = char, True
        elif char == "\\" and i + 1 < len(template):
            i += 1
            kept.append(i)
            started = True
        elif char.isspace():
            if started:
                words.append(joined(value, sites, kept))
            kept, started = [], False
        else:
            kept.append(i)
            started = True
        i += 1
    if started:
        words.append(joined(value, sites, kept))
    return [word for word in words if word is not None]


def joined(value: Value, sites, kept: list[int]) -> Word:
    """The word made of these template characters (runs of them, joined)."""
    positions = positions_of(value, sites)
    parts: list[Part] = []
    run_start = 0
    for k in range(1, len(kept) + 1):
        if k == len(kept) or kept[k] != kept[k - 1] + 1:
            parts.extend(value.slice(kept[run_start], kept[k - 1] + 1).parts)
            run_start = k
    joined = Value(parts)
    if not kept:  # `''`: an empty word
        return Word(joined, 0, 0, "bare")
    return Word(joined, positions[kept[0]][0], positions[kept[-1]][1], "bare", raw=joined.template())
