"""NV301-NV308: registry logins, the `$oauthtoken` username, and NGC keys: where they are passed and
written. The precision policies of each rule are tested both ways, in the file kinds where they apply."""

from __future__ import annotations

import pytest
from conftest import FN, TASK, codes, lint, only, span_text, where

# ---- logins --------------------------------------------------------------------------------------


def test_oauthtoken_fix_single_quotes_the_word():
    src = 'docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n'
    (d,) = only(src, "NV302")
    assert span_text(src, d) == "$oauthtoken"
    (edit,) = d.fix.edits
    assert (edit.column, edit.end_column, edit.content) == (25, 38, "'$oauthtoken'")


def test_oauthtoken_fix_escapes_inside_a_larger_word():
    src = 'docker login nvcr.io "--username=$oauthtoken" --password-stdin < key\n'
    (d,) = only(src, "NV302")
    assert d.fix.edits[0].content == "\\$oauthtoken"
    assert span_text(src, d) == "$oauthtoken"


def test_inner_shell_expands_oauthtoken_at_the_inner_position():
    src = 'sudo bash -c \'echo "$KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin\'\n'
    (d,) = only(src, "NV302")
    assert span_text(src, d) == "$oauthtoken"
    assert where(d) == (1, 54, 1, 65)


def test_outer_double_quotes_expand_before_the_inner_shell():
    src = "ssh deploy@host \"docker login nvcr.io -u '$oauthtoken' --password-stdin < key\"\n"
    (d,) = only(src, "NV302")
    assert "double quotes" in d.message
    assert codes("ssh deploy@host \"docker login nvcr.io -u '\\$oauthtoken' --password-stdin < key\"\n") == []


def test_nvcr_login_username_fix():
    src = "docker login nvcr.io -u oauthtoken --password-stdin < key\n"
    (d,) = only(src, "NV301")
    assert span_text(src, d) == "oauthtoken"
    assert d.fix.edits[0].content == "'$oauthtoken'"
    assert only("docker login nvcr.io -u admin --password-stdin < key\n", "NV301")[0].fix is None


def test_password_message_never_contains_the_key():
    src = f"docker login nvcr.io -u '$oauthtoken' -p {KEY}\n"
    found = lint(src)
    assert sorted(d.code for d in found) == ["NV303", "NV305"]
    for d in found:
        assert KEY[6:] not in d.message


# ---- API keys ------------------------------------------------------------------------------------

KEY = "nvapi-" + "LRnwmRdsya_X1yy3FnAh0pF3iZpgdI1UlBmcKk_h5r8RM121_ZV1I0ElG-Hml0T_"


def test_key_in_a_comment():
    src = f"#!/bin/sh\n# old key: {KEY}\necho hi\n"
    (d,) = lint(src)
    assert (d.code, d.line, d.column, d.end_column) == ("NV305", 2, 12, 12 + len(KEY))
    assert "nvapi-****" in d.message and KEY[6:20] not in d.message


# ---- NV303: only tools that have a safe form -------------------------------------------------------


@pytest.mark.parametrize(
    "script,line,pointed",
    [
        # the key's value is written above: the finding is on the command that passes it
        (
            "export NGC_API_KEY=nvapi-...\ndocker login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n",
            2,
            '"$NGC_API_KEY"',
        ),
        (
            "KEY=abc\nhelm repo add ngc https://helm.ngc.nvidia.com/acme --username '$oauthtoken' --password=$KEY\n",
            2,
            "--password=$KEY",
        ),
        ("docker login nvcr.io -u '$oauthtoken' --password=\"$NGC_API_KEY\"\n", 1, "$NGC_API_KEY"),
    ],
)
def test_a_password_on_the_command_line_is_reported_on_that_command(script, line, pointed):
    (d,) = lint(script)
    assert (d.code, d.line, span_text(script, d)) == ("NV303", line, pointed)


def test_kubectl_docker_password_is_an_opt_in_rule():
    script = (
        "kubectl create secret docker-registry ngc --docker-server=nvcr.io \\\n"
        "  --docker-username='$oauthtoken' --docker-password=\"$NGC_API_KEY\"\n"
    )
    (d,) = lint(script, extend_select=("NV308",))
    assert (d.code, d.severity, span_text(script, d)) == ("NV308", "info", "$NGC_API_KEY")
    assert ".dockerconfigjson" in d.message
    ghcr = 'kubectl create secret docker-registry g --docker-server=ghcr.io --docker-password="$T"\n'
    assert codes(ghcr, extend_select=("NV308",)) == []


