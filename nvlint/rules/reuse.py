"""Each rule's findings of a document's last reading, given again when the rule would read the same events.

A rule's check is a function of the events it is given (its view) and the file's context. After an edit,
the editor's reading keeps the events made before the edit as the same objects (nvlint.shell.resume), so
a rule whose view holds exactly the same objects as last time, in the same order, under the same context,
finds what it found then: a copy of those findings is given, and the rule does not run. Events made again
are new objects, so any view that holds one runs its rule. The context's text changed, but not where
those events are: each was made before the first changed byte, from text before it. Past the edit, where
the walk rejoins the last reading, its events are taken again too, moved (nvlint.shell.move): the same
objects, from the same text, and the findings kept of them are moved with them (RuleFindings.move).

A rule whose findings each come from one event alone (Rule.per_event: NV101's image, NV503's create) may
be given any of a view's events: what it finds on them is what it finds on each. So its findings are kept
by group, the events of one call: a group whose events are all in the new view, in order, gives its
findings again, and the rule is called only on the events left. An edit at the end of a long script, or
in one create in its middle, runs such a rule on the few commands read again, not on every create.
"""

from __future__ import annotations

from operator import is_

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.diagnostics import Diagnostic
    from nvlint.model.events import Event
    from nvlint.shell.move import Move


class RuleFindings:
    """What each rule found in each flow last time, by (flow index, alternative, rule code): its view and
    findings (alternative 0: the events that surely run; n: with the n-th value of each variable set in
    branches, see nvlint.rules.engine._run_alternatives)."""

    __slots__ = ("signature", "last", "now", "reused", "last_groups", "now_groups", "partitions", "naming_lines")

    def __init__(self) -> None:
        self.signature: object = None
        # each entry: the view, the findings, and the orgs the rule asked about that the file did not show
        self.last: dict[tuple[int, int, str], tuple[list[Event], list[Diagnostic], frozenset[str]]] = {}
        self.now: dict[tuple[int, int, str], tuple[list[Event], list[Diagnostic], frozenset[str]]] = {}
        self.reused = 0  # rules not run in the last reading (tests and the benchmark read it)
        # per-event rules: by (flow index, alternative, rule code), the groups of events checked together
        self.last_groups: dict[tuple[int, int, str], list[Group]] = {}
        self.now_groups: dict[tuple[int, int, str], list[Group]] = {}
        # this reading's partitions of views, by the view and its rule's last groups (see partition)
        self.partitions: dict[tuple, Partition] = {}
        self.naming_lines: set[str] = set()  # the rules whose messages name lines (Rule.names_lines)

    def begin(self, signature: object) -> None:
        """A reading starts; ``signature``: what of the context the rules may read besides the events."""
        if signature != self.signature:
            self.signature, self.last, self.last_groups = signature, {}, {}
        self.now, self.now_groups, self.reused, self.partitions = {}, {}, 0, {}

    def found(self, key: tuple[int, int, str], view: list[Event], missed: set[str]) -> list[Diagnostic] | None:
        """Copies of last time's findings for this rule and flow, if it reads the very same events (and
        the orgs it asked about in vain are ``missed`` again, as if it had run)."""
        entry = self.last.get(key)
        if entry is None or not _same_events(entry[0], view):
            return None
        self.reused += 1
        self.now[key] = entry
        if key in self.last_groups:  # a per-event rule: its groups hold for the next reading too
            self.now_groups[key] = self.last_groups[key]
        missed.update(entry[2])
        return [_copy(diagnostic) for diagnostic in entry[1]]

    def keep(
        self,
        key: tuple[int, int, str],
        view: list[Event],
        findings: list[Diagnostic],
        missed: frozenset[str],
        names_lines: bool = False,
    ) -> None:
        if names_lines:
            self.naming_lines.add(key[2])
        self.now[key] = (view, [_copy(diagnostic) for diagnostic in findings], missed)

    def groups(self, key: tuple[int, int, str]) -> tuple[list[Group], list[Group]]:
        """For a per-event rule: last reading's groups, and where this reading's go."""
        now = self.now_groups[key] = []
        return self.last_groups.get(key, []), now

    def partition(self, view: list[Event], last: list[Group]) -> Partition:
        """How a per-event rule's view splits into its last groups that still hold, the events read last
        time and the events made now. Every per-event rule reading the same types shares the view, and
        their last groups hold the same event lists (a partition's lists become the groups' events): so
        the first of them splits the view and the others take its partition, the very same lists, which
        the per-flow caches (the deployed images) then know too."""
        key = (id(view), *(id(group.events) for group in last))
        partition = self.partitions.get(key)
        if partition is None or not partition.made_of(view, last):
            partition = self.partitions[key] = Partition(view, last)
        return partition

    def move(self, move: Move) -> None:
        """The last reading's events after an edit were moved in place (the walk rejoined that reading past
        the edit: nvlint.shell.resume), so the findings kept of them move too. Where the edit added or took
        away lines, the findings of a rule whose messages name lines (Rule.names_lines) are forgotten: it
        runs again (one that found nothing has no message to be wrong)."""
        seen: set[int] = set()

        def moved(findings: list[Diagnostic]) -> None:
            for diagnostic in findings:
                if id(diagnostic) not in seen:
                    seen.add(id(diagnostic))
                    diagnostic.start, diagnostic.end = move.span(diagnostic.start, diagnostic.end)
                    for edit in diagnostic.fix.edits if diagnostic.fix is not None else ():
                        if id(edit) not in seen:
                            seen.add(id(edit))
                            edit.start, edit.end = move.span(edit.start, edit.end)

        if move.lines:
            for key in [key for key, entry in self.last.items() if key[2] in self.naming_lines and entry[1]]:
                del self.last[key]
            for key, groups in list(self.last_groups.items()):
                if key[2] in self.naming_lines and any(group.findings for group in groups):
                    del self.last_groups[key]
        for _, findings, _ in self.last.values():
            moved(findings)
        for groups in self.last_groups.values():
            for group in groups:
                moved(group.findings)

    def end(self) -> None:
        self.last, self.now = self.now, {}
        self.last_groups, self.now_groups = self.now_groups, {}
        self.partitions = {}


