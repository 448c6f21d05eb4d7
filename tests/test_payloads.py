"""NVCF payload files: which documents are NVCF requests, and their templates."""

from __future__ import annotations

import pytest
from conftest import codes, lint, where

# ---- payloads: only NVCF API requests, templates are unknown ---------------------------------------

LAUNCHER_SPEC = """fn_image: nvcr.io/acme/test-tgi:v1.0.1
functions:
  - containerArgs: --model-id meta-llama/Meta-Llama-3-8B
    fn_name: inference-l40sx1
    inst_max: 1
    models:
      - name: sample-model
        uri: sample-model
        version: 0.1
"""
HELM_VALUES = """image:
  repository: vllm/vllm-openai
  tag: latest
containerArgs: --port 8000
models:
  - name: llama
    path: /mount/models/llama
"""
COMPOSE = """services:
  nim:
    image: nvcr.io/nim/meta/llama3-8b-instruct:1.0.0
    environment:
      - NGC_API_KEY
    volumes:
      - ./cache:/config/models
"""


@pytest.mark.parametrize("text", [LAUNCHER_SPEC, HELM_VALUES, COMPOSE])
def test_other_tools_yaml_is_not_a_request(text):
    assert lint(text, kind="yaml") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("name: f\ninferenceUrl: /v1\ncontainerImage: vllm/vllm-openai:latest\n", ["NV101"]),
        (
            '{"name": "f", "inferenceUrl": "/v1", "models": [{"name": "m", "version": "1", '
            '"uri": "https://api.ngc.nvidia.com/v2/org/acme/models/m/versions/1/files"}]}',
            ["NV513"],
        ),
        (
            "name: t\ngpuSpecification: {gpu: L40S, instanceType: gl40s_1.br25_2xlarge}\n"
            "containerImage: vllm/vllm-openai:latest\nresultHandlingStrategy: NONE\n",
            ["NV101"],
        ),
        (
            "name: f\nhelmChart: acme/chart:1.0\nhelmChartServiceName: svc\ncontainerImage: nvcr.io/acme/app:1\n"
            "inferenceUrl: /v1\n",
            ["NV502"],
        ),
    ],
)
def test_nvcf_requests_are_read(text, expected):
    assert sorted({d.code for d in lint(text, kind="yaml")}) == expected


TEMPLATE = """name: ${FUNCTION_NAME}
inferenceUrl: /v1/chat/completions
containerImage: nvcr.io/${NGC_ORG}/app:${TAG}
containerArgs: --model /config/models/${MODEL_NAME} --alt /mount/models/{{ model }}/{{ version }}
models:
  - name: ${MODEL_NAME}
    version: ${MODEL_VERSION}
    uri: https://api.ngc.nvidia.com/v2/org/$NGC_ORG/models/${MODEL_NAME}/${MODEL_VERSION}/files
  - name: "{{ other }}"
    uri: "{{ other_uri }}"
containerEnvironment:
  - key: WEIGHTS
    value: /config/models/<model-name>/weights
"""


def test_template_placeholders_are_unknown_in_every_field():
    assert lint(TEMPLATE, kind="yaml") == []


def test_an_unknown_attachment_name_silences_not_attached():
    text = (
        "name: f\ninferenceUrl: /v1\ncontainerImage: nvcr.io/acme/app:1\n"
        "containerArgs: --model /config/models/llama\nmodels:\n  - name: ${MODEL}\n    version: '1'\n"
    )
    assert codes(text, kind="yaml") == []
    known = text.replace("${MODEL}", "mistral")
    assert codes(known, kind="yaml") == ["NV402"]


def test_a_path_is_never_cut_inside_a_placeholder():
    text = (
        "name: f\ninferenceUrl: /v1\ncontainerImage: nvcr.io/acme/app:1\n"
        "containerArgs: --model /mount/models/${MODEL_NAME}/${VERSION} --x /mount/${DIR}/y\n"
    )
    assert lint(text, kind="yaml") == []


def test_another_tools_document_that_shares_some_names_is_not_a_request():
    """An NVCA launch specification has helmChart and helmChartServiceName, and many fields no create
    request has: not an NVCF request, so nothing says it lacks `name` or `inferenceUrl`."""
    import json

    spec = {
        "launchSpecification": {
            "clusters": None,
            "regions": None,
            "icmsEnvironment": "prod",
            "helmChart": "https://helm.ngc.nvidia.com/myorg/charts/seg-1.0.3.tgz",
            "helmChartServiceName": "myservice",
            "helmChartServicePort": 50051,
        }
    }
    assert lint(json.dumps(spec, indent=2), kind="yaml") == []
    request = dict(spec["launchSpecification"], name="seg", inferenceUrl="/v1")
    for key in ("clusters", "regions", "icmsEnvironment", "helmChartServicePort"):
        request.pop(key)
    request["$comment"] = "one field of its own is still a request"
    assert lint(json.dumps(request), kind="yaml") == []
    del request["inferenceUrl"]
    assert [d.code for d in lint(json.dumps(request), kind="yaml")] == ["NV503"]


WRITTEN = '{"name": "a", "inferenceUrl": "/i", "inferencePort": 8080, "containerImage": "nvcr.io/acme/a:1"}'
POST = "https://api.nvcf.nvidia.com/v2/nvcf/functions"


@pytest.mark.parametrize(
    ("script", "found"),
    [
        (f"cat > /tmp/fn.json <<JSON\n{WRITTEN}\nJSON\ncurl -X POST {POST} -d @/tmp/fn.json\n", True),
        (f"cat <<JSON > fn.json\n{WRITTEN}\nJSON\ncurl {POST} --data-binary @./fn.json\n", True),
        (f"echo '{WRITTEN}' > fn.json\nif true; then curl {POST} --data @fn.json; fi\n", True),
        (f"echo '{WRITTEN}' > fn.json\necho more >> fn.json\ncurl {POST} -d @fn.json\n", False),
        (f"echo '{WRITTEN}' > fn.json\ncat > fn.json <<JSON\n$BODY\nJSON\ncurl {POST} -d @fn.json\n", False),
        (f"echo '{WRITTEN}' > other.json\ncurl {POST} -d @fn.json\n", False),
        (f"curl {POST} -d @fn.json\n", False),
        (f"tee fn.json > /dev/null <<JSON\n{WRITTEN}\nJSON\ncurl {POST} -d @fn.json\n", True),
        (f"tee -a fn.json <<JSON\n{WRITTEN}\nJSON\ncurl {POST} -d @fn.json\n", False),
        (f"printf '%s\\n' '{WRITTEN}' > fn.json\ncurl {POST} -d @fn.json\n", True),
        (f"printf '{WRITTEN}\\n' > fn.json\ncurl {POST} -d @fn.json\n", True),
        (f"printf '{WRITTEN}%s' x > fn.json\ncurl {POST} -d @fn.json\n", False),
        (f"printf -v body '%s' '{WRITTEN}' > fn.json\ncurl {POST} -d @fn.json\n", False),
    ],
)
def test_a_payload_the_script_wrote_to_a_file_is_read_where_it_is_posted(script, found):
    """`cat > fn.json <<EOF` (or `echo ... > fn.json`) and then `curl -d @fn.json`: the request is checked
    with positions in the text that wrote it; an append, a rewrite with unknown text or another file is
    not that text."""
    port = [d for d in lint(script) if d.code == "NV507"]
    assert bool(port) == found, script
    if found:
        line = script.split("\n")[where(port[0])[0] - 1]
        assert line[where(port[0])[1] - 1 :].startswith("8080"), script
