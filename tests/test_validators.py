"""The NGC CLI's and the NVCF API's own validation rules (NV306, NV307, NV506-NV515), on scripts."""

from __future__ import annotations

import pytest
from conftest import codes, events, lint, span_text

from nvlint.tools import ngc_grammar

FN = "ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1"
TASK = ("ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge "
        "--container-image nvcr.io/acme/t:1")


def only_code(src: str, code: str, **kw) -> list:
    return [d for d in lint(src, **kw) if d.code == code]


@pytest.mark.parametrize("src,count", [
    (f"{FN} --container-environment-variable NGC_API_KEY:$NGC_API_KEY", 1),
    (f"{FN} --container-environment-variable HF_TOKEN:abc", 1),
    (f"{FN} --container-environment-variable MY_SECRET:x", 1),
    (f"{FN} --container-environment-variable DB_PASSWORD:x", 1),
    (f"{FN} --container-environment-variable KEY_DATA:${{OPENAI_API_KEY}}", 1),
    (f"{FN} --container-environment-variable LOG_LEVEL:debug", 0),
    (f"{FN} --container-environment-variable TOKENIZER_PATH:/models/tok", 0),
    (f"{FN} --container-environment-variable NUM_TOKENS:512", 0),
    (f"{FN} --secret NGC_API_KEY:$NGC_API_KEY", 0),
    ("ngc cf fn deploy create x:y --targeted-dep-spec L40:gl40_1.br20_2xlarge:1:1 --set ngcApiKey=$NGC_API_KEY", 1),
    ("ngc cf fn deploy update x:y --targeted-dep-spec L40:gl40_1.br20_2xlarge:1:1 --set image.tag=v2", 0),
    (f"{TASK} --result-handling-strategy NONE --set ngc.apiKey=$NGC_API_KEY", 1),
])
def test_secret_in_environment(src, count):
    assert codes(src + "\n").count("NV306") == count


def test_secret_in_environment_points_at_the_key():
    src = f"{FN} --container-environment-variable HF_TOKEN:abc\n"
    (d,) = only_code(src, "NV306")
    assert span_text(src, d) == "HF_TOKEN"


@pytest.mark.parametrize("src,expected", [
    ("ngc registry image list --org '$NGC_ORG'", ["$NGC_ORG"]),
    ("ngc registry image list --org='${NGC_ORG}' --team \"$TEAM\"", ["${NGC_ORG}"]),
    ("docker login nvcr.io -u '$oauthtoken' --password-stdin < k", []),
    ("docker login '$REGISTRY' -u '$oauthtoken' --password-stdin < k", ["$REGISTRY"]),
    ("ngc registry image list --org \"$NGC_ORG\"", []),
    ("echo '$NGC_ORG'", []),
])
def test_single_quoted_variable(src, expected):
    src += "\n"
    assert [span_text(src, d) for d in only_code(src, "NV307")] == expected


@pytest.mark.parametrize("src,hint", [
    ("ngc cf fn list --format-type json", "--format_type"),
    (f"{FN} --container-env A:b", "--container-environment-variable"),
    (f"{FN} --inference-prot 8000", "--inference-port"),
    ("ngc registry chart push acme/c:1 --sorce c-1.tgz", "--source"),
    ("ngc cf registry-credential create --hostname docker.io --name hub --key x --type CONTAINER --usr a", None),
])
def test_unknown_option(src, hint):
    (d,) = only_code(src + "\n", "NV506")
    if hint:
        assert d.message.endswith(f"did you mean {hint}?")


@pytest.mark.parametrize("src", [
    f"{FN} --format_type json --org acme --team t --debug",
    f"{FN} --health-timeout PT10S --rate-limit-pattern 100-M",
    f"{TASK} --result-handling-strategy NONE --configuration-file values.yaml --set a=b",
    "ngc cf fn deploy update f:v --dep-spec GFN:L40:gl40_1.br20_2xlarge:1:1",
    "ngc registry model upload-version acme/m:1 --source . --some-new-flag x",  # open command: not judged
    "ngc cf fn create $EXTRA --name a",
])
def test_known_options_are_quiet(src):
    assert "NV506" not in codes(src + "\n")


@pytest.mark.parametrize("src,count", [
    (f"{FN} --inference-port 8080", 1),
    (f"{FN} --inference-port=8010 --health-port 8080", 2),
    (f"{FN} --inference-port 8000 --health-port 9000", 0),
])
def test_reserved_port(src, count):
    assert codes(src + "\n").count("NV507") == count


@pytest.mark.parametrize("src,fix", [
    (f"{TASK} --result-handling-strategy NONE --max-runtime-duration PT4H", "'4H'"),
    (f"{TASK} --result-handling-strategy NONE --max-queued-duration 1 day", None),
    (f"{TASK} --result-handling-strategy NONE --termination-grace-period-duration P1DT2H", "'1D2H'"),
    (f"{FN} --health-timeout 10S", "'PT10S'"),
])
def test_duration_format(src, fix):
    (d,) = only_code(src + "\n", "NV508")
    if fix:
        assert fix in d.message


@pytest.mark.parametrize("src", [
    f"{TASK} --result-handling-strategy NONE --max-runtime-duration 1D12H --max-queued-duration 30M",
    f"{FN} --health-timeout PT10S",
    f"{TASK} --result-handling-strategy NONE --max-runtime-duration \"$MAX\"",
])
def test_durations_that_are_fine(src):
    assert "NV508" not in codes(src + "\n")


