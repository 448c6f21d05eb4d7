"""Whole repositories, as `nvlint check .` sees them: what one file shows holds for the others (the NGC
orgs), documentation placeholders, and the run's summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import lint

from nvlint.cli import main

CREATE = "ngc cf fn create --name a --inference-url /i --container-image {}\n"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NGC_CLI_ORG", raising=False)
    monkeypatch.setenv("NVLINT_CACHE_DIR", str(tmp_path / ".cache"))
    return tmp_path


def findings(*args: str) -> list[tuple[str, str, int]]:
    main(["check", "--format", "json", *args])
    return [(f["rule"], f["path"], f["line"]) for f in json.loads(_out.readouterr().out)]


_out: pytest.CaptureFixture


@pytest.fixture(autouse=True)
def _capture(capsys):
    global _out
    _out = capsys


# ---- the NGC orgs of the whole run ------------------------------------------------------------------


def test_an_org_one_file_shows_is_known_in_the_others(tree):
    Path("deploy.sh").write_text(CREATE.format("acme/app:1.0"))
    assert findings("--no-cache", ".") == [("NV101", "deploy.sh", 1)]  # nothing says acme is NGC's
    Path("pull.sh").write_text("docker pull nvcr.io/acme/base:1\n")
    assert findings("--no-cache", ".") == [("NV102", "deploy.sh", 1)]
    assert findings(".") == [("NV102", "deploy.sh", 1)]  # cached: the answer remembers what it asked
    assert findings(".") == [("NV102", "deploy.sh", 1)]
    Path("pull.sh").write_text("docker pull nvcr.io/other/base:1\n")  # the file that showed it changed
    assert findings(".") == [("NV101", "deploy.sh", 1)]
    Path("pull.sh").write_text("ngc registry image info --org acme base:1\n")  # --org shows it too
    assert findings(".") == [("NV102", "deploy.sh", 1)]
    Path("pull.sh").unlink()
    Path(".github/workflows").mkdir(parents=True)
    Path(".github/workflows/ci.yml").write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      NGC_CLI_ORG: acme\n"
        "    steps:\n      - run: ngc registry image list\n"
    )
    assert findings(".") == [("NV102", "deploy.sh", 1)]  # the org the CLI is set to


def test_a_fix_is_decided_knowing_every_org(tree):
    Path("deploy.sh").write_text(CREATE.format("acme/app:1.0"))
    Path("pull.sh").write_text("docker pull nvcr.io/acme/base:1\n")
    main(["check", "--fix", "--unsafe-fixes", "."])
    _out.readouterr()
    assert Path("deploy.sh").read_text() == CREATE.format("nvcr.io/acme/app:1.0")  # not docker.io/acme/...


@pytest.mark.parametrize("org", ["myorg", "my-org", "my_org", "orgname", "MyOrg"])
def test_placeholder_orgs_are_ngc_orgs_never_docker_hub_namespaces(org):
    (found,) = lint(CREATE.format(f"{org}/image:tag"))
    assert found.code == "NV102" and f"'{org}' stands for your NGC org" in found.message
    assert "docker.io" not in found.message


@pytest.mark.parametrize("org", ["your-org", "your_org", "YOUR_ORG", "<org>", "$ORG", "${NGC_ORG}"])
def test_orgs_written_as_placeholders_or_variables_are_unknown_and_silent(org):
    assert lint(CREATE.format(f'"{org}/image:1.0"')) == []


# ---- documentation is not a script ----------------------------------------------------------------------


def doc(block: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in lint(f"```bash\n{block}```\n", kind="markdown")]


def test_an_empty_placeholder_is_a_word_not_a_redirection():
    block = (
        "ngc cf task create \\\n  --org <> \\\n  --name eval --container-image nvcr.io/acme/eval:1 \\\n"
        "  --gpu-specification L40S:gl40s_1.br25_2xlarge --result-handling-strategy NONE \\\n  --bogus-option x\n"
    )
    assert doc(block) == [("NV506", 6, 3)]  # the options after `<>` are read; nothing says the strategy is lost


def test_a_usage_synopsis_is_not_a_run():
    block = (
        "ngc cf task create --name eval --container-image nvcr.io/acme/eval:1 \\\n"
        "  --gpu-specification L40S:gl40s_1.br25_2xlarge \\\n"
        '  [--description "<description>"] \\\n'
        "  [--result-handling-strategy UPLOAD|NONE] [--result-location <path>] \\\n"
        "  --bogus-option\n"
    )
    assert doc(block) == [("NV506", 6, 3)]  # no NV509: the strategy is optional there, not missing


def test_alternatives_are_one_placeholder_not_a_pipe():
    block = (
        "ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 \\\n"
        "  --health-protocol HTTP|gRPC --inference-port 8080\n"
    )
    assert doc(block) == [("NV507", 3, 48)]  # what follows the alternatives is the same command


@pytest.mark.parametrize(
    "block",
    [
        "ngc cf task create --name <name> --container-image <image> \\\n"
        "  --gpu-specification <gpu>:<instance_type>[:<backend>][:<clusters>]\n",
        "ngc cf task create --name <task-name> --helm-chart <org>/[<team>/]<chart>:<tag> --gpu-specification <spec>\n",
        "ngc cf fn create --name <name> --container-image <image>\n",
        "ngc cf fn create --name <name> --inference-url /v1 --container-image <image> \\\n"
        "  --container-args '--model-dir /mount/models/<model>/1.0'\n",
    ],
)
def test_a_template_is_silent_for_rules_that_judge_a_run(block):
    assert doc(block) == []


def test_a_template_in_a_placeholder_org_is_only_told_to_write_the_registry():
    block = (
        "ngc cf task create --name my-task --container-image myorg/image:tag \\\n"
        "  --gpu-specification <gpu>:<instance_type>:<backend>:cluster-1\n"
    )
    assert [code for code, _, _ in doc(block)] == ["NV102"]


def test_a_concrete_example_is_judged():
    block = (
        "ngc cf task create --name training --container-image myorg/trainer:v1 \\\n"
        "  --gpu-specification A100:ga100_1.br20_4xlarge\n"
    )
    assert [code for code, _, _ in doc(block)] == ["NV509", "NV102"]  # a GPU to run on: an example to run


def test_test_commands_and_pipes_are_still_shell():
    block = 'if [ -n "$X" ]; then echo "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin; fi\n'
    assert doc(block) == [("NV302", 2, 69)]


# ---- notebooks by what people write; size is a notice ----------------------------------------------------


def notebook(sources: list[str], output: str = "") -> str:
    outputs = [{"output_type": "stream", "name": "stdout", "text": [output]}] if output else []
    cell = {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": sources, "outputs": outputs}
    return json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


LOGIN = '!docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n'


def test_a_notebook_is_measured_by_its_sources_not_its_stored_outputs(tree):
    Path("big-output.ipynb").write_text(notebook([LOGIN], output="x" * 3_000_000))  # 3 MB, almost all output
    assert findings("--no-cache", "big-output.ipynb") == [("NV302", "big-output.ipynb", 1)]


def test_a_file_skipped_for_its_size_is_a_notice_that_fails_only_when_asked(tree):
    Path("big-source.ipynb").write_text(notebook([LOGIN, "x = '" + "a" * 3_000_000 + "'\n"]))
    Path("big.sh").write_text("docker login nvcr.io -u '$oauthtoken' --password-stdin < key\n# " + "a" * 3_000_000)
    for args in ((), ("--fail-on", "warning")):
        assert main(["check", "--no-cache", "--format", "json", *args, "."]) == 0
        found = json.loads(_out.readouterr().out)
        assert [(f["rule"], f["severity"], f["path"]) for f in found] == [
            ("NV000", "info", "big-source.ipynb"),
            ("NV000", "info", "big.sh"),
        ]
        assert "of source, more than max-file-size" in found[0]["message"]
    assert main(["check", "--no-cache", "--fail-on", "info", "."]) == 1
    Path(".nvlint.toml").write_text('fail-on = "info"\n')
    assert main(["check", "--no-cache", "."]) == 1
    _out.readouterr()


# ---- output -----------------------------------------------------------------------------------------------


def test_a_finding_in_a_tagged_block_keeps_its_place_and_fingerprint_when_untagged_fences_are_read(tree):
    Path("README.md").write_text(
        "Set the key first:\n\n```\nexport NGC_API_KEY=<your key here>\n```\n\n```bash\n"
        "helm fetch https://helm.ngc.nvidia.com/nim/charts/nim-llm-1.3.0.tgz "
        "--username='$oauthtoken' --password=$NGC_API_KEY\n```\n"
    )
    seen = []
    for config in ("", "markdown-untagged-shell = true\n"):
        Path(".nvlint.toml").write_text(config)
        main(["check", "--no-cache", "--format", "json", "README.md"])
        (found,) = json.loads(_out.readouterr().out)
        seen.append((found["rule"], found["line"], found["column"], found["end_column"], found["fingerprint"]))
    assert seen[0] == seen[1] and seen[0][:2] == ("NV303", 8)
