"""Terraform: the `user_data` scripts of the machines a configuration starts (`user_data = <<-EOF`, also
`user_data_base64 = base64encode(<<-EOF`), which log in to nvcr.io and pull NIM images at boot.

Terraform's own template syntax is read as Terraform reads it, before the shell sees the text:
`${...}` interpolations and `%{...}` directives are unknown values (a parameter the linter cannot know),
`$${` and `%%{` are a literal `${` and `%{` (the characters keep their places). A heredoc holding
`#cloud-config` is read as cloud-init, where it is written. `templatefile` targets are files of their own
(nvlint.sources.terraform_template). Terraform has no parser on PyPI that keeps the offsets nvlint reports at,
so the heredocs are found by their documented syntax here: `<<DELIM` or `<<-DELIM` at the end of the line,
up to a line holding only the delimiter.
"""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.model.text import snippet_of_value
from nvlint.model.words import CI_EXPRESSION, LiteralRuns, Unknown, Value, unknown_part
from nvlint.sources.kind import Reading, Source

_USER_DATA = lazyre.compile(
    r"^[ \t]*(?:user_data|user_data_base64|custom_data|metadata_startup_script)[ \t]*=[ \t]*"
    r"(?:base64encode\([ \t]*)?<<(-?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n",
    re.MULTILINE,
)


def read(source: Source) -> Reading:
    text = source.text
    flows: list = []
    for match in _USER_DATA.finditer(text):
        body_start = match.end()
        end = _closing_line(text, body_start, match.group(2))
        if end is None:
            continue
        if text[body_start:end].lstrip().startswith("#cloud-config"):
            from nvlint.sources import cloud_init

            flows.extend(cloud_init.embedded(source, body_start, end))
        else:
            flows.extend(template_flows(source, body_start, end))
    return Reading(flows)


def template_flows(source: Source, start: int, end: int) -> list:
    """The shell script Terraform renders from the template at ``source.text[start:end]``."""
    from nvlint.sources.session import flows_of  # here: not needed to find files

    snippet = snippet_of_value(_template_value(source.text, start, end), end)
    if snippet is None:
        return []
    return [flow for flow in flows_of(snippet, source.reads_words, source.sourced_files()) if flow]


def _closing_line(text: str, start: int, delimiter: str) -> int | None:
    """Where the line holding only the delimiter starts (the heredoc's text ends there)."""
    position = start
    while position < len(text):
        newline = text.find("\n", position)
        line_end = newline if newline != -1 else len(text)
        if text[position:line_end].strip() == delimiter:
            return position
        if newline == -1:
            return None
        position = newline + 1
    return None


def _template_value(text: str, start: int, end: int) -> Value:
    """The heredoc's text as the shell receives it: literal characters at their offsets, each
    interpolation or directive one unknown part, each `$${` / `%%{` a literal `${` / `%{`."""
    runs = LiteralRuns()
    i = start
    while i < end:
        if text[i : i + 3] in ("$${", "%%{"):
            runs.char(text[i], i + 1)
            runs.char("{", i + 2)
            i += 3
        elif text.startswith(("${", "%{"), i):
            close = _matching_brace(text, i + 1, end)
            runs.add(unknown_part(Unknown(CI_EXPRESSION, " ".join(text[i + 2 : close].split())), i, close + 1))
            i = close + 1
        else:
            runs.char(text[i], i)
            i += 1
    return Value(runs.done())


def _matching_brace(text: str, opening: int, end: int) -> int:
    """The `}` that closes the `{` at ``opening`` (Terraform expressions nest braces: `${jsonencode({})}`)."""
    depth = 0
    for i in range(opening, end):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return end - 1
