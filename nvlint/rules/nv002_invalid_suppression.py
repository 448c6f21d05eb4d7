from __future__ import annotations

from nvlint.model.events import Event
from nvlint.rules.base import Rule

RULE: Rule[Event] = Rule(
    code="NV002",
    name="invalid-suppression",
    severity="error",
    summary="A malformed `# nvlint:` directive, or one naming an unknown rule.",
    what=(
        "Reported by the suppression machinery: a `# nvlint:` comment that is not `disable=CODE[,CODE...] "
        "[-- reason]` or `disable-file=...`, has no code, or names a code that does not exist."
    ),
    why="A directive that does not parse silences nothing, while its author believes it does.",
    bad="docker login nvcr.io -u '$oauthtoken' < key  # nvlint: disable NV303\n",
    good="docker login nvcr.io -u '$oauthtoken' -p \"$KEY\"  # nvlint: disable=NV303 -- a throwaway CI runner\n",
)


def invalid(why: str) -> str:
    return f"invalid nvlint directive: {why}"
