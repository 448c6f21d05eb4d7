"""Never crash: any bytes, any nesting, any size give diagnostics or nothing, never a traceback."""

from __future__ import annotations

import subprocess
import sys

from conftest import codes, lint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FRAGMENTS = [
    'docker login nvcr.io -u "$oauthtoken" ',
    "--password-stdin",
    "ngc cf fn create ",
    "--container-image ",
    "vllm/x:1 ",
    "nvcr.io/acme/app:$TAG",
    "'$oauthtoken'",
    '"$IMAGE"',
    "${X:-a/b:1}",
    "$(",
    ")",
    "`",
    "'",
    '"',
    "\\\n",
    "\n",
    "; ",
    " && ",
    " | ",
    "if true; then ",
    "fi\n",
    "case $x in a) ",
    ";; esac\n",
    "f() { ",
    "}\n",
    "<<EOF\n",
    "EOF\n",
    "<<< ",
    "bash -c ",
    "sudo ",
    "X=",
    "--model ",
    "acme/m:1 ",
    "/mount/model/x/1 ",
    "--helm-chart ",
    "nvapi-",
    "ab12",
    "\t",
    "\r\n",
    "é",
    "\x00",
    "((",
    "))",
    "[[ ",
    " ]]",
    "$'\\x41'",
    "{",
    "}",
    "for i in 1 2; do ",
    "done\n",
    "docker build -t ",
    "docker push ",
    "echo ",
    "-p ",
    "=",
    ":",
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


def test_ten_megabyte_script_in_a_subprocess(tmp_path):
    """A large file through the real command line: no traceback, findings still reported once the size
    limit allows it; by default it is reported as too large, at once."""
    line = 'echo "building $i" && docker build -t app:$i . >/dev/null\n'
    script = line * (10 * 1024 * 1024 // len(line)) + "docker login nvcr.io -u $oauthtoken\n"
    (tmp_path / "big.toml").write_text('max-file-size = "16MB"\n')
    command = [sys.executable, "-m", "nvlint", "check", "-", "--stdin-filename", "big.sh"]
    result = subprocess.run(
        [*command, "--config", str(tmp_path / "big.toml")], input=script, capture_output=True, text=True, timeout=600
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 1 and "[NV302]" in result.stdout
    result = subprocess.run([*command, "--isolated"], input=script, capture_output=True, text=True, timeout=60)
    assert "larger than max-file-size (2 MB); not read [NV000]" in result.stdout
