from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.model.words import UNKNOWN_CHAR
from nvlint.rules._images import deployed_images
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV515",
    name="latest-tag",
    severity="warning",
    summary="A deployed image or chart that is `latest` or has no version.",
    what=(
        "Opt-in. Reports a function's or task's image whose tag is `latest` or absent (and no digest), and a "
        "Helm chart whose version is `latest`."
    ),
    why=(
        "`latest` moves: two deployments of the same function run different code, and a rollback rolls back "
        "to nothing. Pin a version or a digest."
    ),
    bad="ngc cf fn create --name web --inference-url /infer --container-image docker.io/library/nginx:latest\n",
    good="ngc cf fn create --name web --inference-url /infer --container-image docker.io/library/nginx:1.27.2\n",
    default_enabled=False,
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for image in deployed_images(flow, ctx):
        ref = image.ref
        if ref.digest is not None or (ref.tag is None and ref.tag_may_exist) or ref.host_unknown:
            continue
        if ref.tag is not None and (UNKNOWN_CHAR in ref.tag or ref.tag != "latest"):
            continue
        what = "is tagged 'latest'" if ref.tag else "has no tag (docker reads 'latest')"
        yield RULE.at(
            value_span(image.value, image.option.value_word),
            f"image {ctx.quote(image.value, image.option.value_word)} {what}: deployments are not reproducible; "
            "pin a version or a digest",
        )
    for event in flow:
        if event.ngc is not None:
            for option in event.ngc.all("--helm-chart"):
                text = option.value.literal if option.value is not None else None
                if text and text.endswith(":latest"):
                    yield RULE.at(
                        value_span(option.value, option.value_word),
                        f"chart {ctx.quote(option.value, option.value_word)} uses 'latest': pin the chart version",
                    )
