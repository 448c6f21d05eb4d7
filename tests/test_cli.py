"""The command line as users and CI call it: paths, formats, selection, exit codes, configuration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import modules_imported_by, text_findings

from nvlint.cli import main

BAD = 'docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n'
GOOD = "docker login nvcr.io -u '$oauthtoken' --password-stdin < key\n"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str, mode: int | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    if mode is not None:
        path.chmod(mode)
    return path


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nvlint", *args], input=stdin, capture_output=True, text=True)


def test_text_format_and_exit_codes(tree, capsys):
    write(tree / "deploy.sh", BAD)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert out == (
        "deploy.sh:1:26: error: '$oauthtoken' is expanded by the shell (inside double quotes) to an empty "
        "string; the NGC username is the literal text: write '$oauthtoken' in single quotes [NV302]\n"
    )
    write(tree / "deploy.sh", GOOD)
    assert main(["check", "."]) == 0
    assert capsys.readouterr().out == ""


def test_json_contract(tree, capsys):
    write(tree / "scripts" / "deploy.sh", BAD)
    assert main(["check", "--format", "json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)
    assert finding.pop("url").endswith("/rules/NV302.md")
    fingerprint = finding.pop("fingerprint")
    assert len(fingerprint) == 32 and int(fingerprint, 16) >= 0
    assert finding == {
        "rule": "NV302",
        "name": "oauthtoken-expanded",
        "severity": "error",
        "message": finding["message"],
        "path": os.path.join("scripts", "deploy.sh"),
        "line": 1,
        "column": 26,
        "end_line": 1,
        "end_column": 37,
        "fix": {
            "message": "Write '$oauthtoken'",
            "applicability": "safe",
            "edits": [{"content": "'$oauthtoken'", "line": 1, "column": 25, "end_line": 1, "end_column": 38}],
        },
    }


def test_empty_json_is_an_empty_array(tree, capsys):
    write(tree / "ok.sh", GOOD)
    assert main(["check", "--format", "json", "ok.sh"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_paths_as_given_on_the_command_line(tree, capsys):
    write(tree / "a" / "deploy.sh", BAD)
    main(["check", "./a/deploy.sh"])
    assert capsys.readouterr().out.startswith("./a/deploy.sh:1:26:")
    main(["check", str(tree / "a")])
    assert capsys.readouterr().out.startswith(os.path.join("a", "deploy.sh") + ":")


def test_select_and_ignore(tree, capsys):
    write(tree / "x.sh", BAD + "docker login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n")
    assert main(["check", "--select", "NV303"]) == 1
    assert "NV302" not in capsys.readouterr().out
    assert main(["check", "--ignore", "NV3"]) == 0
    assert main(["check", "--select", "NV3", "--ignore", "NV302,NV303"]) == 0
    assert main(["check", "--select", "NV3", "--ignore", "NV30"]) == 0
    assert main(["check", "--select", "NV30", "--ignore", "NV3"]) == 1  # the more specific prefix wins
    capsys.readouterr()


def test_unknown_code_is_a_usage_error(tree, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--select", "NV999"])
    assert exit_info.value.code == 2
    assert "NV999" in capsys.readouterr().err


def test_a_missing_path_is_a_finding_and_the_other_files_are_still_checked(tree, capsys):
    """As ruff does (E902): `nvlint check nosuch.sh deploy.sh` reports the missing path and lints the rest."""
    write(tree / "deploy.sh", BAD)
    assert main(["check", "--format", "text", "nosuch.sh", "deploy.sh"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "deploy.sh:1:26: error: " + out.splitlines()[0].split(": error: ", 1)[1]
    assert "nosuch.sh:1:1: warning: cannot read the file: No such file or directory [NV000]" in out
    assert err.startswith("Found 2 problems in 2 files (2 files checked)")
    assert main(["check", "--format", "text", "--extend-ignore", "NV000", "nosuch.sh"]) == 0
    assert "nvlint: skipped nosuch.sh: no such file or directory" in capsys.readouterr().err


def test_stdin_with_a_filename():
    result = run("check", "-", "--stdin-filename", "ci/deploy.sh", stdin=BAD)
    assert result.returncode == 1
    assert result.stdout.startswith("ci/deploy.sh:1:26: error: ")
    assert "[NV302]" in result.stdout
    result = run("check", "-", stdin=GOOD)
    assert (result.returncode, result.stdout) == (0, "")


def test_walk_respects_gitignore_and_skips_vendored_trees(tree, capsys):
    (tree / ".git").mkdir()
    write(tree / ".gitignore", "build/\n*.generated.sh\n!keep.generated.sh\n")
    for path in ("build/x.sh", "gen.generated.sh", "node_modules/m/x.sh", ".venv/bin/x.sh", "sub/.git/x.sh"):
        write(tree / path, BAD)
    write(tree / "env" / "pyvenv.cfg", "")
    write(tree / "env" / "bin" / "activate.sh", BAD)
    write(tree / "sub" / ".gitignore", "local.sh\n")
    write(tree / "sub" / "local.sh", BAD)
    write(tree / "keep.generated.sh", BAD)
    write(tree / "sub" / "deploy.sh", BAD)
    assert main(["check"]) == 1
    paths = sorted(line.split(":", 1)[0] for line in capsys.readouterr().out.splitlines())
    assert paths == ["keep.generated.sh", os.path.join("sub", "deploy.sh")]


def test_shell_detected_by_shebang(tree, capsys):
    write(tree / "deploy", "#!/usr/bin/env bash\n" + BAD)
    write(tree / "notes", 'docker login nvcr.io -u "$oauthtoken"\n')  # no shebang, no extension: not shell
    write(tree / "run.py", BAD)
    assert main(["check"]) == 1
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == ["deploy"]


def test_explicit_file_of_another_kind_is_skipped_with_a_notice(tree, capsys):
    write(tree / "notes.txt", BAD)
    assert main(["check", "notes.txt"]) == 0
    assert "skipped notes.txt" in capsys.readouterr().err


def test_config_file_settings(tree, capsys):
    write(tree / "pyproject.toml", "[tool.nvlint]\nngc-orgs = ['acme']\nignore = ['NV302']\n")
    write(tree / "deploy.sh", BAD + "ngc cf fn create --name a --inference-url /i --container-image acme/a:1\n")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "NV102" in out and "NV302" not in out
    assert main(["check", "--isolated"]) == 1
    out = capsys.readouterr().out
    assert "NV101" in out and "NV302" in out


def test_nearest_config_applies(tree, capsys):
    write(tree / ".nvlint.toml", "ignore = ['NV302']\n")
    write(tree / "inner" / ".nvlint.toml", "select = ['NV3']\n")
    write(tree / "a.sh", BAD)
    write(tree / "inner" / "b.sh", BAD)
    assert main(["check"]) == 1
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == [os.path.join("inner", "b.sh")]


@pytest.mark.parametrize(
    "content,message",
    [
        ("selcet = ['NV3']\n", "did you mean 'select'"),
        ("select = ['NV39']\n", "unknown rule 'NV39'"),
        ("mount-layout = 'mounts'\n", "did you mean 'mount'"),
        ("ngc-orgs = 3\n", "list of strings"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_config_errors_exit_2(tree, capsys, content, message):
    write(tree / ".nvlint.toml", content)
    write(tree / "a.sh", BAD)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert message in err and ".nvlint.toml" in err


def test_version_and_help():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("nvlint ")
    assert run().returncode == 2


def test_keys_are_redacted_in_every_format(tree, capsys):
    key = "nvapi-" + "h4wfufdbUX0ECp0ek3QYYDb7vUcgvj25MQE8Do4pgnXR0jujIC8jh8JLZ3gSHO2p"
    write(tree / "a.sh", f"docker login nvcr.io -u oauthtoken -p {key}\n")
    for fmt in ("text", "json"):
        main(["check", "--format", fmt])
        captured = capsys.readouterr()
        assert key[6:] not in captured.out + captured.err


def test_examples_broken_and_fixed(capsys, monkeypatch):
    """The README's first command: the broken example reports its mistakes, the fixed twin nothing."""
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    assert main(["check", "--isolated", "examples/deploy-fixed.sh"]) == 0
    assert main(["check", "--isolated", "examples/deploy-broken.sh"]) == 1
    found = sorted(line.split()[1] for line in text_findings(capsys.readouterr().out))
    assert found == ["NV101", "NV201", "NV302", "NV303", "NV401", "NV505"]


