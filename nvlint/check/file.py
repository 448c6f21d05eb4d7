"""One file: `check_file(FileRequest) -> FileResult`.

The gate (nvlint.check.gate) opens and decodes the bytes; the file's kind reads the text into flows of
events (nvlint.sources); the rules run over the flows (nvlint.rules.engine); the findings are placed
(nvlint.placement: positions, suppressions, severities, fingerprints); with --fix or --diff the fixes are
applied and the text checked again until nothing changes. The result carries everything a caller needs:
findings, what online mode will ask about, the files `source` read, the fixed text or diff, and counts.

A request holds everything needed to check its file, so it runs in this process or in a worker (the
parser holds the GIL: threads would not help). The command line, the tree, the language server and the
tests all call `check_file`.
"""

from __future__ import annotations

from nvlint.check import gate
from nvlint.diagnostics import Diagnostic, severity_rank
from nvlint.settings import Settings

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.check.memory import DocumentMemory
    from nvlint.model.events import Event, Sourced
    from nvlint.online.references import Reference
    from nvlint.rules.base import Rule
    from nvlint.sources.kind import Reading

# Plain classes rather than dataclasses: see nvlint/model/record.py (start-up cost).


class Options:
    """What a run asks of every file besides its findings."""

    __slots__ = ("baseline", "diff", "fail_on", "fix", "online_scope", "run_orgs", "suppress", "unsafe_fixes")

    def __init__(
        self,
        fix: bool = False,
        unsafe_fixes: bool = False,
        diff: bool = False,
        suppress: bool = True,
        fail_on: str | None = None,
        online_scope: str | None = None,
        baseline: frozenset[str] | None = None,
        run_orgs: frozenset[str] = frozenset(),
    ) -> None:
        self.fix = fix
        self.unsafe_fixes = unsafe_fixes
        self.diff = diff
        self.suppress = suppress
        self.fail_on = fail_on
        self.online_scope = online_scope  # collect references for the online check: deployed | all
        self.baseline = baseline  # fingerprints of findings the baseline hides: never fixed, never reported
        self.run_orgs = run_orgs  # NGC orgs other files of the run show (nvlint.check.tree: the second look)

    def with_orgs(self, orgs: frozenset[str]) -> Options:
        """The same options, knowing these orgs from the run's other files."""
        return Options(
            self.fix, self.unsafe_fixes, self.diff, self.suppress, self.fail_on, self.online_scope, self.baseline, orgs
        )

    def without_changes(self) -> Options:
        """The same options, writing nothing (a first look before a run that fixes)."""
        return Options(False, False, False, self.suppress, self.fail_on, None, self.baseline, self.run_orgs)

    @property
    def changes_text(self) -> bool:
        return self.fix or self.diff


class FileRequest:
    """One file to check: where it is and how it is reported, its kind, settings and enabled rules, its
    bytes once read (standard input, an editor's buffer, or read by the tree), and the run's options."""

    __slots__ = ("cache_key", "codes", "data", "display", "kind", "memory", "options", "path", "settings", "stdin")

    def __init__(
        self,
        display: str,
        path: str,
        kind: str,
        settings: Settings,
        codes: tuple[str, ...],
        options: Options | None = None,
        data: bytes | None = None,
        stdin: bool = False,
    ) -> None:
        self.display = display  # the path as reported
        self.path = path
        self.kind = kind
        self.settings = settings
        self.codes = codes  # the enabled rules
        self.options = options if options is not None else Options()
        self.data = data
        self.stdin = stdin  # standard input or a buffer: fixes go back to the caller, never to a file
        self.cache_key: str | None = None  # set by the tree when the answer is to be cached
        self.memory: DocumentMemory | None = None  # an editor's document: what its last reading left


