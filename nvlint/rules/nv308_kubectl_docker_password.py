from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Login
from nvlint.rules._logins import KUBECTL, is_ngc_host, password_argument_span, uses_oauthtoken
from nvlint.rules.base import Context, Rule

RULE = Rule(
    code="NV308",
    name="kubectl-docker-password",
    severity="info",
    summary="An NGC API key is passed to `kubectl create secret docker-registry --docker-password`.",
    what=(
        "Reports `kubectl|oc create secret docker-registry` for nvcr.io (or with the `$oauthtoken` username) "
        "that passes the key with `--docker-password`. kubectl has no stdin form for it, so this rule is off "
        'by default (enable it with `extend-select = ["NV308"]`): it is advice, not a mistake.'
    ),
    why=(
        "Arguments are visible to every user in the process list and land in shell history and CI logs. "
        "A `.dockerconfigjson` file written from the key (or a login's own config file) keeps the key off the "
        "command line: `kubectl create secret generic ngc-secret --type=kubernetes.io/dockerconfigjson "
        "--from-file=.dockerconfigjson=config.json`."
    ),
    bad=(
        "kubectl create secret docker-registry ngc-secret --docker-server=nvcr.io \\\n"
        "  --docker-username='$oauthtoken' --docker-password=\"$NGC_API_KEY\"\n"
    ),
    good=(
        "echo \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\n"
        "kubectl create secret generic ngc-secret --type=kubernetes.io/dockerconfigjson \\\n"
        '  --from-file=.dockerconfigjson="$HOME/.docker/config.json"\n'
    ),
    default_enabled=False,
    reads=(Login,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Login], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.tool not in KUBECTL or event.password is None:
            continue
        if not (is_ngc_host(event.host_value) or uses_oauthtoken(event)):
            continue
        message = (
            "the NGC API key is passed with --docker-password: it shows in the process list, shell "
            "history and CI logs; create the secret from a .dockerconfigjson file "
            "(--from-file=.dockerconfigjson=...) instead"
        )
        yield RULE.at(password_argument_span(event), message)
