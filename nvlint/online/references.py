"""What online mode asks about, collected offline: the artifact references a deployment pulls, and
what it names in the NVCF account (GPUs, instance types, backends, clusters, function and version IDs).

Only fully known references are collected, and not those the same flow builds, pushes or uploads:
they will exist once the script runs. The online package (imported only with --online) checks them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nvlint import lazyre
from nvlint.model.events import (
    ArtifactCreated,
    ArtifactPushed,
    Deploy,
    Event,
    FunctionReference,
    GpuRequest,
    ImageBuilt,
    ImagePulled,
    ImagePushed,
)
from nvlint.model.text import LineIndex
from nvlint.reference_grammar import canonical_docker, canonical_ngc

REGISTRY_KINDS = frozenset({"image", "model", "resource", "chart"})
# Asked of the NVCF account: `context` says what the text belongs to (an instance type's GPU and backend,
# a version's function); `chart-url` is a Helm chart on another registry (for its registry credential).
ACCOUNT_KINDS = frozenset({"gpu", "instance-type", "backend", "cluster", "function", "function-version", "chart-url"})


@dataclass(frozen=True)
class Reference:
    kind: str  # one of REGISTRY_KINDS or ACCOUNT_KINDS
    text: str  # as written
    start: int  # file offsets of the text
    end: int
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    context: tuple[str, ...] = ()
    written: str = ""  # where it is written, for messages (`--targeted-dep-spec`, `gpuSpecification`)


_ARTIFACT_OPTIONS = (("--model", "model"), ("--resource", "resource"), ("--helm-chart", "chart"))


def collect(flows: list[list[Event]], scope: str = "deployed") -> list[Reference]:
    out: list[Reference] = []
    for flow in flows:
        made_images = {
            _canonical(e.image, "docker")
            for e in flow
            if isinstance(e, (ImageBuilt, ImagePushed)) and e.image is not None
        }
        made_artifacts = {
            (e.kind, e.target.literal)
            for e in flow
            if isinstance(e, (ArtifactCreated, ArtifactPushed)) and e.target is not None and e.target.literal
        }
        for event in flow:
            if isinstance(event, Deploy) and event.ngc is not None:
                for option in event.ngc.all("--container-image"):
                    text = option.value.literal if option.value is not None else None
                    if text and not {_canonical(option.value, "ngc"), _canonical(option.value, "docker")} & made_images:
                        out.append(_reference("image", text, option))
                out.extend(_payload_entries(event, made_artifacts))
                for name, kind in _ARTIFACT_OPTIONS:
                    for option in event.ngc.all(name):
                        text = option.value.literal if option.value is not None else None
                        if text and kind == "chart" and text.startswith(("oci://", "https://")):
                            out.append(replace(_reference("chart-url", text, option), written=event.says(name)))
                            continue
                        if not text or text.startswith(("oci://", "https://")):
                            continue
                        target = _artifact_target(text, kind)
                        if (
                            target
                            and (kind, target) not in made_artifacts
                            and (kind, target.rsplit("/", 1)[-1]) not in made_artifacts
                        ):
                            out.append(_reference(kind, text, option))
            elif isinstance(event, GpuRequest):
                out.extend(_gpu_references(event))
            elif isinstance(event, FunctionReference):
                out.extend(_function_references(event))
            elif scope == "all" and isinstance(event, ImagePulled) and event.image is not None:
                text = event.image.literal
                span = event.image.span()
                if text and span is not None and _canonical(event.image, "docker") not in made_images:
                    out.append(Reference("image", text, span[0], span[1]))
    return out


def _gpu_references(event: GpuRequest) -> list[Reference]:
    """The GPU, its instance type, the backend and the clusters a request names (what is fully known)."""
    gpu, backend = event.gpu, event.backend
    if gpu is None or gpu.literal is None:
        return []
    backend_text = backend.literal or "" if backend is not None else ""
    out = [Reference("gpu", gpu.literal, gpu.start, gpu.end, context=(backend_text,), written=event.written)]
    if backend is not None and backend.literal:
        out.append(Reference("backend", backend.literal, backend.start, backend.end, written=event.written))
    instance = event.instance_type
    if instance is not None and instance.literal:
        out.append(
            Reference(
                "instance-type",
                instance.literal,
                instance.start,
                instance.end,
                context=(gpu.literal, backend_text),
                written=event.written,
            )
        )
    out.extend(
        Reference("cluster", c.literal, c.start, c.end, written=event.written) for c in event.clusters if c.literal
    )
    return out


def _function_references(event: FunctionReference) -> list[Reference]:
    function = event.function_id
    if function.literal is None:
        return []
    fid = function.literal.lower()
    out = [Reference("function", fid, function.start, function.end, written=event.how)]
    version = event.version_id
    if version is not None and version.literal:
        out.append(
            Reference(
                "function-version",
                version.literal.lower(),
                version.start,
                version.end,
                context=(fid,),
                written=event.how,
            )
        )
    return out


_URI = lazyre.compile(
    r"https://api(?:\.stg|\.canary)?\.ngc\.nvidia\.com/v2/org/([A-Za-z0-9_-]+)"
    r"(?:/team/([A-Za-z0-9_-]+))?/(models|resources)/([^/]+)/([^/]+)/files"
)


def _payload_entries(event: Deploy, made_artifacts: set) -> list[Reference]:
    """A payload's `models[]` / `resources[]` name their artifact in `uri`."""
    out = []
    for entry in event.entries:
        uri = entry.get("uri")
        if uri is None:
            continue
        match = _URI.fullmatch(uri.literal or "")
        if match is None:
            continue
        org, team, _, name, version = match.groups()
        target = "/".join(x for x in (org, team, name) if x)
        if (entry["kind"], target) in made_artifacts:
            continue
        span = uri.value.contiguous_span(0, len(uri.text)) or (uri.start, uri.end)
        out.append(Reference(entry["kind"], f"{target}:{version}", span[0], span[1]))
    return out


def _canonical(value, context: str) -> str | None:
    text = value.literal if value is not None else None
    if text is None:
        return None
    return (canonical_ngc if context == "ngc" else canonical_docker)(text)


def _artifact_target(text: str, kind: str) -> str | None:
    if kind == "model" and text.count(":") >= 2:
        text = text.split(":", 1)[1]
    return text.split(":", 1)[0] or None


def _reference(kind: str, text: str, option) -> Reference:
    value = option.value
    span = value.contiguous_span(0, len(value.template())) or value.span() or (option.word.start, option.word.end)
    return Reference(kind, text, span[0], span[1])


def located(flows: list[list[Event]], scope: str, path: str, lines: LineIndex) -> list[Reference]:
    """The references of a file's flows, with the file's path and each one's line and column."""
    out = []
    for ref in collect(flows, scope):
        (line, column), (end_line, end_column) = lines.position(ref.start), lines.position(ref.end)
        out.append(replace(ref, path=path, line=line, column=column, end_line=end_line, end_column=end_column))
    return out
