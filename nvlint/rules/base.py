"""What a rule is: its public identity, its documentation, and its check over one flow."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from nvlint import lazyre
from nvlint.config_values import Option
from nvlint.diagnostics import Diagnostic, Edit, Fix
from nvlint.generic import Generic
from nvlint.model.events import Event
from nvlint.model.text import LineIndex
from nvlint.model.words import Part, Value, Word
from nvlint.settings import Settings

# Plain classes rather than dataclasses: see nvlint/model/record.py (start-up cost).

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import Any, TypeVar

    E = TypeVar("E", bound=Event)  # the events a rule reads
    T = TypeVar("T")

    # A rule's check: the events of the types it reads, in order, and what the whole file shows.
    Check = Callable[[Sequence[E], "Context"], Iterable[Diagnostic]]
else:
    E = None  # see nvlint/generic.py


# Organisation names documentation writes for "your org": an NGC org, never a Docker Hub namespace.
PLACEHOLDER_ORGS = frozenset(
    {
        "myorg",
        "my-org",
        "my_org",
        "yourorg",
        "your-org",
        "your_org",
        "your-org-name",
        "my-ngc-org",
        "orgname",
        "org-name",
    }
)


class OrgKnowledge:
    """The NGC orgs a file may use: the configuration's, the environment's, the file's own, the run's
    (other files of the tree) and documentation's placeholder orgs. It records the orgs asked about that
    it did not know: a file whose answer hung on one that another file shows is checked again."""

    __slots__ = ("known", "missed")

    def __init__(self, known: frozenset[str] = frozenset()) -> None:
        self.known = known
        self.missed: set[str] = set()

    def __contains__(self, org: object) -> bool:
        if org in self.known or (isinstance(org, str) and org.lower() in PLACEHOLDER_ORGS):
            return True
        self.missed.add(org)  # type: ignore[arg-type]
        return False


class Context:
    """What a rule may know besides the events: settings and facts gathered from the whole file."""

    __slots__ = ("settings", "known_orgs", "lines", "ngc_file", "text", "sourced", "_per_flow")

    def __init__(
        self,
        settings: Settings,
        known_orgs: OrgKnowledge | frozenset[str] = frozenset(),
        lines: LineIndex | None = None,
        ngc_file: bool = False,
        text: str = "",
        sourced: dict | None = None,
    ) -> None:
        self.settings = settings
        self.known_orgs = known_orgs if isinstance(known_orgs, OrgKnowledge) else OrgKnowledge(known_orgs)
        self.lines = lines
        self.ngc_file = ngc_file  # the file uses NGC or NVCF (an ngc command, nvcr.io, an NGC org)
        self.text = text  # the file: messages quote what the user wrote
        self.sourced = sourced or {}  # where a sourced file's text sits (its anchor) -> its Sourced event
        self._per_flow: dict = {}

    def per_flow(self, what: object, flow: Sequence[Event], compute: Callable[[Any], T]) -> T:
        """``compute(flow)``, once per flow of this file: what several rules derive from the same events
        (the deployed images, parsed) is worked out for the first of them."""
        key = (what, id(flow))
        found = self._per_flow.get(key)
        if found is None or found[0] is not flow:
            found = self._per_flow[key] = (flow, compute(flow))
        return found[1]

    def written(self, start: int, end: int) -> str:
        """The file's text of a span, as one line: what a message quotes."""
        return printable(" ".join(self.text[start:end].replace("\\\n", " ").split()))

    def quote(self, value: Value | None, word: Word | None = None) -> str:
        """A value for a message, as the user wrote it (`"$IMAGE"`, `'<org>'`, `'${{ env.IMAGE }}'`), with
        what it is when that is known and differs: `"$IMAGE" (nvcr.io/acme/app:1)`. ``word``: where the value
        is written at the command (else the value's own text is used)."""
        if value is None:
            return _quoted(self.written(word.start, word.end)) if word is not None else "''"
        span = None
        if word is not None and not word.foreign and word.value == value:
            span = (word.start, word.end)
        elif not any(part.foreign for part in value.parts):
            span = value.contiguous_span(0, len(value.template()))
        written = self.written(*span) if span is not None else self._parts_written(value)
        literal = value.literal
        origin = self._origin(value)
        if literal is not None and written.strip("'\"") != literal:
            known = printable(literal) + origin
            return f"{_quoted(written)} ({known})" if written else f"{_quoted(printable(literal))}{origin}"
        return _quoted(written) + (f" ({origin[2:]})" if origin else "")

    def _origin(self, value: Value) -> str:
        """`, set in config/env.sh` for a value written in a sourced file."""
        for part in value.parts:
            if part.foreign and part.start in self.sourced:
                event = self.sourced[part.start]
                return f", set in {event.display}" + (f", {event.how}" if event.how else "")
        return ""

    def _parts_written(self, value: Value) -> str:
        out = []
        for part in value.parts:
            if part.text is not None:
                out.append(part.text)
            elif part.end > part.start and not part.foreign:
                out.append(self.text[part.start : part.end])
            else:
                out.append(unknown_name(part))
        return printable(" ".join("".join(out).split()))

    def place(self, event) -> str:
        """ " (line N)", or " (line N, in foo() called on line M)" for an event inside a function."""
        if self.lines is None:
            return ""
        line = self.lines.position(event.start)[0]
        if event.via is None:
            return f" (line {line})"
        function, call = event.via
        return f" (line {line}, in {function}() called on line {self.lines.position(call)[0]})"


