from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.model.words import UNKNOWN_CHAR
from nvlint.rules._deploy import is_template
from nvlint.rules._mounts import mount_uses
from nvlint.rules.base import Context, Rule

RULE = Rule(
    code="NV402",
    name="mount-path-not-attached",
    severity="error",
    summary="A function or task uses a mount path for a model or resource it does not attach.",
    what=(
        "Reports a `/mount/models/<name>/<version>`, `/mount/resources/<name>/<version>`, "
        "`/config/models/<name>` or `/config/resources/<name>` path in a function's or task's arguments or "
        "environment when the same create does not attach `<name>` with `--model` / `--resource` (an "
        "`--model <override>:org/model:version` attaches under the override name), or, in the `/mount` "
        "layout, attaches another version. "
        "A template is silent: a command or payload whose every artifact (image, chart, models) is a "
        "placeholder (`<image>`, `{{ image }}`, an image in a placeholder org such as `myorg/app:tag`), and "
        "for a task whose GPU specification is one too or is absent, shows a form to fill in, not a run."
    ),
    why="Nothing is mounted there: the container starts and fails on a missing directory.",
    bad="ngc cf fn create --name llm --inference-url /v1/chat/completions \\\n"
    "  --container-image nvcr.io/acme/server:1.0 --model acme/llama:1.0 \\\n"
    "  --container-args '--model-dir /mount/models/mistral/1.0'\n",
    good="ngc cf fn create --name llm --inference-url /v1/chat/completions \\\n"
    "  --container-image nvcr.io/acme/server:1.0 --model acme/mistral:1.0 \\\n"
    "  --container-args '--model-dir /mount/models/mistral/1.0'\n",
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.ngc is None or event.ngc.unknown_args or is_template(event):
            continue
        for use in mount_uses(event):
            path, kind, name = use.reference.path, use.reference.kind, use.reference.name
            if UNKNOWN_CHAR in name or use.other_kind:
                continue  # unknown, or NV403's case
            same = use.same_kind
            if not same:
                have = ", ".join(a.name for a in use.attached if a.kind == kind) or "none"
                yield RULE.at(
                    path.span(1),
                    f"{ctx.quote(path.piece())} names {kind} '{name}', which this {event.kind} "
                    f"does not attach (attached {kind}s: {have})",
                )
                continue
            if path.root == "mount" and len(path.components) >= 3:
                version = path.components[2]
                versions = {a.version for a in same if a.version is not None}
                every_version_known = len(versions) == len({a.version for a in same})
                if UNKNOWN_CHAR not in version and every_version_known and version not in versions:
                    yield RULE.at(
                        path.span(2),
                        f"{ctx.quote(path.piece())} names version '{version}' of {kind} "
                        f"'{name}', but this {event.kind} attaches "
                        f"{', '.join(sorted(versions))}",
                    )