class FileResult:
    """What checking one file gives."""

    __slots__ = (
        "cache_key",
        "count_notices",
        "dependencies",
        "diagnostics",
        "diff",
        "display",
        "failing",
        "fixed",
        "fixed_count",
        "orgs",
        "orgs_missed",
        "read",
        "references",
        "text",
        "threshold",
    )

    def __init__(self, display: str, diagnostics: list[Diagnostic] | None = None) -> None:
        self.display = display
        self.diagnostics: list[Diagnostic] = diagnostics if diagnostics is not None else []
        self.failing = 0  # findings at or above the file's fail-on level
        self.references: list[Reference] = []  # what online mode asks the registries about
        # files `source` read, or the reader brought in (an include): (path, digest; None: absent)
        self.dependencies: list[tuple[str, str | None]] = []
        self.read = True  # False: the file could not be opened, or was too large to read
        self.cache_key: str | None = None  # checked, not found in the cache: the tree records the answer
        self.diff = ""  # --diff
        self.fixed: str | None = None  # standard input with --fix: the fixed text
        self.fixed_count = 0  # findings --fix fixed (--diff: would fix)
        self.text: str | None = None  # standard input, for formats that show source lines
        self.threshold = 0  # the severity rank from which a finding fails the run (the file's fail-on)
        self.count_notices = False  # a notice (a file skipped for its size) fails the run too
        self.orgs: frozenset[str] = frozenset()  # the NGC orgs the file shows (nvcr.io/<org>/, --org)
        self.orgs_missed: frozenset[str] = frozenset()  # orgs rules asked about that it did not know

    def counted(self, request: FileRequest) -> FileResult:
        """With ``failing`` set from the request's fail-on level (a notice counts only when a fail-on
        level is set: `--fail-on info` asks for it)."""
        fail_on = request.options.fail_on or request.settings.fail_on
        self.threshold = severity_rank(fail_on or "info")
        self.count_notices = fail_on is not None
        self.failing = self._failing(self.diagnostics)
        return self

    def _failing(self, diagnostics: list[Diagnostic]) -> int:
        from nvlint.check.gate import is_notice

        return sum(
            1
            for d in diagnostics
            if severity_rank(d.severity) >= self.threshold and (self.count_notices or not is_notice(d))
        )

    def hide(self, fingerprints: frozenset[str]) -> int:
        """Drop the findings a baseline records, and count again; how many were dropped."""
        kept = [d for d in self.diagnostics if d.fingerprint not in fingerprints]
        hidden = len(self.diagnostics) - len(kept)
        if hidden:
            self.diagnostics = kept
            self.failing = self._failing(kept)
        return hidden


def read_request(request: FileRequest) -> bytes | FileResult:
    """The request's bytes (read now if it has none yet), or the result of a file that is not read."""
    if request.data is not None:
        return request.data
    opened = gate.read_bytes(request.path, gate.read_limit(request.kind, request.settings.max_file_size))
    if not isinstance(opened, Diagnostic):
        request.data = opened
        return opened
    result = FileResult(request.display, gate.unread(opened, request.display, request.codes))
    result.read = False
    return result.counted(request)


def check_file(request: FileRequest) -> FileResult:
    """Check one file, reading it if the request has no bytes yet."""
    data = read_request(request)
    if isinstance(data, FileResult):
        return data
    result = FileResult(request.display)
    rules = EnabledRules(request.codes)
    _check_bytes(data, request, rules, result)
    if request.options.changes_text:
        data = _fix(data, request, rules, result)
    else:
        result.cache_key = request.cache_key
    if request.stdin:
        result.text = data.decode("utf-8", "replace")
        if request.options.fix and result.fixed is None:
            result.fixed = data.decode("utf-8", "surrogateescape")
    return result.counted(request)


