"""The NGC CLI grammar (nvlint/tools/ngc_grammar.py) against the facts of the CLI's source: every command,
alias and documented flag, and the reference's own correct examples."""

from __future__ import annotations

import pytest
from conftest import codes, events

from nvlint.tools import ngc_grammar

FACTS_FLAGS = {
    ("cloud-function", "function", "create"): """--name --inference-url --container-image --helm-chart
        --helm-chart-service --inference-port --health-uri --health-port --health-timeout --health-protocol
        --health-expected-status-code --container-args --container-environment-variable --secret
        --json-secret-file --model --resource --tag --description --api-body-format --function-type
        --metrics-telemetry-id --logs-telemetry-id --traces-telemetry-id --rate-limit-pattern
        --rate-limit-exempt-nca-id --rate-limit-sync-check""",
    ("cloud-function", "function", "deploy", "create"): """--targeted-deployment-specification
        --targeted-dep-spec --deployment-specification --dep-spec --configuration --configuration-file --set""",
    ("cloud-function", "function", "deploy", "update"): """--targeted-deployment-specification
        --targeted-dep-spec --deployment-specification --dep-spec --configuration --configuration-file --set""",
    ("cloud-function", "task", "create"): """--name --gpu-specification --container-image --helm-chart
        --container-args --container-environment-variable --secret --model --resource --tag --description
        --max-runtime-duration --max-queued-duration --termination-grace-period-duration
        --result-handling-strategy --result-location --metrics-telemetry-id --logs-telemetry-id
        --traces-telemetry-id --configuration-file --configuration --set""",
    ("cloud-function", "registry-credential", "create"): "--hostname --name --key --aws-access-key --type",
    ("registry", "image", "info"): "--layers --history --details --scan",
    ("registry", "image", "push"): "-y",
    ("registry", "image", "remove"): "-y",
    ("registry", "chart", "create"): "--short-desc",
    ("registry", "chart", "push"): "--source --dry-run",
    ("registry", "chart", "pull"): "--dest",
    ("registry", "chart", "info"): "--files",
    ("registry", "chart", "remove"): "-y",
    ("registry", "model", "create"): "--application --framework --format --precision --short-desc",
    ("registry", "model", "upload-version"): "--source --dry-run",
    ("registry", "model", "download-version"): "--dest --file --exclude",
    ("registry", "model", "info"): "--files --credentials",
    ("registry", "model", "remove"): "-y",
    ("registry", "resource", "create"): "--application --framework --format --precision --short-desc",
    ("registry", "resource", "upload-version"): "--source --base-version --dry-run",
    ("registry", "resource", "remove"): "-y",
}


@pytest.mark.parametrize("path", FACTS_FLAGS, ids=" ".join)
def test_grammar_lists_every_documented_flag(path):
    node = ngc_grammar.TREE
    for name in path:
        node = node.children[name]
    missing = [flag for flag in FACTS_FLAGS[path].split() if flag not in node.options]
    assert missing == []


REFERENCE_EXAMPLES = [
    "echo \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin",
    "docker build -t my-inference-app:v1.0 .",
    "docker tag my-inference-app:v1.0 nvcr.io/myorg/my-inference-app:v1.0",
    "docker push nvcr.io/myorg/my-inference-app:v1.0",
    "ngc registry image info myorg/my-inference-app:v1.0",
    "ngc registry image list myorg/my-inference-app",
    "ngc cf fn create --name my-inference-app --inference-url /predict "
    "--container-image nvcr.io/myorg/my-inference-app:v1.0 --health-uri /health",
    "ngc registry image list --format_type json",
    "ngc cf fn create --name my-model-function --inference-url /v1/predict "
    "--container-image nvcr.io/myorg/inference-server:v1 --health-uri /health --model myorg/llama-weights:v1.0",
    "ngc cf fn create --name multi-model-fn --inference-url /v1/predict "
    "--container-image nvcr.io/myorg/inference-server:v1 --model myorg/model-a:v1.0 --model myorg/model-b:v2.0",
    "ngc cf fn create --name my-function --inference-url /v1/predict --container-image nvcr.io/myorg/inference:v1 "
    "--resource myorg/config-files:v1.0",
    "ngc cf registry-credential list",
]


def test_correct_reference_examples_are_silent():
    """The correct examples of the NGC registry reference, run as one script (build, tag, push, create)."""
    assert codes("\n".join(REFERENCE_EXAMPLES) + "\n") == []


# The NGC CLI command tree of the facts (ngc-facts.md, sections 1.1 and 2: the CLI's argparse source),
# written out as users type it: every alias must resolve to its canonical command.
FACTS_TREE = {
    "cloud-function|cf|picasso function|fn": "create list|ls info remove|rm|delete update-secret "
    "update-rate-limit remove-rate-limit invoke",
    "cloud-function|cf|picasso function|fn deploy": "info remove|rm|delete restart|redeploy update create log",
    "cloud-function|cf|picasso task": "create update-secret list|ls info delete|remove|rm cancel events results logs",
    "cloud-function|cf|picasso task instance": "list logs execute",
    "cloud-function|cf|picasso registry-credential": "create list remove",
    "cloud-function|cf|picasso gpu": "list capacity quota info",
    "registry image": "list info pull push remove update set-latest create sign scan publickey "
    "update-license-terms accept-license",
    "registry chart": "list info pull create update push remove publish",
    "registry model": "list info create update remove download-version upload-version",
    "registry resource": "list info create update remove download-version upload-version sign",
}


def _spellings():
    import itertools

    for group, verbs in FACTS_TREE.items():
        for verb in verbs.split():
            names = [word.split("|") for word in group.split()] + [verb.split("|")]
            canonical = tuple(alternatives[0] for alternatives in names)
            for spelling in itertools.product(*names):
                yield " ".join(spelling), canonical


@pytest.mark.parametrize("typed,canonical", list(_spellings()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_and_alias_of_the_facts_resolves(typed, canonical):
    (ngc,) = [e for e in events(f"ngc {typed} x --org acme\n") if type(e).__name__ == "NgcCommand"]
    assert ngc.path == canonical
    assert ngc_grammar.lookup(canonical) is not None
    assert [o.name for o in ngc.options if o.name == "--org"] == ["--org"]


@pytest.mark.parametrize("typed", sorted({typed for typed, _ in _spellings()}))
def test_global_options_are_checked_on_every_command(typed):
    def option_codes(script: str) -> list[str]:  # `create` commands also miss required options here
        return [code for code in codes(script) if code in ("NV506", "NV307")]

    assert option_codes(f"ngc {typed} --format-type json\n") == ["NV506"]
    assert option_codes(f"ngc {typed} --org '$NGC_ORG'\n") == ["NV307"]
    assert option_codes(f'ngc {typed} --org "$NGC_ORG" --format_type json --debug\n') == []


def test_commands_the_grammar_does_not_list_still_have_global_options():
    assert codes("ngc config set --org '$ORG'\n") == ["NV307"]
    assert codes("ngc cf cluster list --format-type csv\n") == ["NV506"]
    assert codes("ngc cf cluster list --whatever 1\n") == []
