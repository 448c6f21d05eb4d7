"""Every enabled rule over every flow of one file: each rule is given the events of the types it reads,
and a context of what the whole file shows (its NGC orgs, whether it uses NGC at all, its text for
quoting). A rule that raises becomes one NV003 finding; the other rules still run."""

from __future__ import annotations

from bisect import bisect_right  # a small C module: a run imports it anyway (nvlint.model.text)
from collections.abc import Iterator

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Alternative, Event, NgcCommand, OrgSeen, Sourced
from nvlint.model.text import LineIndex
from nvlint.rules.base import Context, OrgKnowledge, Rule
from nvlint.settings import Settings, environment_orgs

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.rules.reuse import RuleFindings

_NVCR_ORG = lazyre.compile(r"nvcr\.io/([A-Za-z0-9_-]+)/")
# The NGC CLI's org set for a script or a CI job: `NGC_CLI_ORG=acme`, `export NGC_CLI_ORG="acme"`,
# `NGC_CLI_ORG: acme` in a workflow's env.
_CLI_ORG = lazyre.compile(r"\bNGC_CLI_ORG\s*[=:]\s*[\"']?([A-Za-z0-9][A-Za-z0-9_-]*)")
# A rule is given no flow without an event of a type it reads (the view would be empty). Only a test turns
# this off, to show that it changes no finding.
SKIP_FLOWS_WITHOUT_THEIR_EVENTS = True


def run_rules(
    flows: list[list[Event]], rules: tuple[Rule, ...], context: Context, reuse: RuleFindings | None = None
) -> list[Diagnostic]:
    """Every rule over every flow; a finding reached by several flows (a job other jobs need) is kept once.
    ``reuse``: an editor's document's findings of its last reading (nvlint.rules.reuse)."""
    found: dict[tuple, Diagnostic] = {}
    if reuse is not None:
        reuse.begin((context.settings, context.known_orgs.known, context.ngc_file, tuple(context.sourced)))
    for index, whole in enumerate(flows):
        flow, alternatives = _without_alternatives(whole)
        for rule, view in _views(flow, rules):
            findings = _findings(rule, view, context, found, reuse, (index, 0))
            for diagnostic in findings:
                found.setdefault((diagnostic.code, diagnostic.start, diagnostic.end), diagnostic)
        if alternatives:
            chosen = tuple(r for r in rules if r.alternatives)
            _run_alternatives(whole, alternatives, chosen, context, found, reuse, index)
    if reuse is not None:
        reuse.end()
    return list(found.values())


def _findings(
    rule: Rule,
    view: list[Event],
    context: Context,
    found: dict[tuple, Diagnostic],
    reuse: RuleFindings | None,
    where: tuple[int, int],
) -> Iterator[Diagnostic] | list[Diagnostic]:
    """The rule's findings on a view: last reading's, when it would read the same events again."""
    if reuse is None:
        return _checked(rule, view, context, found)
    key = (*where, rule.code)
    again = reuse.found(key, view, context.known_orgs.missed)
    if again is not None:
        return again
    if rule.per_event:
        findings, asked = _by_groups(rule, view, context, found, reuse, key)
    else:
        findings, asked = _checked_asking(rule, view, context, found)
    if ("NV003", rule.code) not in found:  # a rule that raised runs again next time
        reuse.keep(key, view, findings, asked, rule.names_lines)
    return findings


def _checked_asking(
    rule: Rule, events: list[Event], context: Context, found: dict[tuple, Diagnostic]
) -> tuple[list[Diagnostic], frozenset[str]]:
    """The rule's findings, and the orgs it asked about that the file did not show (kept with what is
    reused: the tree's second look reads them)."""
    knowledge = context.known_orgs
    outer, knowledge.missed = knowledge.missed, set()
    try:
        findings = list(_checked(rule, events, context, found))
    finally:
        asked, knowledge.missed = knowledge.missed, outer
    outer.update(asked)
    return findings, frozenset(asked)


def _by_groups(
    rule: Rule,
    view: list[Event],
    context: Context,
    found: dict[tuple, Diagnostic],
    reuse: RuleFindings,
    key: tuple[int, int, str],
) -> tuple[list[Diagnostic], frozenset[str]]:
    """A per-event rule over a view of which runs of events were checked together last time (groups, see
    nvlint.rules.reuse): a group whose events are all still there, in order, gives its findings again; the
    events left are checked in runs, each of consecutive events read last time or made now (the next edit
    near the same place finds them whole). With the orgs its checks asked about that the file did not
    show."""
    from nvlint.rules.reuse import Group, copies

    last, now = reuse.groups(key)
    split = reuse.partition(view, last)
    out: list[Diagnostic] = []
    asked: set[str] = set()  # the orgs asked about in vain, by the groups reused and the checks run
    for index in split.held:
        group = last[index]
        out.extend(copies(group.findings))
        asked.update(group.missed)
        now.append(group)
    for events in split.runs:
        findings, missed = _checked_asking(rule, events, context, found)
        out.extend(findings)
        asked.update(missed)
        if ("NV003", rule.code) not in found:  # a rule that raised runs again next time
            now.append(Group(events, copies(findings), missed))
    context.known_orgs.missed.update(asked)  # those of the groups reused (the checks run added theirs)
    return out, frozenset(asked)


