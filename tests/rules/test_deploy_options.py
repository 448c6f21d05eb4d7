"""NV501-NV515: the NGC CLI's and the NVCF API's own checks on what a create or a deployment is given."""

from __future__ import annotations

import pytest
from conftest import FN, TASK, codes, lint, only, span_text

CREATE = "ngc cf fn create --name app --inference-url /infer"


# ---- NGC CLI options -----------------------------------------------------------------------------


def test_helm_chart_needs_service_and_excludes_image():
    assert codes(f"{CREATE} --helm-chart acme/c:1.0.0\n") == ["NV501"]
    assert codes(f"{CREATE} --helm-chart acme/c:1.0.0 --helm-chart-service s --container-image nvcr.io/acme/a:1\n") == [
        "NV502"
    ]
    assert (
        codes(
            "ngc cf task create --name t --gpu-specification L40:x --result-handling-strategy NONE "
            "--helm-chart acme/c:1.0.0\n"
        )
        == []
    )


def test_arguments_from_a_known_variable_are_split():
    src = 'ARGS="--inference-url /infer --container-image nvcr.io/acme/a:1"\nngc cf fn create --name x $ARGS\n'
    assert codes(src) == []
    (d,) = lint(src.replace("$ARGS", '"$ARGS"'))
    assert d.code == "NV503" and "--inference-url" in d.message and "one of --container-image" in d.message


@pytest.mark.parametrize(
    "option,value,ok",
    [
        ("--model", "acme/llama:1.0", True),
        ("--model", "acme/team/llama:1.0", True),
        ("--model", "weights:acme/llama:1.0", True),
        ("--model", "llama:1.0", False),
        ("--model", "acme/llama", False),
        ("--model", "a/b/c/d:1", False),
        ("--resource", "weights:acme/data:1", False),
        ("--resource", "acme/data:1", True),
        ("--model", '"acme/$MODEL"', True),
    ],
)
def test_malformed_artifacts(option, value, ok):
    found = codes(f"{CREATE} --container-image nvcr.io/acme/s:1 {option} {value}\n")
    assert found == ([] if ok else ["NV504"])


def test_helm_chart_oci_urls_are_passed_through():
    assert codes(f"{CREATE} --helm-chart oci://registry.example.com/charts/c --helm-chart-service s\n") == []


def test_key_value_separator_fix():
    src = f"{CREATE} --container-image nvcr.io/acme/s:1 --secret HF_TOKEN=$HF_TOKEN\n"
    (d,) = lint(src)
    assert d.code == "NV505"
    (edit,) = d.fix.edits
    assert edit.content == ":" and src.split("\n")[0][edit.column - 1] == "="
    assert codes(src.replace("HF_TOKEN=$", "HF_TOKEN:$")) == []
    assert codes(f"{CREATE} --container-image nvcr.io/acme/s:1 --container-environment-variable 'URL:a=b'\n") == []


def test_exclusive_branches_are_not_one_execution():
    src = (
        "IMAGE=nvcr.io/acme/app:1\n"
        'case "$1" in\n'
        '  build) docker build -t "$IMAGE" . ;;\n'
        f'  deploy) {CREATE} --container-image "$IMAGE" ;;\n'
        '  push) docker push "$IMAGE" ;;\n'
        "esac\n"
    )
    assert codes(src) == []
    same_branch = (
        'if [ "$1" = all ]; then\n  docker build -t nvcr.io/acme/app:1 .\n'
        f"  {CREATE} --container-image nvcr.io/acme/app:1\nfi\n"
    )
    assert codes(same_branch) == ["NV201"]
    nested = (
        "if a; then docker build -t nvcr.io/acme/app:1 .; fi\n"
        f"if b; then {CREATE} --container-image nvcr.io/acme/app:1; fi\n"
    )
    assert codes(nested) == ["NV201"]  # both conditions can hold in one run


@pytest.mark.parametrize("push", ["make push", "./scripts/push-image.sh", "just publish", "npm run release"])
def test_unknown_commands_that_may_push_silence_nv201(push):
    src = f"docker build -t nvcr.io/acme/app:1 .\n{push}\n{CREATE} --container-image nvcr.io/acme/app:1\n"
    assert codes(src) == []
    assert codes(src.replace(push, "echo 'push done'")) == ["NV201"]


def test_functions_never_called_are_separate_flows():
    library = (
        "build() { docker build -t nvcr.io/acme/app:1 .; }\n"
        f"deploy() {{ {CREATE} --container-image nvcr.io/acme/app:1; }}\n"
        "push() { docker push nvcr.io/acme/app:1; }\n"
    )
    assert codes(library) == []
    one_function = (
        f"release() {{\n  docker build -t nvcr.io/acme/app:1 .\n  {CREATE} --container-image nvcr.io/acme/app:1\n}}\n"
    )
    assert codes(one_function) == ["NV201"]


