from __future__ import annotations

from nvlint.model.events import Event
from nvlint.rules._listing import listing
from nvlint.rules.base import Rule

RULE: Rule[Event] = Rule(
    code="NV905",
    name="registry-credential-missing",
    severity="error",
    summary="Online: a private image or chart on a third-party registry has no registry credential in the account.",
    what=(
        "With `--online`, asks the NVCF account for its registry credentials (the listing behind "
        "`ngc cf registry-credential list`) and, for an image or Helm chart a function or task deploys from "
        "a registry other than NGC's, whether the account has one for that host (for containers, or for Helm "
        "charts). Where it has none, the registry is asked anonymously: a public artifact needs no "
        "credential and is not reported; one the registry refuses to anonymous pulls is. NGC's registries "
        "(nvcr.io, helm.ngc.nvidia.com) are read with the account's own key and never reported."
    ),
    why=(
        "Without a credential for the host NVCF cannot pull a private artifact: the function is created, and "
        "the deployment fails minutes later."
    ),
    bad=(
        "ngc cf fn create --name app --inference-url /infer \\\n"
        "  --container-image 123456789012.dkr.ecr.us-west-2.amazonaws.com/acme/app:1.0\n"
    ),
    good=(
        "ngc cf fn create --name app --inference-url /infer \\\n  --container-image docker.io/vllm/vllm-openai:v0.6.3\n"
    ),
    configuration="`[tool.nvlint.online]` `nvcf-api-url`, `registry-endpoints`: see the README's Online mode section.",
    online=True,
)


def missing(what: str, text: str, host: str, hosts: list[str]) -> str:
    kind = "HELM" if what == "Helm chart" else "CONTAINER"
    # ECR credentials are an access key and its secret (ngcsdk nvcf/api/registry_credential.py _encode_creds)
    key = "--aws-access-key <access-key-id> --key <secret>" if ".amazonaws.com" in host else "--key <key>"
    return (
        f"{what} '{text}' is private (its registry refuses anonymous pulls) and the NVCF account has no registry "
        f"credential for {host}: NVCF cannot pull it; add one with 'ngc cf registry-credential create "
        f"--hostname {host} --type {kind} --name <name> {key}' (the account has credentials for {listing(hosts)})"
    )
