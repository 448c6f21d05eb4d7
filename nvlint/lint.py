"""One file in, sorted diagnostics out: read, prefilter, extract flows, run rules, place, redact."""

from __future__ import annotations

import re

from nvlint.diagnostics import Diagnostic, Edit, Fix
from nvlint.events import Event, NgcCommand, OrgSeen, SecretLiteral
from nvlint.prefilter import MAX_BYTES, could_match
from nvlint.prefilter import UTF16_BOMS as _UTF16_BOMS
from nvlint.rules import BY_CODE, Context, Rule
from nvlint.secrets import find_keys, redact
from nvlint.settings import Settings, environment_orgs
from nvlint.text import LineIndex

_NVCR_ORG = re.compile(r"nvcr\.io/([A-Za-z0-9_-]+)/")


def decode(data: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """Text of a file, or the NV000 diagnostic that says why there is none."""
    rule = BY_CODE["NV000"]
    if len(data) > MAX_BYTES:
        return None, _placed(rule.at((0, 0), f"file is larger than {MAX_BYTES // 1024 // 1024} MB; not read"), path)
    if b"\x00" in data[:8192]:
        return None, _placed(rule.at((0, 0), "binary file (it contains NUL bytes); not read"), path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8", "replace")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        diagnostic = rule.at((0, 0), f"not valid UTF-8 (byte 0x{data[error.start]:02x} at line {line}, "
                                     f"column {column}); not read")
        diagnostic.path, diagnostic.line, diagnostic.column = path, line, column
        diagnostic.end_line, diagnostic.end_column = line, column + 1
        return None, diagnostic
    return text.removeprefix("\ufeff") if text.startswith("\ufeff") else text, None


def _lint_utf16(data: bytes, path: str, kind: str, settings: Settings, rules, suppress: bool) -> list[Diagnostic]:
    """UTF-16 files (Windows editors write them) are read; positions count characters as always.
    Their findings carry no fix: fixes are applied to UTF-8 text."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as error:
        diagnostic = BY_CODE["NV000"].at((0, 0), f"not valid UTF-16 ({error.reason}); not read")
        return [_placed(diagnostic, path)] if any(r.code == "NV000" for r in rules) else []
    if not could_match(text.encode("utf-8", "surrogatepass")):
        return []
    found = lint_text(text.removeprefix("\ufeff"), path, kind, settings, rules, shift=1, suppress=suppress)
    for diagnostic in found:
        diagnostic.fix = None
    return found


def internal_error(what: str, error: BaseException) -> Diagnostic:
    """NV003 at the start of the file: which check did not run, and why."""
    reason = redact(f"{type(error).__name__}: {error}")[:200]
    return BY_CODE["NV003"].at((0, 0), f"{what} failed on this file ({reason}); the other checks ran. "
                                       "Please report this with the file")


def _yaml_error(error, path: str, text: str) -> Diagnostic:
    lines = LineIndex(text)
    start = lines.offset(min(error.line, text.count("\n") + 1), error.column)
    diagnostic = BY_CODE["NV000"].at((start, start + 1), f"YAML parse error: {error.reason}; not read")
    return _finish(diagnostic, path, lines, 0)


def _placed(diagnostic: Diagnostic, path: str) -> Diagnostic:
    diagnostic.path = path
    diagnostic.line = diagnostic.column = diagnostic.end_line = diagnostic.end_column = 1
    return diagnostic


def lint_bytes(data: bytes, path: str, kind: str, settings: Settings, rules: tuple[Rule, ...],
               suppress: bool = True, references: list | None = None, scope: str = "deployed") -> list[Diagnostic]:
    """Findings of one file. ``suppress=False`` ignores `# nvlint: disable` directives (audits)."""
    if len(data) > MAX_BYTES:
        text, problem = decode(data, path)
        return [problem] if problem is not None and any(r.code == "NV000" for r in rules) else []
    if data.startswith(_UTF16_BOMS):
        return _lint_utf16(data, path, kind, settings, rules, suppress)
    if not could_match(data) and not (suppress and b"nvlint" in data):
        return []
    text, problem = decode(data, path)
    if problem is not None:
        return [problem] if any(r.code == "NV000" for r in rules) else []
    assert text is not None
    bom = 1 if data.startswith(b"\xef\xbb\xbf") else 0
    return lint_text(text, path, kind, settings, rules, shift=bom, suppress=suppress, references=references,
                     scope=scope)


def lint_text(text: str, path: str, kind: str, settings: Settings, rules: tuple[Rule, ...],
              shift: int = 0, suppress: bool = True, references: list | None = None,
              scope: str = "deployed") -> list[Diagnostic]:
    """Lint decoded text. ``shift`` characters (a BOM) were removed before the text."""
    from nvlint.sources import shell

    # CR before LF would end up inside words; a space keeps every offset where it was.
    parse_text = text.replace("\r\n", " \n") if "\r" in text else text
    readers = [rule.reads_words for rule in rules if rule.reads_words is not None]
    cells: list[tuple[int, int, int]] = []

    def reads_words(word) -> bool:
        for reader in readers:  # a loop, not any(): this runs for every word of every command
            if reader(word):
                return True
        return False

    flows: list[list[Event]] = []
    if kind == "shell":
        flows = shell.flows(parse_text, reads_words)
    elif kind == "makefile":
        from nvlint.sources import makefile

        flows = makefile.flows(parse_text, path, reads_words)
    elif kind == "markdown":
        from nvlint.sources import docs

        flows = docs.markdown_flows(parse_text, reads_words, untagged=settings.markdown_untagged_shell)
    elif kind == "rst":
        from nvlint.sources import docs

        flows = docs.rst_flows(parse_text, reads_words)
    elif kind == "notebook":
        from nvlint.sources import docs

        flows, cells = docs.notebook_flows(parse_text, reads_words)
    elif kind == "dockerfile":
        from nvlint.sources import dockerfile

        flows = dockerfile.flows(parse_text, reads_words)
    elif kind in ("yaml", "json"):
        from nvlint.sources import yaml_files

        result = yaml_files.flows(parse_text, path, reads_words)
        flows = result.flows
        if result.error is not None and any(r.code == "NV000" for r in rules):
            return [_yaml_error(result.error, path, text)]
    secrets: list[Event] = [SecretLiteral(start, end) for start, end in find_keys(text)]
    if secrets:
        flows = flows + [secrets] if flows else [secrets]
    lines = LineIndex(text)
    if references is not None:  # online mode: what the registries will be asked about
        from dataclasses import replace

        from nvlint.online.references import collect

        for ref in collect(flows, scope):
            (line, column), (end_line, end_column) = lines.position(ref.start), lines.position(ref.end)
            references.append(replace(ref, path=path, line=line, column=column, end_line=end_line,
                                      end_column=end_column))
    context = _context(text, flows, settings, lines)
    found: dict[tuple, Diagnostic] = {}
    for flow in flows:
        for rule in rules:
            if rule.check is None:
                continue
            try:
                for diagnostic in rule.check(flow, context):
                    # a command reached by several flows (a job other jobs need) is reported once
                    found.setdefault((diagnostic.code, diagnostic.start, diagnostic.end), diagnostic)
            except Exception as error:  # noqa: BLE001 - one broken rule must not hide the others
                failure = internal_error(f"rule {rule.code} ({rule.name})", error)
                found.setdefault((failure.code, rule.code), failure)
    for diagnostic in found.values():  # a notebook finding names its cell, as notebook tools do
        cell = next((n for start, end, n in cells if start <= diagnostic.start < end), None)
        if cell is not None:
            diagnostic.message += f" [cell {cell}]"
    out = [_finish(d, path, lines, shift) for d in found.values()]
    if suppress:
        out = _suppressed(out, text, path, lines, shift, rules)
    for diagnostic in out:
        diagnostic.severity = settings.severity.get(diagnostic.code, diagnostic.severity)
    out.sort(key=Diagnostic.sort_key)
    _fingerprint(out, text, shift)
    return out


def _fingerprint(diagnostics: list[Diagnostic], text: str, shift: int) -> None:
    """Rule, path and the normalised text pointed at (the n-th such), never the line number: a
    baseline survives edits above a finding."""
    import hashlib

    seen: dict[tuple, int] = {}
    for d in diagnostics:
        start, end = d.start - shift, d.end - shift
        pointed = " ".join(text[start:end].split()) if end > start else ""
        if not pointed:
            line_start = text.rfind("\n", 0, max(start, 0)) + 1
            line_end = text.find("\n", line_start)
            pointed = " ".join(text[line_start:line_end if line_end != -1 else len(text)].split())
        key = (d.code, d.path, redact(pointed))
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha256("\0".join([*key, str(seen[key])]).encode("utf-8", "surrogatepass"))
        d.fingerprint = digest.hexdigest()[:32]


def _suppressed(out: list[Diagnostic], text: str, path: str, lines: LineIndex, shift: int,
                rules: tuple[Rule, ...]) -> list[Diagnostic]:
    from nvlint import suppressions
    from nvlint.rules import CODES

    parsed = suppressions.parse(text, CODES)
    if not parsed.directives and not parsed.invalid:
        return out
    kept = suppressions.apply(out, parsed)
    enabled = {rule.code for rule in rules}
    if "NV002" in enabled:
        for start, end, why in parsed.invalid:
            kept.append(_finish(BY_CODE["NV002"].at((start, end), f"invalid nvlint directive: {why}"),
                                path, lines, shift))
    if "NV001" in enabled:
        for directive in parsed.directives:
            unused = [c for c in directive.codes if c not in directive.used and c in enabled]
            if unused:
                message = f"unused suppression for {', '.join(unused)}: nothing here needs it; remove it"
                kept.append(_finish(BY_CODE["NV001"].at((directive.start, directive.end), message),
                                    path, lines, shift))
    return kept


def _context(text: str, flows: list[list[Event]], settings: Settings, lines: LineIndex) -> Context:
    orgs = set(settings.ngc_orgs) | set(environment_orgs())
    orgs.update(_NVCR_ORG.findall(text))
    ngc_file = "nvcr.io" in text or "oauthtoken" in text
    for flow in flows:
        for event in flow:
            if isinstance(event, OrgSeen):
                orgs.add(event.org)
            ngc_file = ngc_file or isinstance(event, NgcCommand)
    return Context(settings=settings, known_orgs=frozenset(orgs), lines=lines, ngc_file=ngc_file)


def _finish(diagnostic: Diagnostic, path: str, lines: LineIndex, shift: int) -> Diagnostic:
    diagnostic.path = path
    diagnostic.line, diagnostic.column = lines.position(diagnostic.start)
    diagnostic.end_line, diagnostic.end_column = lines.position(max(diagnostic.end, diagnostic.start))
    diagnostic.message = redact(diagnostic.message)
    if diagnostic.fix is not None:
        edits = []
        for edit in diagnostic.fix.edits:
            line, column = lines.position(edit.start)
            end_line, end_column = lines.position(edit.end)
            edits.append(Edit(edit.start + shift, edit.end + shift, redact(edit.content), line, column, end_line,
                              end_column))
        diagnostic.fix = Fix(redact(diagnostic.fix.message), tuple(edits), diagnostic.fix.applicability)
    diagnostic.start += shift
    diagnostic.end += shift
    return diagnostic


__all__ = ["lint_bytes", "lint_text", "could_match", "Edit"]