def test_arguments_from_an_array():
    src = (
        "ARGS=(--name app --inference-url /infer --container-image vllm/vllm-openai:latest)\n"
        'ngc cf fn create "${ARGS[@]}"\n'
    )
    (d,) = lint(src)
    assert d.code == "NV101" and span_text(src, d) == "vllm/vllm-openai:latest"
    assert codes('ARGS=(--name app)\nngc cf fn create "${ARGS[@]}"\n') == ["NV503"]


@pytest.mark.parametrize(
    "src,hint",
    [
        ("ngc cf fn list --format-type json", "--format_type"),
        (f"{FN} --container-env A:b", "--container-environment-variable"),
        (f"{FN} --inference-prot 8000", "--inference-port"),
        ("ngc registry chart push acme/c:1 --sorce c-1.tgz", "--source"),
        ("ngc cf registry-credential create --hostname docker.io --name hub --key x --type CONTAINER --usr a", None),
    ],
)
def test_unknown_option(src, hint):
    (d,) = only(src + "\n", "NV506")
    if hint:
        assert d.message.endswith(f"did you mean {hint}?")


@pytest.mark.parametrize(
    "src,fix",
    [
        (f"{TASK} --result-handling-strategy NONE --max-runtime-duration PT4H", "'4H'"),
        (f"{TASK} --result-handling-strategy NONE --max-queued-duration 1 day", None),
        (f"{TASK} --result-handling-strategy NONE --termination-grace-period-duration P1DT2H", "'1D2H'"),
        (f"{FN} --health-timeout 10S", "'PT10S'"),
    ],
)
def test_duration_format(src, fix):
    (d,) = only(src + "\n", "NV508")
    if fix:
        assert fix in d.message


def test_invalid_json_points_inside_the_value():
    src = "ngc cf fn deploy create f:v --targeted-dep-spec L40:x:1:1 --configuration '{\"a\": 1,}'\n"
    (d,) = only(src, "NV510")
    assert span_text(src, d) == "," and "a trailing comma before '}' at line 1, column 8 of the value" in d.message
    assert "NV510" not in codes(src.replace(",}", "}"))
    assert "NV510" not in codes(f'{TASK} --result-handling-strategy NONE --configuration "$VALUES"\n')
    single = src.replace("'{\"a\": 1,}'", "\"{'a': 1}\"")
    (d,) = only(single, "NV510")
    assert span_text(single, d) == "'" and "property name enclosed in double quotes" in d.message


@pytest.mark.parametrize(
    "value,reported",
    [
        ('{\n  "HF_TOKEN": "<token>",\n  "NUM_GPUS": 1,\n}', True),  # the placeholder is text inside a string
        ('{"HF_TOKEN": "\'"$HF_TOKEN"\'", "NUM_GPUS": 1}', False),  # valid, whatever the token
        ('{"HF_TOKEN": "<token>", "NUM_GPUS": <number-of-gpus>,}', False),  # an unknown outside strings: no idea
        ('{"a": "x\\"<y>",}', True),  # an escaped quote does not end the string
    ],
)
def test_invalid_json_with_unknowns_inside_strings(value, reported):
    src = f"{TASK} --result-handling-strategy NONE --configuration '{value}'\n"
    found = only(src, "NV510")
    assert bool(found) == reported
    if reported:
        assert span_text(src, found[0]) == "," and "trailing comma" in found[0].message


@pytest.mark.parametrize(
    "spec,ok",
    [
        ("L40S:gl40s_1.br25_2xlarge:1:2", True),
        ("H100:OCI.GPU.H100_1x:1:2:8:my-cluster", True),
        ("H100:OCI.GPU.H100_1x:1:1::c1,c2:::1", True),
        ("L40S:gl40s_1.br25_2xlarge:3:1", False),
        ("L40S:gl40s_1.br25_2xlarge:1", False),
        ("L40S:gl40s_1.br25_2xlarge:1:2:0", False),
        ("L40S:gl40s_1.br25_2xlarge:1:2:20000", False),
        ("'H100:OCI.GPU.H100_1x:1:1:1:clusters(c1)'", False),
        ("L40S:gl40s_1.br25_2xlarge:one:2", False),
    ],
)
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
    src = (
        "ngc cf fn create --name h --inference-url /i --helm-chart acme/c:1.0.0 --helm-chart-service s "
        "--container-environment-variable A:b\n"
    )
    assert codes(src) == ["NV502"]


def test_two_models_under_one_name():
    src = f"{FN} --model acme/llama:1 --model other/llama:2\n"
    assert codes(src) == ["NV503"]
    assert codes(src.replace("other/llama:2", "draft:other/llama:2")) == []


# Every flag that ../shared/reference/ngc-facts.md lists (sections 1.2 to 1.5 and 2) for these
# commands, copied here because the tests must not read ../shared.


