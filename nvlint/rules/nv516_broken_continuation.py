from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic, Edit
from nvlint.model.events import OptionRun, ToolCommand
from nvlint.rules.base import Context, Rule, quoted

RULE: Rule[OptionRun | ToolCommand] = Rule(
    code="NV516",
    name="broken-continuation",
    severity="error",
    summary=(
        "An option alone on a line runs as a command of its own: the line before it lost its `\\` "
        "(a comment before the line break, whitespace after the backslash, or no backslash)."
    ),
    what=(
        "Reports a command whose name is an option (`--type CONTAINER`, `-u ...`) on the line right after a "
        "command of a tool nvlint recognises (ngc, docker, podman, helm, kubectl, skopeo, crane, oras, curl...), "
        "and names the cause on the line before: a comment before the line break, whitespace after the "
        "backslash, or no backslash at all. It points at that line's end. In every kind of file that holds "
        "shell: scripts, documentation blocks, Make recipes, CI `run:` blocks, Dockerfile `RUN`. ShellCheck's "
        "SC2215 and SC1101 are the generic cousins; this rule names the option that was lost and the command "
        "it belonged to."
    ),
    why=(
        "The shell ends the command at the line break, so the option is silently missing from `fn create`, "
        "`deploy create`, `registry-credential create` or `docker login`, and the next line fails as a command "
        "of its own (`--type: command not found`) while the first one ran without it."
    ),
    bad=(
        "ngc cf registry-credential create \\\n"
        "  --hostname 123456789012.dkr.ecr.us-east-1.amazonaws.com --name ecr \\\n"
        '  --key "$KEY" --aws-access-key "$ACCESS_KEY_ID"  # Only for AWS ECR\n'
        "  --type CONTAINER\n"
    ),
    good=(
        "# --aws-access-key: only for AWS ECR\n"
        "ngc cf registry-credential create \\\n"
        "  --hostname 123456789012.dkr.ecr.us-east-1.amazonaws.com --name ecr \\\n"
        '  --key "$KEY" --aws-access-key "$ACCESS_KEY_ID" \\\n'
        "  --type CONTAINER\n"
    ),
    fix="Removes the whitespace after the backslash (the other causes need a person to decide).",
    fix_applicability="safe",
    reads=(OptionRun, ToolCommand),
    names_lines=True,
)

_SPACE_AFTER_BACKSLASH = lazyre.compile(r"\\([ \t]+)$")


@RULE.checker
def check(flow: Sequence[OptionRun | ToolCommand], ctx: Context) -> Iterator[Diagnostic]:
    previous: ToolCommand | None = None
    for event in flow:
        if isinstance(event, ToolCommand):
            previous = event
        elif isinstance(event, OptionRun) and previous is not None and previous.end <= event.start:
            broken = _broken_line(ctx.text, previous.end, event.start)
            if broken is None:
                continue
            cause, span, fix = broken
            option = ctx.written(event.option.start, event.option.end)
            message = (
                f"{quoted(option)} runs as a command of its own, so it is lost from "
                f"{quoted(_command_name(_first_line(ctx.text, previous.start, previous.end)))}{ctx.place(previous)}: "
                f"{cause}"
            )
            yield RULE.at(
                span, message, RULE.fix_with("Remove the whitespace after the backslash", fix) if fix else None
            )


def _command_name(line: str) -> str:
    """How a message names a command: its words before the first option (`curl`, `ngc cf
    registry-credential create`), never the whole command with its values and quotes."""
    words: list[str] = []
    for word in line.split():
        if word.startswith("-") or any(c in word for c in "'\"$`=<>|;&(") or len(words) == 4:
            break
        words.append(word)
    return " ".join(words) or line.split()[0]


def _first_line(text: str, start: int, end: int) -> str:
    """The first line of a command, without its continuation backslash."""
    newline = text.find("\n", start, end)
    return text[start : newline if newline != -1 else end].rstrip().removesuffix("\\").rstrip()


def _broken_line(text: str, command_end: int, option_start: int):
    """Why the tool command's line did not continue onto the option's line: (cause, span, edit or None),
    or None when the option is not on the very next line, or something else stands between them."""
    between = text[command_end:option_start]
    rest_of_line, newline, indentation = between.partition("\n")
    if not newline or indentation.strip():
        return None
    line_end = command_end + len(rest_of_line.rstrip("\r"))
    line_start = text.rfind("\n", 0, command_end) + 1
    line = text[line_start:line_end]
    after = rest_of_line.strip()
    if after.startswith("#"):
        at = command_end + rest_of_line.index("#")
        end = command_end + len(rest_of_line.rstrip())
        cause = f"the line before it ends in a comment ({quoted(text[at:end])}), and a comment ends the command"
        return cause + "; move the comment above the command", (at, end), None
    space = _SPACE_AFTER_BACKSLASH.search(line)
    if space is not None and after in ("", "\\"):
        start = line_start + space.start(1)
        cause = "the backslash on the line before is followed by whitespace, so it escapes a space, not the line break"
        return cause + "; remove the whitespace", (start, line_end), Edit(start, line_end, "")
    if after:
        return None  # `; ...`, `&& ...`: the line holds more than the command
    last = len(line.rstrip())
    if last == 0:
        return None
    return "the line before it has no backslash at its end; add ' \\'", (line_start + last - 1, line_start + last), None
