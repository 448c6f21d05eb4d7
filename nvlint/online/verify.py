"""Verify every collected reference against its registry (NV901, NV902, NV903).

Imported only with --online (or `online` in the configuration, or NVLINT_ONLINE=1): the offline linter
never opens a connection nor imports `requests`. References are de-duplicated, checked concurrently
within a deadline, and answers are cached on disk (found and missing, never denials); tokens stay in
memory. A network failure is a warning (NV903) for that reference; the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from nvlint.diagnostics import Diagnostic
from nvlint.online.references import Reference
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


class AnswerCache:
    """Found and missing answers on disk, one small file per question, written atomically."""

    def __init__(self, settings: OnlineSettings, refresh: bool) -> None:
        folder = (
            settings.cache_dir
            or os.environ.get("NVLINT_CACHE_DIR")
            or os.path.join(
                os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "nvlint"
            )
        )
        self.folder = Path(folder) / "online"
        self.settings, self.refresh = settings, refresh

    def _path(self, endpoint: str, target: Target) -> Path:
        key = "\0".join([endpoint, target.kind, target.org, target.team or "", target.name, target.reference])
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()}.json"

    def get(self, endpoint: str, target: Target) -> str | None:
        if self.refresh:
            return None
        try:
            entry = json.loads(self._path(endpoint, target).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        ttl = self.settings.cache_ttl if entry.get("status") == "found" else self.settings.negative_cache_ttl
        return entry.get("status") if time.time() - entry.get("time", 0) < ttl else None

    def put(self, endpoint: str, target: Target, status: str) -> None:
        if status not in ("found", "missing"):
            return  # denials and failures depend on today's credentials and network: ask again
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self._path(endpoint, target)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps({"status": status, "time": time.time()}), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            pass


def verify(
    references: list[Reference],
    settings: OnlineSettings,
    refresh: bool = False,
    progress: bool = False,
    cached_only: bool = False,
) -> list[Diagnostic]:
    """Findings for the references a registry says are missing, denied or out of reach. ``cached_only``
    (the language server, as the user types) answers from the cache and asks no registry."""
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
        status = cache.get(_endpoint(settings, target), target)
        if status is not None:
            answers[target] = Answer(status)
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
            cache.put(_endpoint(settings, target), target, answers[target].status)
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

    found = [
        d
        for d in verify(references, online_settings(settings.online_options), refresh=refresh, progress=progress)
        if d.code in enabled
    ]
    threshold = severity_rank(fail_on or settings.fail_on or "info")
    return found, sum(1 for d in found if severity_rank(d.severity) >= threshold)
