from __future__ import annotations

from nvlint.events import NgcCommand
from nvlint.rules.base import Rule, value_span
from nvlint.tools.ngc_grammar import TASK_CREATE_PATH

RULE = Rule(
    code="NV510",
    name="invalid-json-option",
    severity="error",
    summary=(
        "A JSON-valued option (`--configuration '<json>'`) that does not parse, at the character the parser stopped."
    ),
    what=(
        "Reports `--configuration '<json>'` (Helm values for a task or a deployment) whose known value does not "
        "parse as JSON: a trailing comma, single quotes, an unquoted key. The message gives the parser's "
        "position inside the value and the finding points at that character."
    ),
    why="The CLI sends the value as JSON and the request fails after the round trip, or the CLI stops first.",
    bad='ngc cf fn deploy create "$FN_ID:$VERSION_ID" \\\n'
    "  --targeted-deployment-specification L40S:gl40s_1.br25_2xlarge:1:1 \\\n"
    "  --configuration '{\"replicas\": 2,}'\n",
    good='ngc cf fn deploy create "$FN_ID:$VERSION_ID" \\\n'
    "  --targeted-deployment-specification L40S:gl40s_1.br25_2xlarge:1:1 \\\n"
    "  --configuration '{\"replicas\": 2}'\n",
    reads=(NgcCommand,),
)

JSON_OPTIONS = ("--configuration",)
JSON_COMMANDS = (
    TASK_CREATE_PATH,
    ("cloud-function", "function", "deploy", "create"),
    ("cloud-function", "function", "deploy", "update"),
)


@RULE.checker
def check(flow, ctx):
    for event in flow:
        if not isinstance(event, NgcCommand) or event.path not in JSON_COMMANDS:
            continue
        ngc = event
        for option in ngc.options:
            if option.name not in JSON_OPTIONS or option.value is None or option.value.literal is None:
                continue
            import json  # here: only a command with a JSON option needs it

            try:
                json.loads(option.value.literal)
            except json.JSONDecodeError as error:
                at = option.value.offset_of(error.pos)
                span = (at, at + 1) if at is not None else value_span(option.value, option.value_word)
                yield RULE.at(
                    span,
                    f"{option.name} is not valid JSON: {error.msg} at line {error.lineno}, "
                    f"column {error.colno} of the value",
                )
