from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.rules._deploy import is_template
from nvlint.rules.base import Context, Rule

RULE = Rule(
    code="NV503",
    name="missing-required-option",
    severity="error",
    summary=(
        "A create without an option the CLI requires (`--inference-url`, an artifact, "
        "`--gpu-specification`), two models under one name, or a payload `health` object missing fields."
    ),
    what=(
        "Reports `ngc cf fn create` without `--inference-url`, or without any of `--container-image`, "
        "`--helm-chart`, `--model`; and `ngc cf task create` without `--gpu-specification`. Silent when an "
        'unquoted variable or `"$@"` could supply the option. Also two models mounted under one name, and, '
        "in payloads, `name`, `inferenceUrl` and `gpuSpecification`, and a `health` object without all of "
        "`protocol`, `uri`, `port`, `timeout` and `expectedStatusCode`. "
        "A template is silent: a command or payload whose every artifact (image, chart, models) is a "
        "placeholder (`<image>`, `{{ image }}`, an image in a placeholder org such as `myorg/app:tag`), and "
        "for a task whose GPU specification is one too or is absent, shows a form to fill in, not a run."
    ),
    why="The CLI stops with a usage error; in a deployment script that is a failed pipeline run.",
    bad="ngc cf fn create --name app --container-image nvcr.io/acme/app:1.0\n",
    good="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0\n",
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.ngc is None or event.ngc.unknown_args or is_template(event):
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
        duplicate = _duplicates(event)
        if duplicate:
            option = next(o for o in reversed(ngc.all("--model")))
            yield RULE.at(
                (option.word.start, option.value_word.end if option.value_word else option.word.end),
                f"two --model options mount as '{duplicate}': give one an override name "
                f"('<name>:<org>/<model>:<version>')",
            )


def _command_span(ngc):
    """From `ngc` to `create`: the words that name the command."""
    create = next((w for w in ngc.words if w.literal == "create"), ngc.words[-1])
    return ngc.words[0].start, create.end


def _duplicates(event):
    """Two models mounted under one name: the API rejects duplicate `models[].name`."""
    from nvlint.rules._mounts import attachments

    attached = attachments(event) or []
    seen: set[str] = set()
    for attachment in attached:
        if attachment.kind == "model" and attachment.name in seen:
            return attachment.name
        seen.add(attachment.name) if attachment.kind == "model" else None
    return None


def _payload(event):
    ngc = event.ngc
    duplicate = _duplicates(event)
    if duplicate:
        yield RULE.at((event.start, event.end), f"two models are named '{duplicate}': models[].name must be unique")
    if event.missing_health and event.health_at is not None:
        yield RULE.at(
            (event.health_at.start, event.health_at.end),
            f"a health object needs all five fields; missing: {', '.join(event.missing_health)}",
        )
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
