"""Every way the README takes nvlint into a project works as written: its snippets (workflow, pre-commit,
GitLab job, configuration, editor settings, shell commands), the GitHub Action and its script.

Workflow, action and GitLab job are validated with the JSON schemas check-jsonschema vendors from
SchemaStore (the ones editors use), read with ruamel.yaml: YAML 1.2, where `on:` is a key, not `true`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, skip_or_fail

from nvlint import REPOSITORY, __version__

README = Path(ROOT) / "README.md"
TAG = f"v{__version__}"
NOT_RUN = "not run by the README tests"
NETWORK_ERRORS = (
    "Could not find a version",
    "No matching distribution",
    "Failed to establish",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ProxyError",
)


class Snippet:
    def __init__(self, language: str, text: str, line: int, run: bool) -> None:
        self.language, self.text, self.line, self.run = language, text, line, run

    def __repr__(self) -> str:
        return f"README.md:{self.line} ({self.language})"


def snippets(language: str | None = None) -> list[Snippet]:
    """The README's fences, with whether the README tests run them (an HTML comment before a fence says
    they do not, and why)."""
    from markdown_it import MarkdownIt

    found, comment = [], ""
    for token in MarkdownIt().parse(README.read_text(encoding="utf-8")):
        if token.type == "html_block":
            comment = token.content
            continue
        if token.type == "fence":
            info = token.info.strip()
            if language is None or info == language:
                found.append(Snippet(info, token.content, token.map[0] + 1, NOT_RUN not in comment))
        comment = ""
    return found


def load_yaml(text: str):
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text)


def schema_errors(document, schema_name: str) -> list[str]:
    import importlib.resources

    import jsonschema

    schema_file = importlib.resources.files("check_jsonschema.builtin_schemas.vendor") / schema_name
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def yaml_snippets(kind: str) -> list:
    """The README's YAML snippets of one kind: a GitHub workflow (`jobs`), a pre-commit configuration
    (`repos`) or a GitLab CI job (the rest)."""
    chosen = []
    for snippet in snippets("yaml"):
        document = load_yaml(snippet.text)
        if isinstance(document, list):
            found = "steps"  # steps of a workflow, shown on their own
        else:
            found = "workflow" if "jobs" in document else "pre-commit" if "repos" in document else "gitlab"
        if found == kind:
            chosen.append((snippet, document))
    return chosen


# ---- the README's snippets ---------------------------------------------------------------------


def test_every_snippet_is_of_a_kind_these_tests_check():
    checked = {"bash", "yaml", "toml", "json", "vim", "elisp", "lua", ""}
    assert {s.language for s in snippets()} <= checked
    assert len(yaml_snippets("workflow")) == 1
    assert len(yaml_snippets("pre-commit")) == 2
    assert len(yaml_snippets("gitlab")) == 1
    assert len(yaml_snippets("steps")) == 1


def test_the_workflow_is_complete_and_valid():
    ((snippet, workflow),) = yaml_snippets("workflow")
    assert schema_errors(workflow, "github-workflows.json") == [], snippet
    assert workflow.get("on"), "a workflow without `on:` never runs"
    (job,) = workflow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"  # the SARIF upload needs it
    steps = job["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    (ours,) = [s for s in steps if s.get("uses", "").split("@")[0].endswith("/nvlint")]
    assert ours["uses"] == f"nvlint/nvlint@{TAG}"
    assert set(ours["with"]) <= set(action()["inputs"]), "the workflow names an input the action does not have"
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == ours["with"]["sarif"]
    assert upload["if"] == "always()"  # nvlint exits 1 when it finds something
    assert steps.index(upload) > steps.index(ours)


def test_the_gitlab_job_is_valid():
    ((snippet, job),) = yaml_snippets("gitlab")
    assert schema_errors(job, "gitlab-ci.json") == [], snippet
    (body,) = job.values()
    install, run = body["script"]
    assert install == f'pip install "git+{REPOSITORY}@{TAG}"'
    report = body["artifacts"]["reports"]["codequality"]
    assert f"--format gitlab --output {report}" in run


def test_the_pre_commit_snippets_load_with_pre_commits_own_loader(tmp_path):
    from pre_commit.clientlib import load_config

    for n, (snippet, document) in enumerate(yaml_snippets("pre-commit")):
        path = tmp_path / f"config-{n}.yaml"
        path.write_text(snippet.text)
        config = load_config(str(path))  # raises InvalidConfigError, naming the problem
        (repo,) = config["repos"]
        if repo["repo"] == "local":
            (hook,) = repo["hooks"]
            assert hook["entry"] == "nvlint check"
            # `system` in every pre-commit; from 4.4 on, its loader calls it `unsupported`
            assert document["repos"][0]["hooks"][0]["language"] == "system"
            assert hook["language"] in ("system", "unsupported")
            assert hook["types_or"] == hook_manifest()["types_or"]  # the same files as the published hook
        else:
            assert (repo["repo"], repo["rev"]) == (REPOSITORY, TAG)
            assert [h["id"] for h in repo["hooks"]] == [hook_manifest()["id"]]


def hook_manifest() -> dict:
    (hook,) = load_yaml((Path(ROOT) / ".pre-commit-hooks.yaml").read_text())
    return hook


def test_the_configuration_example_is_a_valid_configuration(tmp_path):
    from nvlint.check.plan import DECLARED
    from nvlint.rules import CODES
    from nvlint.settings import SettingsFinder

    (snippet,) = snippets("toml")[:1]
    path = tmp_path / "pyproject.toml"
    path.write_text(snippet.text)
    settings = SettingsFinder(None, CODES, DECLARED).load(path)
    assert settings.ignore == ("NV102", "NV106")  # a name, read as its code
    assert settings.extend_select == ("NV514",)


def test_install_snippets_name_the_released_tag():
    text = README.read_text(encoding="utf-8")
    urls = re.findall(r"git\+https://github\.com/nvlint/nvlint@[^\s\"`]+", text)
    assert urls and all(url.endswith(f"@{TAG}") for url in urls)
    assert f"the tag of this version, `{TAG}`" in text and f"**Until `{TAG}` is tagged" in text
    assert f"uses: nvlint/nvlint@{TAG}" in text


def pip_shim(folder: Path) -> Path:
    """A `pip` that checks what a README command would install instead of installing it (the test runs
    with nvlint installed already; CI proves installing from a checkout with the action's fresh venv)."""
    shim = folder / "pip"
    shim.write_text(
        "#!/bin/sh\n"
        '[ "$1" = install ] || { echo "pip shim: only install" >&2; exit 2; }\n'
        'shift; for spec in "$@"; do\n'
        '  case "$spec" in\n'
        "    .|-e) ;;\n"
        "    .\\[*) ;;\n"
        f"    git+https://github.com/*/nvlint@{TAG}) ;;\n"
        '    *) echo "pip shim: unexpected $spec" >&2; exit 2 ;;\n'
        "  esac\n"
        "done\n"
        '[ -f pyproject.toml ] || { echo "pip shim: no pyproject.toml here" >&2; exit 2; }\n'
    )
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    # `python3 -m venv .venv` makes a folder whose activate script keeps these shims first on PATH
    venv = folder / "python3"
    venv.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = -m ] && [ "$2" = venv ]; then\n'
        '  mkdir -p "$3/bin" && echo ": venv shim" > "$3/bin/activate"; exit\n'
        "fi\n"
        f'exec {sys.executable} "$@"\n'
    )
    venv.chmod(venv.stat().st_mode | stat.S_IEXEC)
    return shim


