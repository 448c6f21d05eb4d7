from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic, Edit
from nvlint.model.events import Deploy
from nvlint.rules._images import deployed_images
from nvlint.rules.base import PLACEHOLDER_ORGS, Context, Rule, display, value_span

RULE = Rule(
    code="NV102",
    name="implicit-ngc-registry",
    severity="warning",
    summary=(
        "A deployed image in the NGC short form `<org>/<image>:<tag>` where `<org>` is your NGC org: write "
        "`nvcr.io/acme/app:1`."
    ),
    what=(
        "Reports a `--container-image` without a registry host whose first component is a known NGC org "
        "(`ngc-orgs`, `NGC_CLI_ORG`, or an org the same file uses with `nvcr.io/<org>/` or `--org`)."
    ),
    why=(
        "NVCF resolves the short form to nvcr.io, so it works, but the same text means Docker Hub to "
        "docker and to every reader. `nvcr.io/<org>/...` is the documented, unambiguous form."
    ),
    bad="docker push nvcr.io/acme/app:1.0\n"
    "ngc cf fn create --name app --inference-url /infer --container-image acme/app:1.0\n",
    good="docker push nvcr.io/acme/app:1.0\n"
    "ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0\n",
    fix="Prefixes `nvcr.io/`.",
    fix_applicability="safe",
    configuration="`ngc-orgs` in `[tool.nvlint]` or `.nvlint.toml` names your orgs.",
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for image in deployed_images(flow, ctx):
        ref = image.ref
        if ref.host is not None or ref.host_unknown or len(ref.path) < 2:
            continue
        org = ref.path[0]
        if org not in ctx.known_orgs:
            continue
        shown = display(image.value)
        message = (
            f"image {ctx.quote(image.value, image.option.value_word)} relies on NVCF's NGC default; "
            f"write 'nvcr.io/{shown[ref.offset :]}' "
            f"({_why_ngc(org)})"
        )
        at = image.insert_at(0)
        fix = RULE.fix_with("Prefix 'nvcr.io/'", Edit(at, at, "nvcr.io/")) if at is not None else None
        yield RULE.at(value_span(image.value, image.option.value_word), message, fix)


def _why_ngc(org: str) -> str:
    if org.lower() in PLACEHOLDER_ORGS:
        return f"'{org}' stands for your NGC org"
    return f"'{org}' is an NGC org"
