"""Markdown: fenced blocks tagged as shell (markdown-it-py finds them), and untagged fences and indented
blocks unless `markdown-untagged-shell = false`.

Untagged blocks are read by default: on 12 whole repositories (NVIDIA's nim-deploy, nv-ingest, rag,
NVCF, GenerativeAIExamples...) and the development corpus, reading them added 16 findings, all true
(helm `--password` warnings, unquoted `$oauthtoken`, a lost continuation), and no false alarm; commands
in them are shell as often as in tagged ones, and a prompt's answers or output lines are no command
nvlint recognises."""

from __future__ import annotations

import functools

from nvlint.sources import UNTAGGED_SHELL
from nvlint.sources.kind import Reading, Source


def read(source: Source) -> Reading:
    from nvlint.sources.blocks import run_blocks

    untagged = source.settings.option(UNTAGGED_SHELL)
    flows = run_blocks(blocks(source.text, untagged), source.reads_words)
    if "#cloud-config" in source.text:
        from nvlint.sources import cloud_init

        for start, end in cloud_config_fences(source.text):
            flows.extend(cloud_init.embedded(source, start, end))
    return Reading(flows)


def cloud_config_fences(text: str) -> list[tuple[int, int]]:
    """Where the `yaml` fences that hold cloud-init user data (`#cloud-config` first) are written: the
    lines between the fence's markers."""
    from nvlint.sources.blocks import line_starts

    starts = [*line_starts(text), len(text)]
    lines = text.split("\n")
    found = []
    for token in _parser().parse(text):
        if token.type != "fence" or token.map is None or _language(token.info) not in ("yaml", "yml"):
            continue
        if not token.content.lstrip().startswith("#cloud-config"):
            continue
        first, end = _fence_content(token, lines)
        if first < end:
            found.append((starts[first], starts[end]))
    return found


def _fence_content(token, lines: list[str]) -> tuple[int, int]:
    """The lines between a fence's markers (a fence left open at the end has no closing one)."""
    first, end = token.map[0] + 1, token.map[1]
    if end - 1 >= first and lines[end - 1].strip().startswith(token.markup[:3]):
        end -= 1
    return first, end


@functools.cache  # one markdown-it parser per process: building one costs more than most documents
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def blocks(text: str, untagged: bool = True) -> list:
    from nvlint.model.text import Text
    from nvlint.sources.blocks import SHELL_LANGUAGES, TRANSCRIPTS, Block, line_starts

    starts = line_starts(text)
    lines = text.split("\n")
    blocks: list[Block] = []
    for token in _parser().parse(text):
        if token.type not in ("fence", "code_block") or token.map is None:
            continue
        language = _language(token.info)
        if token.type == "code_block" or not language:
            if not untagged:
                continue
            language = "bash"
        if language not in SHELL_LANGUAGES:
            continue
        if token.type == "fence":
            fence_line = lines[token.map[0]]
            indent = len(fence_line) - len(fence_line.lstrip(" "))
            first, end = _fence_content(token, lines)
        else:
            (first, end), indent = token.map, 4
        block = Block(transcript=True if language in TRANSCRIPTS else None)
        for n in range(first, min(end, len(lines))):
            raw = lines[n].rstrip("\r")
            cut = min(indent, len(raw) - len(raw.lstrip(" ")))
            block.lines.append(Text.at(starts[n] + cut, raw[cut:]))
        blocks.append(block)
    return blocks


def _language(info: str) -> str:
    """`bash`, `{bash}`, `bash title="x"`, `{.bash .numberLines}` -> bash."""
    info = info.strip()
    if info.startswith("{"):
        info = info.strip("{}").strip()
    word = info.split(None, 1)[0] if info else ""
    return word.lstrip(".").lower()
