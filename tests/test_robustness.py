"""Never crash: any bytes, any nesting, any size give diagnostics or nothing, never a traceback."""

from __future__ import annotations

import subprocess
import sys

from conftest import codes, lint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FRAGMENTS = [
    "docker login nvcr.io -u \"$oauthtoken\" ", "--password-stdin", "ngc cf fn create ", "--container-image ",
    "vllm/x:1 ", "nvcr.io/acme/app:$TAG", "'$oauthtoken'", "\"$IMAGE\"", "${X:-a/b:1}", "$(", ")", "`", "'", "\"",
    "\\\n", "\n", "; ", " && ", " | ", "if true; then ", "fi\n", "case $x in a) ", ";; esac\n", "f() { ", "}\n",
    "<<EOF\n", "EOF\n", "<<< ", "bash -c ", "sudo ", "X=", "--model ", "acme/m:1 ", "/mount/model/x/1 ",
    "--helm-chart ", "nvapi-", "ab12", "\t", "\r\n", "é", "\x00", "((", "))", "[[ ", " ]]", "$'\\x41'", "{", "}",
    "for i in 1 2; do ", "done\n", "docker build -t ", "docker push ", "echo ", "-p ", "=", ":",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_random_scripts_never_raise(pieces):
    found = lint("".join(pieces))
    for d in found:
        assert d.line >= 1 and d.column >= 1 and (d.end_line, d.end_column) >= (d.line, d.column)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data):
    lint(b"docker login nvcr.io " + data)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_raises(text):
    lint("ngc cf fn create " + text)


def test_binary_invalid_utf8_and_empty():
    assert codes(b"\x00\x01docker login nvcr.io") == ["NV000"]
    (d,) = lint(b"docker login nvcr.io\n-u caf\xe9\n")
    assert (d.code, d.line, d.column) == ("NV000", 2, 7) and "0xe9" in d.message
    assert codes(b"") == []
    assert codes(b"\xef\xbb\xbfdocker login nvcr.io -u $oauthtoken\n") == ["NV302"]


def test_bom_and_crlf_keep_positions():
    (d,) = lint(b"\xef\xbb\xbfdocker login nvcr.io -u $oauthtoken\r\n")
    assert (d.line, d.column, d.end_column) == (1, 25, 36)
    (d,) = lint(b"echo hi\r\ndocker login nvcr.io -u $oauthtoken\r\n")
    assert (d.line, d.column) == (2, 25)


LOGIN = "docker login nvcr.io -u $oauthtoken"


def test_deep_nesting_still_finds_the_login():
    assert codes("( " * 3000 + LOGIN + " )" * 3000 + "\n") == ["NV302"]  # subshells, flattened past 60 levels
    assert codes("echo " + "$(" * 500 + LOGIN + ")" * 500 + "\n") == ["NV302"]
    assert codes("if x; then " * 2000 + LOGIN + "\n" + "fi\n" * 2000) == ["NV302"]
    nested = LOGIN
    for _ in range(8):  # each level quadruples the quotes: 8 is already a 100 kB script
        nested = "bash -c " + "'" + nested.replace("'", "'\\''") + "'"
    assert codes(nested + "\n") == ["NV302"]


def test_scripts_nested_past_the_limit_say_where_reading_stopped():
    from nvlint.shell.interp import MAX_SCRIPT_NESTING

    login = "docker login nvcr.io -u '\\$oauthtoken' --password-stdin < key\n"
    deepest = "eval " * MAX_SCRIPT_NESTING + login
    (found,) = lint(deepest)
    column = len(deepest) - len(login) + len("docker login nvcr.io -u '\\") + 1  # at `$oauthtoken`
    assert (found.code, found.column) == ("NV302", column)
    too_deep = "eval " * (MAX_SCRIPT_NESTING + 1) + login
    (stopped,) = lint(too_deep)
    assert stopped.code == "NV000" and f"more than {MAX_SCRIPT_NESTING} levels" in stopped.message
    assert stopped.column == 5 * (MAX_SCRIPT_NESTING + 1) + 1  # at the script that is not read


def test_ten_megabyte_script_in_a_subprocess():
    """A large file through the real command line: no traceback, findings still reported."""
    line = "echo \"building $i\" && docker build -t app:$i . >/dev/null\n"
    script = line * (10 * 1024 * 1024 // len(line)) + "docker login nvcr.io -u $oauthtoken\n"
    result = subprocess.run([sys.executable, "-m", "nvlint", "check", "-", "--stdin-filename", "big.sh"],
                            input=script, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1 and "NV302" in result.stdout


def test_a_failing_rule_is_nv003_and_the_others_still_run(monkeypatch):
    from nvlint.rules import BY_CODE

    def broken(flow, ctx):
        raise RuntimeError("nvapi-" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0" + " in a message")
        yield

    monkeypatch.setattr(BY_CODE["NV101"], "check", broken)
    found = lint("docker login nvcr.io -u $oauthtoken\n"
                 "ngc cf fn create --name a --inference-url /i --container-image vllm/x:1\n")
    assert [d.code for d in found] == ["NV003", "NV302"]
    assert "rule NV101 (short-form-third-party-image)" in found[0].message
    assert "nvapi-****" in found[0].message and "a1B2c3" not in found[0].message
