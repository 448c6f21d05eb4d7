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