class Group:
    """Events a per-event rule was given in one call, what it found, and the orgs it asked about in vain."""

    __slots__ = ("events", "findings", "missed")

    def __init__(self, events: list[Event], findings: list[Diagnostic], missed: frozenset[str]) -> None:
        self.events, self.findings, self.missed = events, findings, missed

    def holds(self, view: list[Event], at: int) -> bool:
        """Are this group's events the view's, in order, from ``at``?"""
        events = self.events
        return len(view) - at >= len(events) and _same_events(events, view[at : at + len(events)])


# At most this many events are checked in one call (and kept as one group): an edit among them checks
# them all again, a view of thousands of creates is never checked whole for one keystroke.
RUN_EVENTS = 128


class Partition:
    """A view split by a rule's last groups: ``held``, the indices of the groups whose events are all still
    in the view, in order; ``runs``, the other events, in runs of consecutive ones that were all read last
    time or all made now (of RUN_EVENTS at most). Each run is checked in a call of its own and becomes a
    group: an edit in the middle of a long script breaks the group around it into the runs before and
    after, and the next edit there finds them whole."""

    __slots__ = ("view", "group_events", "held", "runs")

    def __init__(self, view: list[Event], last: list[Group]) -> None:
        self.view, self.group_events = view, [group.events for group in last]  # kept alive: ids stay theirs
        starting = {id(group.events[0]): index for index, group in enumerate(last) if group.events}
        seen = {id(event) for group in last for event in group.events}
        self.held: list[int] = []
        self.runs: list[list[Event]] = []
        run: list[Event] = []
        run_was_seen = False
        at = 0
        while at < len(view):
            index = starting.get(id(view[at]))
            if index is not None and last[index].holds(view, at):
                self.held.append(index)
                at += len(last[index].events)
                run = []
                continue
            was_seen = id(view[at]) in seen
            if not run or was_seen != run_was_seen or len(run) >= RUN_EVENTS:
                run, run_was_seen = [], was_seen
                self.runs.append(run)
            run.append(view[at])
            at += 1

    def made_of(self, view: list[Event], last: list[Group]) -> bool:
        return (
            self.view is view
            and len(last) == len(self.group_events)
            and all(map(is_, (group.events for group in last), self.group_events))
        )


def _same_events(old: list[Event], new: list[Event]) -> bool:
    """The very same objects, in order (not equal ones: a rule may tell events apart by identity). map()
    and operator.is_ keep the loop in C: this runs over every view of every reading."""
    return len(old) == len(new) and all(map(is_, old, new))


def copies(findings: list[Diagnostic]) -> list[Diagnostic]:
    return [_copy(diagnostic) for diagnostic in findings]


def _copy(diagnostic: Diagnostic) -> Diagnostic:
    """Placement fills in a finding's position and rewrites its message: each reading gets its own."""
    copy = type(diagnostic)(*diagnostic.fields())
    copy.extra = dict(diagnostic.extra)
    return copy
