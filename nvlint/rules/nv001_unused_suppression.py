from __future__ import annotations

from nvlint.model.events import Event
from nvlint.rules.base import Rule

RULE: Rule[Event] = Rule(
    code="NV001",
    name="unused-suppression",
    severity="warning",
    summary="A `# nvlint: disable=...` directive that silenced nothing.",
    what=(
        "Reported by the suppression machinery, not by a check: a `disable` or `disable-file` directive (or "
        "one code in it) for an enabled rule that no finding on the lines it covers needed."
    ),
    why=(
        "Directives outlive the mistakes they excused. An unused one hides the next real finding on that line "
        "and tells readers something that is no longer true."
    ),
    bad="docker login nvcr.io -u '$oauthtoken' --password-stdin < key  # nvlint: disable=NV302 -- legacy\n",
    good='docker login nvcr.io -u "$oauthtoken" --password-stdin < key  # nvlint: disable=NV302 -- shown on purpose\n',
)


def unused(codes: list[str]) -> str:
    return f"unused suppression for {', '.join(codes)}: nothing here needs it; remove it"
