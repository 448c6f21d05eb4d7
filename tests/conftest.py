from __future__ import annotations

import os
import subprocess
import sys

import pytest

from nvlint.lint import lint_bytes
from nvlint.rules import select_rules
from nvlint.settings import Settings


@pytest.fixture(autouse=True)
def _no_ambient_org(monkeypatch):
    """NGC_CLI_ORG on a developer's machine must not change what tests see."""
    monkeypatch.delenv("NGC_CLI_ORG", raising=False)


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
    from nvlint.lint import read

    reading = read(source, path, kind, Settings(), select_rules())
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