def test_opt_in_rules_on_payloads():
    from conftest import lint_bytes

    from nvlint.rules import select_rules
    from nvlint.settings import Settings

    payload = (
        b'{"name": "chat", "inferenceUrl": "/v1/chat/completions",\n'
        b' "containerImage": "docker.io/vllm/vllm-openai:latest"}\n'
    )
    rules = select_rules(extend_select=("NV514", "NV515"))
    found = lint_bytes(payload, "function.json", "yaml", Settings(), rules)
    assert sorted(d.code for d in found) == ["NV514", "NV515"]
    healthy = payload.replace(b'"}\n', b'", "healthUri": "/health"}\n').replace(b":latest", b":v0.6.3")
    assert lint_bytes(healthy, "function.json", "yaml", Settings(), rules) == []


@pytest.mark.parametrize(
    "uri,expected",
    [
        ("https://api.ngc.nvidia.com/v2/org/acme/models/llama/1.0/files", []),
        ("https://api.ngc.nvidia.com/v2/org/acme/team/t/models/llama/1.0/files", []),
        (
            "https://api.ngc.nvidia.com/v2/org/acme/models/llama/versions/1.0/files",
            ["NV513"],
        ),  # `versions/` is rejected
        ("https://api.ngc.nvidia.com/v2/org/acme/models/llama/2.0/files", ["NV513"]),  # another version than `version`
        ("${MODEL_URI}", []),  # a template: unknown
    ],
)
def test_model_uri_format(uri, expected):
    payload = (
        '{"name": "f", "inferenceUrl": "/v1", "containerImage": "nvcr.io/acme/a:1", '
        f'"models": [{{"name": "llama", "version": "1.0", "uri": "{uri}"}}]}}\n'
    )
    assert codes(payload, kind="yaml") == expected


# ---- NV516 broken-continuation ------------------------------------------------------------------------

REFERENCE_CREDENTIAL = """ngc cf registry-credential create \\
  --hostname <registry-hostname> \\
  --name <credential-name> \\
  --key <secret-key> \\
  --aws-access-key <access-key-id>  # Only for AWS ECR
  --type CONTAINER
"""


def test_the_references_credential_example_loses_its_type():
    doc = "```bash\n" + REFERENCE_CREDENTIAL + "```\n"
    (d,) = lint(doc, kind="markdown")
    assert (d.code, d.line, span_text(doc, d)) == ("NV516", 6, "# Only for AWS ECR")
    assert d.message.startswith(
        "'--type' runs as a command of its own, so it is lost from "
        "'ngc cf registry-credential create' (line 2): the line before it ends in a comment"
    )


def test_whitespace_after_the_backslash_has_a_safe_fix():
    from nvlint.fix import apply

    source = "docker login nvcr.io \\  \n  -u '$oauthtoken' --password-stdin < key\n"
    (d,) = lint(source)
    assert (d.code, span_text(source, d), d.fix.applicability) == ("NV516", "  ", "safe")
    fixed, _ = apply(source, [d], unsafe=False)
    assert fixed == "docker login nvcr.io \\\n  -u '$oauthtoken' --password-stdin < key\n" and lint(fixed) == []


def test_a_lost_backslash():
    source = "ngc cf fn create --name f --inference-url /v1 \\\n  --container-image nvcr.io/a/b:1\n  --health-uri /h\n"
    (d,) = lint(source)
    assert (d.code, d.line, span_text(source, d)) == ("NV516", 2, "1")
    assert "has no backslash at its end" in d.message


@pytest.mark.parametrize(
    "kind,source,line",
    [
        (
            "makefile",
            "deploy:\n\tngc cf fn create --name f --inference-url /v1 \\\n"
            "\t  --container-image nvcr.io/a/b:1 \\ \n\t  --health-uri /health\n",
            3,
        ),
        (
            "yaml",
            "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n"
            "          ngc cf fn create --name f --inference-url /v1 --container-image nvcr.io/a/b:1\n"
            "            --health-uri /health\n",
            7,
        ),
        (
            "dockerfile",
            "FROM x\nRUN ngc cf fn create --name f --inference-url /v1 --container-image nvcr.io/a/b:1 # x\n"
            "    --health-uri /health\n",
            2,
        ),
        ("markdown", "```sh\ndocker login nvcr.io -u '$oauthtoken' # log in\n  --password-stdin < key\n```\n", 2),
    ],
)
def test_broken_continuations_in_every_kind_that_holds_shell(kind, source, line):
    (d,) = [d for d in lint(source, kind=kind) if d.code == "NV516"]
    assert d.line == line


@pytest.mark.parametrize(
    "source",
    [
        "echo building\n  --type x\n",  # not a recognised tool above it
        "ngc cf fn list\necho between\n--format_type json\n",  # not directly after
        "ngc cf fn list; \\\n  --format_type json\n",  # continued: one command
        "ngc cf fn list && echo ok\n  --x y\n",  # the line holds more than the command
        "all:\n\tdocker build -t x .\n\t-docker rmi old\n",  # make's own `-` prefix (in a Makefile below)
    ],
)
def test_no_broken_continuation(source):
    kind = "makefile" if source.startswith("all:") else "shell"
    assert "NV516" not in codes(source, kind=kind)
