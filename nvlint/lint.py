"""One file in, sorted diagnostics out: decode the bytes, read the file as its kind (nvlint.sources),
run the rules over its flows, and place what they found (nvlint.placement)."""

from __future__ import annotations

import re

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Event, NgcCommand, OrgSeen, SecretLiteral, Sourced
from nvlint.model.text import LineIndex
from nvlint.prefilter import UTF16_BOMS as _UTF16_BOMS
from nvlint.prefilter import could_match
from nvlint.rules import Context, Rule
from nvlint.rules import nv000_unreadable_file as nv000
from nvlint.rules import nv003_internal_error as nv003
from nvlint.secrets import find_keys
from nvlint.settings import Settings, environment_orgs
from nvlint.sources.kind import Reading

_NVCR_ORG = re.compile(r"nvcr\.io/([A-Za-z0-9_-]+)/")


def decode(data: bytes, path: str, limit: int | None = None) -> tuple[str | None, Diagnostic | None]:
    """Text of a file, or the NV000 diagnostic that says why there is none (larger than ``limit``...)."""
    if limit is not None and len(data) > limit:
        return None, _placed(nv000.RULE.at((0, 0), nv000.too_large(limit, len(data))), path)
    if b"\x00" in data[:8192]:
        return None, _placed(nv000.RULE.at((0, 0), nv000.binary()), path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8", "replace")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        diagnostic = nv000.RULE.at((0, 0), nv000.not_utf8(data[error.start], line, column))
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
        diagnostic = nv000.RULE.at((0, 0), nv000.not_utf16(error.reason))
        return _unread(_placed(diagnostic, path), rules)
    if not could_match(text.encode("utf-8", "surrogatepass")):
        return []
    found = lint_text(text.removeprefix("\ufeff"), path, kind, settings, rules, shift=1, suppress=suppress)
    for diagnostic in found:
        diagnostic.fix = None
    return found


def internal_error(what: str, error: BaseException) -> Diagnostic:
    """NV003 at the start of the file: which check did not run, and why."""
    return nv003.RULE.at((0, 0), nv003.failure(what, error))


def _placed(diagnostic: Diagnostic, path: str) -> Diagnostic:
    diagnostic.path = path
    diagnostic.line = diagnostic.column = diagnostic.end_line = diagnostic.end_column = 1
    return diagnostic


def _unread(problem: Diagnostic | None, rules: tuple[Rule, ...]) -> list[Diagnostic]:
    """An NV000 for a file that is not read at all, with a fingerprint like every finding's."""
    if problem is None or not any(r.code == "NV000" for r in rules):
        return []
    from nvlint.baseline import fingerprint

    fingerprint(problem)
    return [problem]


def lint_bytes(
    data: bytes,
    path: str,
    kind: str,
    settings: Settings,
    rules: tuple[Rule, ...],
    suppress: bool = True,
    references: list | None = None,
    scope: str = "deployed",
    dependencies: list | None = None,
) -> list[Diagnostic]:
    """Findings of one file. ``suppress=False`` ignores `# nvlint: disable` directives (audits).
    ``references`` (online mode) and ``dependencies`` (files `source` read: (path, digest)) are filled in."""
    if len(data) > settings.max_file_size:
        text, problem = decode(data, path, settings.max_file_size)
        return _unread(problem, rules)
    if data.startswith(_UTF16_BOMS):
        return _lint_utf16(data, path, kind, settings, rules, suppress)
    if not could_match(data) and not (suppress and b"nvlint" in data):
        return []
    text, problem = decode(data, path)
    if problem is not None:
        return _unread(problem, rules)
    assert text is not None
    bom = 1 if data.startswith(b"\xef\xbb\xbf") else 0
    return lint_text(
        text,
        path,
        kind,
        settings,
        rules,
        shift=bom,
        suppress=suppress,
        references=references,
        scope=scope,
        dependencies=dependencies,
    )


def lint_text(
    text: str,
    path: str,
    kind: str,
    settings: Settings,
    rules: tuple[Rule, ...],
    shift: int = 0,
    suppress: bool = True,
    references: list | None = None,
    scope: str = "deployed",
    dependencies: list | None = None,
) -> list[Diagnostic]:
    """Lint decoded text. ``shift`` characters (a BOM) were removed before the text."""
    from nvlint.placement import place

    lines = LineIndex(text)
    reading = read(text, path, kind, settings, rules)
    if reading.problems:  # the file cannot be read as its kind: that is all there is to say
        if not any(r.code == "NV000" for r in rules):
            return []
        unread = [nv000.RULE.at((p.start, p.end), nv000.parse_error(p.message)) for p in reading.problems]
        return place(unread, text, path, lines, rules, settings, shift=shift, suppress=suppress)
    flows = reading.flows
    secrets: list[Event] = [SecretLiteral(start, end) for start, end in find_keys(text)]
    if secrets:
        flows = flows + [secrets] if flows else [secrets]
    if references is not None:  # online mode: what the registries will be asked about
        _collect_references(flows, scope, path, lines, references)
    sourced = [event for flow in flows for event in flow if isinstance(event, Sourced)]
    found = run_rules(flows, rules, _context(text, flows, settings, lines, sourced))
    if sourced:  # what a sourced file's own text holds is reported in that file
        found = [d for d in found if not any(s.anchor <= d.start and d.end <= s.anchor + 1 for s in sourced)]
        if dependencies is not None:
            dependencies.extend(sorted({(s.path, s.digest) for s in sourced}))
    return place(found, text, path, lines, rules, settings, shift=shift, suppress=suppress, regions=reading.regions)


def read(text: str, path: str, kind: str, settings: Settings, rules: tuple[Rule, ...]) -> Reading:
    """The file read as its kind: flows of events, problems, regions."""
    from nvlint import sources
    from nvlint.sources.kind import Source

    # CR before LF would end up inside words; a space keeps every offset where it was.
    parse_text = text.replace("\r\n", " \n") if "\r" in text else text
    readers = [rule.reads_words for rule in rules if rule.reads_words is not None]

    def reads_words(word) -> bool:
        for reader in readers:  # a loop, not any(): this runs for every word of every command
            if reader(word):
                return True
        return False

    return sources.read(kind, Source(parse_text, path if path != "-" else None, settings, reads_words))


def run_rules(flows: list[list[Event]], rules: tuple[Rule, ...], context: Context) -> list[Diagnostic]:
    """Every rule over every flow; a finding reached by several flows (a job other jobs need) is kept once.
    A rule that raises becomes one NV003 finding; the other rules still run."""
    found: dict[tuple, Diagnostic] = {}
    for flow in flows:
        # Each rule is given the events of the types it reads, in order, and no flow without them: the
        # cost of a file is not every rule times every event. Rules reading the same types share a view.
        present = {type(event) for event in flow}
        views: dict[tuple, list[Event]] = {}
        for rule in rules:
            if rule.check is None:
                continue
            view = flow
            if rule.reads is not None:
                if present.isdisjoint(rule.reads):
                    continue
                view = views.get(rule.reads)  # type: ignore[assignment]
                if view is None:
                    view = views[rule.reads] = [event for event in flow if type(event) in rule.reads]
            try:
                for diagnostic in rule.check(view, context):
                    found.setdefault((diagnostic.code, diagnostic.start, diagnostic.end), diagnostic)
            except Exception as error:  # noqa: BLE001 - one broken rule must not hide the others
                failure = internal_error(f"rule {rule.code} ({rule.name})", error)
                found.setdefault((failure.code, rule.code), failure)
    return list(found.values())


def _collect_references(flows: list[list[Event]], scope: str, path: str, lines: LineIndex, references: list) -> None:
    from dataclasses import replace

    from nvlint.online.references import collect

    for ref in collect(flows, scope):
        (line, column), (end_line, end_column) = lines.position(ref.start), lines.position(ref.end)
        references.append(replace(ref, path=path, line=line, column=column, end_line=end_line, end_column=end_column))


def _context(text: str, flows: list[list[Event]], settings: Settings, lines: LineIndex, sourced=()) -> Context:
    orgs = set(settings.ngc_orgs) | set(environment_orgs())
    orgs.update(_NVCR_ORG.findall(text))
    ngc_file = "nvcr.io" in text or "oauthtoken" in text
    for flow in flows:
        for event in flow:
            if isinstance(event, OrgSeen):
                orgs.add(event.org)
            ngc_file = ngc_file or isinstance(event, NgcCommand)
    return Context(
        settings=settings,
        known_orgs=frozenset(orgs),
        lines=lines,
        ngc_file=ngc_file,
        text=text,
        sourced={s.anchor: s for s in sourced},
    )


__all__ = ["decode", "lint_bytes", "lint_text", "internal_error", "read", "run_rules"]
