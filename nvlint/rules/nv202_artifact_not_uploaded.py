from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import ArtifactCreated, ArtifactPushed, Deploy
from nvlint.model.words import Value
from nvlint.rules._matching import LooseIndex, may_match
from nvlint.rules.base import Context, Rule, use_span

RULE: Rule[ArtifactCreated | ArtifactPushed | Deploy] = Rule(
    code="NV202",
    name="artifact-not-uploaded",
    severity="error",
    summary="A function or task uses a chart, model or resource the flow created but has not uploaded.",
    what=(
        "Reports `--helm-chart`, `--model` or `--resource` naming an artifact that the same flow creates or "
        "packages (`helm package`, `ngc registry chart|model|resource create`) when no upload of that version "
        "(`ngc registry chart push`, `ngc registry model|resource upload-version`, `helm push`) comes before "
        "the create."
    ),
    why=(
        "`create` only makes the registry entry, and `helm package` only writes a local file; NVCF looks the "
        'version up when the function is created and fails with "Invalid artifact provided".'
    ),
    bad="ngc registry model create acme/llama-weights --application OTHER --framework PyTorch \\\n"
    "  --format safetensors --precision FP16 --short-desc 'Llama weights'\n"
    "ngc cf fn create --name llm --inference-url /v1/chat/completions \\\n"
    "  --container-image nvcr.io/acme/server:1.0 --model acme/llama-weights:1.0\n",
    good="ngc registry model create acme/llama-weights --application OTHER --framework PyTorch \\\n"
    "  --format safetensors --precision FP16 --short-desc 'Llama weights'\n"
    "ngc registry model upload-version acme/llama-weights:1.0 --source ./weights\n"
    "ngc cf fn create --name llm --inference-url /v1/chat/completions \\\n"
    "  --container-image nvcr.io/acme/server:1.0 --model acme/llama-weights:1.0\n",
    reads=(ArtifactCreated, ArtifactPushed, Deploy),
    names_lines=True,
)

_OPTIONS = (("--helm-chart", "chart"), ("--model", "model"), ("--resource", "resource"))


@RULE.checker
def check(flow: Sequence[ArtifactCreated | ArtifactPushed | Deploy], ctx: Context) -> Iterator[Diagnostic]:
    """Linear in the flow: creations are indexed by the name they make, uploads by the name they push
    (see _matching), so a create costs lookups of its artifact, not a scan of what came before."""
    created: dict[tuple[str, bool, tuple], list[tuple[int, ArtifactCreated]]] = {}  # with their place
    pushed: dict[tuple[str, bool], LooseIndex] = {}
    for index, event in enumerate(flow):
        if isinstance(event, ArtifactCreated):
            if event.target is not None:
                created.setdefault((event.kind, event.bare_name, event.target.key), []).append((index, event))
        elif isinstance(event, ArtifactPushed):
            pushed.setdefault((event.kind, event.bare_name), LooseIndex("docker")).add(event.target, event)
        elif isinstance(event, Deploy) and event.ngc is not None:
            for option_name, kind in _OPTIONS:
                for option in event.ngc.all(option_name):
                    if option.value is None:
                        continue
                    reference = _reference(option.value, kind)
                    if reference is None:
                        continue
                    target, version = reference
                    origin = _origin(created, kind, target, version, event)
                    if origin is None or _uploaded(pushed, kind, target, version):
                        continue
                    message = (
                        f"{kind} {ctx.quote(option.value, option.value_word)} is created{ctx.place(origin)} by "
                        f"{origin.how} but this version is not uploaded before the create; "
                        + (
                            "push it with 'ngc registry chart push'"
                            if kind == "chart"
                            else f"upload it with 'ngc registry {kind} upload-version'"
                        )
                    )
                    yield RULE.at(use_span(option), message)


def _origin(created: dict, kind: str, target: Value, version: Value | None, deploy) -> ArtifactCreated | None:
    """The first creation of this artifact that may run with the deploy: by its full name, or by its last
    segment for `helm package` (which knows only the chart's name)."""
    candidates = created.get((kind, False, target.key), []) + created.get((kind, True, _last_segment(target).key), [])
    candidates.sort(key=lambda placed: placed[0])  # in the flow's order: the first one is named
    return next((c for _, c in candidates if c.may_run_with(deploy) and _version_matches(c, version)), None)


def _version_matches(created: ArtifactCreated, version: Value | None) -> bool:
    if created.version is not None and version is not None:
        return created.version.key == version.key
    return True


def _uploaded(pushed: dict, kind: str, target: Value, version: Value | None) -> bool:
    """Whether an upload before the create may be this artifact and version."""
    for bare_name in (False, True):
        index = pushed.get((kind, bare_name))
        if index is None:
            continue
        name = _last_segment(target) if bare_name else target
        for push in index.matching(name, "docker"):
            if push.target is None or push.version is None or version is None or _loosely(push.version, version):
                return True
    return False


def _reference(value: Value, kind: str) -> tuple[Value, Value | None] | None:
    text = value.template()
    if text.startswith("oci://"):
        return None
    if kind == "model" and text.count(":") >= 2:  # override-name:org/model:version
        value = value.slice(text.index(":") + 1)
        text = value.template()
    if ":" not in text:
        return value, None
    at = text.rindex(":")
    return value.slice(0, at), value.slice(at + 1)


def _last_segment(value: Value) -> Value:
    text = value.template()
    return value.slice(text.rfind("/") + 1) if "/" in text else value


def _loosely(a: Value, b: Value) -> bool:
    return may_match(a, "docker", b, "docker")