def test_an_internal_error_is_a_finding_not_a_traceback(tree, capsys, monkeypatch):
    import nvlint.check.gate

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(nvlint.check.gate, "admit", broken)
    write(tree / "a.sh", GOOD)
    write(tree / "b.sh", GOOD)
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in out] == ["a.sh", "b.sh"]
    assert all("reading this shell file failed on this file (ValueError: boom)" in line for line in out)
    assert all(line.endswith("[NV003]") for line in out)


def test_a_pre_commit_run_imports_only_what_it_uses(tmp_path):
    """Start-up is most of a pre-commit run: linting one script with findings loads no output library,
    no YAML or HTTP package, no worker machinery, and none of the modules measured to be slow to import
    for nothing (dataclasses decorated at import, the grammar package's importlib.resources, shutil)."""
    script = tmp_path / "deploy.sh"
    script.write_text(
        'docker login nvcr.io -u "$oauthtoken" -p "$KEY"\n'
        "ngc cf fn create --name a --inference-url /i --container-image vllm/vllm:1\n"
    )
    heavy = [
        "rich",
        "ruamel.yaml",
        "yaml",
        "requests",
        "nvlint.online.verify",
        "nvlint.online.client",
        "multiprocessing",
        "concurrent.futures",
        "dataclasses",
        "importlib.resources",
        "shutil",
        "difflib",
        "tempfile",
        "pathspec",
        "identify",
    ]
    probe = (
        "import io, contextlib\nfrom nvlint.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = main(['check', '--isolated', '--format', 'text', {str(script)!r}])\n"
        "print(status, out.getvalue().count('NV'))\n"
    )
    printed, imported = modules_imported_by(probe, cwd=tmp_path)
    status, found = printed.split()
    assert status == "1" and int(found) >= 3, printed
    assert sorted(imported & set(heavy)) == []


def test_a_bad_configuration_deep_in_the_tree_is_a_usage_error(tree, capsys):
    """Files are streamed to the checker as the walk finds them: a broken configuration file met on
    the way still ends the run with status 2 and names the file, with no traceback."""
    (tree / ".git").mkdir()
    for n in range(40):  # enough files for worker processes to be running when the walk gets there
        write(tree / "a" / f"s{n:02d}.sh", BAD)
    write(tree / "z" / "b" / "deploy.sh", BAD)
    write(tree / "z" / "b" / ".nvlint.toml", 'selekt = ["NV3"]\n')
    assert main(["check", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert ".nvlint.toml: unknown key 'selekt' (did you mean 'select'?)" in err and "Traceback" not in err
