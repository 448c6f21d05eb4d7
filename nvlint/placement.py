"""Placing a file's findings: line and column from offsets, the region they are in (a notebook's cell),
suppression directives, the configured severities, the order, and a fingerprint for baselines."""

from __future__ import annotations

from nvlint.diagnostics import Diagnostic, Edit, Fix
from nvlint.model.text import LineIndex
from nvlint.rules.base import printable
from nvlint.secrets import redact
from nvlint.settings import Settings


def place(
    found: list[Diagnostic],
    text: str,
    path: str,
    lines: LineIndex,
    codes: tuple[str, ...],
    settings: Settings,
    *,
    shift: int = 0,
    suppress: bool = True,
    regions: tuple | list = (),
    not_comments: list[tuple[int, int]] | tuple = (),
) -> list[Diagnostic]:
    """Findings ready to report. ``codes``: the enabled rules (suppressions name them); ``shift``
    characters (a BOM) were removed before ``text``;
    ``not_comments``: spans where a `#` is text (a Python string), not a directive."""
    if regions:  # a notebook finding names its cell, as notebook tools do
        _label(found, regions)
    out = [finish(d, path, lines, shift) for d in found]
    if suppress:
        out = _suppressed(out, text, path, lines, shift, codes, not_comments)
    for diagnostic in out:
        diagnostic.severity = settings.severity.get(diagnostic.code, diagnostic.severity)
    out.sort(key=Diagnostic.sort_key)
    _fingerprint(out, text, shift)
    return out


def _label(found: list[Diagnostic], regions) -> None:
    """`[cell N]` after the message of each finding inside a region: the region is found by bisection
    over their starts (regions do not overlap), not by trying each region for each finding."""
    from bisect import bisect_right

    ordered = sorted(regions)
    starts = [start for start, _, _ in ordered]
    for diagnostic in found:
        index = bisect_right(starts, diagnostic.start) - 1
        if index >= 0:
            start, end, label = ordered[index]
            if start <= diagnostic.start < end:
                diagnostic.message += f" [{label}]"


def _fingerprint(diagnostics: list[Diagnostic], text: str, shift: int) -> None:
    """Rule, path and the normalised text pointed at (the n-th such), never the line number: a
    baseline survives edits above a finding."""
    from nvlint.digest import sha256

    seen: dict[tuple, int] = {}
    for d in diagnostics:
        start, end = d.start - shift, d.end - shift
        pointed = " ".join(text[start:end].split()) if end > start else ""
        if not pointed:
            line_start = text.rfind("\n", 0, max(start, 0)) + 1
            line_end = text.find("\n", line_start)
            pointed = " ".join(text[line_start : line_end if line_end != -1 else len(text)].split())
        key = (d.code, d.path, redact(pointed))
        seen[key] = seen.get(key, 0) + 1
        digest = sha256("\0".join([*key, str(seen[key])]).encode("utf-8", "surrogatepass"))
        d.fingerprint = digest.hexdigest()[:32]


def _suppressed(
    out: list[Diagnostic],
    text: str,
    path: str,
    lines: LineIndex,
    shift: int,
    codes: tuple[str, ...],
    not_comments: list[tuple[int, int]] | tuple,
) -> list[Diagnostic]:
    if "nvlint" not in text:  # no directive: the parser is not even imported
        return out
    from nvlint import suppressions
    from nvlint.rules import CODES, NAMES

    parsed = suppressions.parse(text, CODES, NAMES, not_comments)
    if not parsed.directives and not parsed.invalid:
        return out
    from nvlint.rules import nv001_unused_suppression as nv001
    from nvlint.rules import nv002_invalid_suppression as nv002

    kept = suppressions.apply(out, parsed)
    enabled = set(codes)
    if "NV002" in enabled:
        for start, end, why in parsed.invalid:
            kept.append(finish(nv002.RULE.at((start, end), nv002.invalid(why)), path, lines, shift))
    if "NV001" in enabled:
        for directive in parsed.directives:
            unused = [c for c in directive.codes if c not in directive.used and c in enabled]
            if unused:
                kept.append(
                    finish(nv001.RULE.at((directive.start, directive.end), nv001.unused(unused)), path, lines, shift)
                )
    return kept


def finish(diagnostic: Diagnostic, path: str, lines: LineIndex, shift: int) -> Diagnostic:
    diagnostic.path = path
    diagnostic.line, diagnostic.column = lines.position(diagnostic.start)
    diagnostic.end_line, diagnostic.end_column = lines.position(max(diagnostic.end, diagnostic.start))
    diagnostic.message = printable(redact(diagnostic.message))  # no stand-in ever reaches a report
    if diagnostic.fix is not None:
        edits = []
        for edit in diagnostic.fix.edits:
            line, column = lines.position(edit.start)
            end_line, end_column = lines.position(edit.end)
            edits.append(
                Edit(edit.start + shift, edit.end + shift, redact(edit.content), line, column, end_line, end_column)
            )
        diagnostic.fix = Fix(redact(diagnostic.fix.message), tuple(edits), diagnostic.fix.applicability)
    diagnostic.start += shift
    diagnostic.end += shift
    return diagnostic
