"""What each default rule may report on real files (issue: zero false alarms on real repositories).

Each policy is tested both ways, reported and silent, in the file kinds where it applies.
"""

from __future__ import annotations

import pytest
from conftest import codes, lint, span_text

CREATE = "ngc cf fn create --name f --inference-url /v1 --container-image nvcr.io/acme/app:1"


# ---- NV303: only tools that have a safe form -------------------------------------------------------

@pytest.mark.parametrize("script", [
    "docker login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n",
    "podman login nvcr.io -u '$oauthtoken' --password \"$NGC_API_KEY\"\n",
    "nerdctl login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n",
    "buildah login -u '$oauthtoken' -p \"$NGC_API_KEY\" nvcr.io\n",
    "helm registry login nvcr.io --username '$oauthtoken' --password \"$NGC_API_KEY\"\n",
    "helm repo add ngc https://helm.ngc.nvidia.com/acme --username '$oauthtoken' --password \"$NGC_API_KEY\"\n",
    "helm fetch https://helm.ngc.nvidia.com/acme/charts/c-1.tgz --username='$oauthtoken' --password=$NGC_API_KEY\n",
    "skopeo copy --dest-creds \"\\$oauthtoken:$NGC_API_KEY\" dir:x docker://nvcr.io/acme/app:1\n",
    "skopeo copy --src-creds \"\\$oauthtoken:$NGC_API_KEY\" docker://nvcr.io/acme/app:1 dir:x\n",
    "skopeo inspect --creds \"\\$oauthtoken:$NGC_API_KEY\" docker://nvcr.io/acme/app:1\n",
    "skopeo login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n",
    "crane auth login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n",
    "oras login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n",
    "singularity remote login -u '$oauthtoken' -p \"$NGC_API_KEY\" docker://nvcr.io\n",
    "apptainer remote login -u '$oauthtoken' -p \"$NGC_API_KEY\" docker://nvcr.io\n",
])
def test_password_on_the_command_line_of_a_tool_with_a_safe_form(script):
    assert codes(script) == ["NV303"]


@pytest.mark.parametrize("script", [
    "kubectl create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' "
    "--docker-password=\"$NGC_API_KEY\"\n",
    "oc create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' "
    "--docker-password=\"$NGC_API_KEY\"\n",
    "docker login ghcr.io -u octocat -p \"$GITHUB_TOKEN\"\n",
    "docker login -u gitlab-ci-token -p \"$CI_JOB_TOKEN\" \"$CI_REGISTRY\"\n",
    "echo \"$NGC_API_KEY\" | helm registry login nvcr.io --username '$oauthtoken' --password-stdin\n",
])
def test_no_password_finding_where_there_is_no_safe_form_or_no_ngc_key(script):
    assert codes(script) == []


def test_kubectl_docker_password_is_an_opt_in_rule():
    script = ("kubectl create secret docker-registry ngc --docker-server=nvcr.io \\\n"
              "  --docker-username='$oauthtoken' --docker-password=\"$NGC_API_KEY\"\n")
    (d,) = lint(script, extend_select=("NV308",))
    assert (d.code, d.severity, span_text(script, d)) == ("NV308", "info", "$NGC_API_KEY")
    assert ".dockerconfigjson" in d.message
    ghcr = "kubectl create secret docker-registry g --docker-server=ghcr.io --docker-password=\"$T\"\n"
    assert codes(ghcr, extend_select=("NV308",)) == []


# ---- NV302: only where the expanded value reaches a credential -------------------------------------

@pytest.mark.parametrize("script,pointed", [
    ("docker login nvcr.io -u \"$oauthtoken\" --password-stdin < key\n", "$oauthtoken"),
    ("kubectl create secret docker-registry s --docker-server=nvcr.io --docker-username=$oauthtoken "
     "--docker-password-file=k\n", "$oauthtoken"),
    ("curl -u \"$oauthtoken:$NGC_API_KEY\" https://nvcr.io/proxy_auth\n", "$oauthtoken"),
    ("AUTH=$(echo -n \"$oauthtoken:$NGC_API_KEY\" | base64 -w0)\n", "$oauthtoken"),
    ("cat > ~/.docker/config.json <<EOF\n{\"auths\": {\"nvcr.io\": {\"username\": \"$oauthtoken\"}}}\nEOF\n",
     "$oauthtoken"),
    ("printf '{\"auths\":{\"nvcr.io\":{\"username\":\"%s\",\"password\":\"%s\"}}}' \"$oauthtoken\" \"$KEY\""
     " > config.json\n", "$oauthtoken"),
    ("export SINGULARITY_DOCKER_USERNAME=\"$oauthtoken\"\n", "$oauthtoken"),
    ("U=\"$oauthtoken\"\necho \"$KEY\" | docker login nvcr.io -u \"$U\" --password-stdin\n", "$oauthtoken"),
])
def test_oauthtoken_expanded_into_a_credential(script, pointed):
    (d,) = [d for d in lint(script) if d.code == "NV302"]
    assert span_text(script, d) == pointed