# ---- NV302: only where the expanded value reaches a credential -------------------------------------


@pytest.mark.parametrize(
    "script,pointed",
    [
        ('docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n', "$oauthtoken"),
        (
            "kubectl create secret docker-registry s --docker-server=nvcr.io --docker-username=$oauthtoken "
            "--docker-password-file=k\n",
            "$oauthtoken",
        ),
        ('curl -u "$oauthtoken:$NGC_API_KEY" https://nvcr.io/proxy_auth\n', "$oauthtoken"),
        ('AUTH=$(echo -n "$oauthtoken:$NGC_API_KEY" | base64 -w0)\n', "$oauthtoken"),
        (
            'cat > ~/.docker/config.json <<EOF\n{"auths": {"nvcr.io": {"username": "$oauthtoken"}}}\nEOF\n',
            "$oauthtoken",
        ),
        (
            'printf \'{"auths":{"nvcr.io":{"username":"%s","password":"%s"}}}\' "$oauthtoken" "$KEY" > config.json\n',
            "$oauthtoken",
        ),
        ('export SINGULARITY_DOCKER_USERNAME="$oauthtoken"\n', "$oauthtoken"),
        ('U="$oauthtoken"\necho "$KEY" | docker login nvcr.io -u "$U" --password-stdin\n', "$oauthtoken"),
    ],
)
def test_oauthtoken_expanded_into_a_credential(script, pointed):
    (d,) = [d for d in lint(script) if d.code == "NV302"]
    assert span_text(script, d) == pointed


PROMPT_ANSWERS = [
    "```bash\n$ docker login nvcr.io\nUsername: $oauthtoken\nPassword: <NGC API KEY>\n```\n",
    "```shell\n    $ docker login nvcr.io\n    Username: $oauthtoken\n    Password: <your-ngc-key>\n    ```\n",
    "1. Log in:\n\n    ```shell\n    $ docker login nvcr.io\n    Username: $oauthtoken\n    ```\n",
    "```console\n$ docker login nvcr.io\nUsername: $oauthtoken\n```\n",
    "```bash\ndocker login nvcr.io\nUsername: $oauthtoken\nPassword: <key>\n```\n",
    '```bash\n{\n  "auths": {"nvcr.io": {"username": "$oauthtoken", "password": "nvapi-..."}}\n}\n```\n',
    "```sh\nngc:\n  username: $oauthtoken\n```\n",
]


@pytest.mark.parametrize("doc", PROMPT_ANSWERS)
def test_prompt_answers_and_pasted_text_in_docs_are_silent(doc):
    assert lint(doc, kind="markdown") == []


def test_a_prompted_bash_block_still_reads_its_commands():
    doc = '```bash\n$ docker login nvcr.io -u "$oauthtoken" --password-stdin < key\nLogin Succeeded\n```\n'
    (d,) = lint(doc, kind="markdown")
    assert (d.code, d.line, span_text(doc, d)) == ("NV302", 2, "$oauthtoken")


def test_credential_positions_in_other_file_kinds():
    workflow = (
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: |\n          echo "$oauthtoken is the user"\n'
        '          echo "$K" | docker login nvcr.io -u $oauthtoken --password-stdin\n'
    )
    assert [(d.code, d.line) for d in lint(workflow, kind="yaml")] == [("NV302", 8)]
    makefile = "login:\n\t@echo 'user: $$oauthtoken'\n\tdocker login nvcr.io -u '$oauthtoken' --password-stdin < k\n"
    assert [(d.code, d.line) for d in lint(makefile, kind="makefile")] == [("NV302", 3)]
    dockerfile = 'FROM x\nRUN echo "$oauthtoken" && docker login nvcr.io -u "$oauthtoken" --password-stdin < k\n'
    assert [(d.code, d.column) for d in lint(dockerfile, kind="dockerfile")] == [("NV302", 52)]


