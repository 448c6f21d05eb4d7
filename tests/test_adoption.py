"""Suppressions, configuration keys, fixes and baselines: what a team needs to adopt nvlint."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import codes, lint, text_findings

from nvlint.cli import main

BAD = 'docker login nvcr.io -u "$oauthtoken" --password-stdin < key'


# ---- suppressions --------------------------------------------------------------------------------


def test_end_of_line_directive_silences_that_line_only():
    src = f"{BAD}  # nvlint: disable=NV302 -- documented on purpose\n{BAD}\n"
    assert [(d.code, d.line) for d in lint(src)] == [("NV302", 2)]


def test_own_line_directive_silences_the_next_command_with_its_continuations():
    src = (
        "# nvlint: disable=NV302,NV303 -- shown in the training material\n"
        'docker login nvcr.io \\\n  -u "$oauthtoken" \\\n  -p "$NGC_API_KEY"\n'
        f"{BAD}\n"
    )
    assert [(d.code, d.line) for d in lint(src)] == [("NV302", 5)]


def test_file_directive():
    src = f"#!/bin/sh\n# nvlint: disable-file=NV302 -- a tutorial about this mistake\n{BAD}\n{BAD}\n"
    assert codes(src) == []


def test_no_suppressions_reports_everything(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("a.sh").write_text(f"{BAD}  # nvlint: disable=NV302 -- on purpose\n")
    assert main(["check", "--isolated", "a.sh"]) == 0
    assert main(["check", "--isolated", "--no-suppressions", "a.sh"]) == 1
    assert "NV302" in capsys.readouterr().out


def test_directives_work_in_make_and_yaml():
    from conftest import lint_bytes

    from nvlint.rules import select_rules
    from nvlint.settings import Settings

    ALL_RULES = select_rules()
    make = b'login:\n\t# nvlint: disable=NV302 -- demo\n\tdocker login nvcr.io -u "$$oauthtoken" < key\n'
    assert lint_bytes(make, "Makefile", "makefile", Settings(), ALL_RULES) == []
    workflow = (
        b"on: push\njobs:\n  a:\n    steps:\n      - run: |\n"
        b"          # nvlint: disable=NV302 -- demo\n"
        b'          docker login nvcr.io -u "$oauthtoken" < key\n'
    )
    assert lint_bytes(workflow, ".github/workflows/a.yml", "yaml", Settings(), ALL_RULES) == []


# ---- configuration -------------------------------------------------------------------------------


def project(tmp_path, monkeypatch, config: str, files: dict[str, str]) -> Path:
    monkeypatch.chdir(tmp_path)
    Path(".nvlint.toml").write_text(config)
    for name, text in files.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text)
    return tmp_path


def reported(capsys) -> list[str]:
    return text_findings(capsys.readouterr().out)


def test_per_file_ignores_and_exclude(tmp_path, monkeypatch, capsys):
    project(
        tmp_path,
        monkeypatch,
        "per-file-ignores = { 'legacy/*.sh' = ['NV302'] }\nexclude = ['vendor/**']\n",
        {"legacy/a.sh": BAD + "\n", "b.sh": BAD + "\n", "vendor/c.sh": BAD + "\n"},
    )
    assert main(["check"]) == 1
    assert reported(capsys) == ["b.sh:1:26 NV302"]


def test_severity_and_fail_on(tmp_path, monkeypatch, capsys):
    project(tmp_path, monkeypatch, "severity = { NV302 = 'warning' }\nfail-on = 'error'\n", {"a.sh": BAD + "\n"})
    assert main(["check", "--format", "json"]) == 0  # reported, but below fail-on
    assert '"severity": "warning"' in capsys.readouterr().out
    assert main(["check", "--fail-on", "warning"]) == 1
    assert main(["check", "--fail-on", "warning", "--exit-zero"]) == 0


def test_extend_select_enables_opt_in_rules_only_by_code(monkeypatch):
    import nvlint.rules as rules
    from nvlint.rules import select_codes

    monkeypatch.setattr(rules, "CATALOG", (*rules.CATALOG, ("NV999", False, "none")))
    assert "NV999" not in select_codes(("NV9",))
    assert "NV999" in select_codes(("NV999",))
    assert "NV999" in select_codes(extend_select=("NV999",))
    assert "NV999" not in select_codes(extend_select=("NV999",), ignore=("NV999",))


@pytest.mark.parametrize(
    "config,message",
    [
        ("per-file-ignores = { 'a.sh' = ['NV3O2'] }\n", "unknown rule 'NV3O2' (did you mean 'NV302'?)"),
        ("severity = { NV302 = 'fatal' }\n", "must be one of error, warning, info"),
        ("fail-on = 'warn'\n", "did you mean 'warning'"),
        ("exclude = 'x'\n", "'exclude' must be a list of strings, not a string: write exclude = [\"x\"]"),
        ('ignore = "NV302"\n', "'ignore' must be a list of strings, not a string: write ignore = [\"NV302\"]"),
        ('ngc-orgs = "myorg"\n', "'ngc-orgs' must be a list of strings, not a string"),
        ("ngc-orgs = [1]\n", "'ngc-orgs' must be a list of strings; it holds a number (1)"),
        ("fail-on = 1\n", "'fail-on' must be one of error, warning, info (a string), not a number (1)"),
        ("max-file-size = true\n", "'max-file-size' must be a size"),
        ("baseline = 3\n", "'baseline' must be a file name (a string), not a number (3)"),
        ("severity = []\n", "'severity' must be a table, not a list"),
        ("extend-selct = ['NV3']\n", "did you mean 'extend-select'"),
    ],
)
def test_config_validation(tmp_path, monkeypatch, capsys, config, message):
    project(tmp_path, monkeypatch, config, {"a.sh": "echo hi\n"})
    status = main(["check"])
    if message is None:
        assert status == 0
    else:
        assert status == 2 and message in capsys.readouterr().err


# ---- fixes ---------------------------------------------------------------------------------------

FIXABLE = (
    "#!/bin/sh\r\n"
    'docker login nvcr.io -u "$oauthtoken" --password-stdin < key\r\n'
    "ngc cf fn create --name a --inference-url /i --container-image vllm/vllm-openai:v1 "
    "--secret HF=$HF --org acme\r\n"
    "ngc cf fn create --name b --inference-url /i --container-image acme/app:1"
)  # no final newline


def test_fix_edits_only_its_spans_and_is_idempotent(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    script = Path("deploy.sh")
    script.write_bytes(FIXABLE.encode())
    script.chmod(0o751)
    assert main(["check", "--isolated", "--fix", "deploy.sh"]) == 1  # NV101 is unsafe: still reported
    fixed = script.read_bytes().decode()
    assert fixed == (
        FIXABLE.replace('"$oauthtoken"', "'$oauthtoken'")
        .replace("HF=$HF", "HF:$HF")
        .replace("image acme/app:1", "image nvcr.io/acme/app:1")
    )
    assert stat.S_IMODE(script.stat().st_mode) == 0o751
    assert main(["check", "--isolated", "--fix", "deploy.sh"]) == 1
    assert script.read_bytes().decode() == fixed  # a second --fix changes nothing
    assert main(["check", "--isolated", "--fix", "--unsafe-fixes", "deploy.sh"]) == 0
    assert "docker.io/vllm/vllm-openai:v1" in script.read_text()


def test_fix_keeps_a_byte_order_mark(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.sh").write_bytes(b"\xef\xbb\xbf" + BAD.encode() + b"\n")
    main(["check", "--isolated", "--fix", "a.sh"])
    assert Path("a.sh").read_bytes() == b"\xef\xbb\xbf" + BAD.replace('"$oauthtoken"', "'$oauthtoken'").encode() + b"\n"


def test_diff_changes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("a.sh").write_text(BAD + "\n")
    assert main(["check", "--isolated", "--diff", "a.sh"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/a.sh\n+++ b/a.sh\n") and "+docker login nvcr.io -u '$oauthtoken'" in out
    assert Path("a.sh").read_text() == BAD + "\n"
    Path("b.sh").write_text("echo hi\n")
    assert main(["check", "--isolated", "--diff", "b.sh"]) == 0


def test_fix_from_standard_input():
    result = subprocess.run(
        [sys.executable, "-m", "nvlint", "check", "--isolated", "--fix", "-"],
        input=BAD + "\n",
        capture_output=True,
        text=True,
    )
    assert result.stdout == BAD.replace('"$oauthtoken"', "'$oauthtoken'") + "\n"
    assert result.returncode == 0


def test_make_fix_doubles_the_dollar(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("Makefile").write_text("login:\n\tdocker login nvcr.io -u '$oauthtoken' --password-stdin < key\n")
    main(["check", "--isolated", "--fix", "Makefile"])
    assert "-u '$$oauthtoken'" in Path("Makefile").read_text()
    assert main(["check", "--isolated", "Makefile"]) == 0


# ---- baselines -----------------------------------------------------------------------------------


def test_baseline_survives_edits_above(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("a.sh").write_text(f"{BAD}\n")
    assert main(["check", "--isolated", "--write-baseline", "baseline.json"]) == 0
    assert main(["check", "--isolated", "--baseline", "baseline.json"]) == 0
    Path("a.sh").write_text(f"# a new comment\necho more\n{BAD}\n")
    assert main(["check", "--isolated", "--baseline", "baseline.json"]) == 0
    Path("a.sh").write_text(f"# a new comment\n{BAD}\n{BAD}\n")  # a second, new occurrence
    capsys.readouterr()
    assert main(["check", "--isolated", "--baseline", "baseline.json"]) == 1
    assert capsys.readouterr().out.count("NV302") == 1
    assert main(["check", "--isolated", "--baseline", "missing.json"]) == 2


def test_no_fix_inside_a_single_quoted_yaml_scalar(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    workflow = tmp_path / ".github" / "workflows"
    workflow.mkdir(parents=True)
    text = (
        "on: push\njobs:\n  a:\n    steps:\n"
        "      - run: 'docker login nvcr.io -u \"$oauthtoken\" < key'\n"
        '      - run: "docker login nvcr.io -u \\"$oauthtoken\\" < key"\n'
    )
    (workflow / "a.yml").write_text(text)
    assert main(["check", "--isolated", "--fix", "--no-cache"]) == 1  # reported, not fixed: quoted scalars
    assert (workflow / "a.yml").read_text() == text  # an edit there would need YAML's own escaping