@pytest.mark.parametrize("script", [
    "echo \"Login to nvcr.io. The username must be EXACTLY: $oauthtoken\"\n",
    "echo \"use $oauthtoken as the username\" >&2\n",
    "Username: $oauthtoken\n",
    "{\"auths\": {\"nvcr.io\": {\"username\": \"$oauthtoken\", \"password\": \"<key>\"}}}\n",
    "username: $oauthtoken\npassword: <your key>\n",
    "echo \"$oauthtoken:$KEY\"\n",
])
def test_oauthtoken_no_program_reads_as_a_credential(script):
    assert "NV302" not in codes(script)


PROMPT_ANSWERS = [
    "```bash\n$ docker login nvcr.io\nUsername: $oauthtoken\nPassword: <NGC API KEY>\n```\n",
    "```shell\n    $ docker login nvcr.io\n    Username: $oauthtoken\n    Password: <your-ngc-key>\n    ```\n",
    "1. Log in:\n\n    ```shell\n    $ docker login nvcr.io\n    Username: $oauthtoken\n    ```\n",
    "```console\n$ docker login nvcr.io\nUsername: $oauthtoken\n```\n",
    "```bash\ndocker login nvcr.io\nUsername: $oauthtoken\nPassword: <key>\n```\n",
    "```bash\n{\n  \"auths\": {\"nvcr.io\": {\"username\": \"$oauthtoken\", \"password\": \"nvapi-...\"}}\n}\n```\n",
    "```sh\nngc:\n  username: $oauthtoken\n```\n",
]


@pytest.mark.parametrize("doc", PROMPT_ANSWERS)
def test_prompt_answers_and_pasted_text_in_docs_are_silent(doc):
    assert lint(doc, kind="markdown") == []


def test_a_prompted_bash_block_still_reads_its_commands():
    doc = "```bash\n$ docker login nvcr.io -u \"$oauthtoken\" --password-stdin < key\nLogin Succeeded\n```\n"
    (d,) = lint(doc, kind="markdown")
    assert (d.code, d.line, span_text(doc, d)) == ("NV302", 2, "$oauthtoken")


def test_credential_positions_in_other_file_kinds():
    workflow = ("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                "      - run: |\n          echo \"$oauthtoken is the user\"\n"
                "          echo \"$K\" | docker login nvcr.io -u $oauthtoken --password-stdin\n")
    assert [(d.code, d.line) for d in lint(workflow, kind="yaml")] == [("NV302", 8)]
    makefile = "login:\n\t@echo 'user: $$oauthtoken'\n\tdocker login nvcr.io -u '$oauthtoken' --password-stdin < k\n"
    assert [(d.code, d.line) for d in lint(makefile, kind="makefile")] == [("NV302", 3)]
    dockerfile = "FROM x\nRUN echo \"$oauthtoken\" && docker login nvcr.io -u \"$oauthtoken\" --password-stdin < k\n"
    assert [(d.code, d.column) for d in lint(dockerfile, kind="dockerfile")] == [("NV302", 52)]


@pytest.mark.parametrize("script", [
    "cat <<EOF > setup.sh\ndocker login nvcr.io -u '$oauthtoken' --password-stdin < k\nEOF\n",
    "bash <<EOF\ndocker login nvcr.io -u '$oauthtoken' --password-stdin < k\nEOF\n",
    "ssh host <<'EOF'\ndocker login nvcr.io -u $oauthtoken --password-stdin < k\nEOF\n",
    "sudo tee /opt/login.sh <<EOF\ndocker login nvcr.io -u '$oauthtoken' --password-stdin < k\nEOF\n",
])
def test_a_here_document_that_is_a_script_is_read_as_one(script):
    (d,) = lint(script)
    assert (d.code, d.line) == ("NV302", 2)


def test_a_here_document_that_is_data_is_not_a_script():
    assert codes("cat <<EOF > notes.txt\ndocker login nvcr.io -u '$oauthtoken'\nEOF\n") == []


# ---- NV305: only plausible keys ------------------------------------------------------------------------

REAL_LOOKING = "nvapi-" + "Zq4TmXw8Kc2Vb7Ny1Lr5Pd9Hs3Gf6Jk0-Ae_Ut8Wi2Oy4Rx7Cv1Bn5Mh9Ql3Dz6F"
assert len(REAL_LOOKING) == 6 + 64