@pytest.fixture
def checkout(tmp_path) -> Path:
    """The parts of the repository the README's commands read, where they may write."""
    copy = tmp_path / "nvlint"
    shutil.copytree(Path(ROOT) / "examples", copy / "examples")
    shutil.copy(Path(ROOT) / "pyproject.toml", copy / "pyproject.toml")
    return copy


def test_shell_snippets_run_against_the_examples(checkout, tmp_path):
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    pip_shim(bin_folder)
    nvlint = Path(sys.executable).parent / "nvlint"
    (bin_folder / "nvlint").symlink_to(nvlint if nvlint.exists() else shutil.which("nvlint"))
    env = {**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    ran = []
    for snippet in snippets("bash"):
        if not snippet.run:
            continue
        for command in filter(None, (line.split("  #")[0].strip() for line in snippet.text.splitlines())):
            result = subprocess.run(
                ["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True, timeout=120
            )
            where = f"{snippet}: {command}"
            assert result.returncode in (0, 1), f"{where}\n{result.stderr}"
            assert "Traceback" not in result.stderr and "usage:" not in result.stderr, where
            assert result.stdout or result.stderr, where
            ran.append((command, result))
    first = ran[0]
    assert (
        first[0]
        == "python3 -m venv .venv && . .venv/bin/activate && pip install . && nvlint check --isolated examples/"
    )
    assert first[1].returncode == 1 and "examples/deploy-broken.sh:" in first[1].stdout
    assert len(ran) >= 6


def test_the_repository_lints_itself_clean(monkeypatch, capsys):
    """`nvlint check .` at the root reports nothing: what is wrong on purpose is excluded by pyproject.toml."""
    from nvlint.cli import main

    monkeypatch.chdir(ROOT)
    assert main(["check", "--no-cache", "--format", "text", "."]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("No problems found in ")


# ---- the GitHub Action -------------------------------------------------------------------------


def action() -> dict:
    return load_yaml((Path(ROOT) / "action.yml").read_text())


def test_the_action_is_valid_and_its_script_reads_every_input():
    manifest = action()
    assert schema_errors(manifest, "github-actions.json") == []
    assert manifest["runs"]["using"] == "composite"
    key_step, cache, step = manifest["runs"]["steps"]
    assert cache["uses"].startswith("actions/cache@") and cache["with"]["key"] == "${{ steps.venv.outputs.key }}"
    assert cache["with"]["path"] == "${{ runner.temp }}/nvlint-venv" == step["env"]["NVLINT_VENV"]
    assert key_step["id"] == "venv" and "constraints.txt" in key_step["run"] and "GITHUB_OUTPUT" in key_step["run"]
    script = Path(ROOT) / "action" / "run.sh"
    assert step["shell"] == "bash" and step["run"] == '"$GITHUB_ACTION_PATH/action/run.sh"'
    assert os.access(script, os.X_OK)
    inputs = {
        match[1]: name
        for name, value in step["env"].items()
        if (match := re.fullmatch(r"\$\{\{ inputs\.([a-z-]+) \}\}", value))
    }
    assert set(inputs) == set(manifest["inputs"]), "every input reaches the script"
    text = script.read_text()
    read = set(re.findall(r"\$\{?(NVLINT_[A-Z_]+)", text))
    assert read == set(step["env"]), "the script reads exactly the variables action.yml sets"
    assert all(manifest["inputs"][name]["description"] for name in manifest["inputs"])


def fake_venv(folder: Path, key: str) -> Path:
    """A venv the action takes as its cached one: an `nvlint` that records its arguments, writes a finding
    where `--format json --output` asks, and exits 1."""
    bin_folder = folder / "bin"
    bin_folder.mkdir(parents=True)
    (bin_folder / "python").symlink_to(sys.executable)
    stub = bin_folder / "nvlint"
    stub.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        "args = sys.argv[1:]\n"
        "print(json.dumps(args))\n"
        "out = args[args.index('json') + 2]  # --format json --output FILE\n"
        "finding = {'rule': 'NV302', 'name': 'oauthtoken-expanded', 'severity': 'error', 'path': 'a.sh', "
        "'line': 1, 'column': 26, 'message': 'a | b', 'url': 'https://example.invalid/NV302'}\n"
        "open(out, 'w').write(json.dumps([finding]))\n"
        "print('Found 1 problem in 1 file (7 files checked).', file=sys.stderr)\n"
        "sys.exit(1)\n"
    )
    stub.chmod(0o755)
    (folder / ".nvlint-key").write_text(key)
    return folder


def test_the_readmes_multi_line_args_reach_nvlint_one_per_line(tmp_path):
    ((_, steps),) = yaml_snippets("steps")
    (step,) = steps
    assert step["uses"] == f"nvlint/nvlint@{TAG}" and set(step["with"]) <= set(action()["inputs"])
    venv = fake_venv(tmp_path / "venv", "k1")
    result = run_action(tmp_path, tmp_path, args=step["with"]["args"], venv=str(venv), venv_key="k1")
    argv = json.loads(result.stdout.splitlines()[0])
    assert argv[argv.index("github") + 1 : -1] == [
        "--extend-ignore",
        "NV303, NV201",
        "--per-file-ignores",
        "legacy/*.sh:NV303",
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            '--extend-ignore "NV303, NV201" --fail-on warning',
            ["--extend-ignore", "NV303, NV201", "--fail-on", "warning"],
        ),
        (
            "--extend-ignore\n  NV303, NV201\n\n--fail-on\nwarning\n",
            ["--extend-ignore", "NV303, NV201", "--fail-on", "warning"],
        ),
        ("--select '$HOME' `id`", ["--select", "$HOME", "`id`"]),  # nothing is expanded or run
        ("", []),
    ],
)
def test_the_actions_args_are_one_per_line_or_shell_quoted(tmp_path, args, expected):
    venv = fake_venv(tmp_path / "venv", "k1")
    summary = tmp_path / "summary.md"
    result = run_action(
        tmp_path, tmp_path, paths="a.sh b.sh", args=args, venv=str(venv), venv_key="k1", step_summary=str(summary)
    )
    assert result.returncode == 1, result.stderr  # nvlint's own status
    argv = json.loads(result.stdout.splitlines()[0])
    assert argv[0] == "check" and argv[-2:] == ["a.sh", "b.sh"]
    assert argv[argv.index("github") + 1 : -2] == expected
    text = summary.read_text()
    assert "1 problem in 1 file (7 files checked)." in text and "| [NV302](https://example.invalid/NV302) |" in text
    assert "Found 1 problem in 1 file (7 files checked)." in result.stderr  # the log still shows it
    assert "a \\| b" in text  # a `|` in a message stays in its table cell


