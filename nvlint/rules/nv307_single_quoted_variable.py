from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Login, NgcCommand
from nvlint.rules.base import Context, Rule

RULE: Rule[Login | NgcCommand] = Rule(
    code="NV307",
    name="single-quoted-variable",
    severity="warning",
    summary="A single-quoted `$NAME` passed to `ngc` or `docker login`: the literal text is passed.",
    what=(
        "Reports an argument of an `ngc` command or a registry login that contains `$NAME` inside single quotes "
        "(`--org '$ORG_ID'`), other than the `'$oauthtoken'` username, which must be literal."
    ),
    why=(
        "Single quotes stop the shell from expanding: the CLI receives the text `$ORG_ID`, looks for an org of "
        'that name, and fails with a confusing "org not found" or authenticates as nobody.'
    ),
    bad="ngc registry image list --org '$NGC_ORG'\n",
    good='ngc registry image list --org "$NGC_ORG"\n',
    alternatives=True,
    reads=(Login, NgcCommand),
    per_event=True,
)

_QUOTED_VARIABLE = lazyre.compile(r"'[^']*?(\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?)[^']*'")


@RULE.checker
def check(flow: Sequence[Login | NgcCommand], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if isinstance(event, NgcCommand):
            words = event.words[1:]
        elif isinstance(event, Login) and event.tool in ("docker", "podman", "nerdctl", "buildah", "helm"):
            words = [w for w in (event.host, event.username, event.password) if w is not None]
        else:
            continue
        for word in words:
            raw = word.raw
            if "'" not in raw or "$" not in raw:
                continue
            for match in _QUOTED_VARIABLE.finditer(raw):
                name = match.group(2)
                if name == "oauthtoken" or word.literal is None or match.group(1) not in word.literal:
                    continue
                start = word.start + match.start(1)
                yield RULE.at(
                    (start, start + len(match.group(1))),
                    f"'{match.group(1)}' is in single quotes, so the literal text is passed, not the "
                    f'value of {name}; use double quotes: "{match.group(1)}"',
                )
