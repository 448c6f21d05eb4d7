from __future__ import annotations

from nvlint.events import Deploy
from nvlint.rules.base import Rule

RULE = Rule(
    code="NV503",
    name="missing-required-option",
    severity="error",
    summary="A function or task create misses an option the CLI requires.",
    what=(
        "Reports `ngc cf fn create` without `--inference-url`, or without any of `--container-image`, "
        "`--helm-chart`, `--model`; and `ngc cf task create` without `--gpu-specification`. Silent when an "
        "unquoted variable or `\"$@\"` could supply the option."
    ),
    why="The CLI stops with a usage error; in a deployment script that is a failed pipeline run.",
    bad="ngc cf fn create --name app --container-image nvcr.io/acme/app:1.0\n",
    good="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0\n",
)


@RULE.checker
def check(flow, ctx):
    for event in flow:
        if not isinstance(event, Deploy) or event.ngc is None or event.ngc.unknown_args:
            continue
        ngc = event.ngc
        if ngc.has("-h") or ngc.has("--help"):
            continue
        if event.origin == "payload":
            yield from _payload(event)
            continue
        missing = []
        if event.kind == "function":
            if not ngc.has("--inference-url"):
                missing.append("--inference-url (the path NVCF sends requests to)")
            if not any(ngc.has(o) for o in ("--container-image", "--helm-chart", "--model")):
                missing.append("one of --container-image, --helm-chart or --model")
        elif not ngc.has("--gpu-specification"):
            missing.append("--gpu-specification (<gpu>:<instance-type>)")
        if missing:
            command = "ngc cf fn create" if event.kind == "function" else "ngc cf task create"
            yield RULE.at(_command_span(ngc), f"{command} needs {' and '.join(missing)}")


def _command_span(ngc):
    """From `ngc` to `create`: the words that name the command."""
    create = next((w for w in ngc.words if w.literal == "create"), ngc.words[-1])
    return ngc.words[0].start, create.end


def _payload(event):
    ngc = event.ngc
    missing = []
    if event.kind == "function":
        if not ngc.has("--name"):
            missing.append("name")
        if not ngc.has("--inference-url"):
            missing.append("inferenceUrl")
        if not (ngc.has("--container-image") or ngc.has("--helm-chart") or ngc.has("--model-attachment")):
            missing.append("one of containerImage, helmChart or models")
    elif not ngc.has("--gpu-specification"):
        missing.append("gpuSpecification")
    if missing:
        yield RULE.at((event.start, event.end), f"this NVCF {event.kind} payload needs {' and '.join(missing)}")
