"""Each rule's findings of a document's last reading, given again when the rule would read the same events.

A rule's check is a function of the events it is given (its view) and the file's context. After an edit,
the editor's reading keeps the events made before the edit as the same objects (nvlint.shell.resume), so
a rule whose view holds exactly the same objects as last time, in the same order, under the same context,
finds what it found then: a copy of those findings is given, and the rule does not run. Events made again
are new objects, so any view that holds one runs its rule. The context's text changed, but not where
those events are: each was made before the first changed byte, from text before it.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.diagnostics import Diagnostic
    from nvlint.model.events import Event


class RuleFindings:
    """What each rule found in each flow last time, by (flow index, alternative, rule code): its view and
    findings (alternative 0: the events that surely run; n: with the n-th value of each variable set in
    branches, see nvlint.rules.engine._run_alternatives)."""

    __slots__ = ("signature", "last", "now", "reused")

    def __init__(self) -> None:
        self.signature: object = None
        # each entry: the view, the findings, and the orgs the rule asked about that the file did not show
        self.last: dict[tuple[int, int, str], tuple[list[Event], list[Diagnostic], frozenset[str]]] = {}
        self.now: dict[tuple[int, int, str], tuple[list[Event], list[Diagnostic], frozenset[str]]] = {}
        self.reused = 0  # rules not run in the last reading (tests and the benchmark read it)

    def begin(self, signature: object) -> None:
        """A reading starts; ``signature``: what of the context the rules may read besides the events."""
        if signature != self.signature:
            self.signature, self.last = signature, {}
        self.now, self.reused = {}, 0

    def found(self, key: tuple[int, int, str], view: list[Event], missed: set[str]) -> list[Diagnostic] | None:
        """Copies of last time's findings for this rule and flow, if it reads the very same events (and
        the orgs it asked about in vain are ``missed`` again, as if it had run)."""
        entry = self.last.get(key)
        if entry is None or not _same_events(entry[0], view):
            return None
        self.reused += 1
        self.now[key] = entry
        missed.update(entry[2])
        return [_copy(diagnostic) for diagnostic in entry[1]]

    def keep(
        self, key: tuple[int, int, str], view: list[Event], findings: list[Diagnostic], missed: frozenset[str]
    ) -> None:
        self.now[key] = (view, [_copy(diagnostic) for diagnostic in findings], missed)

    def end(self) -> None:
        self.last, self.now = self.now, {}


def _same_events(old: list[Event], new: list[Event]) -> bool:
    return len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True))


def _copy(diagnostic: Diagnostic) -> Diagnostic:
    """Placement fills in a finding's position and rewrites its message: each reading gets its own."""
    copy = type(diagnostic)(*diagnostic.fields())
    copy.extra = dict(diagnostic.extra)
    return copy
