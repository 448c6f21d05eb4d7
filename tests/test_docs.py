"""Documentation and Dockerfiles: the golden files in tests/fixtures/golden/docs, plus the cases that
need a closer look (exact spans, placeholders, transcripts, notebooks, Dockerfile forms)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_bytes, settings_with, span_text

from nvlint.rules import select_rules
from nvlint.settings import Settings

DOCS = Path(__file__).parent / "fixtures" / "golden" / "docs"
RULES = select_rules()


def check(text: str, name: str, kind: str):
    return lint_bytes(text.encode(), name, kind, Settings(), RULES)


def spans(path: Path) -> list[tuple[str, str]]:
    text = path.read_text()
    return [
        (d.code, span_text(text, d)) for d in lint_bytes(path.read_bytes(), str(path), _kind(path), Settings(), RULES)
    ]


def _kind(path: Path) -> str:
    from nvlint.discover import detect_kind

    return detect_kind(path)


def test_markdown_spans():
    assert spans(DOCS / "README.md") == [
        ("NV302", "$oauthtoken"),  # console transcript, first line of a continued command
        ("NV101", "vllm/vllm-openai:latest"),  # continuation line without a prompt
        ("NV302", "$oauthtoken"),  # a fence indented inside a list item
        ("NV303", "<your-ngc-api-key>"),
        ("NV302", "$oauthtoken"),  # an untagged fence: read as shell by default
    ]


def test_markdown_fence_forms():
    for info in ("bash", "sh", "shell", "zsh", "{bash}", 'bash title="x.sh"', "{.bash .numberLines}"):
        text = f"# t\n\n```{info}\ndocker login nvcr.io -u $oauthtoken\n```\n"
        (d,) = check(text, "a.md", "markdown")
        assert (d.code, d.line, d.column) == ("NV302", 4, 25), info
    for info in ("python", "text", "yaml"):
        assert check(f"```{info}\ndocker login nvcr.io -u $oauthtoken\n```\n", "a.md", "markdown") == []


def test_console_output_lines_are_not_commands():
    text = (
        "```console\n$ docker images\nREPOSITORY   TAG\nnvcr.io/acme/app  docker login -u $oauthtoken\n"
        "% echo done\n```\n"
    )
    assert check(text, "a.md", "markdown") == []


def test_blocks_of_a_document_are_one_flow():
    text = (
        "Build:\n\n```bash\nexport IMAGE=nvcr.io/acme/app:1\ndocker build -t $IMAGE .\n```\n\n"
        "Deploy:\n\n```bash\nngc cf fn create --name a --inference-url /i --container-image $IMAGE\n```\n"
    )
    (d,) = check(text, "a.md", "markdown")
    assert (d.code, d.line) == ("NV201", 11)
    pushed = text.replace("docker build -t $IMAGE .\n", "docker build -t $IMAGE .\ndocker push $IMAGE\n")
    assert check(pushed, "a.md", "markdown") == []


def test_html_comment_silences_the_next_block():
    text = (
        "<!-- nvlint: disable=NV302 -- the wrong way, on purpose -->\n```bash\n\ndocker login nvcr.io "
        "-u $oauthtoken\n```\n\n```bash\ndocker login nvcr.io -u $oauthtoken\n```\n"
    )
    assert [(d.code, d.line) for d in check(text, "a.md", "markdown")] == [("NV302", 8)]


def test_rst_spans():
    assert [code for code, _ in spans(DOCS / "guide.rst")] == ["NV302", "NV101", "NV302"]


def test_notebook_positions_are_in_the_file_and_name_the_cell():
    found = lint_bytes((DOCS / "nb.ipynb").read_bytes(), "nb.ipynb", "notebook", Settings(), RULES)
    assert [(d.code, d.line, d.column) for d in found] == [("NV302", 5, 58), ("NV101", 7, 86)]
    assert found[0].message.endswith("[cell 2]") and found[1].message.endswith("[cell 3]")
    assert [span for _, span in spans(DOCS / "nb.ipynb")] == ["$oauthtoken", "vllm/vllm-openai:v1"]


def test_notebook_escapes_map_back():
    text = (
        '{"cells": [{"cell_type": "code", "source": '
        '["!echo \\"\\u00e9\\" && docker login nvcr.io -u \\"$oauthtoken\\" < key"]}]}\n'
    )
    (d,) = check(text, "n.ipynb", "notebook")
    assert text[d.column - 1 : d.end_column - 1] == "$oauthtoken"


def test_dockerfile_forms():
    assert [code for code, _ in spans(DOCS / "Dockerfile")] == ["NV401", "NV401", "NV302", "NV302", "NV302"]
    assert [span for _, span in spans(DOCS / "Dockerfile")][2:] == ["$oauthtoken"] * 3


def test_dockerfile_from_is_not_an_nvcf_reference():
    assert check("FROM vllm/vllm-openai:latest\nFROM nginx\nRUN echo hi\n", "Dockerfile", "dockerfile") == []


def test_dockerfile_arg_and_env_seed_run():
    text = (
        "ARG IMAGE=vllm/vllm-openai:latest\nRUN ngc cf fn create --name a --inference-url /i --container-image $IMAGE\n"
    )
    (d,) = check(text, "Dockerfile", "dockerfile")
    assert d.code == "NV101" and span_text(text, d) == "vllm/vllm-openai:latest"


@pytest.mark.parametrize(
    "name", ["Dockerfile", "app.Dockerfile", "Containerfile", "README.md", "guide.rst", "nb.ipynb", "notes.markdown"]
)
def test_kinds_are_discovered(name, tmp_path):
    from nvlint.discover import detect_kind

    path = tmp_path / name
    path.write_text("x")
    assert detect_kind(path) is not None


def test_untagged_blocks_by_default_and_not_when_turned_off():
    text = "```\ndocker login nvcr.io -u $oauthtoken\n```\n\n    docker login nvcr.io -u $oauthtoken\n"
    assert [(d.line, d.column) for d in check(text, "a.md", "markdown")] == [(2, 25), (5, 29)]
    off = lint_bytes(text.encode(), "a.md", "markdown", settings_with(markdown_untagged_shell=False), RULES)
    assert off == []
