"""How commands are read, whatever the file kind: `--help` runs nothing; findings point where the
value is written or referenced."""

from __future__ import annotations

import pytest
from conftest import codes, lint, span_text

# ---- --help: nothing runs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "script",
    [
        "ngc cf task create --help\n",
        "ngc cf task create --name t --container-image nvcr.io/acme/a:1 --gpu-specification L40S:gl40 -h\n",
        "ngc cf fn create --container-image vllm/vllm-openai:latest --help\n",
        'docker login nvcr.io -u "$oauthtoken" --help\n',
        'sudo helm repo add ngc https://helm.ngc.nvidia.com/acme --password "$NGC_API_KEY" -h\n',
    ],
)
def test_help_means_nothing_runs(script):
    assert codes(script) == []


def test_help_after_a_double_dash_is_an_argument():
    assert codes('kubectl exec pod -- docker login nvcr.io -u "$oauthtoken" --password-stdin -- --help\n') == ["NV302"]


# ---- positions -------------------------------------------------------------------------------------------

WORKFLOW = """on: push
env:
  IMAGE: nvcr.io/acme/app:1
  CHART: acme/chart:1.0
  SHORT: vllm/vllm-openai:v1
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t ${{ env.IMAGE }} .
      - run: ngc registry chart create ${{ env.CHART }} --short-desc c
      - run: |
          ngc cf fn create --name f --inference-url /v1 --container-image ${{ env.IMAGE }}
          ngc cf fn create --name g --inference-url /v1 --helm-chart ${{ env.CHART }} --helm-chart-service s
          ngc cf fn create --name h --inference-url /v1 --container-image ${{ env.SHORT }}
      - run: docker push ${{ env.IMAGE }}
"""


def test_push_before_reference_points_at_the_reference_in_the_create():
    found = {d.code: d for d in lint(WORKFLOW, kind="yaml")}
    assert (found["NV201"].line, span_text(WORKFLOW, found["NV201"])) == (13, "${{ env.IMAGE }}")
    assert (found["NV202"].line, span_text(WORKFLOW, found["NV202"])) == (14, "${{ env.CHART }}")
    # a finding about the value itself points where the value is written: that is what you change
    assert (found["NV101"].line, span_text(WORKFLOW, found["NV101"])) == (5, "vllm/vllm-openai:v1")


def test_values_passed_as_function_arguments_are_reported_at_the_call():
    script = (
        "create() {\n"
        '  ngc cf fn create --name "$1" --inference-url /v1 --container-image "$2" \\\n'
        '    --inference-port "$3" --model "$4" --container-environment-variable "$5"\n'
        "}\n"
        "create fn1 nvcr.io/acme/app 8080 acme/llama PATH=/x\n"
    )
    found = sorted((d.code, d.line, span_text(script, d)) for d in lint(script))
    assert found == [
        ("NV106", 5, "nvcr.io/acme/app"),
        ("NV504", 5, "acme/llama"),
        ("NV505", 5, "PATH=/x"),
        ("NV507", 5, "8080"),
    ]


def test_an_unknown_value_passed_to_a_function_is_reported_at_the_call():
    script = 'login() {\n  docker login nvcr.io -u \'$oauthtoken\' -p "$1"\n}\nlogin "$NGC_API_KEY"\n'
    (d,) = lint(script)
    assert (d.code, d.line, span_text(script, d)) == ("NV303", 4, "$NGC_API_KEY")
    inline = "docker login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n"
    (d,) = lint(inline)
    assert (d.line, span_text(inline, d)) == (1, "$NGC_API_KEY")