class EnabledRules:
    """A request's enabled rules, each imported when a file first calls for it: those that pick the words a
    reading keeps, then those that read an event type the file's flows hold (nvlint.rules.catalog.READS).
    A script with no NGC command imports none of the NVCF rules."""

    __slots__ = ("codes",)

    def __init__(self, codes: tuple[str, ...]) -> None:
        self.codes = codes

    def word_readers(self) -> tuple[Rule, ...]:
        from nvlint.rules import loaded
        from nvlint.rules.catalog import READS_WORDS

        return loaded(code for code in self.codes if code in READS_WORDS)

    def for_flows(self, flows: list[list[Event]]) -> tuple[Rule, ...]:
        from nvlint.rules import loaded
        from nvlint.rules.catalog import READS

        present = {type(event).__name__ for flow in flows for event in flow}

        def called_for(code: str) -> bool:
            if code not in READS:  # no check over events
                return False
            reads = READS[code]
            return reads is None or not present.isdisjoint(reads)

        return loaded(code for code in self.codes if called_for(code))


def _check_bytes(data: bytes, request: FileRequest, rules: EnabledRules, result: FileResult) -> None:
    """The findings (and references, and sourced files) of these bytes as the request's file; a reader's
    bug becomes one NV003 finding, never a crash."""
    from nvlint.rules.engine import internal_error

    result.references, result.dependencies = [], []
    try:
        limit = request.settings.max_file_size
        if request.kind == "notebook" and len(data) > limit:  # measured by its sources, not its outputs
            size = gate.notebook_sources_size(data)
            if size is not None and size > limit:
                from nvlint.rules import nv000_unreadable_file as nv000

                result.diagnostics = gate.unread(
                    gate.skipped_for_size(nv000.sources_too_large(limit, size)), request.display, request.codes
                )
                return
            limit = gate.read_limit(request.kind, limit)
        admitted = gate.admit(data, limit, request.options.suppress)
        if admitted is None:
            result.diagnostics = []
        elif isinstance(admitted, Diagnostic):
            result.diagnostics = gate.unread(admitted, request.display, request.codes)
        else:
            result.diagnostics = _check_text(admitted, request, rules, result)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as error:  # noqa: BLE001 - a reader's bug becomes a finding, not a crash
        failure = internal_error(f"reading this {request.kind} file", error)
        result.diagnostics = [gate.at_line_one(failure, request.display)]


def _check_text(admitted: gate.Admitted, request: FileRequest, rules: EnabledRules, result: FileResult):
    """Read the text as its kind, run the rules over its flows, and place what they found."""
    from nvlint.model.events import SecretLiteral, Sourced
    from nvlint.model.text import LineIndex
    from nvlint.placement import place
    from nvlint.rules.engine import file_context, orgs_shown, run_rules
    from nvlint.secrets import find_keys

    text, path, settings = admitted.text, request.display, request.settings
    lines = LineIndex(text)

    def placed(found: list[Diagnostic], reading: Reading | None = None) -> list[Diagnostic]:
        out = place(
            found,
            text,
            path,
            lines,
            request.codes,
            settings,
            shift=admitted.shift,
            suppress=request.options.suppress,
            regions=reading.regions if reading is not None else (),
            not_comments=reading.not_comments if reading is not None else (),
        )
        if not admitted.fixable:
            for diagnostic in out:
                diagnostic.fix = None
        return out

    memory = request.memory
    script_memory = memory.script if memory is not None else None
    reading = read_text(text, path, request.kind, settings, rules.word_readers(), script_memory, request.codes)
    if script_memory is not None and script_memory.move is not None:  # the last reading's events were moved
        memory.findings.move(script_memory.move)  # type: ignore[union-attr]
    if reading.problems:  # the file cannot be read as its kind: that is all there is to say
        if "NV000" not in request.codes:
            return []
        return placed(gate.unreadable_as_kind(reading.problems))
    flows = reading.flows
    secrets: list[Event] = [
        SecretLiteral(start, end, not text.startswith("nvapi-", start)) for start, end in find_keys(text)
    ]
    if secrets:
        flows = [*flows, secrets]
    if request.options.online_scope:
        from nvlint.online.references import located

        result.references = located(flows, request.options.online_scope, path, lines)
    sourced = [event for flow in flows for event in flow if isinstance(event, Sourced)]
    shown = orgs_shown(text, flows)
    context = file_context(text, flows, settings, lines, sourced, request.options.run_orgs, shown)
    found = run_rules(flows, rules.for_flows(flows), context, memory.findings if memory is not None else None)
    result.orgs, result.orgs_missed = frozenset(shown), frozenset(context.known_orgs.missed)
    if sourced:
        found = _own_text_only(found, sourced)
    if sourced or reading.dependencies:
        result.dependencies = sorted(
            {(s.path, s.digest) for s in sourced} | reading.dependencies.items(), key=lambda d: (d[0], d[1] or "")
        )
    return placed(found, reading)


