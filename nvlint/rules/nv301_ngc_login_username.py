from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic, Edit
from nvlint.model.events import Login
from nvlint.rules._logins import OAUTHTOKEN, host_of, is_ngc_host
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV301",
    name="ngc-login-username",
    severity="error",
    summary="A login to nvcr.io with a username other than the literal `$oauthtoken`.",
    what=(
        "Reports a login to nvcr.io or helm.ngc.nvidia.com (`docker login`, `podman login`, `helm registry "
        "login`, `helm repo add`, `skopeo`, `crane`, `oras`, `regctl`, `singularity remote login`, `kubectl "
        "create secret docker-registry`, `crictl pull --creds`, `ctr images pull --user`, the user of an "
        "enroot `docker://USER@nvcr.io#IMAGE` URI) whose username is known and is not the literal text "
        "`$oauthtoken`."
    ),
    why=(
        "NGC authenticates with the API key alone; the username must be exactly `$oauthtoken`. Any other "
        'name fails with "unauthorized" and the next push or pull fails with it.'
    ),
    bad='echo "$NGC_API_KEY" | docker login nvcr.io --username oauthtoken --password-stdin\n',
    good="echo \"$NGC_API_KEY\" | docker login nvcr.io --username '$oauthtoken' --password-stdin\n",
    fix="Where the username is plainly `oauthtoken`, replaces it with `'$oauthtoken'`.",
    fix_applicability="safe",
    alternatives=True,
    reads=(Login,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Login], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.username_value is None:
            continue
        if not is_ngc_host(event.host_value):
            continue
        username = event.username_value.literal
        if username is None or username == OAUTHTOKEN:
            continue
        span = value_span(event.username_value, event.username)
        fix = None
        word = event.username
        if (
            username in ("oauthtoken", "$$oauthtoken", "'$oauthtoken'")
            and span is not None
            and not (word is not None and word.foreign)
        ):
            replaced = _word_span(event, span)
            if word is not None and _in_double_quotes(word, replaced[0]):
                quoted = f"\\{event.dollar_escape}oauthtoken"  # `"oauthtoken:$KEY"`: quotes would be literal
            else:
                quoted = f"'{event.dollar_escape}oauthtoken'"
            fix = RULE.fix_with(f"Write {quoted}", Edit(*replaced, quoted))
        message = (
            f"username {ctx.quote(event.username_value, event.username)} for {host_of(event.host_value)}: "
            "NGC logins take the literal "
            f"username '$oauthtoken' (in single quotes) and the API key as password"
        )
        yield RULE.at(span, message, fix)


def _word_span(event: Login, span: tuple[int, int]) -> tuple[int, int]:
    """Replace the whole username word when it is nothing but the username (quotes included)."""
    word = event.username
    if word is not None and event.username_value is not None and word.literal == event.username_value.literal:
        return word.start, word.end
    return span


def _in_double_quotes(word, offset: int) -> bool:
    """Is the file offset inside a double-quoted part of the word (where single quotes are literal)?"""
    if not word.start <= offset <= word.end or len(word.raw) != word.end - word.start:
        return False
    quote, escaped = "", False
    for char in word.raw[: offset - word.start]:
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif char in "'\"" and quote in ("", char):
            quote = "" if quote == char else char
    return quote == '"'
