"""What a user expects of the command line: severities in the text format, a word on stderr about the run,
usage errors for options that contradict each other, rule names wherever codes go, exclusion that holds for
every way a file arrives, and rule listings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nvlint.cli import main

BAD = 'docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n'
GOOD = "docker login nvcr.io -u '$oauthtoken' --password-stdin < key\n"
TWO_RULES = BAD + "docker login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n"  # NV302 and NV303


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def usage_error(capsys, *args: str) -> str:
    """Standard error of a command line that must be refused with exit status 2: one line that says why,
    and where to read more (not the usage block)."""
    with pytest.raises(SystemExit) as stop:
        main(list(args))
    assert stop.value.code == 2
    err = capsys.readouterr().err
    first, second, nothing = err.split("\n")
    assert first.startswith(f"nvlint {args[0]}: error: ") and second == f"try 'nvlint {args[0]} --help'", err
    assert nothing == ""
    return err


def reported_codes(out: str) -> list[str]:
    return [line.rsplit("[", 1)[1].rstrip("]") for line in out.splitlines()]


# ---- what a run says ---------------------------------------------------------------------------


def test_the_text_format_carries_the_severity_as_gcc_does(tree, capsys):
    Path("a.sh").write_text(TWO_RULES)
    assert main(["check", "--format", "text", "a.sh"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("a.sh:1:26: error: '$oauthtoken' is expanded") and out[0].endswith(" [NV302]")
    assert out[1].startswith("a.sh:2:43: warning: ") and out[1].endswith(" [NV303]")


def test_a_clean_run_says_so_on_stderr(tree, capsys):
    Path("a.sh").write_text(GOOD)
    Path("b.sh").write_text(GOOD)
    assert main(["check", "--format", "text"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "No problems found in 2 files.\n")
    Path("b.sh").write_text(TWO_RULES)
    assert main(["check", "--format", "text"]) == 1
    assert capsys.readouterr().err == "Found 2 problems in 1 file (2 files checked); 1 fixable with --fix.\n"


def test_machine_formats_say_nothing_on_stderr(tree, capsys):
    Path("a.sh").write_text(GOOD)
    assert main(["check", "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


def test_fix_says_how_many_it_fixed_and_how_many_remain(tree, capsys):
    Path("a.sh").write_text(TWO_RULES)
    assert main(["check", "--fix", "--format", "text", "a.sh"]) == 1  # NV303 has no fix
    captured = capsys.readouterr()
    assert captured.err == "Fixed 1 finding (1 remains).\n"
    assert reported_codes(captured.out) == ["NV303"]
    assert Path("a.sh").read_text().startswith(GOOD)
    assert main(["check", "--fix", "--format", "text", "a.sh"]) == 1
    assert capsys.readouterr().err == "Fixed 0 findings (1 remains).\n"


def test_diff_says_how_many_it_would_fix(tree, capsys):
    Path("a.sh").write_text(TWO_RULES)
    assert main(["check", "--diff", "a.sh"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("--- a/a.sh") and captured.err == "Would fix 1 finding.\n"
    assert Path("a.sh").read_text() == TWO_RULES


# ---- usage errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args,message",
    [
        (
            ["--format", "json", "--format", "sarif"],
            "--format json and --format sarif would both write to standard output",
        ),
        (["--fix", "--diff"], "--fix and --diff cannot be used together"),
        (
            ["--write-baseline", "b.json", "--baseline", "b.json"],
            "--write-baseline and --baseline cannot be used together",
        ),
        (["--jobs", "0"], "argument --jobs: must be 1 or more, not 0"),
        (["--jobs", "many"], "argument --jobs: 'many' is not a number"),
        (["--unsafe-fixes"], "--unsafe-fixes needs --fix or --diff"),
        (["--refresh"], "--refresh only applies in online mode"),
        (["--online-scope", "all"], "--online-scope only applies in online mode"),
        (["--watch", "-"], "--watch checks files as they change: standard input cannot be watched"),
        (["--add-suppressions", "--fix"], "--add-suppressions writes directives: it cannot be used with --fix"),
        (["--per-file-ignores", "NV303"], "--per-file-ignores: 'NV303' is not GLOB:RULES"),
        (["--select", "NV999"], "--select: unknown rule 'NV999'"),
        (
            ["--ignore", "oauthtoken-expand"],
            "--ignore: unknown rule 'oauthtoken-expand' (did you mean 'oauthtoken-expanded'?)",
        ),
        (["--extend-ignore", "NV3O2"], "--extend-ignore: unknown rule 'NV3O2' (did you mean 'NV302'?)"),
    ],
)
def test_contradictions_are_usage_errors_with_the_check_usage(tree, capsys, args, message):
    Path("a.sh").write_text(GOOD)
    err = usage_error(capsys, "check", *args, "a.sh")
    assert f"nvlint check: error: {message}" in err


def test_refresh_is_accepted_when_the_configuration_turns_online_mode_on(tree, capsys, monkeypatch):
    """online = true in the configuration is online mode: --refresh then is no contradiction (and with no
    reference to confirm, no registry is asked)."""
    Path(".nvlint.toml").write_text("online = true\n")
    Path("a.sh").write_text("echo hello\n")
    assert main(["check", "--refresh", "--online-scope", "all", "a.sh"]) == 0


def test_a_missing_configuration_file_is_named_without_errno(tree, capsys):
    Path("a.sh").write_text(GOOD)
    assert main(["check", "--config", "missing.toml", "a.sh"]) == 2
    err = capsys.readouterr().err
    assert err == "nvlint: error: cannot read configuration missing.toml: No such file or directory\n"


@pytest.mark.parametrize(
    "content,message",
    [
        (
            None,
            "cannot read baseline base.json: No such file or directory (record one with --write-baseline base.json)",
        ),
        ("{not json", "baseline base.json is not JSON"),
        ('{"something": "else"}', "base.json is not a baseline that nvlint --write-baseline wrote"),
    ],
)
def test_a_baseline_that_cannot_be_used_is_named(tree, capsys, content, message):
    Path("a.sh").write_text(BAD)
    if content is not None:
        Path("base.json").write_text(content)
    assert main(["check", "--baseline", "base.json", "a.sh"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"nvlint: error: {message}") and captured.out == ""


def test_a_usage_error_from_the_rule_command_shows_its_usage(capsys):
    err = usage_error(capsys, "rule", "oauthtoken-expand")
    assert "unknown rule 'oauthtoken-expand' (did you mean 'oauthtoken-expanded'?)" in err


# ---- codes and names ---------------------------------------------------------------------------


def test_rules_are_selected_by_name_as_by_code(tree, capsys):
    Path("a.sh").write_text(TWO_RULES)
    main(["check", "--format", "text", "--select", "password-on-command-line"])
    assert reported_codes(capsys.readouterr().out) == ["NV303"]
    main(["check", "--format", "text", "--ignore", "oauthtoken-expanded,NV303"])
    assert reported_codes(capsys.readouterr().out) == []
    main(["check", "--format", "text", "--extend-select", "kubectl-docker-password", "--select", "NV302"])
    assert reported_codes(capsys.readouterr().out) == ["NV302"]


def test_names_in_the_configuration(tree, capsys):
    Path("a.sh").write_text(TWO_RULES)
    Path(".nvlint.toml").write_text("ignore = ['password-on-command-line']\n")
    main(["check", "--format", "text"])
    assert reported_codes(capsys.readouterr().out) == ["NV302"]


def test_extend_ignore_adds_to_the_configuration_where_ignore_replaces_it(tree, capsys):
    Path("a.sh").write_text(TWO_RULES + "docker login nvcr.io -u oauthtoken --password-stdin < key\n")  # + NV301
    Path(".nvlint.toml").write_text("ignore = ['NV301']\n")
    main(["check", "--format", "text"])
    assert reported_codes(capsys.readouterr().out) == ["NV302", "NV303"]
    main(["check", "--format", "text", "--extend-ignore", "NV302"])
    assert reported_codes(capsys.readouterr().out) == ["NV303"]
    main(["check", "--format", "text", "--ignore", "NV302"])
    assert reported_codes(capsys.readouterr().out) == ["NV303", "NV301"]


def test_rule_by_name(capsys):
    assert main(["rule", "oauthtoken-expanded", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["code"] == "NV302"


# ---- rule listings -----------------------------------------------------------------------------


def test_rules_as_json_mark_the_online_rules(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    online = sorted(r["code"] for r in rules if r["online_only"])
    assert online == ["NV901", "NV902", "NV903", "NV904", "NV905", "NV906", "NV907"]
    assert {r["code"] for r in rules} >= {"NV000", "NV302", "NV516"}


def test_rules_listing_says_which_rules_need_online_mode(capsys):
    assert main(["rules"]) == 0
    rows = {line.split()[0]: line.split()[-1] for line in capsys.readouterr().out.splitlines() if line[:2] == "NV"}
    assert rows["NV901"] == rows["NV902"] == rows["NV903"] == "online"
    assert (rows["NV302"], rows["NV308"]) == ("on", "opt-in")


# ---- exclusion ---------------------------------------------------------------------------------


def test_a_named_file_the_configuration_excludes_gets_one_line(tree, capsys):
    Path(".nvlint.toml").write_text("exclude = ['legacy/']\n")
    for name in ("a", "b", "c", "d"):
        Path("legacy").mkdir(exist_ok=True)
        Path(f"legacy/{name}.sh").write_text(BAD)
    assert main(["check", "--format", "text", "legacy/a.sh"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "nvlint: skipped 1 file that the configuration excludes: legacy/a.sh\nNo problems found in 0 files.\n"
    )
    names = [f"legacy/{n}.sh" for n in "abcd"]
    assert main(["check", "--format", "json", *names]) == 0
    assert capsys.readouterr().err == (
        "nvlint: skipped 4 files that the configuration excludes: legacy/a.sh, legacy/b.sh, legacy/c.sh and 1 more\n"
    )
    assert main(["check", "--format", "json", "."]) == 0  # found by walking: excluded silently
    assert capsys.readouterr().err == ""


def run(cwd: Path, *args: str, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nvlint", *args], input=stdin, capture_output=True, text=True, cwd=cwd)


def test_stdin_filename_honours_exclude(tree):
    Path(".nvlint.toml").write_text("exclude = ['legacy/']\n")
    excluded = run(tree, "check", "--format", "text", "-", "--stdin-filename", "legacy/a.sh", stdin=BAD)
    assert (excluded.returncode, excluded.stdout) == (0, "")
    fixed = run(tree, "check", "--fix", "-", "--stdin-filename", "legacy/a.sh", stdin=BAD)
    assert (fixed.returncode, fixed.stdout) == (0, BAD)  # the editor gets its text back unchanged
    included = run(tree, "check", "--format", "text", "-", "--stdin-filename", "deploy/a.sh", stdin=BAD)
    assert included.returncode == 1 and included.stdout.startswith("deploy/a.sh:1:26: error: ")


def test_nvlint_toml_wins_over_pyproject_beside_it_and_says_so(tree, capsys):
    Path("a.sh").write_text(TWO_RULES)
    Path(".nvlint.toml").write_text("ignore = ['NV302']\n")
    Path("pyproject.toml").write_text("[tool.nvlint]\nignore = ['NV303']\n")
    main(["check", "--format", "text"])
    captured = capsys.readouterr()
    assert reported_codes(captured.out) == ["NV303"]
    assert captured.err.startswith(
        f"nvlint: warning: {tree / '.nvlint.toml'} is used; [tool.nvlint] in pyproject.toml beside it is ignored\n"
    )
    Path("pyproject.toml").write_text("[tool.black]\nline-length = 100\n")  # no [tool.nvlint]: no warning
    main(["check", "--format", "text"])
    assert "warning" not in capsys.readouterr().err


def test_server_without_its_extra_says_how_to_install_it():
    code = (
        "import sys; sys.modules['pygls'] = None\n"  # as if the extra were not installed
        "from nvlint.cli import main; raise SystemExit(main(['server']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert result.stderr == (
        "nvlint: error: nvlint server needs the server extra: pip install 'nvlint[server]' (pygls and lsprotocol)\n"
    )


def test_a_bug_outside_any_file_is_one_line_not_a_traceback(tree, capsys, monkeypatch):
    import nvlint.check.tree

    def broken(*args, **kwargs):
        raise RuntimeError("walk failed")

    monkeypatch.setattr(nvlint.check.tree, "check_paths", broken)
    Path("a.sh").write_text(GOOD)
    assert main(["check", "a.sh"]) == 2
    assert capsys.readouterr().err == (
        "nvlint: internal error: RuntimeError: walk failed (please report it; NVLINT_DEBUG=1 shows the traceback)\n"
    )
    monkeypatch.setenv("NVLINT_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["check", "a.sh"])


@pytest.mark.parametrize(
    ("name", "text", "needed", "readers"),
    [
        ("deploy.sh", 'docker login nvcr.io -u "$oauthtoken"\n', set(), {"shell"}),
        ("deploy.yml", "steps:\n  - run: docker login nvcr.io\n", {"yaml"}, None),
        ("README.md", "```sh\ndocker login nvcr.io\n```\n", {"markdown_it"}, {"markdown"}),
        ("Dockerfile", "FROM nvcr.io/nvidia/pytorch:24.01-py3\nRUN docker login nvcr.io\n", set(), {"dockerfile"}),
    ],
)
def test_a_one_file_run_imports_only_the_libraries_its_kind_needs(tmp_path, name, text, needed, readers):
    """Start-up: a repository's pyproject.toml that says nothing of nvlint is not parsed, a .gitignore
    is not compiled for a file named on the command line, and each reader's library (and each kind's
    reading module) is imported only for a file of its kind. A YAML file of no claimed path is offered
    to every document kind in turn, so it may import all of theirs."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n[tool.black]\nline-length = 100\n")
    (tmp_path / name).write_text(text)
    code = (
        "import sys\nfrom nvlint.cli import main\nmain(['check', sys.argv[1]])\n"
        "print(sorted(m for m in ('tomllib', 'pathspec', 'yaml', 'markdown_it', 'ruamel', 'requests', 'rich')"
        " if m in sys.modules))\n"
        "from nvlint.sources import DOCUMENT_KINDS, FILE_KINDS\n"
        "print(sorted(k.name for k in (*FILE_KINDS, *DOCUMENT_KINDS) if k.module in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, name], cwd=tmp_path, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    libraries, kinds = result.stdout.splitlines()[-2:]
    assert libraries == str(sorted(needed)), result.stderr
    if readers is not None:
        assert kinds == str(sorted(readers)), result.stderr


@pytest.mark.parametrize(
    ("text", "unused"),
    [
        ("docker push nvcr.io/acme/app:1.0\n", ["argparse", "gettext", "json", "pathlib"]),
        # a finding is written to the cache, and read back, as JSON
        ('docker login nvcr.io -u "$oauthtoken"\n', ["argparse", "gettext", "pathlib"]),
    ],
)
def test_a_pre_commit_run_on_one_script_leaves_the_heavier_standard_modules_alone(tmp_path, text, unused):
    """Start-up: argparse (with gettext and locale) reads only command lines the quick reading leaves to
    it, pathlib only walks folders, and json only writes findings: each costs 2-4 ms of a run that
    takes about forty."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "deploy.sh").write_text(text)
    code = (
        "import sys\nfrom nvlint.cli import main\nmain(['check', '--format', 'text', 'deploy.sh'])\n"
        f"print([m for m in {sorted(unused)!r} if m in sys.modules])\n"
    )
    for _ in range(2):  # the first run learns the answer, the second reads it back
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, stdin=subprocess.DEVNULL
        )
        assert result.stdout.splitlines()[-1] == "[]", result.stdout + result.stderr
    assert (tmp_path / ".nvlint_cache").is_dir()  # the cache was used


def test_the_program_exits_without_teardown_yet_loses_no_output_and_runs_exit_handlers(tmp_path):
    """`nvlint` (nvlint.cli:run) ends with os._exit: its exit status is main()'s, its buffered output is
    all written, and exit handlers that a library registered still run."""
    (tmp_path / "bad.sh").write_text('docker login nvcr.io -u "$oauthtoken"\n' * 200)
    code = (
        "import atexit, sys\natexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        "sys.argv = ['nvlint', 'check', '--isolated', '--no-cache', '--format', 'json', 'bad.sh']\n"
        "from nvlint.cli import run\nrun()\nprint('not reached')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert len(json.loads(result.stdout)) == 200  # all of it, though it is larger than a pipe's buffer
    assert "not reached" not in result.stdout and result.stderr.endswith("handler ran\n")


def test_the_program_started_with_standard_output_closed_says_its_status_without_a_traceback(tmp_path):
    """`nvlint check x >&-`: the findings go nowhere, the summary still goes to standard error."""
    import os

    (tmp_path / "bad.sh").write_text('docker login nvcr.io -u "$oauthtoken"\n')
    code = "import sys\nsys.argv = ['nvlint', 'check', '--isolated', 'bad.sh']\nfrom nvlint.cli import run\nrun()\n"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,  # replaced below: closed in the child before it starts
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Found 1 problem in 1 file"), result.stderr