def test_the_action_refuses_args_it_cannot_split(tmp_path):
    venv = fake_venv(tmp_path / "venv", "k1")
    result = run_action(tmp_path, tmp_path, args='--ignore "NV303', venv=str(venv), venv_key="k1")
    assert result.returncode == 2 and "the args input is not shell-quoted words" in result.stderr


def test_the_actions_constraints_pin_every_runtime_dependency():
    """action/constraints.txt pins nvlint's dependencies and theirs, each at a version they allow."""
    from importlib.metadata import distribution

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins: dict[str, str] = {}
    for line in (Path(ROOT) / "action" / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            requirement = Requirement(line)
            (specifier,) = requirement.specifier
            assert specifier.operator == "==", line
            pins[canonicalize_name(requirement.name)] = specifier.version
    needed: dict[str, list[Requirement]] = {}
    todo = [Requirement(r) for r in distribution("nvlint").requires or [] if "extra ==" not in r]
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(requirement.name)
        needed.setdefault(name, []).append(requirement)
        if len(needed[name]) == 1:
            todo += [Requirement(r) for r in distribution(name).requires or [] if "extra ==" not in r]
    assert sorted(set(needed) - set(pins)) == [], "unpinned dependencies"
    for name, requirements in needed.items():
        for requirement in requirements:
            assert requirement.specifier.contains(pins[name], prereleases=True), (name, str(requirement))


def run_action(project: Path, tmp_path: Path, **inputs: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NVLINT_", "VIRTUAL_ENV"))}
    env.update({"GITHUB_ACTION_PATH": ROOT, "RUNNER_TEMP": str(tmp_path)})
    summary = inputs.pop("step_summary", None)
    if summary is not None:
        env["GITHUB_STEP_SUMMARY"] = summary
    env.update({f"NVLINT_{name.upper()}": value for name, value in inputs.items()})
    return subprocess.run(
        ["bash", str(Path(ROOT) / "action" / "run.sh")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_the_action_installs_into_a_fresh_venv_and_lints_the_examples(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(Path(ROOT) / "examples", project / "examples")
    result = run_action(
        project, tmp_path, paths="examples/", sarif="nvlint.sarif", args="--fail-on warning", online_input="false"
    )
    if any(error in result.stderr for error in NETWORK_ERRORS):
        skip_or_fail("pip could not reach PyPI for nvlint's dependencies:\n" + result.stderr[-2000:])
    assert result.returncode == 1, result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations and all(
        line.startswith(("::error file=examples/deploy-broken.sh,", "::warning file=examples/deploy-broken.sh,"))
        for line in annotations
    )
    sarif = json.loads((project / "nvlint.sarif").read_text())
    assert len(sarif["runs"][0]["results"]) == len(annotations)
    venvs = list(tmp_path.glob("nvlint-venv.*"))
    assert len(venvs) == 1 and (venvs[0] / "bin" / "nvlint").exists()  # its own venv, under RUNNER_TEMP
    # the cached venv: built once for its key, used as it is while the key is the same, built anew when not
    cached = tmp_path / "cached"
    for key, built in (("k1", True), ("k1", False), ("k2", True)):
        before = (cached / ".nvlint-key").stat().st_mtime_ns if (cached / ".nvlint-key").exists() else None
        again = run_action(project, tmp_path, paths="examples/", venv=str(cached), venv_key=key)
        assert again.returncode == 1 and "::error file=examples/deploy-broken.sh," in again.stdout, again.stderr
        after = (cached / ".nvlint-key").stat().st_mtime_ns
        assert (after != before) == built and (cached / ".nvlint-key").read_text() == key


def test_the_action_refuses_a_wrong_online_input_before_installing(tmp_path):
    result = run_action(tmp_path, tmp_path, online_input="yes")
    assert result.returncode == 2
    assert "the online input is 'true' or 'false', not 'yes'" in result.stderr
    assert not list(tmp_path.glob("nvlint-venv.*"))


# ---- editors -----------------------------------------------------------------------------------


def text_output(folder: Path) -> tuple[str, list[dict]]:
    """The text format and the JSON findings for the examples, in ``folder``."""
    shutil.copytree(Path(ROOT) / "examples", folder / "examples")
    run = [sys.executable, "-m", "nvlint", "check", "--isolated", "examples/"]
    text = subprocess.run([*run, "--format", "text"], cwd=folder, capture_output=True, text=True).stdout
    found = json.loads(subprocess.run([*run, "--format", "json"], cwd=folder, capture_output=True, text=True).stdout)
    return text, found


def test_the_vs_code_problem_matcher_reads_every_finding(tmp_path):
    (tasks,) = [json.loads(s.text) for s in snippets("json") if "tasks" in json.loads(s.text)]
    matcher = tasks["tasks"][0]["problemMatcher"]
    pattern = matcher["pattern"]
    text, found = text_output(tmp_path)
    assert len(text.splitlines()) == len(found) > 1
    for line, finding in zip(text.splitlines(), found, strict=True):
        match = re.match(pattern["regexp"], line)  # VS Code's are JavaScript regexps: this one is in both
        assert match, line
        assert match[pattern["file"]] == finding["path"]
        assert (int(match[pattern["line"]]), int(match[pattern["column"]])) == (finding["line"], finding["column"])
        assert match[pattern["severity"]] == finding["severity"]
        assert match[pattern["code"]] == finding["rule"]
        assert match[pattern["message"]] == finding["message"]
    assert {f["severity"] for f in found} == {"error", "warning"}  # both levels seen


def test_vim_keeps_the_severity(tmp_path):
    vim = shutil.which("vim")
    if vim is None:
        skip_or_fail("vim is not installed (apt-get install vim)")
    (snippet,) = snippets("vim")
    errorformat = next(line for line in snippet.text.splitlines() if line.startswith("set errorformat="))
    text, found = text_output(tmp_path)
    (tmp_path / "out.txt").write_text(text)
    script = tmp_path / "read.vim"
    script.write_text(
        errorformat + "\n"
        "cgetfile out.txt\n"
        "call writefile(map(getqflist(), {_, e -> bufname(e.bufnr) .. ' ' .. e.lnum .. ' ' .. e.col .. ' '"
        " .. e.type .. ' ' .. e.text}), 'qf.txt')\n"
        "qall!\n"
    )
    subprocess.run(
        [vim, "-u", "NONE", "-N", "-es", "-S", str(script)],
        cwd=tmp_path,
        check=False,
        timeout=60,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    entries = (tmp_path / "qf.txt").read_text().splitlines()
    expected = [f"{f['path']} {f['line']} {f['column']} {f['severity'][0]} {f['message']} [{f['rule']}]" for f in found]
    assert entries == expected


EMACS_READ = """
(progn
  (require 'compile)
  (with-temp-buffer
    (insert-file-contents "out.txt")
    (compilation-mode)
    (compilation--ensure-parse (point-max))
    (goto-char (point-min))
    (while (not (eobp))
      (let ((message (get-text-property (point) 'compilation-message)))
        (princ (format "%d %s\\n" (line-number-at-pos)
                       (if message (compilation--message->type message) "none"))))
      (forward-line 1))))
"""


def test_the_neovim_snippet_for_0_7_to_0_10_shows_the_servers_findings(tmp_path):
    """The README's init.lua for Neovim 0.7-0.10 in a real Neovim (Debian 12 has 0.7): it starts
    `nvlint server` for a shell buffer and shows its finding, at its place, as an error. (The 0.11 snippet
    uses `vim.lsp.config`, which these versions lack; it is checked by its text above.)"""
    nvim = shutil.which("nvim")
    if nvim is None:
        skip_or_fail("Neovim is not installed (apt-get install neovim)")
    version = subprocess.run([nvim, "--version"], capture_output=True, text=True).stdout.split()[1]
    (_, older) = snippets("lua")
    (tmp_path / "init.lua").write_text(older.text)
    (tmp_path / "deploy.sh").write_text('docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n')
    installed = Path(sys.executable).parent
    report = (
        "lua vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100); "
        "for _, d in ipairs(vim.diagnostic.get(0)) do "
        'io.stdout:write(string.format("%d:%d %d %s\\n", d.lnum + 1, d.col + 1, d.severity, d.message)) end; '
        'vim.cmd("qa!")'
    )
    result = subprocess.run(
        [nvim, "--headless", "-u", "init.lua", "deploy.sh", "-c", report],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, "PATH": f"{installed}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path)},
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines and lines[0].startswith("1:26 1 '$oauthtoken' is expanded by the shell"), (version, result)


def test_emacs_compilation_mode_keeps_the_severity(tmp_path):
    emacs = shutil.which("emacs")
    if emacs is None:
        skip_or_fail("emacs is not installed (apt-get install emacs-nox)")
    (snippet,) = snippets("elisp")
    assert snippet.text.strip() == '(setq compile-command "nvlint check --format text ")'
    text, found = text_output(tmp_path)
    (tmp_path / "out.txt").write_text(text)
    result = subprocess.run(
        [emacs, "--batch", "-Q", "--eval", EMACS_READ], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    levels = {"error": "2", "warning": "1", "info": "0"}  # compilation mode's types
    assert result.stdout.splitlines() == [f"{n} {levels[f['severity']]}" for n, f in enumerate(found, 1)]


# ---- the language server's editor setups -------------------------------------------------------


def test_every_editor_setup_runs_nvlint_server_for_the_kinds_it_reads():
    import tomllib

    (vs_code,) = [json.loads(s.text) for s in snippets("json") if "glspc.server.command" in s.text]
    assert (vs_code["glspc.server.command"], vs_code["glspc.server.commandArguments"]) == ("nvlint", ["server"])
    assert {"shellscript", "makefile", "dockerfile", "yaml", "markdown"} <= set(vs_code["glspc.server.languageId"])

    neovim, older = snippets("lua")
    assert 'cmd = { "nvlint", "server" }' in neovim.text and 'vim.lsp.enable("nvlint")' in neovim.text
    for text in (neovim.text, older.text):
        assert all(f'"{t}"' in text for t in ("sh", "make", "dockerfile", "yaml", "markdown", "rst"))

    (helix,) = [tomllib.loads(s.text) for s in snippets("toml") if "language-server" in s.text]
    assert helix["language-server"]["nvlint"] == {"command": "nvlint", "args": ["server"]}
    assert {language["name"] for language in helix["language"]} >= {"bash", "yaml", "make", "dockerfile"}
    assert all("nvlint" in language["language-servers"] for language in helix["language"])

    zed = Path(ROOT) / "editors" / "zed"
    manifest = tomllib.loads((zed / "extension.toml").read_text())
    assert manifest["version"] == __version__  # one version: the extension follows nvlint's
    languages = set(manifest["language_servers"]["nvlint"]["languages"])
    assert {"Shell Script", "YAML", "Makefile", "Dockerfile"} <= languages
    source = (zed / "src" / "lib.rs").read_text()
    assert '.which("nvlint")' in source and 'args: vec!["server".to_string()]' in source
    assert "editors/zed/" in README.read_text(encoding="utf-8")


def test_the_step_summary_counts_the_files_checked():
    sys.path.insert(0, str(Path(ROOT) / "action"))
    try:
        import summary
    finally:
        sys.path.pop(0)
    assert summary.files_checked("nvlint: note\nFound 2 problems in 1 file (12 files checked); 1 fixable.\n") == 12
    assert summary.files_checked("No problems found in 1 file.\n") == 1
    assert summary.files_checked("Traceback...\n") is None
    assert summary.markdown([], 0, 12) == "## nvlint\n\nNo problems found in 12 files.\n"
    assert summary.markdown([], 0) == "## nvlint\n\nNo problems found.\n"
