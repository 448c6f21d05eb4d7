from __future__ import annotations

from nvlint.model.events import Event
from nvlint.rules.base import Rule

RULE: Rule[Event] = Rule(
    code="NV907",
    name="account-unreachable",
    severity="warning",
    summary="Online: the NVCF account could not be asked (timeout, refusal, 5xx, a redirect, not JSON).",
    what=(
        "With `--online`, reports a question to the NVCF account that got no usable answer: a timeout, a "
        "connection or TLS failure, a 5xx or 429 after three tries, the run's deadline, a key the API "
        "refuses (401, 403: it may lack the Cloud Functions scope), a redirect (never followed: the key "
        "stays with the NVCF API), or a body that is not the documented JSON. One warning per question, at "
        "the first place that needed it; the message says how many more places were not checked."
    ),
    why="Nothing is known about what the question was for: the finding says so instead of passing it silently.",
    bad='ngc cf fn deploy create "$FUNCTION_ID:$VERSION_ID" --targeted-dep-spec L40G:gl40g_1.br25_2xlarge:1:1\n',
    good='ngc cf fn deploy create "$FUNCTION_ID:$VERSION_ID" --targeted-dep-spec "$GPU:$INSTANCE_TYPE:1:1"\n',
    configuration="`[tool.nvlint.online]` `nvcf-api-url`, `timeout`, `deadline`: see the README's Online mode section.",
    online=True,
)


def unreachable(what: str, detail: str, more: int) -> str:
    rest = ""
    if more:
        rest = f"; {more} more place{'s' if more != 1 else ''} that need{'' if more != 1 else 's'} it not checked"
    return f"the NVCF account could not be asked about {what}: {detail}{rest}"
