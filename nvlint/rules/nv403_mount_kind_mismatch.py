from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.rules._mounts import mount_uses
from nvlint.rules.base import Context, Rule

RULE = Rule(
    code="NV403",
    name="mount-kind-mismatch",
    severity="error",
    summary="A models path names something attached as a resource, or the reverse.",
    what=(
        "Reports a path under `/mount/models/` or `/config/models/` whose name is attached with `--resource` "
        "(and not `--model`), or a path under `.../resources/` whose name is attached with `--model`."
    ),
    why="Models and resources mount under different roots; the path points at a directory that is empty.",
    bad="ngc cf task create --name prep --gpu-specification L40:gl40_1.br20_2xlarge \\\n"
    "  --container-image nvcr.io/acme/prep:1.0 --resource acme/dataset:1.0 \\\n"
    "  --result-handling-strategy NONE --container-args '--data /mount/models/dataset/1.0'\n",
    good="ngc cf task create --name prep --gpu-specification L40:gl40_1.br20_2xlarge \\\n"
    "  --container-image nvcr.io/acme/prep:1.0 --resource acme/dataset:1.0 \\\n"
    "  --result-handling-strategy NONE --container-args '--data /mount/resources/dataset/1.0'\n",
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        for use in mount_uses(event):
            path, name = use.reference.path, use.reference.name
            if use.same_kind or not use.other_kind:
                continue
            other = use.other_kind[0]
            right = f"/{path.root}/{other.kind}s/"
            yield RULE.at(
                path.span(0),
                f"{ctx.quote(path.piece())}: '{name}' is attached as a {other.kind} "
                f"({event.says('--' + other.kind)}), so it is mounted under '{right}'",
            )
