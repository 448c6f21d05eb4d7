from __future__ import annotations

from nvlint.model.events import Event
from nvlint.rules.base import Rule

RULE: Rule[Event] = Rule(
    code="NV901",
    name="artifact-not-found",
    severity="error",
    summary="Online: the registry says the image, model, resource or chart version does not exist.",
    what=(
        "With `--online`, reports a fully known reference that a function or task pulls (image, model, "
        "resource, Helm chart) that its registry answers does not exist (404). References the same flow "
        "builds, pushes or uploads are not asked about."
    ),
    why='NVCF checks when the function is created and answers "Invalid artifact provided", or never pulls.',
    bad="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:9.9.9\n",
    good="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0\n",
    configuration="`[tool.nvlint.online]`: see the README's Online mode section.",
    online=True,
)


def missing(what: str, text: str, where: str) -> str:
    return (
        f"{what} '{text}' does not exist in {where}: NVCF will answer \"Invalid artifact provided\"; push it, "
        "or fix the name or tag"
    )
