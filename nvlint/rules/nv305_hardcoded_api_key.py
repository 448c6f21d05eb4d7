from __future__ import annotations

from nvlint.events import SecretLiteral
from nvlint.rules.base import Rule

RULE = Rule(
    code="NV305",
    name="hardcoded-api-key",
    severity="error",
    summary="A literal NGC API key (`nvapi-...`) in a file.",
    what="Reports an NGC API key (`nvapi-` followed by its key characters) anywhere in a file, comments included.",
    why=(
        "A key in a repository is a key for everyone who can read it, forever (history keeps it). Revoke it, "
        "then read the key from the environment or a secret store. nvlint shows it as `nvapi-****` everywhere."
    ),
    bad="export NGC_API_KEY=nvapi-" + "Ab3dE5gH7jK9mN1pQ3sT5vX7zB9dF1hJ3lN5pR7tV9xZ1bD3fH5jL7nP9rT1vX3zB5d" + "\n",
    good="export NGC_API_KEY=\"$(cat /run/secrets/ngc_api_key)\"\n",
)


@RULE.checker
def check(flow, ctx):
    for event in flow:
        if isinstance(event, SecretLiteral):
            yield RULE.at((event.start, event.end),
                          "literal NGC API key nvapi-****: revoke it and read the key from the environment "
                          "or a secret store")
