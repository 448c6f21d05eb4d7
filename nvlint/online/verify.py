"""Verify every collected reference against its registry (NV901, NV902, NV903), and what the commands
name in the NVCF account against the account (NV904-NV907, nvlint.online.account).

Imported only with --online (or `online` in the configuration, or NVLINT_ONLINE=1): the offline linter
never opens a connection nor imports `requests`. References are de-duplicated, checked concurrently
within a deadline, and answers are cached on disk (found and missing, never denials); tokens stay in
memory. A network failure is a warning (NV903) for that reference; the run goes on.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass

from nvlint.diagnostics import Diagnostic
from nvlint.online.cache import AnswerCache
from nvlint.online.references import REGISTRY_KINDS, Reference
from nvlint.online.settings import OnlineSettings
from nvlint.reference_grammar import ArtifactRef, parse_artifact, parse_image
from nvlint.secrets import redact

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from rich.progress import Progress


@dataclass(frozen=True)
class Target:
    """What is asked: an image (host, repository, reference) or an NGC artifact."""

    kind: str
    host: str
    name: str
    reference: str
    org: str = ""
    team: str | None = None


def target_of(reference: Reference) -> Target | None:
    if reference.kind == "image":
        ref = parse_image(reference.text)
        if ref is None or not ref.known_name:
            return None
        host = ref.host or "nvcr.io"  # NVCF reads a reference without a host as an NGC one
        path = list(ref.path)
        if host in ("docker.io", "index.docker.io") and len(path) == 1:
            host, path = "docker.io", ["library", *path]
        if ref.host is None and len(path) == 1:  # `nginx:1.27` is NV101's business
            return None
        return Target("image", host, "/".join(path), ref.digest or ref.tag or "latest")
    parsed = parse_artifact(reference.text, allow_override=reference.kind == "model")
    if not isinstance(parsed, ArtifactRef) or parsed.version is None:
        return None
    return Target(reference.kind, "api.ngc.nvidia.com", parsed.name, parsed.version, parsed.org, parsed.team)


def verify(
    references: list[Reference],
    settings: OnlineSettings,
    refresh: bool = False,
    progress: bool = False,
    cached_only: bool = False,
    notes: list[str] | None = None,
) -> list[Diagnostic]:
    """Findings for the references a registry says are missing, denied or out of reach, and for what the
    NVCF account does not have (nvlint.online.account). ``cached_only`` (the language server, as the
    user types) answers from the cache and asks no registry. ``notes``: lines for the user about what
    was skipped (no key)."""
    from nvlint.online import account

    registry = [r for r in references if r.kind in REGISTRY_KINDS]
    found = _registry_findings(registry, settings, refresh, progress, cached_only)
    in_account = account.verify_account(references, settings, refresh, cached_only, notes)
    # A private artifact with no registry credential in the account (NV905) says more than "nvlint has no
    # credentials for it either" (NV902) at the same word: one finding for one cause.
    private = {(d.path, d.start, d.end) for d in in_account if d.code == "NV905"}
    return [d for d in found if d.code != "NV902" or (d.path, d.start, d.end) not in private] + in_account


def _registry_findings(
    references: list[Reference], settings: OnlineSettings, refresh: bool, progress: bool, cached_only: bool
) -> list[Diagnostic]:
    from nvlint.online.client import Answer, Client, Deadline

    targets: dict[Target, list[Reference]] = {}
    for reference in references:
        target = target_of(reference)
        if target is not None:
            targets.setdefault(target, []).append(reference)
    if not targets:
        return []
    cache = AnswerCache(settings, refresh)
    answers: dict[Target, Answer] = {}
    pending = []
    for target in targets:
        cached = cache.answer(_target_key(settings, target))
        if cached is not None:
            answers[target] = Answer(cached[0])
        elif not cached_only:
            pending.append(target)
    if not pending:
        return _diagnostics(targets, answers)
    deadline = Deadline(settings.deadline)
    client = Client(settings, deadline)

    def ask(target: Target) -> Answer:
        if target.kind == "image":
            return client.image(target.host, target.name, target.reference)
        return client.artifact(target.kind, target.org, target.team, target.name, target.reference)

    with (
        _progress(progress and len(pending) > 5, len(pending)) as advance,
        ThreadPoolExecutor(max_workers=max(1, settings.concurrency)) as pool,
    ):
        futures = {pool.submit(ask, target): target for target in pending}
        done, late = wait(futures, timeout=max(deadline.left(), 0) + 1)
        for future in done:
            target = futures[future]
            try:
                answers[target] = future.result()
            except Exception as error:  # noqa: BLE001 - a client bug is a warning, not a crash
                answers[target] = Answer("unreachable", f"{type(error).__name__}: {error}")
            cache.keep(_target_key(settings, target), answers[target].status)
            advance()
        for future in late:
            future.cancel()
            answers[futures[future]] = Answer("unreachable", "the online deadline was reached")
    return _diagnostics(targets, answers)


def _diagnostics(targets: dict[Target, list[Reference]], answers: dict) -> list[Diagnostic]:
    """A finding for each reference to a target whose answer is not `found` (unanswered targets: none)."""
    return [
        d
        for target, refs in targets.items()
        if target in answers
        for ref in refs
        for d in [_diagnostic(ref, target, answers[target])]
        if d is not None
    ]


def _target_key(settings: OnlineSettings, target: Target) -> str:
    endpoint = _endpoint(settings, target)
    return "\0".join([endpoint, target.kind, target.org, target.team or "", target.name, target.reference])


def _endpoint(settings: OnlineSettings, target: Target) -> str:
    if target.kind == "image":
        return settings.registry_endpoints.get(target.host) or target.host
    return settings.ngc_api_url


def _diagnostic(reference: Reference, target: Target, answer) -> Diagnostic | None:
    from nvlint.rules import nv901_artifact_not_found as nv901
    from nvlint.rules import nv902_registry_access_denied as nv902
    from nvlint.rules import nv903_registry_unreachable as nv903

    what = {"image": "image", "model": "model", "resource": "resource", "chart": "Helm chart"}[target.kind]
    where = target.host if target.kind == "image" else "the NGC catalog"
    if answer.status == "found":
        return None
    if answer.status == "missing":
        rule, message = nv901.RULE, nv901.missing(what, reference.text, where)
    elif answer.status == "denied":
        rule, message = nv902.RULE, nv902.denied(what, reference.text, where, answer.detail)
    else:
        rule, message = nv903.RULE, nv903.unreachable(what, reference.text, where, answer.detail)
    diagnostic = rule.at((reference.start, reference.end), redact(message))
    diagnostic.path, diagnostic.line, diagnostic.column = reference.path, reference.line, reference.column
    diagnostic.end_line, diagnostic.end_column = reference.end_line, reference.end_column
    return diagnostic


class _progress:
    """A rich progress bar on standard error, only at a terminal and for more than a handful."""

    def __init__(self, show: bool, total: int) -> None:
        self.show, self.total = show, total
        self.bar: Progress | None = None

    def __enter__(self):
        if not self.show:
            return lambda: None
        from rich.console import Console
        from rich.progress import Progress

        bar = self.bar = Progress(transient=True, console=Console(stderr=True))
        bar.start()
        task = bar.add_task("checking references", total=self.total)
        return lambda: bar.advance(task)

    def __exit__(self, *_) -> None:
        if self.bar is not None:
            self.bar.stop()


def verify_run(
    references: list[Reference], settings, refresh: bool, enabled: set[str], fail_on: str | None, progress: bool
) -> tuple[list[Diagnostic], int]:
    """The online findings of a run's enabled rules, and how many of them count for the exit status."""
    from nvlint.diagnostics import severity_rank
    from nvlint.online.settings import online_settings

    notes: list[str] = []
    found = [
        d
        for d in verify(
            references, online_settings(settings.online_options), refresh=refresh, progress=progress, notes=notes
        )
        if d.code in enabled
    ]
    for note in notes:
        print(f"nvlint: {note}", file=sys.stderr)
    threshold = severity_rank(fail_on or settings.fail_on or "info")
    return found, sum(1 for d in found if severity_rank(d.severity) >= threshold)