# What a payload file posted by the script holds is that file's to report (it is linted as a payload on
# its own), except what only the script's order shows: an image or artifact created before it is pushed.
_ORDER_RULES = frozenset({"NV201", "NV202"})


def _own_text_only(found: list[Diagnostic], sourced: list[Sourced]) -> list[Diagnostic]:
    """What a sourced file's own text holds is reported in that file (its text sits at its anchor here)."""
    return [
        d
        for d in found
        if not any(
            s.anchor <= d.start and d.end <= s.anchor + 1 and not (s.posted and d.code in _ORDER_RULES) for s in sourced
        )
    ]


def read_text(
    text: str,
    path: str,
    kind: str,
    settings: Settings,
    rules: tuple[Rule, ...],
    memory=None,
    codes: tuple[str, ...] | None = None,
) -> Reading:
    """The text read as its kind: flows of events, problems, regions. ``rules``: those that pick the words
    kept (others may be given); ``memory``: the last reading of this document
    (nvlint.shell.resume.ScriptMemory), for a shell script read again after an edit, valid while the
    enabled rules (``codes``, else the given rules') are the same."""
    from nvlint import sources
    from nvlint.sources.kind import Source

    # CR before LF would end up inside words; a space keeps every offset where it was.
    parse_text = text.replace("\r\n", " \n") if "\r" in text else text
    readers = [rule.reads_words for rule in rules if rule.reads_words is not None]

    def reads_words(word) -> bool:
        for reader in readers:  # noqa: SIM110 - a loop, not any(): this runs for every word of every command
            if reader(word):
                return True
        return False

    source = Source(parse_text, path if path != "-" else None, settings, reads_words)
    if memory is not None:  # what else decides the reading: another of these, and the memory is forgotten
        enabled = codes if codes is not None else tuple(rule.code for rule in rules)
        source.memory = (memory, (path, settings, enabled))
    reading = sources.read_as(kind, source)
    reading.dependencies = source.read_files
    return reading


def _fix(data: bytes, request: FileRequest, rules: EnabledRules, result: FileResult) -> bytes:
    """Apply the fixes and check again until none applies; write the file (--fix), or say how (--diff)."""
    from nvlint import fix as fixing

    unsafe, hidden = request.options.unsafe_fixes, request.options.baseline or frozenset()

    def fixable() -> list[Diagnostic]:  # what the baseline hides is left as it is
        return [d for d in result.diagnostics if fixing.applicable(d, unsafe) and d.fingerprint not in hidden]

    chosen = fixable()
    if not chosen:
        return data
    before = data.decode("utf-8", "surrogateescape")
    text = before
    for _ in range(fixing.MAX_ROUNDS):
        text, applied = fixing.apply(text, chosen, unsafe)
        result.fixed_count += applied
        _check_bytes(text.encode("utf-8", "surrogateescape"), request, rules, result)
        chosen = fixable()
        if not applied or not chosen:
            break
    if text == before:
        result.fixed_count = 0
        return data
    if request.options.diff:
        result.diff = fixing.unified_diff(request.display, before, text)
        return data
    if request.stdin:
        result.fixed = text
    else:
        from pathlib import Path  # nvlint.fix imports it anyway

        fixing.write_atomically(Path(request.path), text.encode("utf-8", "surrogateescape"))
    return text.encode("utf-8", "surrogateescape")
