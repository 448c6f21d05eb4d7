from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic, Edit
from nvlint.model.events import Deploy
from nvlint.model.words import UNKNOWN_CHAR
from nvlint.rules._images import deployed_images
from nvlint.rules.base import Context, Rule, display, value_span

RULE = Rule(
    code="NV103",
    name="docker-hub-missing-namespace",
    severity="error",
    summary="`docker.io/<name>:<tag>` without a namespace: NVCF needs `docker.io/library/nginx:1.27`.",
    what="Reports a deployed image `docker.io/<name>` with a single path component.",
    why=(
        "NVCF's Docker Hub parser wants `docker.io/<namespace>/<repository>`; it does not add `library/` "
        "for official images as docker does, so `docker.io/nginx:1.27` is rejected."
    ),
    bad="ngc cf fn create --name web --inference-url /infer --container-image docker.io/nginx:1.27\n",
    good="ngc cf fn create --name web --inference-url /infer --container-image docker.io/library/nginx:1.27\n",
    fix="Inserts `library/` after `docker.io/`.",
    fix_applicability="safe",
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for image in deployed_images(flow, ctx):
        ref = image.ref
        if ref.host != "docker.io" or len(ref.path) != 1 or UNKNOWN_CHAR in ref.path[0]:
            continue
        shown = display(image.value)
        message = (
            f"image {ctx.quote(image.value, image.option.value_word)} has no namespace: NVCF needs "
            f"'docker.io/<namespace>/<repo>'; "
            f"official images are 'docker.io/library/{shown[ref.offset + len('docker.io/') :]}'"
        )
        at = image.insert_at(len("docker.io/"))
        fix = RULE.fix_with("Insert 'library/'", Edit(at, at, "library/")) if at is not None else None
        yield RULE.at(value_span(image.value, image.option.value_word), message, fix)
