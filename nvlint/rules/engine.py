"""Every enabled rule over every flow of one file: each rule is given the events of the types it reads,
and a context of what the whole file shows (its NGC orgs, whether it uses NGC at all, its text for
quoting). A rule that raises becomes one NV003 finding; the other rules still run."""

from __future__ import annotations

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Event, NgcCommand, OrgSeen, Sourced
from nvlint.model.text import LineIndex
from nvlint.rules.base import Context, OrgKnowledge, Rule
from nvlint.settings import Settings, environment_orgs

_NVCR_ORG = lazyre.compile(r"nvcr\.io/([A-Za-z0-9_-]+)/")
# The NGC CLI's org set for a script or a CI job: `NGC_CLI_ORG=acme`, `export NGC_CLI_ORG="acme"`,
# `NGC_CLI_ORG: acme` in a workflow's env.
_CLI_ORG = lazyre.compile(r"\bNGC_CLI_ORG\s*[=:]\s*[\"']?([A-Za-z0-9][A-Za-z0-9_-]*)")
# A rule is given no flow without an event of a type it reads (the view would be empty). Only a test turns
# this off, to show that it changes no finding.
SKIP_FLOWS_WITHOUT_THEIR_EVENTS = True


def run_rules(flows: list[list[Event]], rules: tuple[Rule, ...], context: Context) -> list[Diagnostic]:
    """Every rule over every flow; a finding reached by several flows (a job other jobs need) is kept once."""
    found: dict[tuple, Diagnostic] = {}
    for flow in flows:
        # Each rule is given the events of the types it reads, in order (its check is typed for them), and
        # no flow without them: the cost of a file is not every rule times every event. Rules reading the
        # same types share a view.
        present = {type(event) for event in flow}
        views: dict[tuple, list[Event]] = {}
        for rule in rules:
            reads = rule.reads
            if rule.check is None or (SKIP_FLOWS_WITHOUT_THEIR_EVENTS and reads and present.isdisjoint(reads)):
                continue
            view = flow
            if reads is not None:
                shared = views.get(reads)
                if shared is None:
                    shared = views[reads] = [event for event in flow if type(event) in reads]
                view = shared
            try:
                for diagnostic in rule.check(view, context):
                    found.setdefault((diagnostic.code, diagnostic.start, diagnostic.end), diagnostic)
            except Exception as error:  # noqa: BLE001 - one broken rule must not hide the others
                failure = internal_error(f"rule {rule.code} ({rule.name})", error)
                found.setdefault((failure.code, rule.code), failure)
    return list(found.values())


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
