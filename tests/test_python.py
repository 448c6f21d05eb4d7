"""Python as a file kind: subprocess and os.system commands, HTTP requests to the NVCF API and the NGC SDK,
read with exact positions inside the string literals (nvlint/sources/python.py, pystrings.py)."""

from __future__ import annotations

import json

import pytest
from conftest import lint, span_text, where

IMAGE_RULES = ("NV101",)


def found(source: str, kind: str = "python") -> list[tuple[str, str]]:
    return [(d.code, span_text(source, d)) for d in lint(source, kind=kind)]


@pytest.mark.parametrize(
    "source",
    [
        'import subprocess\nsubprocess.run(["ngc", "cf", "fn", "create", "--container-image", "vllm/x:1", '
        '"--name", "a", "--inference-url", "/i"])\n',
        'import subprocess as sp\nsp.check_call(("ngc", "cf", "fn", "create", "--container-image", "vllm/x:1", '
        '"--name", "a", "--inference-url", "/i"))\n',
        'from subprocess import Popen\nPopen(["ngc", "cf", "fn", "create", "--container-image", "vllm/x:1", '
        '"--name", "a", "--inference-url", "/i"])\n',
        'import subprocess\nIMAGE = "vllm/x:1"\n'
        'subprocess.run(["ngc", "cf", "fn", "create", "--container-image", IMAGE, "--name", "a", '
        '"--inference-url", "/i"])\n',
        'import subprocess, shlex\nsubprocess.run(shlex.split("ngc cf fn create --container-image vllm/x:1 '
        '--name a --inference-url /i"))\n',
        'import os\nos.system("ngc cf fn create --container-image vllm/x:1 --name a --inference-url /i")\n',
        'import subprocess\nsubprocess.run("ngc cf fn create --container-image vllm/x:1 --name a '
        '--inference-url /i", shell=True)\n',
        'import subprocess\nsubprocess.run(["ngc", "cf", "fn", "create", "--container-image", "vllm/"\n'
        '                "x:1", "--name", "a", "--inference-url", "/i"])\n',  # implicit concatenation
    ],
)
def test_a_command_run_from_python_is_read_as_on_a_command_line(source):
    (finding,) = [f for f in found(source) if f[0] in IMAGE_RULES]
    assert finding[0] == "NV101" and finding[1].replace('"\n                "', "") == "vllm/x:1"


@pytest.mark.parametrize(
    "source",
    [
        'import subprocess\nsubprocess.run("ngc cf fn create --container-image vllm/x:1")\n',  # no shell: one argv
        'import subprocess\nsubprocess.run(["ngc", "cf", "fn", "create", "--container-image", image, *rest])\n',
        'import subprocess\nsubprocess.run(["ngc", "cf", "fn", "create", "--name", "a", "--inference-url", "/i", '
        '"--container-image", f"{org}/x:1"])\n',
        'import subprocess\nfor image in ("a/b:1",):\n    subprocess.run(["docker", "push", image])\n',
        "def f(:\n    pass\n",  # not Python this reader can parse: nothing to say
        'print "ngc cf fn create --container-image vllm/x:1"\n',  # Python 2
        'import subprocess\ncmd = ["ngc", "cf", "fn", "create", "--container-image", "nvcr.io/acme/x:1", '
        '"--name", "a", "--inference-url", "/i"]\nsubprocess.run(cmd)\n',
    ],
)
def test_what_cannot_be_known_stays_silent(source):
    assert [f for f in found(source) if f[0].startswith(("NV1", "NV5"))] == []


def test_escapes_keep_their_place_and_get_no_fix():
    source = (
        "import subprocess\n"
        'subprocess.run("docker login nvcr.io -u \\"$oauthtoken\\" --password-stdin < key", shell=True)\n'
    )
    (d,) = lint(source, kind="python")
    assert (d.code, span_text(source, d)) == ("NV302", "$oauthtoken")
    assert d.fix is None  # the quotes around it are escapes: an edit there needs Python's escaping
    plain = 'import os\nos.system("docker login nvcr.io -u $oauthtoken --password-stdin < key")\n'
    (d,) = lint(plain, kind="python")
    assert d.code == "NV302" and d.fix is not None and d.fix.edits[0].content == "'$oauthtoken'"


def test_f_strings_read_their_literal_parts_and_known_names():
    source = (
        "import subprocess\n"
        'USER = "oauthtoken"\n'
        'subprocess.run(f"docker login nvcr.io -u {USER} -p {key}", shell=True)\n'
    )
    codes = {d.code: span_text(source, d) for d in lint(source, kind="python")}
    assert codes["NV301"] == "oauthtoken"  # where the value is written: the assignment
    assert "NV303" in codes