def _views(flow: list[Event], rules: tuple[Rule, ...]) -> Iterator[tuple[Rule, list[Event]]]:
    """Each rule with the events of the types it reads, in order (its check is typed for them), and no
    flow without them: the cost of a file is not every rule times every event. Rules reading the same
    types share a view, and one pass over the flow fills every view (a pass per view cost an edit of a
    5,000-line script about 5 ms)."""
    running = [rule for rule in rules if rule.check is not None]
    views: dict[tuple, list[Event]] = {}
    views_of_type: dict[type, list[list[Event]]] = {}
    for rule in running:
        reads = rule.reads
        if reads is not None and reads not in views:
            view = views[reads] = []
            for kind in dict.fromkeys(reads):
                views_of_type.setdefault(kind, []).append(view)
    for event in flow:
        targets = views_of_type.get(type(event))
        if targets is not None:
            for view in targets:
                view.append(event)
    for rule in running:
        reads = rule.reads
        if reads is None:
            yield rule, flow
        elif views[reads] or not (SKIP_FLOWS_WITHOUT_THEIR_EVENTS and reads):
            yield rule, views[reads]


def _checked(rule: Rule, view: list[Event], context: Context, found: dict[tuple, Diagnostic]) -> Iterator[Diagnostic]:
    """The rule's findings; a rule that raises is one NV003 finding (the other rules still run)."""
    check = rule.check
    if check is None:
        return
    try:
        yield from check(view, context)
    except Exception as error:  # noqa: BLE001 - one broken rule must not hide the others
        failure = internal_error(f"rule {rule.code} ({rule.name})", error)
        found.setdefault((failure.code, rule.code), failure)


def _without_alternatives(flow: list[Event]) -> tuple[list[Event], int]:
    """The events that surely run, and how many alternatives the flow's commands have at most."""
    most = 0
    for event in flow:
        if event.alternative is not None:
            most = max(most, event.alternative.index + 1)
    if not most:
        return flow, 0
    return [event for event in flow if event.alternative is None], most


def _run_alternatives(
    flow: list[Event],
    count: int,
    rules: tuple[Rule, ...],
    context: Context,
    found: dict[tuple, Diagnostic],
    reuse: RuleFindings | None = None,
    flow_index: int = 0,
) -> None:
    """``rules``: those that report what one branch does; run once per alternative index (the commands as they run
    with each value a variable may hold): a finding the surely-run events do not give is reported with
    when it holds, unless every alternative of its command gives it."""
    new: dict[tuple, tuple[Diagnostic, list]] = {}
    for index in range(count):
        world = [e for e in flow if e.alternative is None or e.alternative.index == index]
        here: _Covering | None = None
        for rule, view in _views(world, rules):
            for diagnostic in _findings(rule, view, context, found, reuse, (flow_index, index + 1)):
                key = (diagnostic.code, diagnostic.start, diagnostic.end)
                if key in found:  # the surely-run events give it too
                    continue
                if here is None:
                    here = _Covering([e.alternative for e in world if e.alternative is not None])
                alternative = here.first(diagnostic.start)
                if alternative is None:
                    continue
                _, holding = new.setdefault(key, (diagnostic, []))
                if alternative not in holding:
                    holding.append(alternative)
    for key, (diagnostic, holding) in new.items():
        first = holding[0]
        if not (first.every and len(holding) == first.count and all(a.spans[0] == first.spans[0] for a in holding)):
            diagnostic.message += f" ({' or '.join(a.when for a in holding)})"
        found[key] = diagnostic


class _Covering:
    """The first of some alternatives (in their order) with a span that holds an offset: a bisection, not a
    scan of every alternative for every finding (that was quadratic in a script of many branches)."""

    def __init__(self, alternatives: list[Alternative]) -> None:
        unique = list({id(a): a for a in alternatives}.values())
        self.alternatives = unique
        self.spans = sorted((start, end, order) for order, a in enumerate(unique) for start, end in a.spans)
        self.starts = [start for start, _, _ in self.spans]
        self.reach: list[int] = []  # the furthest end of the spans up to each: where a backward scan may stop
        furthest = -1
        for _, end, _ in self.spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def first(self, offset: int) -> Alternative | None:
        best = None
        at = bisect_right(self.starts, offset) - 1
        while at >= 0 and self.reach[at] > offset:
            _, end, order = self.spans[at]
            if end > offset and (best is None or order < best):
                best = order
            at -= 1
        return self.alternatives[best] if best is not None else None


def internal_error(what: str, error: BaseException) -> Diagnostic:
    """NV003 at the start of the file: which check did not run, and why."""
    from nvlint.rules import nv003_internal_error as nv003

    return nv003.RULE.at((0, 0), nv003.failure(what, error))


def orgs_shown(text: str, flows: list[list[Event]]) -> set[str]:
    """The NGC orgs a file proves: `nvcr.io/<org>/...`, `ngc ... --org <org>`, `ngc registry` targets,
    `NGC_CLI_ORG=<org>`."""
    orgs = set(_NVCR_ORG.findall(text))
    if "NGC_CLI_ORG" in text:
        orgs.update(_CLI_ORG.findall(text))
    orgs.update(event.org for flow in flows for event in flow if isinstance(event, OrgSeen))
    return orgs


def file_context(
    text: str,
    flows: list[list[Event]],
    settings: Settings,
    lines: LineIndex,
    sourced: list[Sourced],
    run_orgs: frozenset[str] = frozenset(),
    shown: set[str] | None = None,
) -> Context:
    """What the rules may know of the whole file besides a flow's events; ``run_orgs``: the orgs the
    other files of the run show; ``shown``: this file's (orgs_shown), when already known."""
    if shown is None:
        shown = orgs_shown(text, flows)
    orgs = set(settings.ngc_orgs) | set(environment_orgs()) | run_orgs | shown
    ngc_file = "nvcr.io" in text or "oauthtoken" in text
    for flow in flows:
        for event in flow:
            ngc_file = ngc_file or isinstance(event, NgcCommand)
    return Context(
        settings=settings,
        known_orgs=OrgKnowledge(frozenset(orgs)),
        lines=lines,
        ngc_file=ngc_file,
        text=text,
        sourced={s.anchor: s for s in sourced},
    )