@pytest.mark.parametrize("src,count", [
    (TASK, 1),
    (f"{TASK} --result-handling-strategy UPLOAD --result-location acme/results", 1),
    (f"{TASK} --result-handling-strategy upload --result-location acme/results --secret NGC_API_KEY:$K", 0),
    (f"{TASK} --result-location acme/team/results --json-secret-file ./secrets/NGC_API_KEY.json", 0),
    (f"{TASK} --result-handling-strategy NONE", 0),
    (f"{TASK} --result-handling-strategy \"$STRATEGY\"", 0),
    (f"{TASK} --result-location /results --secret NGC_API_KEY:$K", 1),
    (f"{TASK} --result-location acme/r --secret \"$SECRETS\"", 0),
])
def test_task_results(src, count):
    assert codes(src + "\n").count("NV509") == count


def test_invalid_json_points_inside_the_value():
    src = "ngc cf fn deploy create f:v --targeted-dep-spec L40:x:1:1 --configuration '{\"a\": 1,}'\n"
    (d,) = only_code(src, "NV510")
    assert span_text(src, d) == "}" and "column 9 of the value" in d.message
    assert "NV510" not in codes(src.replace(",}", "}"))
    assert "NV510" not in codes(f"{TASK} --result-handling-strategy NONE --configuration \"$VALUES\"\n")


@pytest.mark.parametrize("src,count", [
    ("ngc registry chart push acme/llm:1.0.0 ./llm-1.0.0.tgz", 1),
    ("ngc registry chart push acme/llm:1.0.0 --source ./dist/llm-1.0.0.tgz", 0),
    ("ngc registry chart push acme/llm:1.0.0 --source ./dist/llm.tgz", 1),
    ("ngc registry chart push acme/llm:1.0.0 --source ./chart-dir", 0),
    ("ngc registry chart push acme/team/llm:2.1.0 --source llm-2.1.0.tgz --dry-run", 0),
])
def test_chart_push_source(src, count):
    assert codes(src + "\n").count("NV511") == count


@pytest.mark.parametrize("spec,ok", [
    ("L40S:gl40s_1.br25_2xlarge:1:2", True),
    ("H100:OCI.GPU.H100_1x:1:2:8:my-cluster", True),
    ("H100:OCI.GPU.H100_1x:1:1::c1,c2:::1", True),
    ("L40S:gl40s_1.br25_2xlarge:3:1", False),
    ("L40S:gl40s_1.br25_2xlarge:1", False),
    ("L40S:gl40s_1.br25_2xlarge:1:2:0", False),
    ("L40S:gl40s_1.br25_2xlarge:1:2:20000", False),
    ("'H100:OCI.GPU.H100_1x:1:1:1:clusters(c1)'", False),
    ("L40S:gl40s_1.br25_2xlarge:one:2", False),
])
def test_deployment_spec(spec, ok):
    src = f"ngc cf fn deploy create f:v --targeted-deployment-specification {spec}\n"
    assert ("NV512" not in codes(src)) is ok


def test_legacy_deployment_spec():
    assert "NV512" not in codes("ngc cf fn deploy create f:v --dep-spec GFN:L40:gl40_1.br20_2xlarge:1:1\n")
    assert "NV512" in codes("ngc cf fn deploy create f:v --dep-spec L40:gl40_1.br20_2xlarge:1:1\n")


def test_opt_in_rules_need_selecting():
    vllm = "ngc cf fn create --name a --inference-url /i --container-image docker.io/vllm/vllm-openai:latest\n"
    assert codes(vllm) == []
    assert sorted(d.code for d in lint(vllm, extend_select=("NV514", "NV515"))) == ["NV514", "NV515"]
    nim = "ngc cf fn create --name a --inference-url /i --container-image nvcr.io/nim/meta/llama3:1.0.0\n"
    assert [d.code for d in lint(nim, extend_select=("NV514",))] == ["NV514"]
    assert lint(nim.replace("\n", " --health-uri /v1/health/ready\n"), extend_select=("NV514",)) == []


def test_helm_function_cannot_take_container_settings():
    src = ("ngc cf fn create --name h --inference-url /i --helm-chart acme/c:1.0.0 --helm-chart-service s "
           "--container-environment-variable A:b\n")
    assert codes(src) == ["NV502"]


def test_two_models_under_one_name():
    src = f"{FN} --model acme/llama:1 --model other/llama:2\n"
    assert codes(src) == ["NV503"]
    assert codes(src.replace("other/llama:2", "draft:other/llama:2")) == []


# Every flag that ../shared/reference/ngc-facts.md lists (sections 1.2 to 1.5 and 2) for these
# commands, copied here because the tests must not read ../shared.
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


def test_opt_in_rules_on_payloads():
    from nvlint.lint import lint_bytes
    from nvlint.rules import select_rules
    from nvlint.settings import Settings

    payload = (b'{"name": "chat", "inferenceUrl": "/v1/chat/completions",\n'
               b' "containerImage": "docker.io/vllm/vllm-openai:latest"}\n')
    rules = select_rules(extend_select=("NV514", "NV515"))
    found = lint_bytes(payload, "function.json", "yaml", Settings(), rules)
    assert sorted(d.code for d in found) == ["NV514", "NV515"]
    healthy = payload.replace(b'"}\n', b'", "healthUri": "/health"}\n').replace(b":latest", b":v0.6.3")
    assert lint_bytes(healthy, "function.json", "yaml", Settings(), rules) == []


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
    assert option_codes(f"ngc {typed} --org \"$NGC_ORG\" --format_type json --debug\n") == []


def test_commands_the_grammar_does_not_list_still_have_global_options():
    assert codes("ngc config set --org '$ORG'\n") == ["NV307"]
    assert codes("ngc cf cluster list --format-type csv\n") == ["NV506"]
    assert codes("ngc cf cluster list --whatever 1\n") == []