def test_the_environment_is_the_variable_it_names():
    source = (
        "import os, subprocess\n"
        'key = os.environ["NGC_API_KEY"]\n'
        'subprocess.run(["docker", "login", "nvcr.io", "-u", "$oauthtoken", "-p", key])\n'
    )
    (d,) = lint(source, kind="python")
    assert d.code == "NV303" and span_text(source, d) == "key"


def test_a_literal_json_body_posted_to_the_nvcf_api_is_a_request():
    source = (
        "import requests\n"
        'requests.post(f"{api}/v2/nvcf/functions", json={"name": "x", "containerImage": "nvcr.io/a/b:1", '
        '"inferencePort": 8080})\n'
    )
    codes = {d.code: span_text(source, d) for d in lint(source, kind="python")}
    assert codes["NV507"] == "8080"
    payload = {"name": "x", "inferenceUrl": "/i", "containerImage": "vllm/x:1"}
    shape = f"import httpx\nbody = {json.dumps(payload)}\nhttpx.post(url, json=body)\n"
    assert [(d.code, span_text(shape, d)) for d in lint(shape, kind="python")] == [("NV101", "vllm/x:1")]
    elsewhere = f'import requests\nrequests.post("https://example.com/api", json={json.dumps(payload)})\n'
    assert lint(elsewhere, kind="python") == []  # another API's body is its own business
    task = (
        "import requests\n"
        'requests.post("https://api.nvct.nvidia.com/v1/nvct/tasks", json={"name": "t", "containerImage": '
        '"nvcr.io/a/t:1", "gpuSpecification": {"gpu": "L40S"}, "maxRuntimeDuration": "4h"})\n'
    )
    assert {d.code for d in lint(task, kind="python")} >= {"NV508"}


def test_the_sdks_calls_are_read_as_the_cli_commands_they_stand_for():
    source = (
        "def deploy(clt):\n"
        "    clt.cloud_function.functions.create(\n"
        '        "llm",\n'
        '        "/v1/chat/completions",\n'
        '        container_image="vllm/vllm-openai:latest",\n'
        '        container_environment_variables=["LOG_LEVEL=debug"],\n'
        "        inference_port=8080,\n"
        "    )\n"
    )
    findings = {d.code: d for d in lint(source, kind="python")}
    assert span_text(source, findings["NV101"]) == "vllm/vllm-openai:latest"
    assert findings["NV505"].message.startswith("container_environment_variables 'LOG_LEVEL=...'")
    assert findings["NV507"].message.startswith("inference_port 8080")
    assert "NV503" not in findings
    partial = "def deploy(clt, **more):\n    clt.cloud_function.tasks.create(name='t', **more)\n"
    assert lint(partial, kind="python") == []  # what **more holds is unknown: nothing is missing


def test_a_notebooks_python_cells_are_read_at_their_place_in_the_file():
    cell = 'import subprocess\n!echo hi\nsubprocess.run(["docker", "login", "nvcr.io", "-u", "oauthtoken", "-p", x])\n'
    notebook = json.dumps(
        {
            "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": cell.splitlines(True)}],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        },
        indent=1,
    )
    findings = lint(notebook, kind="notebook")
    (d,) = [d for d in findings if d.code == "NV301"]
    assert span_text(notebook, d) == "oauthtoken" and d.message.endswith("[cell 1]")
    lines = notebook.splitlines()
    assert where(d)[0] == lines.index(next(line for line in lines if "oauthtoken" in line)) + 1


def test_a_directive_in_a_sample_string_is_text_but_one_in_a_script_or_a_comment_is_a_directive():
    sample = 'BAD = "docker login nvcr.io -u $oauthtoken  # nvlint: disable=NV302 -- a sample"\n'
    assert [d.code for d in lint(sample, kind="python")] == []  # not a directive: no NV001 for it
    script = (
        "import subprocess\n"
        'subprocess.run("""\n'
        "docker login nvcr.io -u $oauthtoken  # nvlint: disable=NV302 -- on purpose\n"
        'docker login nvcr.io -u "$oauthtoken"\n'
        '""", shell=True)\n'
    )
    assert [(d.code, d.line) for d in lint(script, kind="python")] == [("NV302", 4)]
    commented = (
        "import os\n"
        "# nvlint: disable=NV302 -- on purpose\n"
        'os.system("docker login nvcr.io -u $oauthtoken")\n'
        'os.system("docker login nvcr.io -u $oauthtoken")\n'
    )
    assert [(d.code, d.line) for d in lint(commented, kind="python")] == [("NV302", 4)]