@pytest.mark.parametrize(
    "script",
    [
        "cat <<EOF > setup.sh\ndocker login nvcr.io -u '$oauthtoken' --password-stdin < k\nEOF\n",
        "bash <<EOF\ndocker login nvcr.io -u '$oauthtoken' --password-stdin < k\nEOF\n",
        "ssh host <<'EOF'\ndocker login nvcr.io -u $oauthtoken --password-stdin < k\nEOF\n",
        "sudo tee /opt/login.sh <<EOF\ndocker login nvcr.io -u '$oauthtoken' --password-stdin < k\nEOF\n",
    ],
)
def test_a_here_document_that_is_a_script_is_read_as_one(script):
    (d,) = lint(script)
    assert (d.code, d.line) == ("NV302", 2)


def test_a_here_document_that_is_data_is_not_a_script():
    assert codes("cat <<EOF > notes.txt\ndocker login nvcr.io -u '$oauthtoken'\nEOF\n") == []


# ---- NV305: only plausible keys ------------------------------------------------------------------------

REAL_LOOKING = "nvapi-" + "Zq4TmXw8Kc2Vb7Ny1Lr5Pd9Hs3Gf6Jk0-Ae_Ut8Wi2Oy4Rx7Cv1Bn5Mh9Ql3Dz6F"
assert len(REAL_LOOKING) == 6 + 64


def test_a_key_of_the_real_shape_is_reported_wherever_it_is():
    for source, kind in (
        (f"export NGC_API_KEY={REAL_LOOKING}\n", "shell"),
        (f"# key: {REAL_LOOKING}\n", "shell"),
        (f"```bash\nexport NGC_API_KEY={REAL_LOOKING}\n```\n", "markdown"),
        (f"env:\n  KEY: {REAL_LOOKING}\n", "yaml"),
    ):
        (d,) = lint(source, kind=kind)
        assert d.code == "NV305" and span_text(source, d) == REAL_LOOKING, kind


def test_random_keys_are_found():
    import secrets
    import string

    alphabet = string.ascii_letters + string.digits + "_-"
    keys = ["nvapi-" + "".join(secrets.choice(alphabet) for _ in range(64)) for _ in range(200)]
    found = sum(1 for key in keys if codes(f"K={key}\n") == ["NV305"])
    assert found >= 196  # about one in a thousand looks like a placeholder


def test_secret_in_environment_points_at_the_key():
    src = f"{FN} --container-environment-variable HF_TOKEN:abc\n"
    (d,) = only(src, "NV306")
    assert span_text(src, d) == "HF_TOKEN"


@pytest.mark.parametrize(
    "configuration,keys",
    [
        ('{\n  "RESULTS_PATH": "",\n  "HF_TOKEN": "<token>",\n  "NUM_GPUS": <n>,\n}', ["HF_TOKEN"]),  # not JSON: read
        ('{"env": {"NGC_API_KEY": "nvapi-placeholder"}, "replicas": 2}', ["NGC_API_KEY"]),
        ('{"HF_TOKEN": ""}', []),  # nothing given
        ('{"hfTokenSecretName": "hf-secret", "ngcApiKeySecret": "ngc-api", "TOKEN_FILE": "/run/t"}', []),  # references
        ('{"NUM_TOKENS": 512, "tokenizer": "llama"}', []),
        ('{"key": "\'"$NGC_API_KEY"\'"}', ["$NGC_API_KEY"]),  # a credential variable under any key
    ],
)
def test_secret_in_a_configuration_value(configuration, keys):
    src = f"{TASK} --result-handling-strategy NONE --configuration '{configuration}'\n"
    found = only(src, "NV306")
    named = [span_text(src, d) for d in found if "Helm value" in d.message and "passes '" in d.message]
    carried = ["$NGC_API_KEY" for d in found if "passes $NGC_API_KEY" in d.message]
    assert named + carried == keys


@pytest.mark.parametrize(
    "src,expected",
    [
        ("ngc registry image list --org '$NGC_ORG'", ["$NGC_ORG"]),
        ("ngc registry image list --org='${NGC_ORG}' --team \"$TEAM\"", ["${NGC_ORG}"]),
        ("docker login nvcr.io -u '$oauthtoken' --password-stdin < k", []),
        ("docker login '$REGISTRY' -u '$oauthtoken' --password-stdin < k", ["$REGISTRY"]),
        ('ngc registry image list --org "$NGC_ORG"', []),
        ("echo '$NGC_ORG'", []),
    ],
)
def test_single_quoted_variable(src, expected):
    src += "\n"
    assert [span_text(src, d) for d in only(src, "NV307")] == expected
