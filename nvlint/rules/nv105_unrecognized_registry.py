from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.config_values import lower_set_option
from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.model.words import UNKNOWN_CHAR
from nvlint.reference_grammar import is_recognised_host
from nvlint.rules._images import deployed_images
from nvlint.rules.base import Context, Rule, value_span

ALLOWED_REGISTRIES = lower_set_option(
    "allowed-registries",
    '`["registry.example.com"]` adds hosts a self-hosted NVCF allowlists.',
)

RULE = Rule(
    code="NV105",
    name="unrecognized-registry",
    severity="warning",
    summary="A deployed image on a registry NVCF does not recognise (ghcr.io, quay.io, `host:port`).",
    what=(
        "Reports a deployed image whose registry host is not docker.io, nvcr.io, "
        "`<account>.dkr.ecr.<region>.amazonaws.com`, public.ecr.aws, `*.azurecr.io` or `*.cr.volces.com`."
    ),
    why=(
        "The NGC CLI reads any other host (ghcr.io, quay.io, gcr.io, `localhost:5000`) as an NGC org and "
        'looks the image up on nvcr.io; managed NVCF rejects it ("Missing CONTAINER registry for hostname").'
    ),
    bad="ngc cf fn create --name app --inference-url /infer --container-image ghcr.io/acme/app:1.0\n",
    good="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0\n",
    options=(ALLOWED_REGISTRIES,),
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for image in deployed_images(flow, ctx):
        host = image.ref.host
        if host is None or UNKNOWN_CHAR in host:
            continue
        if is_recognised_host(host.lower()) or host.lower() in ctx.settings.option(ALLOWED_REGISTRIES):
            continue
        start = image.ref.offset
        span = image.value.contiguous_span(start, start + len(host))
        message = (
            f"registry '{host}' is not one NVCF recognises (docker.io, nvcr.io, ECR, public.ecr.aws, "
            f"Azure ACR, VolcEngine CR); push the image to one of them, or add it to "
            f"'allowed-registries' if your self-hosted NVCF allowlists it"
        )
        yield RULE.at(span or value_span(image.value, image.option.value_word), message)
