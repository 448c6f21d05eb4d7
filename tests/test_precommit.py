"""The real pre-commit runs the README's pre-commit snippets on a temporary git repository: the published
hook at a release tag and at a commit SHA (from a clone of this repository, standing in for GitHub), and
the `repo: local` hook with the nvlint installed here.

pre-commit installs the published hook into its own virtualenv, with nvlint's dependencies from PyPI.
Where PyPI cannot be reached the test skips with the reason, unless NVLINT_REQUIRE_ALL=1 (set by
.ci/run), which makes that a failure. The clone holds this repository's last commit: uncommitted changes
are not in it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, skip_or_fail
from test_integrations import TAG, yaml_snippets

from nvlint import REPOSITORY

NETWORK_ERRORS = (
    "Could not find a version",
    "No matching distribution",
    "Failed to establish",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ProxyError",
)
BAD = '#!/bin/sh\necho "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin\n'
GOOD = "#!/bin/sh\necho \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\n"
PUBLISHED = REPOSITORY


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    if shutil.which("git") is None:
        skip_or_fail("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        skip_or_fail("pre-commit is not installed (pip install -e '.[test]')")
    return tmp_path_factory.mktemp("pre-commit-home")


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout


def project(tmp_path: Path, config: str, script: str) -> Path:
    repo = tmp_path / "project"
    repo.mkdir(exist_ok=True)
    if not (repo / ".git").exists():
        git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(config)
    (repo / "deploy.sh").write_text(script)
    (repo / "README.txt").write_text('docker login nvcr.io -u "$oauthtoken"\n')  # not a kind nvlint reads
    git(repo, "add", ".")
    return repo


def pre_commit_run(repo: Path, home: Path, path: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    env.pop("NGC_CLI_ORG", None)
    if path is not None:
        env["PATH"] = path
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    if any(error in result.stdout + result.stderr for error in NETWORK_ERRORS):
        skip_or_fail("pre-commit could not install the hook's dependencies from PyPI:\n" + result.stdout[-2000:])
    return result


def readme_config(local: bool) -> str:
    for snippet, document in yaml_snippets("pre-commit"):
        if (document["repos"][0]["repo"] == "local") == local:
            return snippet.text
    raise LookupError("no such pre-commit snippet in the README")


@pytest.fixture
def published(tmp_path) -> Path:
    """This repository as GitHub would hold it: a clone with the release tag the README names."""
    if not (Path(ROOT) / ".git").exists():
        skip_or_fail("the nvlint checkout is not a git repository (the hook is installed from a clone)")
    clone = tmp_path / "nvlint"
    git(tmp_path, "clone", "-q", ROOT, str(clone))
    git(clone, "tag", TAG)
    return clone


def test_the_published_hook_at_a_release_tag(tmp_path, pre_commit_home, published):
    config = readme_config(local=False).replace(PUBLISHED, str(published))
    assert f"rev: {TAG}" in config
    repo = project(tmp_path, config, BAD)
    bad = pre_commit_run(repo, pre_commit_home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "deploy.sh:2:" in bad.stdout and "[NV302]" in bad.stdout, bad.stdout
    assert "README.txt" not in bad.stdout
    project(tmp_path, config, GOOD)
    good = pre_commit_run(repo, pre_commit_home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_the_published_hook_at_a_commit(tmp_path, pre_commit_home, published):
    commit = git(published, "rev-parse", "HEAD").strip()
    config = readme_config(local=False).replace(PUBLISHED, str(published)).replace(f"rev: {TAG}", f"rev: {commit}")
    repo = project(tmp_path, config, BAD)
    bad = pre_commit_run(repo, pre_commit_home)
    assert bad.returncode == 1 and "[NV302]" in bad.stdout, bad.stdout + bad.stderr


def test_the_local_hook_runs_the_installed_nvlint(tmp_path, pre_commit_home):
    installed = Path(sys.executable).parent
    if not (installed / "nvlint").exists():
        skip_or_fail(f"nvlint is not installed beside {sys.executable} (pip install -e .)")
    path = f"{installed}{os.pathsep}{os.environ['PATH']}"
    repo = project(tmp_path, readme_config(local=True), BAD)
    bad = pre_commit_run(repo, pre_commit_home, path)
    assert bad.returncode == 1 and "deploy.sh:2:" in bad.stdout, bad.stdout + bad.stderr
    project(tmp_path, readme_config(local=True), GOOD)
    assert pre_commit_run(repo, pre_commit_home, path).returncode == 0


def test_the_repository_runs_its_own_checks_before_each_commit(tmp_path, pre_commit_home, published):
    """`.pre-commit-config.yaml` runs what CI runs (the README's test command: ruff, ruff format, mypy) and
    nvlint on this repository, with the tools the test extras install; all of them pass on the last commit."""
    from pre_commit.clientlib import load_config

    config = load_config(str(Path(ROOT) / ".pre-commit-config.yaml"))
    entries = {hook["id"]: hook["entry"] for repo in config["repos"] for hook in repo["hooks"]}
    assert sorted(entries) == ["mypy", "nvlint", "ruff", "ruff-format"]
    readme = (Path(ROOT) / "README.md").read_text(encoding="utf-8")
    for tool in ("ruff check", "ruff format", "mypy"):
        assert tool in entries[tool.replace(" check", "").replace(" ", "-")] and f"&& {tool}" in readme
    installed = Path(sys.executable).parent
    if not (installed / "nvlint").exists():
        skip_or_fail(f"nvlint is not installed beside {sys.executable} (pip install -e .)")
    result = pre_commit_run(published, pre_commit_home, f"{installed}{os.pathsep}{os.environ['PATH']}")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert result.stdout.count("Passed") == 4, result.stdout
