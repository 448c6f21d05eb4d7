"""`# nvlint: disable=NV101,NV303 -- reason` comments, in every kind of file with `#` comments.

- At the end of a line: silences those codes on that line.
- On a line of its own: silences them in the next command (all its lines when `\\` continues it).
- `# nvlint: disable-file=NV305 -- reason`: silences them in the whole file.
- Markdown uses `<!-- nvlint: disable=... -->`.

Directives are found in the raw text, so they work the same in a shell script, a Makefile recipe,
a YAML file and inside a `run: |` block. A directive that silences nothing is NV001; a malformed one
(no `=`, no code, an unknown code) is NV002.
"""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic
from nvlint.model.text import LineIndex

# Within one line: `\s` would run on over blank lines below and end the directive's span there.
_DIRECTIVE = lazyre.compile(
    r"(?:#|<!--)[ \t]*nvlint[ \t]*:[ \t]*(?P<body>[^\n]*?)[ \t\r]*(?:-->)?[ \t\r]*$", re.MULTILINE
)
_VALID = lazyre.compile(
    r"(?P<kind>disable|disable-file)\s*=\s*(?P<codes>[A-Za-z0-9_, -]*?)\s*(?:--\s*(?P<reason>.*))?$"
)
_CODE = lazyre.compile(r"NV\d{3}")


# Plain classes rather than dataclasses: see nvlint/model/record.py (start-up cost).


class Directive:
    __slots__ = ("kind", "codes", "start", "end", "first_line", "last_line", "reason", "used")

    def __init__(
        self,
        kind: str,
        codes: list[str],
        start: int,
        end: int,
        first_line: int,
        last_line: int,
        reason: str | None = None,
    ) -> None:
        self.kind = kind  # line | next | file
        self.codes = codes
        self.start = start  # file offsets of the directive text
        self.end = end
        self.first_line = first_line  # lines it covers (1-based, inclusive)
        self.last_line = last_line
        self.reason = reason
        self.used: set[str] = set()


class Parsed:
    __slots__ = ("directives", "invalid")

    def __init__(self, directives: list[Directive], invalid: list[tuple[int, int, str]]) -> None:
        self.directives = directives
        self.invalid = invalid  # (start, end, why)


def parse(
    text: str,
    known_codes: frozenset[str],
    names: dict[str, str] | None = None,
    not_comments: list[tuple[int, int]] | tuple = (),
) -> Parsed:
    """The directives of a file. A rule is named by its code or its name (`NV302`, `oauthtoken-expanded`).
    ``not_comments``: sorted spans where a `#` is text, not a comment (a Python string)."""
    if "nvlint" not in text:
        return Parsed([], [])
    inside_text = _spans_test(not_comments)
    lines = LineIndex(text)
    line_texts = text.split("\n")
    directives: list[Directive] = []
    invalid: list[tuple[int, int, str]] = []
    for match in _DIRECTIVE.finditer(text):
        start = match.start()
        body = match.group("body")
        line, column = lines.position(start)
        before = line_texts[line - 1][: column - 1]
        if before.strip() and not _comment_context(before):
            continue  # `#` inside something else (`echo "#nvlint:..."`): not a comment we can trust
        if inside_text(start):
            continue
        valid = _VALID.fullmatch(body)
        if valid is None:
            invalid.append(
                (
                    start,
                    match.end(),
                    "expected 'disable=CODE[,CODE...] -- reason' or 'disable-file=...' (codes or rule names)",
                )
            )
            continue
        written = [c.strip() for c in valid.group("codes").split(",") if c.strip()]
        codes = [(names or {}).get(c.lower(), c.upper()) for c in written]
        if not codes:
            invalid.append((start, match.end(), "no rule code after '='"))
            continue
        unknown = [c for c in codes if not _CODE.fullmatch(c) or c not in known_codes]
        if unknown:
            from nvlint.rules import nearest_selector

            shown = [w for w, c in zip(written, codes, strict=True) if c in unknown]
            why = "unknown rule " + ", ".join(f"'{w}'{nearest_selector(w)}" for w in shown)
            invalid.append((start, match.end(), why))
            codes = [c for c in codes if c not in unknown]
            if not codes:
                continue
        reason = (valid.group("reason") or "").strip() or None
        if valid.group("kind") == "disable-file":
            directives.append(Directive("file", codes, start, match.end(), 1, len(line_texts), reason))
        elif before.strip():
            directives.append(Directive("line", codes, start, match.end(), line, line, reason))
        else:
            first, last = _next_command(line_texts, line)
            directives.append(Directive("next", codes, start, match.end(), first, last, reason))
    return Parsed(directives, invalid)


def _spans_test(spans: list[tuple[int, int]] | tuple):
    """Whether an offset is inside one of the sorted spans."""
    if not spans:
        return lambda offset: False
    from bisect import bisect_right

    starts = [start for start, _ in spans]

    def inside(offset: int) -> bool:
        n = bisect_right(starts, offset) - 1
        return n >= 0 and offset < spans[n][1]

    return inside


def _comment_context(before: str) -> bool:
    """Text before `#` on the line leaves it a comment: it ends with white space (shell, YAML, make)."""
    return before[-1:] in (" ", "\t")


def _next_command(lines: list[str], line: int) -> tuple[int, int]:
    """The lines of the first command after a directive's own line (continuations included); before
    a Markdown fence, the whole fenced block."""
    n = line  # 0-based index of the line after the directive
    while n < len(lines) and (not lines[n].strip() or lines[n].lstrip().startswith("#")):
        n += 1
    first = n
    fence = lines[n].strip()[:3] if n < len(lines) else ""
    if fence in ("```", "~~~"):
        n += 1
        while n < len(lines) and not lines[n].strip().startswith(fence):
            n += 1
        return first + 1, min(n + 1, len(lines))
    while n < len(lines) and lines[n].rstrip().endswith("\\"):
        n += 1
    return first + 1, min(n + 1, len(lines))


def apply(diagnostics: list[Diagnostic], parsed: Parsed) -> list[Diagnostic]:
    """The diagnostics no directive silences (and record which directives were used).

    Directives are looked up by (code, line): linear in the findings plus the lines the directives
    cover, not findings times directives (a generated file may hold thousands of each)."""
    whole_file: dict[str, list[Directive]] = {}
    by_line: dict[tuple[str, int], list[Directive]] = {}
    for directive in parsed.directives:
        for code in directive.codes:
            if directive.kind == "file":
                whole_file.setdefault(code, []).append(directive)
            else:
                for line in range(directive.first_line, directive.last_line + 1):
                    by_line.setdefault((code, line), []).append(directive)
    kept = []
    for diagnostic in diagnostics:
        line = diagnostic.line
        covering = [d for d in whole_file.get(diagnostic.code, ()) if d.first_line <= line <= d.last_line]
        covering += by_line.get((diagnostic.code, line), ())
        for directive in covering:
            directive.used.add(diagnostic.code)
        if not covering:
            kept.append(diagnostic)
    return kept
