from __future__ import annotations

from nvlint.model.events import Event
from nvlint.rules.base import Rule

RULE: Rule[Event] = Rule(
    code="NV003",
    name="internal-error",
    severity="error",
    summary="nvlint itself failed on this file (one rule, or the reader of its kind); the other checks still ran.",
    what=(
        "Reported when a rule or a file reader raises an unexpected error on a file. The message names the "
        "rule (or the reader) and the error; the other rules and the other files are still checked."
    ),
    why=(
        "A linter must never be the reason a pipeline breaks, nor pass a file it did not check. This finding "
        "says which check did not run; please report it with the file (redacted) so it can be fixed."
    ),
    # No script makes nvlint fail on purpose: these examples only show that correct input reports nothing.
    bad="",
    good="docker login nvcr.io -u '$oauthtoken' --password-stdin < key\n",
)


def failure(what: str, error: BaseException) -> str:
    """``what`` did not run (`rule NV101 (short-form-third-party-image)`, `reading this shell file`)."""
    from nvlint.secrets import redact

    reason = redact(f"{type(error).__name__}: {error}")[:200]
    return f"{what} failed on this file ({reason}); the other checks ran. Please report this with the file"
