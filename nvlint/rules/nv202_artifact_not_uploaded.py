from __future__ import annotations

from nvlint.events import ArtifactCreated, ArtifactPushed, Deploy
from nvlint.rules._matching import may_match
from nvlint.rules.base import Rule, use_span
from nvlint.shell.words import Value

RULE = Rule(
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
)

_OPTIONS = (("--helm-chart", "chart"), ("--model", "model"), ("--resource", "resource"))


@RULE.checker
def check(flow, ctx):
    created: list[ArtifactCreated] = []
    pushed: list[ArtifactPushed] = []
    for event in flow:
        if isinstance(event, ArtifactCreated):
            created.append(event)
        elif isinstance(event, ArtifactPushed):
            pushed.append(event)
        elif isinstance(event, Deploy) and event.ngc is not None:
            for option_name, kind in _OPTIONS:
                for option in event.ngc.all(option_name):
                    if option.value is None:
                        continue
                    reference = _reference(option.value, kind)
                    if reference is None:
                        continue
                    target, version = reference
                    origin = next(
                        (
                            c
                            for c in created
                            if c.kind == kind and c.may_run_with(event) and _created_matches(c, target, version)
                        ),
                        None,
                    )
                    if origin is None:
                        continue
                    if any(p.kind == kind and _push_matches(p, target, version) for p in pushed):
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


def _created_matches(created: ArtifactCreated, target: Value, version: Value | None) -> bool:
    if created.target is None:
        return False
    if created.bare_name:
        if created.target.key != _last_segment(target).key:
            return False
    elif created.target.key != target.key:
        return False
    if created.version is not None and version is not None:
        return created.version.key == version.key
    return True


def _push_matches(pushed: ArtifactPushed, target: Value, version: Value | None) -> bool:
    if pushed.target is None:
        return True
    name = _last_segment(target) if pushed.bare_name else target
    if not _loosely(pushed.target, name):
        return False
    if pushed.version is None or version is None:
        return True
    return _loosely(pushed.version, version)


def _loosely(a: Value, b: Value) -> bool:
    return may_match(a, "docker", b, "docker")