class Rule(Generic[E]):
    """A rule: its public identity and documentation, its options, and its check over one flow.

    ``reads`` names the event types the check reads: it is given those events and no others (in the
    order they happen), so a rule that reads `Login` events is typed `Rule[Login]` and its check takes
    `Sequence[Login]`. A flow with none of them is not given to it at all."""

    __slots__ = (
        "code",
        "name",
        "severity",
        "summary",
        "what",
        "why",
        "bad",
        "good",
        "fix",
        "fix_applicability",
        "configuration",
        "options",
        "references",
        "default_enabled",
        "online",
        "check",
        "reads",
        "reads_words",
        "alternatives",
        "per_event",
        "names_lines",
        "example_file",
    )

    def __init__(
        self,
        *,
        code: str,
        name: str,
        severity: str,
        summary: str,
        what: str,
        why: str,
        bad: str,
        good: str,
        fix: str | None = None,
        fix_applicability: str | None = None,
        configuration: str | None = None,
        options: tuple[Option, ...] = (),
        references: tuple[str, ...] = (),
        default_enabled: bool = True,
        online: bool = False,
        check: Check[E] | None = None,
        reads: tuple[type[E], ...] | None = None,
        reads_words: Callable[[Word], bool] | None = None,
        alternatives: bool = False,
        per_event: bool = False,
        names_lines: bool = False,
        example_file: str = "deploy.sh",
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary  # one line: what it reports
        self.what = what
        self.why = why
        self.bad = bad  # a shell script this rule reports
        self.good = good  # the same, fixed: nothing reported
        self.fix = fix  # how the automatic fix works, if there is one
        self.fix_applicability = fix_applicability  # "safe" | "unsafe" | None
        self.options = options  # settings this rule declares and reads (ctx.settings.option(...))
        if configuration is None and options:
            configuration = "\n".join(f"- `{o.name}`: {o.doc}" for o in options)
        self.configuration = configuration
        self.references = references
        self.default_enabled = default_enabled
        self.online = online  # reported by the online check (--online), not by a check over events
        self.check = check
        # The event types the check looks at: a flow with none of them is not given to it (run_rules asks
        # which types a flow holds once, so the cost of a file is not every rule times every event).
        # None: every flow.
        self.reads = reads
        # Rules that read the words of every command (CommandRun events) say which words matter to them,
        # so a 10 MB script does not keep every word of every command in memory.
        self.reads_words = reads_words
        # The check reports what one branch does: it also reads the commands as they run with each value a
        # variable may hold after an if/case (model.events.Alternative), and says when. Rules that need the
        # one value (ordering, attachments) do not: they read only what surely runs.
        self.alternatives = alternatives
        # Each finding comes from one event of the view alone: checking the view gives what checking each
        # event by itself gives, in turn (no order, no pairs, no "first only"). The editor then checks only
        # the events an edit made again (nvlint.rules.reuse); tests/test_resume.py holds every such rule to it.
        self.per_event = per_event
        # Its messages name lines (Context.place): when an edit adds or takes away lines before what a
        # finding names, the editor runs it again rather than give its last findings, moved (reuse.move).
        self.names_lines = names_lines
        # what the bad and good examples are: a shell script unless the rule is about another kind of file
        self.example_file = example_file

    def __repr__(self) -> str:
        return f"Rule({self.code} {self.name})"

    def checker(self, function: Check[E]) -> Check[E]:
        self.check = function
        return function

    def at(self, span: tuple[int, int] | None, message: str, fix: Fix | None = None) -> Diagnostic:
        start, end = span or (0, 0)
        return Diagnostic(self.code, self.name, self.severity, message, start, end, fix)

    def fix_with(self, message: str, *edits: Edit) -> Fix:
        return Fix(message, tuple(edits), self.fix_applicability or "safe")


POSITIONAL = lazyre.compile(r"\"?\$(?:[1-9]|\{[1-9][0-9]*\})\"?")  # `"$1"`: a function's argument


def value_span(value: Value | None, fallback: Word | None = None) -> tuple[int, int] | None:
    """The file span of a value: contiguous literal text when possible, else the word it is in."""
    if value is not None and value.parts:
        exact = value.contiguous_span(0, len(value.template()))
        if exact is not None:
            return exact
        if fallback is None:
            return value.span()
        covering = value.span()
        if covering is not None and fallback.start <= covering[0] <= covering[1] <= fallback.end:
            return covering  # `--password=$KEY`: the part after `=`
        if covering is not None and POSITIONAL.fullmatch(fallback.raw):
            return covering  # `"$1"` in a function: the value is written where the function is called
    if fallback is not None:
        inside = [e for e in fallback.expansions if fallback.start <= e.start <= e.end <= fallback.end]
        if inside:  # `--password=$KEY` with KEY set elsewhere to what is not literal: `$KEY` as written here
            return inside[0].start, inside[-1].end
        return fallback.start, fallback.end
    return value.span() if value is not None else None


def unknown_name(part: Part) -> str:
    """How an unknown part is named when its text cannot be shown: `$NAME`, the placeholder, or `…`."""
    return part.unknown.shown() if part.unknown is not None else "…"


def quoted(text: str) -> str:
    """Text for a message: one line, in single quotes unless it is quoted already."""
    return _quoted(printable(" ".join(text.split())))


def _quoted(text: str) -> str:
    """In single quotes, unless the text is quoted already (`"$IMAGE"`)."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text
    return f"'{text}'"


_UNPRINTABLE = lazyre.compile("[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff]")


def printable(text: str) -> str:
    """No control or private-use character in a message (they break XML reports and terminals).
    isprintable() is false for every character of the pattern: most texts never compile it (its
    private-use range costs most of a millisecond to compile)."""
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub("…", text) if _UNPRINTABLE.search(text) else text


def display(value: Value | None) -> str:
    """A value for a message: literal text, with unknown parts shown as they were written."""
    if value is None:
        return ""
    out = []
    for part in value.parts:
        if part.text is not None:
            out.append(part.text)
        else:
            out.append(part.unknown.shown(expressions=False) if part.unknown is not None else "…")
    return "".join(out)


def use_span(option) -> tuple[int, int]:
    """Where an option's value is written in the command itself (not where a variable was set)."""
    word = option.value_word
    if word is None:
        return option.word.start, option.word.end
    if option.value_offset:
        at = word.value.offset_of(option.value_offset)
        if at is not None and word.start <= at < word.end:
            return at, word.end
    return word.start, word.end


def option_span(option) -> tuple[int, int]:
    """From an option word through its value (`--helm-chart acme/c:1`)."""
    end = option.value_word.end if option.value_word is not None else option.word.end
    return option.word.start, max(end, option.word.end)
