"""The real pre-commit runs this repository's hook (`pre-commit try-repo`) on a temporary git repo.

pre-commit installs the hook into its own virtualenv from PyPI. Where PyPI cannot be reached the test
skips with the reason, unless NVLINT_REQUIRE_ALL=1 (set by .ci/run), which makes that a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

NETWORK_ERRORS = ("Could not find a version", "No matching distribution", "Failed to establish",
                  "Temporary failure in name resolution", "Network is unreachable", "ProxyError")


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("NVLINT_REQUIRE_ALL") == "1":
        pytest.fail(f"{reason} (NVLINT_REQUIRE_ALL=1 forbids skipping)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    if shutil.which("git") is None:
        _skip_or_fail("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        _skip_or_fail("pre-commit is not installed (pip install -e '.[test]')")
    return tmp_path_factory.mktemp("pre-commit-home")


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    env.pop("NGC_CLI_ORG", None)
    result = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", ROOT, "nvlint", "--all-files",
                             "--verbose"], cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    if any(error in result.stdout + result.stderr for error in NETWORK_ERRORS):
        _skip_or_fail("pre-commit could not install the hook from PyPI:\n" + result.stdout[-2000:])
    return result


def test_hook_fails_on_a_bad_script_and_passes_on_a_good_one(tmp_path, pre_commit_home):
    if not (Path(ROOT) / ".git").exists():
        _skip_or_fail("the nvlint checkout is not a git repository (pre-commit try-repo needs one)")
    repo = tmp_path / "project"
    repo.mkdir()
    _git(repo, "init", "-q")
    script = repo / "deploy.sh"
    script.write_text("#!/bin/sh\necho \"$NGC_API_KEY\" | docker login nvcr.io -u \"$oauthtoken\" --password-stdin\n")
    (repo / "README.txt").write_text("docker login nvcr.io -u \"$oauthtoken\"\n")  # not a shell file
    _git(repo, "add", ".")

    bad = _try_repo(repo, pre_commit_home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "deploy.sh:2:" in bad.stdout and "NV302" in bad.stdout, bad.stdout
    assert "README.txt" not in bad.stdout

    script.write_text("#!/bin/sh\necho \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\n")
    _git(repo, "add", ".")
    good = _try_repo(repo, pre_commit_home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
