"""Hostile trees: every one gives a finding or a notice with the reason, in bounded time, and the rest
of the tree is still linted. Each case runs the real command line in a subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import text_findings

BAD = "docker login nvcr.io -u $oauthtoken\n"


def nvlint(cwd: Path, *args: str, timeout: float = 120, config: str | None = None) -> subprocess.CompletedProcess:
    """The command line with no configuration but ``config`` (the text of a .nvlint.toml) when given."""
    settings = ["--isolated"]
    if config is not None:
        (cwd / "nvlint-test.toml").write_text(config)
        settings = ["--config", str(cwd / "nvlint-test.toml")]
    return subprocess.run(
        [sys.executable, "-m", "nvlint", "check", *settings, "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def hostile(tmp_path):
    (tmp_path / "good.sh").write_text(BAD)  # the control: always reported
    return tmp_path


def lines(result) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return text_findings(result.stdout)


def test_huge_file_is_reported_not_read(hostile):
    with open(hostile / "huge.sh", "wb") as handle:
        handle.write(b"# filler line\n" * (50 * 1024 * 1024 // 14 + 1))
    started = time.monotonic()
    result = nvlint(hostile)
    assert time.monotonic() - started < 30
    assert lines(result) == ["good.sh:1:25 NV302", "huge.sh:1:1 NV000"]
    assert "file is 50 MB, larger than max-file-size (2 MB); not read" in result.stdout


def test_the_size_limit_is_a_setting(hostile):
    (hostile / "big.sh").write_bytes(b"# filler line\n" * 100_000 + BAD.encode())  # 1.3 MB
    assert lines(nvlint(hostile)) == ["big.sh:100001:25 NV302", "good.sh:1:25 NV302"]
    result = nvlint(hostile, config='max-file-size = "1MB"\n')
    assert lines(result) == ["big.sh:1:1 NV000", "good.sh:1:25 NV302"]
    assert "file is 1.3 MB, larger than max-file-size (1 MB); not read" in result.stdout
    piped = subprocess.run(
        [sys.executable, "-m", "nvlint", "check", "--config", "nvlint-test.toml", "-", "--stdin-filename", "big.sh"],
        input=BAD * 100,
        cwd=hostile,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert piped.returncode == 1 and text_findings(piped.stdout)[0] == "big.sh:1:25 NV302"  # under 1 MB: read
    (hostile / "nvlint-test.toml").write_text("max-file-size = 1000\n")
    piped = subprocess.run(
        [sys.executable, "-m", "nvlint", "check", "--config", "nvlint-test.toml", "-", "--stdin-filename", "big.sh"],
        input=BAD * 100,
        cwd=hostile,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "file is 3.5 KB, larger than max-file-size (1000 bytes); not read" in piped.stdout  # the same limit


def test_one_ten_megabyte_line(hostile):
    (hostile / "line.sh").write_bytes(b"echo " + b"a" * 10_000_000 + b" && " + BAD.encode())
    found = lines(nvlint(hostile, config='max-file-size = "16MB"\n'))
    assert found == ["good.sh:1:25 NV302", "line.sh:1:10000034 NV302"]


@pytest.mark.parametrize("opening,closing", [("( ", " )"), ("$(", ")"), ("{ ", "; }"), ("`", "`")])
def test_ten_thousand_levels_of_nesting(hostile, opening, closing):
    depth = 10_000 if opening != "`" else 1  # backquotes do not nest without escaping
    (hostile / "deep.sh").write_text(
        "echo " * (opening in ("$(", "`")) + opening * depth + BAD.strip() + closing * depth + "\n"
    )
    found = lines(nvlint(hostile))
    assert found[0] == "deep.sh" + found[0][len("deep.sh") :] and found[0].endswith("NV302")
    assert found[-1] == "good.sh:1:25 NV302"


def test_yaml_billion_laughs(hostile):
    workflow = hostile / ".github" / "workflows"
    workflow.mkdir(parents=True)
    aliases = "".join(f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    (workflow / "laughs.yml").write_text(
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + aliases
        + "on: push\njobs:\n  x:\n    steps:\n      - run: "
        + BAD
    )
    started = time.monotonic()
    found = lines(nvlint(hostile))
    assert time.monotonic() - started < 30
    assert found == [".github/workflows/laughs.yml:14:38 NV302", "good.sh:1:25 NV302"]


def test_symlink_loops_and_broken_links(hostile):
    (hostile / "loop").symlink_to(hostile / "loop")
    (hostile / "a.sh").symlink_to(hostile / "b.sh")
    (hostile / "b.sh").symlink_to(hostile / "a.sh")
    (hostile / "dir").mkdir()
    (hostile / "dir" / "up").symlink_to(hostile, target_is_directory=True)
    result = nvlint(hostile)
    assert lines(result) == ["good.sh:1:25 NV302"]
    assert "skipped a.sh: a broken or looping symbolic link" in result.stderr


def test_unreadable_and_vanishing_files(hostile, monkeypatch, capsys):
    from nvlint.cli import main

    (hostile / "secret.sh").write_text(BAD)
    (hostile / "gone.sh").write_text(BAD)
    real_open = os.open

    def fake_open(path, *args, **kwargs):  # root reads every file: the errors are made here
        if os.path.basename(path) == "secret.sh":
            raise PermissionError(13, "Permission denied")
        if os.path.basename(path) == "gone.sh":
            raise FileNotFoundError(2, "No such file or directory")
        return real_open(path, *args, **kwargs)

    monkeypatch.chdir(hostile)
    monkeypatch.setattr(os, "open", fake_open)  # how the runner opens a file it reads
    assert main(["check", "--isolated", "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert "gone.sh:1:1: warning: cannot read the file: No such file or directory [NV000]" in out
    assert "secret.sh:1:1: warning: cannot read the file: Permission denied [NV000]" in out
    assert "good.sh:1:25: error: " in out


@pytest.mark.parametrize(
    "encoding,expected",
    [
        ("latin-1", "NV000"),
        ("utf-16", "NV302"),
        ("utf-16-le-bom", "NV302"),
        ("utf-8-sig", "NV302"),
    ],
)
def test_encodings(hostile, encoding, expected):
    text = "# café\n" + BAD
    data = (b"\xff\xfe" + text.encode("utf-16-le")) if encoding == "utf-16-le-bom" else text.encode(encoding)
    (hostile / "enc.sh").write_bytes(data)
    found = lines(nvlint(hostile))
    assert found[0].startswith("enc.sh:") and found[0].endswith(expected)
    if expected == "NV302":
        assert found[0] == "enc.sh:2:25 NV302"


def test_crlf(hostile):
    (hostile / "crlf.sh").write_bytes(b"echo hi\r\n" + BAD.replace("\n", "\r\n").encode())
    assert lines(nvlint(hostile))[0] == "crlf.sh:2:25 NV302"


def test_ctrl_c_exits_130_without_a_traceback_or_partial_files(tmp_path):
    for n in range(400):
        (tmp_path / f"s{n:03d}.sh").write_text(("echo filler\n" * 4000) + 'docker login nvcr.io -u "$oauthtoken"\n')
    process = subprocess.Popen(
        [sys.executable, "-m", "nvlint", "check", "--isolated", "--no-cache", "--fix"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A suite started in the background (`cmd &`, nohup) passes SIGINT on ignored, and Python then
        # never raises KeyboardInterrupt: give the child the terminal's default, as a user's shell does.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(2.5)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, (process.returncode, err[-2000:])
    assert "Traceback" not in err
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".nvlint")]
    assert leftovers == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
@pytest.mark.parametrize("named", [False, True])
def test_a_named_pipe_is_skipped_with_a_notice_never_opened(hostile, named):
    """Opening a FIFO for reading waits for a writer: nvlint must not even open it (a hang would time out)."""
    os.mkfifo(hostile / "pipe.sh")
    result = nvlint(hostile, *(["pipe.sh", "good.sh"] if named else []), timeout=30)
    assert lines(result) == ["good.sh:1:25 NV302"]
    assert "nvlint: skipped pipe.sh: not a regular file (a named pipe)\n" in result.stderr


def test_a_socket_is_skipped_with_a_notice(hostile):
    import socket

    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(hostile / "api.sock.sh"))
        result = nvlint(hostile, timeout=30)
    assert lines(result) == ["good.sh:1:25 NV302"]
    assert "skipped api.sock.sh: not a regular file (a socket)" in result.stderr


def test_functions_calling_functions_cannot_make_the_work_exponential(hostile):
    """Each call is followed by walking the body again: three calls per level, twelve levels, would be
    half a million commands. The work stops at a budget linear in the file, with a notice."""
    levels = [f"f{i}() {{ f{i + 1}; f{i + 1}; f{i + 1}; }}" for i in range(12)]
    (hostile / "calls.sh").write_text("\n".join([*levels, "f12() { docker push nvcr.io/acme/app:1; }", "f0", BAD]))
    found = lines(nvlint(hostile, timeout=60))
    assert found[0] == "calls.sh:12:14 NV000"  # the call where the budget ran out
    assert found[1:] == ["calls.sh:15:25 NV302", "good.sh:1:25 NV302"]  # the rest of the file is still read
