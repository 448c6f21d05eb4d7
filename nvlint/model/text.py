"""Source text and the maps from snippet offsets back to positions in the real file.

Every diagnostic is computed on *file character offsets*; only at the end are they turned into
1-based (line, column) pairs, where columns count characters (not bytes).
"""

from __future__ import annotations

import bisect

from nvlint import lazyre

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.model.words import Part, Value


def text_digest(text: str) -> str:
    """What a file read as text is known by in the cache (a sourced or included file's digest)."""
    from nvlint.digest import sha256

    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class LineIndex:
    """Offset <-> (line, column) for one file text. Lines end at ``\\n``."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position` (1-based in)."""
        return self._starts[line - 1] + column - 1


class Text:
    """Characters read from a file, each with its file offset, and the offset where the text ends.

    Every reader produces these: a Makefile line after its continuations, a line of a fenced block, a
    Dockerfile instruction. Positions are worked out once, where the text is read, and carried along.
    """

    # A plain class rather than a dataclass: see nvlint/model/record.py (start-up cost).
    __slots__ = ("text", "offsets", "end", "foreign")

    def __init__(self, text: str, offsets: list[int], end: int | None = None, foreign: bool = False) -> None:
        self.text = text
        self.offsets = offsets  # one per character
        self.end = end if end is not None else (offsets[-1] + 1 if offsets else 0)
        self.foreign = foreign  # written in another file (an include): offsets are those of the reference

    @classmethod
    def at(cls, start: int, text: str) -> Text:
        """A contiguous piece of the file."""
        return cls(text, list(range(start, start + len(text))), start + len(text))

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, i: int, j: int | None = None) -> Text:
        j = len(self.text) if j is None else j
        end = self.offsets[j] if j < len(self.offsets) else self.end
        return Text(self.text[i:j], self.offsets[i:j], end, self.foreign)

    def after(self, cut: int) -> Text:
        return self.slice(cut)

    def strip(self) -> Text:
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return self.slice(left, max(left, right))

    def snippet(self, **options) -> Snippet:
        """This text as shell to parse."""
        return Snippet(self.text, [*self.offsets, self.end], **options)

    @staticmethod
    def join(lines: list[Text], separator: str = "\n") -> Text:
        """Lines as one text; each separator sits where its line ends."""
        chars: list[str] = []
        offsets: list[int] = []
        for line in lines:
            chars.append(line.text + separator)
            offsets.extend(line.offsets)
            offsets.extend([line.end] * len(separator))
        end = lines[-1].end + len(separator) if lines else 0
        return Text("".join(chars), offsets, end)


# Private-use characters stand in for values that are unknown to the shell parser (an outer
# shell's expansion inside `bash -c "..."`, a CI `${{ }}` expression). tree-sitter-bash reads
# them as ordinary word characters, and the word evaluator turns each back into its unknown part.
_NON_ASCII = lazyre.compile(r"[^\x00-\x7f]")
SENTINEL_FIRST = 0xE000
SENTINEL_LAST = 0xF8FF


class Snippet:
    """Shell text to parse, with each character's offset in the real file.

    ``offsets`` has one entry per character of ``text`` plus one for the end; when it is ``None``
    the snippet is a contiguous slice of the file starting at ``base``.
    """

    # A plain class rather than a dataclass: see nvlint/model/record.py (start-up cost).
    __slots__ = ("text", "offsets", "base", "unknowns", "env", "dollar_escape", "sites", "foreign", "data")

    def __init__(
        self,
        text: str,
        offsets: list[int] | None = None,
        base: int = 0,
        *,
        unknowns: dict[str, Part] | None = None,
        env: dict[str, Value] | None = None,
        dollar_escape: str = "$",
        sites: list[tuple[int, int]] | None = None,
        foreign: list[bool] | None = None,
    ) -> None:
        self.text = text
        self.offsets = offsets
        self.base = base
        self.unknowns = unknowns if unknowns is not None else {}
        self.env = env if env is not None else {}
        # Make and similar sources say how `$oauthtoken` must be written there.
        self.dollar_escape = dollar_escape
        # Where each character is written, when that is not where its value comes from: in a Makefile
        # recipe, the characters of `$(IMAGE)` come from IMAGE's definition but are written at the reference.
        self.sites = sites
        # Characters whose text is written in another file (offsets approximate, never to be edited).
        self.foreign = foreign
        # The parser sees every non-ASCII character as the ASCII letter `a`: to the shell both are word
        # characters, byte offsets then equal character offsets, and tree-sitter-bash 0.25 crashes on some
        # sequences of multi-byte characters (found by the property tests). Values are always read from
        # `text`, never from these bytes. So a byte index of the tree is also a character index of `text`.
        if text.isascii():
            self.data = text.encode("ascii")
        else:
            self.data = _NON_ASCII.sub("a", text).encode("ascii")

    def file_offset(self, char_index: int) -> int:
        if self.offsets is None:
            return self.base + char_index
        return self.offsets[min(char_index, len(self.offsets) - 1)]

    def text_between(self, byte_start: int, byte_end: int) -> str:
        return self.text[byte_start:byte_end]


def snippet_of_value(value: Value, end: int, **options) -> Snippet | None:
    """Shell text whose characters are a value's: literal text keeps its offsets, each unknown part
    becomes one sentinel character standing for it. None when there are too many unknowns."""
    chars: list[str] = []
    offsets: list[int] = []
    unknowns: dict[str, Part] = {}
    foreign: list[bool] | None = None
    if any(part.foreign for part in value.parts):
        foreign = [flag for part in value.parts for flag in [part.foreign] * (part.size)]
    for part in value.parts:
        if part.known:
            chars.append(part.text)  # type: ignore[arg-type]
            if part.offsets is not None:
                offsets.extend(part.offsets)
            else:
                offsets.extend(range(part.start, part.start + len(part.text)))  # type: ignore[arg-type]
        else:
            if SENTINEL_FIRST + len(unknowns) > SENTINEL_LAST:
                return None
            sentinel = chr(SENTINEL_FIRST + len(unknowns))
            unknowns[sentinel] = part
            chars.append(sentinel)
            offsets.append(part.start)
    offsets.append(value.parts[-1].end if value.parts else end)
    return Snippet("".join(chars), offsets, unknowns=unknowns, foreign=foreign, **options)
