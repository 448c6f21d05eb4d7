"""The release: what `.github/workflows/release.yml` builds and publishes, built here the same way (the
sdist and the wheel, without network), checked as PyPI checks it (`twine check --strict`), and run from
the wheel itself, not from this checkout. `.ci/run` also installs the wheel with its dependencies into a
fresh virtual environment and runs it on the examples."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from conftest import ROOT, skip_or_fail
from test_integrations import load_yaml, schema_errors

from nvlint import REPOSITORY, __version__


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    try:
        import build  # noqa: F401
        import hatchling  # noqa: F401
    except ImportError:
        skip_or_fail("build and hatchling are not installed (pip install -e '.[test]')")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), ROOT],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return out


def one(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


def test_the_sdist_and_the_wheel_pass_twine_check(dist):
    files = sorted(str(path) for path in dist.iterdir())
    assert [Path(f).name for f in files] == [f"nvlint-{__version__}-py3-none-any.whl", f"nvlint-{__version__}.tar.gz"]
    done = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *files], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_wheel_says_who_where_and_under_which_license(dist):
    with zipfile.ZipFile(one(dist, "*.whl")) as wheel:
        names = wheel.namelist()
        metadata = Parser().parsestr(wheel.read(f"nvlint-{__version__}.dist-info/METADATA").decode())
    assert metadata["Name"] == "nvlint" and metadata["Version"] == __version__
    assert metadata["License-Expression"] == "Apache-2.0"
    assert metadata["Author"] or metadata["Author-email"]
    urls = dict(value.split(", ", 1) for value in metadata.get_all("Project-URL"))
    assert urls["Homepage"] == urls["Source"] == REPOSITORY and urls["Issues"] == f"{REPOSITORY}/issues"
    classifiers = metadata.get_all("Classifier")
    assert "Programming Language :: Python :: 3" in classifiers and "Typing :: Typed" in classifiers
    assert metadata["Requires-Python"] == ">=3.10"
    assert metadata.get_payload().startswith("# nvlint"), "the README is the long description"
    assert f"nvlint-{__version__}.dist-info/licenses/LICENSE" in names
    assert "nvlint/py.typed" in names and "nvlint/rules/nv302_oauthtoken_expanded.py" in names


def test_the_sdist_holds_what_a_rebuild_and_the_tests_need(dist):
    with tarfile.open(one(dist, "*.tar.gz")) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for needed in (
        "LICENSE",
        "CHANGELOG.md",
        "README.md",
        "pyproject.toml",
        "rules/NV302.md",
        "examples/deploy-broken.sh",
    ):
        assert needed in names, needed


def test_the_wheel_runs_on_its_own(dist, tmp_path):
    """Installed from the wheel alone (its dependencies are this environment's), nvlint lints the examples."""
    target = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(one(dist, "*.whl")),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); import nvlint, nvlint.cli; "
        "assert nvlint.__file__.startswith(sys.argv[1]), nvlint.__file__; "
        "raise SystemExit(nvlint.cli.main(['check', '--isolated', '--format', 'text', 'examples']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(target)], cwd=ROOT, capture_output=True, text=True, env={**os.environ}
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "examples/deploy-broken.sh:" in done.stdout and "[NV302]" in done.stdout


def test_the_release_workflow_builds_checks_and_publishes_on_a_version_tag():
    path = Path(ROOT) / ".github" / "workflows" / "release.yml"
    workflow = load_yaml(path.read_text(encoding="utf-8"))
    assert schema_errors(workflow, "github-workflows.json") == []
    assert workflow["on"]["push"]["tags"] == ["v*"]
    jobs = workflow["jobs"]
    text = path.read_text(encoding="utf-8")
    assert "python -m build" in text and "twine check --strict" in text
    publish = next(
        job for job in jobs.values() if any("pypa/gh-action-pypi-publish" in s.get("uses", "") for s in job["steps"])
    )
    assert publish["permissions"]["id-token"] == "write"  # trusted publishing: no token in the repository
    assert publish["environment"]["name"] == "pypi"
    assert "gh release create" in text
    # the tag must be the version: a release of 0.2.0 tagged v0.1.0 is refused before anything is published
    assert "nvlint.__version__" in text and '"${GITHUB_REF_NAME}"' in text


def test_the_changelog_has_this_version():
    text = (Path(ROOT) / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[?{re.escape(__version__)}\]?", text, re.MULTILINE), (
        "CHANGELOG.md has no entry for this version"
    )


def test_ci_runs_the_readmes_test_command_verbatim_and_the_built_wheel():
    readme = (Path(ROOT) / "README.md").read_text(encoding="utf-8")
    (command,) = [
        line for line in readme.splitlines() if "pip install -e '.[test]'" in line and line.startswith("python3")
    ]
    ci = (Path(ROOT) / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines()
    assert "twine check --strict" in ci and ".whl" in ci


def test_the_repository_is_named_in_one_place():
    """pyproject's URLs, the editors' manifests, rule pages and every install snippet name REPOSITORY."""
    from nvlint.diagnostics import rule_url

    pyproject = (Path(ROOT) / "pyproject.toml").read_text(encoding="utf-8")
    urls = re.findall(r'^\w+ = "(https://github\.com/[^"]*)"', pyproject, re.MULTILINE)
    assert urls and all(url.startswith(REPOSITORY) for url in urls)
    assert rule_url("NV302").startswith(REPOSITORY + "/")
    zed = (Path(ROOT) / "editors" / "zed" / "extension.toml").read_text(encoding="utf-8")
    assert f'repository = "{REPOSITORY}"' in zed
    readme = (Path(ROOT) / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"github\.com/([\w.-]+/nvlint)\b", readme)) | set(
        re.findall(r"uses: ([\w.-]+/nvlint)@", readme)
    )
    assert named == {REPOSITORY.removeprefix("https://github.com/")}
    assert "<owner>" not in readme
