"""Property tests over every front end: random and mutated input of every kind never makes nvlint fail
(no NV003), every finding lies inside the file, and every output format stays valid."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import check_every_format, lint_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nvlint.discover import detect_kind
from nvlint.rules import all_rules
from nvlint.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix != ".expected" and detect_kind(p))
KINDS = [
    ("shell", "a.sh"),
    ("makefile", "Makefile"),
    ("yaml", ".github/workflows/a.yml"),
    ("yaml", "f.json"),
    ("markdown", "a.md"),
    ("rst", "a.rst"),
    ("notebook", "a.ipynb"),
    ("dockerfile", "Dockerfile"),
    ("terraform", "main.tf"),
    ("terraform-template", "setup.sh.tftpl"),
]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_invariants(data: bytes, kind: str, name: str) -> None:
    found = lint_bytes(data, name, kind, Settings(), all_rules())
    text = data.decode("utf-8", "replace")
    line_count = text.count("\n") + 1
    for d in found:
        assert d.code != "NV003", d.message
        assert 1 <= d.line <= d.end_line <= line_count + 1, (d.code, d.line, d.end_line)
        assert d.column >= 1 and d.end_column >= 1
        if d.line == d.end_line:
            assert d.end_column >= d.column
    check_every_format(found, name)


def mutate(data: bytes, operations) -> bytes:
    buffer = bytearray(data)
    for position, action, byte in operations:
        if not buffer:
            break
        at = position % len(buffer)
        if action == 0:
            del buffer[at]
        elif action == 1:
            buffer.insert(at, byte)
        else:
            buffer[at] = byte
    return bytes(buffer)


@SETTINGS
@given(
    st.sampled_from(SEEDS),
    st.lists(
        st.tuples(
            st.integers(0, 10**6), st.integers(0, 2), st.sampled_from(b"\n\t \"'$\\`(){}[]:-=#<>|&;*!%@x\xc3\xa9\x00")
        ),
        max_size=12,
    ),
)
def test_mutated_fixtures(seed, operations):
    check_invariants(mutate(seed.read_bytes(), operations), detect_kind(seed), str(seed))


@SETTINGS
@given(st.sampled_from(KINDS), st.binary(max_size=300))
def test_random_bytes_in_every_kind(kind_and_name, data):
    kind, name = kind_and_name
    check_invariants(b"nvcr.io docker login ngc\n" + data, kind, name)


YAMLISH = st.recursive(
    st.one_of(
        st.text(max_size=20),
        st.integers(),
        st.booleans(),
        st.none(),
        st.sampled_from(["docker login nvcr.io -u $oauthtoken", "vllm/x:1", "/mount/model/a/1", "${{ x }}"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "on",
                    "jobs",
                    "steps",
                    "run",
                    "script",
                    "containerImage",
                    "inferenceUrl",
                    "models",
                    "env",
                    "variables",
                    "needs",
                    "name",
                    "uri",
                    "health",
                    "stages",
                    "x",
                    "hosts",
                    "tasks",
                    "gpuSpecification",
                ]
            ),
            children,
            max_size=5,
        ),
    ),
    max_leaves=25,
)


@SETTINGS
@given(YAMLISH, st.sampled_from([".github/workflows/a.yml", ".gitlab-ci.yml", "payload.json", "a.yaml"]))
def test_random_documents(document, name):
    check_invariants(json.dumps(document).encode(), "yaml", name)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \t\n\x00\x1b\x7f\x85\u200b\ue000\uf8ff\U000f0000é…")))
def test_a_message_is_made_printable_as_the_pattern_says(text):
    """printable() skips the pattern for printable text (start-up): what it returns is the pattern's."""
    from nvlint.rules.base import _UNPRINTABLE, printable

    assert printable(text) == _UNPRINTABLE.sub("…", text)
