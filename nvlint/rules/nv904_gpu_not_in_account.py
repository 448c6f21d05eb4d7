from __future__ import annotations

from nvlint.model.events import Event
from nvlint.rules._listing import did_you_mean, listing
from nvlint.rules.base import Rule

RULE: Rule[Event] = Rule(
    code="NV904",
    name="gpu-not-in-account",
    severity="error",
    summary="Online: the NVCF account has no such GPU, instance type, backend or cluster.",
    what=(
        "With `--online`, asks the NVCF account for its cluster groups (the listing behind `ngc cf gpu list` "
        "and `ngc cf cluster-group list`) and reports a GPU, instance type, backend or cluster that a "
        "deployment or task names and the account does not have: in `--targeted-dep-spec`, `--dep-spec`, "
        "`--gpu-specification`, a request's `gpuSpecification` or `deploymentSpecifications[]`, and the "
        "NGC SDK's specification objects. It is judged as NVCF judges a deployment: the backend is a cluster "
        "group's name, the GPU is one of that group's (of any group's without a backend), the instance type "
        "one of that GPU's, all case-insensitive. The message lists what the account has and the nearest "
        "spelling. Regions are not checked: no documented listing names them."
    ),
    why=(
        'GPU and instance types are the account\'s: NVCF answers "Invalid GPU" or "Invalid InstanceType" '
        "only when the deployment or the task is requested, after the function was created."
    ),
    bad='ngc cf fn deploy create "$FUNCTION_ID:$VERSION_ID" --targeted-dep-spec L40X:gl40g_1.br25_2xlarge:1:1\n',
    good='ngc cf fn deploy create "$FUNCTION_ID:$VERSION_ID" --targeted-dep-spec L40G:gl40g_1.br25_2xlarge:1:1\n',
    configuration="`[tool.nvlint.online]` `nvcf-api-url`: see the README's Online mode section.",
    online=True,
)


def backend(text: str, groups: list[str]) -> str:
    return (
        f"backend '{text}' is not a cluster group of the NVCF account: it has {listing(groups)}"
        f"{did_you_mean(text, groups)}"
    )


def gpu(text: str, backend_name: str, gpus: list[str]) -> str:
    where = f" (backend {backend_name})" if backend_name else ""
    return f"GPU '{text}' is not in the NVCF account{where}: it has {listing(gpus)}{did_you_mean(text, gpus)}"


def instance_type(text: str, gpu_name: str, types: list[str]) -> str:
    return (
        f"instance type '{text}' is not one the NVCF account has for GPU {gpu_name}: it has {listing(types)}"
        f"{did_you_mean(text, types)}"
    )


def cluster(text: str, clusters: list[str]) -> str:
    return (
        f"cluster '{text}' is in none of the NVCF account's cluster groups: they have {listing(clusters)}"
        f"{did_you_mean(text, clusters)}"
    )
