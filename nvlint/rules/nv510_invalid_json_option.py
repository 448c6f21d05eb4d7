from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import NgcCommand
from nvlint.rules._json import checkable
from nvlint.rules.base import Context, Rule, value_span
from nvlint.tools.ngc_grammar import paths_taking

RULE = Rule(
    code="NV510",
    name="invalid-json-option",
    severity="error",
    summary=(
        "A JSON-valued option (`--configuration '<json>'`) that does not parse, at the character the parser stopped."
    ),
    what=(
        "Reports `--configuration '<json>'` (Helm values for a task or a deployment) whose known value does not "
        "parse as JSON: a trailing comma, single quotes, an unquoted key. A value with unknown parts (`$TOKEN`, "
        "`<token>`) is checked too when every unknown part sits inside a JSON string, where any text keeps the "
        "JSON as it is. The message gives the parser's position inside the value and the finding points at "
        "that character."
    ),
    why="The CLI sends the value as JSON and the request fails after the round trip, or the CLI stops first.",
    bad='ngc cf fn deploy create "$FN_ID:$VERSION_ID" \\\n'
    "  --targeted-deployment-specification L40S:gl40s_1.br25_2xlarge:1:1 \\\n"
    "  --configuration '{\"replicas\": 2,}'\n",
    good='ngc cf fn deploy create "$FN_ID:$VERSION_ID" \\\n'
    "  --targeted-deployment-specification L40S:gl40s_1.br25_2xlarge:1:1 \\\n"
    "  --configuration '{\"replicas\": 2}'\n",
    reads=(NgcCommand,),
    per_event=True,
)

JSON_OPTIONS = ("--configuration",)
JSON_COMMANDS = paths_taking(*JSON_OPTIONS)


@RULE.checker
def check(flow: Sequence[NgcCommand], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.path not in JSON_COMMANDS:
            continue
        ngc = event
        for option in ngc.options:
            if option.name not in JSON_OPTIONS or option.value is None:
                continue
            text = checkable(option.value.template())
            if text is None:
                continue
            import json  # here: only a command with a JSON option needs it

            try:
                json.loads(text)
            except json.JSONDecodeError as error:
                position, reason = error.pos, error.msg
                comma = _trailing_comma(text, error.pos)
                if comma is not None:
                    position, reason = comma, f"a trailing comma before '{text[error.pos]}'"
                line = text.count("\n", 0, position) + 1
                column = position - (text.rfind("\n", 0, position) + 1) + 1
                at = option.value.offset_of(position)
                span = (at, at + 1) if at is not None else value_span(option.value, option.value_word)
                yield RULE.at(
                    span, f"{option.name} is not valid JSON: {reason} at line {line}, column {column} of the value"
                )


def _trailing_comma(text: str, error_at: int) -> int | None:
    """Where the comma is, when the parser stopped at a `}` or `]` right after one (its most common cause)."""
    if error_at >= len(text) or text[error_at] not in "}]":
        return None
    before = text[:error_at].rstrip()
    return len(before) - 1 if before.endswith(",") else None