def test_a_key_of_the_real_shape_is_reported_wherever_it_is():
    for source, kind in ((f"export NGC_API_KEY={REAL_LOOKING}\n", "shell"),
                         (f"# key: {REAL_LOOKING}\n", "shell"),
                         (f"```bash\nexport NGC_API_KEY={REAL_LOOKING}\n```\n", "markdown"),
                         (f"env:\n  KEY: {REAL_LOOKING}\n", "yaml")):
        (d,) = lint(source, kind=kind)
        assert d.code == "NV305" and span_text(source, d) == REAL_LOOKING, kind


def test_random_keys_are_found():
    import secrets
    import string

    alphabet = string.ascii_letters + string.digits + "_-"
    keys = ["nvapi-" + "".join(secrets.choice(alphabet) for _ in range(64)) for _ in range(200)]
    found = sum(1 for key in keys if codes(f"K={key}\n") == ["NV305"])
    assert found >= 196  # about one in a thousand looks like a placeholder


@pytest.mark.parametrize("text", [
    "nvapi-" + "1234567890abcdef" * 4,  # sequential, low entropy
    "nvapi-" + "Lab0TestKey1NotReal2" * 3 + "abcd",  # repeated, and says test
    "nvapi-" + "x" * 64,
    "nvapi-" + "YOUR_KEY_" * 7 + "A",
    REAL_LOOKING[:-3],  # 61 characters: too short
    REAL_LOOKING + "Xy9",  # 67 characters: too long
    REAL_LOOKING + "...",  # cut short on purpose
    REAL_LOOKING + "\u2026",
    "<" + REAL_LOOKING + ">",
    REAL_LOOKING.lower(),  # no upper case
    REAL_LOOKING[:40] + "EXAMPLE" + REAL_LOOKING[47:],
])
def test_placeholders_truncations_and_wrong_shapes_are_not_keys(text):
    assert codes(f"export NGC_API_KEY={text}\n") == []


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


@pytest.mark.parametrize("text,expected", [
    ("name: f\ninferenceUrl: /v1\ncontainerImage: vllm/vllm-openai:latest\n", ["NV101"]),
    ('{"name": "f", "inferenceUrl": "/v1", "models": [{"name": "m", "version": "1", '
     '"uri": "https://api.ngc.nvidia.com/v2/org/acme/models/m/versions/1/files"}]}', ["NV513"]),
    ("name: t\ngpuSpecification: {gpu: L40S, instanceType: gl40s_1.br25_2xlarge}\n"
     "containerImage: vllm/vllm-openai:latest\nresultHandlingStrategy: NONE\n", ["NV101"]),
    ("name: f\nhelmChart: acme/chart:1.0\nhelmChartServiceName: svc\ncontainerImage: nvcr.io/acme/app:1\n"
     "inferenceUrl: /v1\n", ["NV502"]),
])
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
    text = ("name: f\ninferenceUrl: /v1\ncontainerImage: nvcr.io/acme/app:1\n"
            "containerArgs: --model /config/models/llama\nmodels:\n  - name: ${MODEL}\n    version: '1'\n")
    assert codes(text, kind="yaml") == []
    known = text.replace("${MODEL}", "mistral")
    assert codes(known, kind="yaml") == ["NV402"]


def test_a_path_is_never_cut_inside_a_placeholder():
    text = ("name: f\ninferenceUrl: /v1\ncontainerImage: nvcr.io/acme/app:1\n"
            "containerArgs: --model /mount/models/${MODEL_NAME}/${VERSION} --x /mount/${DIR}/y\n")
    assert lint(text, kind="yaml") == []


# ---- --help: nothing runs ------------------------------------------------------------------------------

@pytest.mark.parametrize("script", [
    "ngc cf task create --help\n",
    "ngc cf task create --name t --container-image nvcr.io/acme/a:1 --gpu-specification L40S:gl40 -h\n",
    "ngc cf fn create --container-image vllm/vllm-openai:latest --help\n",
    "docker login nvcr.io -u \"$oauthtoken\" --help\n",
    "sudo helm repo add ngc https://helm.ngc.nvidia.com/acme --password \"$NGC_API_KEY\" -h\n",
])
def test_help_means_nothing_runs(script):
    assert codes(script) == []


def test_help_after_a_double_dash_is_an_argument():
    assert codes("kubectl exec pod -- docker login nvcr.io -u \"$oauthtoken\" --password-stdin -- --help\n") \
        == ["NV302"]


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
    script = ("create() {\n"
              "  ngc cf fn create --name \"$1\" --inference-url /v1 --container-image \"$2\" \\\n"
              "    --inference-port \"$3\" --model \"$4\" --container-environment-variable \"$5\"\n"
              "}\n"
              "create fn1 nvcr.io/acme/app 8080 acme/llama PATH=/x\n")
    found = sorted((d.code, d.line, span_text(script, d)) for d in lint(script))
    assert found == [("NV106", 5, "nvcr.io/acme/app"), ("NV504", 5, "acme/llama"), ("NV505", 5, "PATH=/x"),
                     ("NV507", 5, "8080")]
