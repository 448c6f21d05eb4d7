"""`source FILE` and `. FILE`: what a script sources is followed (nvlint/sources/sourcing.py), both ways."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import lint_bytes, span_text

from nvlint.cli import main
from nvlint.rules import select_rules
from nvlint.settings import Settings

CREATE = "ngc cf fn create --name f --inference-url /v1 --container-image"
HELM_LOGIN = "${HELMCL} repo add ngc https://helm.ngc.nvidia.com/acme --username '$oauthtoken' --password=$KEY\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def check(path: Path, settings: Settings | None = None):
    return lint_bytes(path.read_bytes(), str(path), "shell", settings or Settings(), select_rules())


@pytest.mark.parametrize(
    "line",
    [
        "source ./global_ops.cfg",
        ". global_ops.cfg",
        'source "$(dirname "$0")/global_ops.cfg"',
        'source "${BASH_SOURCE%/*}/global_ops.cfg"',
        'SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"\nsource "$SCRIPT_DIR/global_ops.cfg"',
        'source "$(cd "$(dirname "$0")/.." && pwd)/scripts/global_ops.cfg"',
        'cd "$(dirname "$0")"\nsource ./global_ops.cfg',
        "set -a; . ./global_ops.cfg; set +a",
    ],
)
def test_a_value_known_through_a_sourced_file_gives_the_finding(repo, line):
    write(repo / "scripts" / "global_ops.cfg", 'HELMCL=${HELMCL:-"helm"}\n')
    script = write(repo / "scripts" / "deploy.sh", f"{line}\n{HELM_LOGIN}")
    (d,) = check(script)
    assert (d.code, span_text(script.read_text(), d)) == ("NV303", "$KEY")


@pytest.mark.parametrize(
    "line",
    [
        "source ./missing.cfg",
        'source "$CONFIG"',  # unknown
        'cd "$SOMEWHERE"\nsource ./global_ops.cfg',  # a cd nvlint cannot follow
        "source ~/global_ops.cfg",
    ],
)
def test_an_unresolvable_path_stays_silent(repo, line):
    write(repo / "scripts" / "global_ops.cfg", "HELMCL=helm\n")
    script = write(repo / "scripts" / "deploy.sh", f"{line}\n{HELM_LOGIN}")
    assert check(script) == []


def test_cd_is_followed(repo):
    write(repo / "deploy" / "env.sh", "HELMCL=helm\n")
    script = write(repo / "run.sh", f"cd deploy\nsource ./env.sh\n{HELM_LOGIN}")
    assert [d.code for d in check(script)] == ["NV303"]


def test_an_unknown_root_is_the_one_file_with_that_relative_path(repo):
    write(repo / "config" / "global_ops.cfg", "IMAGE=vllm/vllm-openai:v1\n")
    script = write(
        repo / "scripts" / "ci" / "deploy.sh",
        "source ${ROOT_DIR}/config/global_ops.cfg\n"
        'ngc cf fn create --name f --inference-url /v1 --container-image "$IMAGE"\n',
    )
    (d,) = check(script)
    assert d.code == "NV101" and span_text(script.read_text(), d) == "$IMAGE"  # as written, not its quotes
    assert "set in config/global_ops.cfg, found for ${ROOT_DIR}/config/global_ops.cfg in config" in d.message
    write(repo / "scripts" / "config" / "global_ops.cfg", "IMAGE=nvcr.io/acme/app:1\n")  # now two candidates
    assert check(script) == []


def test_findings_inside_a_sourced_file_are_reported_in_that_file_once(repo):
    env = write(repo / "env.sh", 'docker login nvcr.io -u "$oauthtoken" --password-stdin < key\nHELMCL=helm\n')
    a = write(repo / "a.sh", f"source ./env.sh\n{HELM_LOGIN}")
    write(repo / "b.sh", f"source ./env.sh\n{HELM_LOGIN}")
    assert [d.code for d in check(a)] == ["NV303"]  # not env.sh's NV302
    assert [(d.code, d.line) for d in check(env)] == [("NV302", 1)]


def test_functions_and_pushes_of_a_sourced_file_count(repo):
    write(repo / "lib.sh", 'push() { docker push "$1"; }\n')
    script = write(
        repo / "deploy.sh",
        f"source lib.sh\ndocker build -t nvcr.io/acme/a:1 .\npush nvcr.io/acme/a:1\n{CREATE} nvcr.io/acme/a:1\n",
    )
    assert check(script) == []
    unpushed = write(
        repo / "late.sh",
        f"source lib.sh\ndocker build -t nvcr.io/acme/a:1 .\n{CREATE} nvcr.io/acme/a:1\npush nvcr.io/acme/a:1\n",
    )
    assert [d.code for d in check(unpushed)] == ["NV201"]


def test_a_file_that_sources_itself_stops_with_a_notice(repo):
    script = write(repo / "env.sh", 'source "$(dirname "$0")/env.sh"\nHELMCL=helm\n' + HELM_LOGIN)
    found = check(script)
    assert sorted(d.code for d in found) == ["NV000", "NV303"]
    (notice,) = [d for d in found if d.code == "NV000"]
    assert notice.line == 1 and "sources itself" in notice.message


def test_a_chain_deeper_than_the_limit_stops_with_a_notice(repo):
    from nvlint.sources.sourcing import MAX_SOURCE_DEPTH

    for n in range(MAX_SOURCE_DEPTH + 2):
        write(repo / f"s{n}.sh", f"source ./s{n + 1}.sh\n")
    script = write(repo / "top.sh", f"source ./s0.sh\n{HELM_LOGIN}")
    (d,) = [d for d in check(script) if d.code == "NV000"]
    assert d.line == 1 and span_text(script.read_text(), d) == "./s0.sh"  # where this file starts the chain
    assert f"sourced more than {MAX_SOURCE_DEPTH} deep" in d.message


def test_a_cycle_through_another_file_is_said_where_it_starts(repo):
    write(repo / "b.sh", "source ./a.sh\n")
    a = write(repo / "a.sh", f"source ./b.sh\nHELMCL=helm\n{HELM_LOGIN}")
    found = check(a)
    assert sorted(d.code for d in found) == ["NV000", "NV303"]
    (notice,) = [d for d in found if d.code == "NV000"]
    assert "a.sh sources itself (a.sh → b.sh → a.sh)" in notice.message and notice.line == 1


def test_nothing_outside_the_tree_and_nothing_excluded_is_read(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "global_ops.cfg"
    outside.write_text("HELMCL=helm\n")
    script = write(repo / "deploy.sh", f"source {outside}\n{HELM_LOGIN}")
    assert check(script) == []
    write(repo / "secret" / "env.sh", "HELMCL=helm\n")
    script = write(repo / "deploy.sh", f"source ./secret/env.sh\n{HELM_LOGIN}")
    assert [d.code for d in check(script)] == ["NV303"]
    excluded = Settings(exclude=("secret/",), root=str(repo))
    assert check(script, excluded) == []


def test_ci_steps_source_from_the_repository_root(repo):
    write(repo / "scripts" / "env.sh", "HELMCL=helm\n")
    workflow = write(
        repo / ".github" / "workflows" / "deploy.yml",
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: |\n          source scripts/env.sh\n          " + HELM_LOGIN,
    )
    found = lint_bytes(workflow.read_bytes(), str(workflow), "yaml", Settings(), select_rules())
    assert [d.code for d in found] == ["NV303"]


@pytest.mark.parametrize("aged", [False, True])
def test_editing_a_sourced_file_checks_its_scripts_again(repo, capsys, aged):
    """Also when the files are old enough to be answered by their stamps: an unchanged script's stamp
    leads to an answer that names the digest of what it sourced, which no longer matches."""
    import time

    ages = iter(range(1, 100))  # each write a second later than the one before, all an hour ago

    def write(path: Path, text: str) -> Path:
        made = globals()["write"](path, text)
        if aged:
            then = time.time_ns() - 3_600_000_000_000 + next(ages) * 1_000_000_000
            os.utime(made, ns=(then, then))
        return made

    write(repo / "env.sh", "IMAGE=nvcr.io/acme/app:1\n")
    write(repo / "deploy.sh", f'source ./env.sh\n{CREATE} "$IMAGE"\n')
    assert main(["check", "."]) == 0  # fills the cache
    assert main(["check", "."]) == 0  # and answers from it
    write(repo / "env.sh", "IMAGE=vllm/vllm-openai:v1\n")
    capsys.readouterr()
    assert main(["check", "."]) == 1  # deploy.sh is unchanged, but what it sources changed
    assert "deploy.sh:2:" in capsys.readouterr().out
    write(repo / "env.sh", "IMAGE=vllm/vllm-openai:v2\n")
    assert main(["check", "env.sh"]) == 1  # pre-commit passes only the file that changed
    out = capsys.readouterr().out
    assert "deploy.sh:2:" in out and "vllm/vllm-openai:v2" in out


def test_pre_commit_brings_the_scripts_of_a_changed_config_file(repo, capsys):
    write(repo / "config.cfg", "HELMCL=helm\n")
    write(repo / "deploy.sh", f"source ./config.cfg\n{HELM_LOGIN}")
    assert main(["check", "."]) == 1
    capsys.readouterr()
    assert main(["check", "config.cfg"]) == 1  # not a kind nvlint reads, but deploy.sh sources it
    captured = capsys.readouterr()
    assert "deploy.sh:2:" in captured.out and "skipped" not in captured.err
    assert os.path.exists(repo / ".nvlint_cache" / "dependents.json")


# Files a reader brings in itself: (the file checked, its text, the file it reads, good text, bad text).
BROUGHT_IN = {
    "make include": (
        "Makefile",
        f"include vars.mk\ndeploy:\n\t{CREATE} $(IMAGE)\n",
        "vars.mk",
        "IMAGE = nvcr.io/acme/app:1\n",
        "IMAGE = vllm/vllm-openai:v1\n",
    ),
    "make -include of a file not there yet": (
        "Makefile",
        f"IMAGE = nvcr.io/acme/app:1\n-include local.mk\ndeploy:\n\t{CREATE} $(IMAGE)\n",
        "local.mk",
        None,
        "IMAGE = vllm/vllm-openai:v1\n",
    ),
    "gitlab include: local:": (  # a template that sets the stage of the job that pushes
        ".gitlab-ci.yml",
        "stages: [build, deploy, release]\ninclude:\n  - local: ci/templates.yml\n"
        "push:\n  extends: .push\n  script:\n    - docker push nvcr.io/acme/app:1\n"
        "create:\n  stage: deploy\n  script:\n    - docker build -t nvcr.io/acme/app:1 .\n"
        f"    - {CREATE} nvcr.io/acme/app:1\n",
        "ci/templates.yml",
        ".push:\n  stage: build\n",
        ".push:\n  stage: release\n",
    ),
    "ansible role defaults": (
        "roles/app/tasks/main.yml",
        f"- shell: {CREATE} {{{{ image }}}}\n",
        "roles/app/defaults/main.yml",
        "image: nvcr.io/acme/app:1\n",
        "image: vllm/vllm-openai:v1\n",
    ),
}


@pytest.mark.parametrize("aged", [False, True])
@pytest.mark.parametrize("case", list(BROUGHT_IN))
def test_a_file_that_reads_another_is_cached_until_that_one_changes(repo, capsys, monkeypatch, case, aged):
    """Answered from the cache like any file (a file holding `include` was never cached), and checked
    again when what it brought in changes, appears or goes."""
    import time

    import nvlint.check.file as file_check

    checked, brought, good, bad = BROUGHT_IN[case][0], *BROUGHT_IN[case][2:]
    ages = iter(range(1, 100))

    def put(name: str, text: str | None) -> None:
        if text is None:
            (repo / name).unlink(missing_ok=True)
            return
        made = write(repo / name, text)
        if aged:  # old enough to be answered by its stamp
            then = time.time_ns() - 3_600_000_000_000 + next(ages) * 1_000_000_000
            os.utime(made, ns=(then, then))

    read: list[str] = []
    check_text = file_check._check_text
    monkeypatch.setattr(
        file_check,
        "_check_text",
        lambda admitted, request, *rest: read.append(request.display) or check_text(admitted, request, *rest),
    )
    put(checked, BROUGHT_IN[case][1])
    put(brought, good)
    assert main(["check", "."]) == 0
    assert checked in read
    read.clear()
    assert main(["check", "."]) == 0
    assert read == []  # answered from the cache
    put(brought, bad)
    capsys.readouterr()
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert f"{checked}:" in out and ("[NV201]" if "gitlab" in case else "[NV101]") in out
    read.clear()
    assert main(["check", "."]) == 1
    assert checked not in read  # the new answer is cached in turn
    put(brought, good)
    assert main(["check", "."]) == 0


POST = "curl -X POST https://api.nvcf.nvidia.com/v2/nvcf/functions -d @deploy/fn.json\n"
FUNCTION = '{{"name": "app", "inferenceUrl": "/v1", "inferencePort": 8000, "containerImage": "{image}"}}\n'


def test_a_json_file_of_the_tree_that_curl_posts_is_the_request_at_the_at_sign(repo, capsys):
    """`curl -d @fn.json` of a file the script did not write: what only the script's order shows (built,
    posted, pushed too late) is reported at the `@`; what the file itself holds, in the file; and the
    script's cached answer holds only while the file is as it was."""
    write(repo / "deploy" / "fn.json", FUNCTION.format(image="nvcr.io/acme/app:1"))
    script = write(repo / "run.sh", f"docker build -t nvcr.io/acme/app:1 .\n{POST}docker push nvcr.io/acme/app:1\n")
    found = check(script)
    assert [(d.code, span_text(script.read_text(), d)) for d in found] == [("NV201", "@")]
    assert "image 'nvcr.io/acme/app:1' (set in deploy/fn.json) is built locally" in found[0].message
    write(repo / "run.sh", f"docker build -t nvcr.io/acme/app:1 .\ndocker push nvcr.io/acme/app:1\n{POST}")
    assert check(repo / "run.sh") == []  # pushed first
    write(repo / "deploy" / "fn.json", FUNCTION.format(image="vllm/vllm-openai:latest"))
    assert main(["check", "--no-cache", "."]) == 1
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == ["deploy/fn.json"]
    write(repo / "run.sh", f"docker build -t nvcr.io/acme/app:1 .\n{POST}docker push nvcr.io/acme/app:1\n")
    assert main(["check", "."]) == 1  # fills the cache: the file's NV101 only (its image is not built here)
    capsys.readouterr()
    write(repo / "deploy" / "fn.json", FUNCTION.format(image="nvcr.io/acme/app:1"))
    assert main(["check", "."]) == 1  # run.sh unchanged, but what it posts changed
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == ["run.sh"]
