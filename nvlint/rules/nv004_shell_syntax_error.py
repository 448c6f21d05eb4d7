from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import SyntaxProblem
from nvlint.model.words import PLACEHOLDER_RE as _PLACEHOLDER
from nvlint.rules.base import Context, Rule

RULE = Rule(
    code="NV004",
    name="shell-syntax-error",
    severity="warning",
    summary="A script that does not parse as shell: bash refuses to run it (reported once, where parsing fails).",
    what=(
        "Reports a shell script, Makefile recipe, CI `run:` step, Dockerfile `RUN` or Ansible `shell` task "
        "that does not parse, once, at the first place tree-sitter-bash could not read, when `bash -n` "
        "agrees that the text is not valid shell (tree-sitter-bash does not know every corner of bash: a "
        "backquoted comment or `0<>` would otherwise be reported). nvlint still reads what it can around "
        "the error, so the findings before and after it are reported too. Documentation blocks are not "
        "scripts (they hold placeholders such as `<org>` and excerpts): they are not reported, nor is a "
        "script whose error is on a line with a placeholder (`CODE_DIR=<PATH_TO_CODE>`: a template to fill "
        "in). Without `bash` on the machine, nothing is reported."
    ),
    why=(
        "bash parses a script before running it; one that does not parse runs nothing after the error (or, "
        "for a `-c` string, nothing at all), so a login or a deployment below it never happens. ShellCheck "
        "and `bash -n` report it too."
    ),
    bad='if [ -n "$NGC_API_KEY" ]; then\n'
    "  echo \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\n",
    good='if [ -n "$NGC_API_KEY" ]; then\n'
    "  echo \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\nfi\n",
    reads=(SyntaxProblem,),
)

# Scripts for another shell: bash -n would judge them by bash's grammar.
_OTHER_SHELLS = ("zsh", "ksh", "fish", "csh", "tcsh", "pwsh", "powershell")


@RULE.checker
def check(flow: Sequence[SyntaxProblem], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow[:1]:  # once per flow: the first error; the rest may be consequences of it
        first_line = event.text.split("\n", 1)[0]
        if first_line.startswith("#!") and any(shell in first_line for shell in _OTHER_SHELLS):
            continue
        why = bash_refuses(event.text)
        if why is None:
            continue
        span = (event.start, event.end)
        line = re.search(r"line (\d+):", why)
        number = int(line.group(1)) if line else 0
        if 0 < number <= len(event.lines) and _PLACEHOLDER.search(event.text.split("\n")[number - 1]):
            continue  # `CODE_DIR=<PATH_TO_CODE>`: a template to fill in, not a script that is wrong
        # bash names the line of an unclosed quote or a bad token; for "unexpected end of file" it names the
        # last line, where tree-sitter's missing `fi` or `done` (after the construct) says more
        if 0 < number <= len(event.lines) and not why.endswith("unexpected end of file"):
            first, last = event.lines[number - 1]
            if not first <= event.start <= max(last, first + 1):  # bash is the one to trust on where
                span = (first, max(last, first + 1))
        yield RULE.at(span, f"this script does not parse as shell ({why})")


@functools.lru_cache(maxsize=64)
def bash_refuses(text: str) -> str | None:
    """What `bash -n` says of the text, when it refuses it; None when it parses, or bash cannot be asked."""
    import shutil
    import subprocess

    bash = shutil.which("bash")
    if bash is None:
        return None
    try:
        done = subprocess.run(
            [bash, "-n"],
            input=text.encode("utf-8", "surrogateescape"),
            capture_output=True,
            timeout=10,
            env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode == 0:
        return None
    said = done.stderr.decode("utf-8", "replace").strip().splitlines()
    first = said[0] if said else "a syntax error"
    # `/usr/bin/bash: line 3: syntax error: ...`: what bash says, without its own name
    return "bash -n: " + (first[first.index("line ") :] if "line " in first else first)
