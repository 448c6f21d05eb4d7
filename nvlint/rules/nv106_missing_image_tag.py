from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.rules._images import deployed_images
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV106",
    name="missing-image-tag",
    severity="error",
    summary="An NGC image is deployed without a tag.",
    what="Reports an `nvcr.io/...` image (or NGC short form) given to a function or task without `:<tag>`.",
    why="The NGC CLI requires a tag for NGC images and stops with an error before anything is created.",
    bad="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app\n",
    good="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0\n",
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for image in deployed_images(flow, ctx):
        ref = image.ref
        ngc = ref.host == "nvcr.io" or (
            ref.host is None and not ref.host_unknown and len(ref.path) >= 2 and ref.path[0] in ctx.known_orgs
        )
        if not ngc or ref.tag_may_exist:
            continue
        shown = ctx.quote(image.value, image.option.value_word)
        message = f"NGC image {shown} has no tag; the NGC CLI requires one (':<tag>')"
        yield RULE.at(value_span(image.value, image.option.value_word), message)
