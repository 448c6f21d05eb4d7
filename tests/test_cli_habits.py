"""The command-line habits ruff users bring: short options, --output-format, -o, --quiet, --show-settings,
--show-files, --stdin-filename alone, --extend-exclude and --per-file-ignores, --add-suppressions, --watch;
and the output they expect: summaries with what --fix would fix, the terminal's width, colour on text, a
baseline that hides findings says so and is never fixed, JUnit per finding."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import text_findings

from nvlint import __version__
from nvlint.cli import main

BAD = 'docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n'
GOOD = "docker login nvcr.io -u '$oauthtoken' --password-stdin < key\n"
UNSAFE = "ngc cf fn create --name a --inference-url /i --container-image vllm/vllm-openai:1\n"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    return tmp_path


def test_short_options_and_aliases(tree, capsys):
    Path("a.sh").write_text(BAD)
    with pytest.raises(SystemExit) as stop:
        main(["-V"])
    assert stop.value.code == 0 and capsys.readouterr().out == f"nvlint {__version__}\n"
    assert main(["check", "-e", "a.sh"]) == 0  # --exit-zero
    capsys.readouterr()
    assert main(["check", "--output-format", "json", "a.sh"]) == 1
    assert json.loads(capsys.readouterr().out)[0]["rule"] == "NV302"


def test_output_without_a_format_writes_text_to_the_file(tree, capsys):
    Path("a.sh").write_text(BAD)
    assert main(["check", "-o", "out.txt", "a.sh"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and text_findings(Path("out.txt").read_text()) == ["a.sh:1:26 NV302"]
    assert captured.err.startswith("Found 1 problem in 1 file (1 file checked); 1 fixable with --fix.")
    assert main(["check", "--format", "json", "-o", "out.json", "a.sh"]) == 1
    assert json.loads(Path("out.json").read_text())[0]["rule"] == "NV302"


def test_quiet_prints_the_findings_and_nothing_else(tree, capsys):
    Path("a.sh").write_text(BAD)
    Path("notes.txt").write_text("x\n")
    assert main(["check", "-q", "--format", "text", "a.sh", "notes.txt"]) == 1
    captured = capsys.readouterr()
    assert text_findings(captured.out) == ["a.sh:1:26 NV302"] and captured.err == ""
    assert main(["check", "--format", "text", "a.sh", "notes.txt"]) == 1
    assert "skipped notes.txt" in capsys.readouterr().err


def test_stdin_filename_alone_reads_standard_input(tree, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    assert main(["check", "--format", "text", "--stdin-filename", "ci/deploy.sh"]) == 1
    assert text_findings(capsys.readouterr().out) == ["ci/deploy.sh:1:26 NV302"]


def test_show_files_lists_what_would_be_checked(tree, capsys):
    Path("a.sh").write_text(BAD)
    Path("Makefile").write_text("all:\n\techo hi\n")
    Path("vendor").mkdir()
    Path("vendor/b.sh").write_text(BAD)
    Path("notes.txt").write_text("x\n")
    assert main(["check", "--show-files", "--extend-exclude", "vendor/"]) == 0
    assert capsys.readouterr().out.splitlines() == ["Makefile  (makefile)", "a.sh  (shell)"]


def test_show_settings_prints_the_resolved_configuration_as_toml(tree, capsys):
    import tomllib

    Path(".nvlint.toml").write_text('ignore = ["NV303"]\nngc-orgs = ["acme"]\nmount-layout = "mount"\n')
    Path("a.sh").write_text(BAD)
    assert main(["check", "--show-settings", "--extend-ignore", "NV304", "a.sh"]) == 0
    out = capsys.readouterr().out
    data = tomllib.loads(out)
    assert data["ignore"] == ["NV303"] and data["ngc-orgs"] == ["acme"] and data["mount-layout"] == "mount"
    assert f"# configuration: {tree / '.nvlint.toml'}" in out
    enabled = out.rsplit("): ", 1)[1].strip().split(", ")
    assert "NV302" in enabled and "NV303" not in enabled and "NV304" not in enabled


def test_extend_exclude_and_per_file_ignores_on_the_command_line(tree, capsys):
    Path("legacy").mkdir()
    Path("legacy/old.sh").write_text(BAD)
    Path("new.sh").write_text(BAD)
    assert main(["check", "--format", "text", "--extend-exclude", "legacy/*.sh"]) == 1
    assert text_findings(capsys.readouterr().out) == ["new.sh:1:26 NV302"]
    assert main(["check", "--format", "text", "--per-file-ignores", "legacy/*.sh:oauthtoken-expanded"]) == 1
    assert text_findings(capsys.readouterr().out) == ["new.sh:1:26 NV302"]


def test_add_suppressions_silences_every_finding_in_each_files_comment_syntax(tree, capsys):
    Path("deploy.sh").write_text("#!/bin/sh\n" + 'docker login nvcr.io \\\n  -u "$oauthtoken" -p "$NGC_API_KEY"\n')
    Path("README.md").write_text("Log in:\n\n```bash\n" + BAD + "```\n")
    workflow = Path(".github/workflows/ci.yml")
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n          " + BAD)
    Path("fn.json").write_text('{"name": "a", "inferenceUrl": "/i", "containerImage": "vllm/x:1"}\n')
    assert main(["check", "--add-suppressions=adopted in 2026"]) == 0
    err = capsys.readouterr().err
    assert "Added 3 suppression directives to 3 files." in err
    assert "nvlint: skipped fn.json: its kind has no comments" in err
    script = Path("deploy.sh").read_text()
    assert script == (
        "#!/bin/sh\n# nvlint: disable=NV302,NV303 -- adopted in 2026\n"
        'docker login nvcr.io \\\n  -u "$oauthtoken" -p "$NGC_API_KEY"\n'
    )
    assert "```bash\n# nvlint: disable=NV302 -- adopted in 2026\n" in Path("README.md").read_text()
    assert "          # nvlint: disable=NV302 -- adopted in 2026\n          docker login" in workflow.read_text()
    assert main(["check", "--format", "text"]) == 1  # only the JSON payload is left
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == ["fn.json"]
    assert main(["check", "--add-suppressions"]) == 0  # again: nothing more to add, nothing breaks
    assert "Added 0 suppression directives to 0 files." in capsys.readouterr().err


def test_summaries_say_what_fix_and_unsafe_fixes_would_fix(tree, capsys):
    Path("a.sh").write_text(BAD + UNSAFE)
    assert main(["check", "--format", "text", "a.sh"]) == 1
    assert capsys.readouterr().err == (
        "Found 2 problems in 1 file (1 file checked); 1 fixable with --fix (1 more with --unsafe-fixes).\n"
    )
    assert main(["check", "--diff", "a.sh"]) == 1
    assert capsys.readouterr().err == "Would fix 1 finding; 1 fixable with --unsafe-fixes.\n"
    assert main(["check", "--fix", "a.sh"]) == 1
    assert capsys.readouterr().err == "Fixed 1 finding (1 remains; 1 fixable with --unsafe-fixes).\n"


def test_pretty_lays_out_at_the_terminals_width(tree, capsys, monkeypatch):
    long_line = 'docker login nvcr.io -u "$oauthtoken" --password-stdin < key  # ' + "x" * 150 + "\n"
    Path("a.sh").write_text(long_line)
    widths = {}
    for columns in ("60", "200"):
        monkeypatch.setenv("COLUMNS", columns)
        main(["check", "--format", "pretty", "--color", "never", "a.sh"])
        widths[columns] = max(len(line) for line in capsys.readouterr().out.splitlines())
    assert widths["60"] <= 60 < widths["200"] <= 200


def test_color_always_colours_the_text_format(tree, capsys):
    Path("a.sh").write_text(BAD)
    main(["check", "--format", "text", "--color", "always", "a.sh"])
    coloured = capsys.readouterr().out
    assert "\x1b[1;31merror\x1b[0m" in coloured
    main(["check", "--format", "text", "a.sh"])  # auto, not a terminal: GCC's plain form for editors
    assert "\x1b" not in capsys.readouterr().out


def test_a_baseline_hides_findings_says_so_and_fix_leaves_them_alone(tree, capsys):
    Path("old.sh").write_text(BAD)
    assert main(["check", "--write-baseline", ".nvlint-baseline.json"]) == 0
    Path("new.sh").write_text(BAD)
    Path(".nvlint.toml").write_text('baseline = ".nvlint-baseline.json"\n')
    capsys.readouterr()
    assert main(["check", "--format", "text"]) == 1
    captured = capsys.readouterr()
    assert text_findings(captured.out) == ["new.sh:1:26 NV302"]
    assert f"nvlint: 1 finding hidden by the baseline ({tree / '.nvlint-baseline.json'})" in captured.err
    silenced = "# nvlint: disable=NV302 -- shown on a slide\n" + BAD
    Path("slide.sh").write_text(silenced)
    assert main(["check", "--fix"]) == 0
    assert Path("old.sh").read_text() == BAD  # hidden: not fixed
    assert Path("slide.sh").read_text() == silenced  # silenced: not fixed either
    assert Path("new.sh").read_text() == GOOD
    assert "Fixed 1 finding (0 remain)." in capsys.readouterr().err


def test_junit_has_one_test_case_per_finding(tree, capsys):
    from xml.etree import ElementTree

    Path("a.sh").write_text(BAD + 'docker login nvcr.io -u x -p "$NGC_API_KEY"\n')
    Path("b.sh").write_text(GOOD)
    main(["check", "--format", "junit", "a.sh", "b.sh"])
    root = ElementTree.fromstring(capsys.readouterr().out.split("?>", 1)[1])
    assert (root.get("tests"), root.get("failures")) == ("4", "3")
    suites = {suite.get("name"): suite for suite in root}
    names = [case.get("name") for case in suites["a.sh"]]
    assert names == [
        "NV302 oauthtoken-expanded at 1:26",
        "NV301 ngc-login-username at 2:25",
        "NV303 password-on-command-line at 2:31",
    ]
    assert [case.find("failure") for case in suites["b.sh"]] == [None]


def test_watch_checks_again_when_a_file_changes(tmp_path):
    import queue
    import threading

    pytest.importorskip("watchfiles", reason="--watch needs the watch extra (pip install -e '.[test]')")
    (tmp_path / "a.sh").write_text(GOOD)
    process = subprocess.Popen(
        [sys.executable, "-m", "nvlint", "check", "--watch", "--no-cache", "--format", "text", "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.rstrip("\n")) for line in process.stdout], daemon=True).start()
    seen: list[str] = []

    def wait_for(predicate) -> bool:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                seen.append(lines.get(timeout=0.5))
            except queue.Empty:
                continue
            if predicate(seen[-1]):
                return True
        return False

    try:
        assert wait_for(lambda line: line.startswith("No problems found")), seen
        time.sleep(0.3)
        (tmp_path / "a.sh").write_text(BAD)
        assert wait_for(lambda line: "[NV302]" in line), seen
        assert "nvlint: a file changed; checking again" in seen
    finally:
        process.terminate()
        process.wait(timeout=10)
