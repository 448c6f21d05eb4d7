"""NV000-NV003: what nvlint says about reading itself: a file (or a part) it could not read, directives that
silence nothing or are malformed, and its own failures."""

from __future__ import annotations

from conftest import codes, lint


def test_binary_invalid_utf8_and_empty():
    assert codes(b"\x00\x01docker login nvcr.io") == ["NV000"]
    (d,) = lint(b"docker login nvcr.io\n-u caf\xe9\n")
    assert (d.code, d.line, d.column) == ("NV000", 2, 7) and "0xe9" in d.message
    assert codes(b"") == []
    assert codes(b"\xef\xbb\xbfdocker login nvcr.io -u $oauthtoken\n") == ["NV302"]


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


def test_unused_and_invalid_directives():
    src = (
        "docker login nvcr.io -u '$oauthtoken' < key  # nvlint: disable=NV302 -- stale\n"
        "echo hi  # nvlint: disable NV302\n"
        "echo hi  # nvlint: disable=NV999\n"
        "echo hi  # nvlint: disable=\n"
    )
    assert [(d.code, d.line) for d in lint(src)] == [("NV001", 1), ("NV002", 2), ("NV002", 3), ("NV002", 4)]


def test_directive_for_a_disabled_rule_is_not_unused():
    from conftest import lint_bytes

    from nvlint.rules import select_rules
    from nvlint.settings import Settings

    src = b"docker login nvcr.io -u '$oauthtoken' < key  # nvlint: disable=NV302 -- stale\n"
    assert lint_bytes(src, "a.sh", "shell", Settings(), select_rules(ignore=("NV302",))) == []


def test_a_failing_rule_is_nv003_and_the_others_still_run(monkeypatch):
    from nvlint.rules import by_code

    def broken(flow, ctx):
        raise RuntimeError("nvapi-" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0" + " in a message")
        yield

    monkeypatch.setattr(by_code()["NV101"], "check", broken)
    found = lint(
        "docker login nvcr.io -u $oauthtoken\nngc cf fn create --name a --inference-url /i --container-image vllm/x:1\n"
    )
    assert [d.code for d in found] == ["NV003", "NV302"]
    assert "rule NV101 (short-form-third-party-image)" in found[0].message
    assert "nvapi-****" in found[0].message and "a1B2c3" not in found[0].message
