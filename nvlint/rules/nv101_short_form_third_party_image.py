from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic, Edit
from nvlint.model.events import Deploy
from nvlint.model.words import UNKNOWN_CHAR
from nvlint.rules._images import deployed_images
from nvlint.rules.base import Context, Rule, display, value_span

RULE = Rule(
    code="NV101",
    name="short-form-third-party-image",
    severity="error",
    summary=(
        "A deployed image with no registry host and no known NGC org: `vllm/vllm-openai:latest` must be "
        '`docker.io/vllm/vllm-openai:latest` ("Invalid artifact provided").'
    ),
    what=(
        "Reports a `--container-image` of `ngc cf fn create` or `ngc cf task create` whose reference has no "
        "registry host (`vllm/vllm-openai:latest`, `nginx:1.27`) when its first path component is not a "
        "known NGC org. Single-component names are always reported."
    ),
    why=(
        "Docker fills in `docker.io` for a short name; NVCF does not. It reads `vllm/...` as registry host "
        'or NGC org `vllm`, finds neither, and rejects the function with "Invalid artifact provided".'
    ),
    bad="ngc cf fn create --name chat --inference-url /v1/chat/completions \\\n"
    "  --container-image vllm/vllm-openai:v0.6.3\n",
    good="ngc cf fn create --name chat --inference-url /v1/chat/completions \\\n"
    "  --container-image docker.io/vllm/vllm-openai:v0.6.3\n",
    fix="Prefixes `docker.io/` (`docker.io/library/` for single names). Unsafe: you may have meant an NGC org.",
    fix_applicability="unsafe",
    configuration="`ngc-orgs` lists your NGC orgs, so `myorg/app:1` is read as NGC (then NV102 applies).",
    references=(
        "https://docs.nvidia.com/cloud-functions/user-guide/latest/cloud-function/third-party-registries.html",
    ),
    alternatives=True,
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for image in deployed_images(flow, ctx):
        ref = image.ref
        if ref.host is not None or ref.host_unknown or not ref.path:
            continue
        first = ref.path[0]
        if UNKNOWN_CHAR in first:
            continue
        single = len(ref.path) == 1
        if not single and first in ctx.known_orgs:
            continue  # NV102
        prefix = "docker.io/library/" if single else "docker.io/"
        shown = display(image.value)
        reason = "is a single name" if single else f"has no registry host and '{first}' is not a known NGC org"
        message = (
            f"image {ctx.quote(image.value, image.option.value_word)} {reason}: NVCF does not default to Docker Hub "
            f"and answers "
            f"\"Invalid artifact provided\"; write '{prefix}{shown[ref.offset :]}'"
        )
        at = image.insert_at(0)
        fix = RULE.fix_with(f"Prefix '{prefix}'", Edit(at, at, prefix)) if at is not None else None
        yield RULE.at(value_span(image.value, image.option.value_word), message, fix)
