from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Login
from nvlint.rules._logins import credential_values, ngc_variables, uses_oauthtoken
from nvlint.rules.base import Context, Rule

RULE = Rule(
    code="NV304",
    name="login-missing-registry",
    severity="error",
    summary="A login with NGC credentials but no registry: it logs into Docker Hub.",
    what=(
        "Reports `docker login` (and podman/nerdctl/buildah) without a registry argument when its credentials "
        "are NGC's: the `$oauthtoken` username, or a key from a variable whose name says NGC or nvcr.io "
        "(`$NGC_API_KEY`, `${NVCRIO_TOKEN}`)."
    ),
    why=(
        "Without a host, docker logs into Docker Hub. The NGC key is sent to the wrong registry and the "
        "later push to nvcr.io is unauthenticated."
    ),
    bad="echo \"$NGC_API_KEY\" | docker login -u '$oauthtoken' --password-stdin\n",
    good="echo \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\n",
    alternatives=True,
    reads=(Login,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Login], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if not event.defaults_to_docker_hub or event.host is not None:
            continue
        if uses_oauthtoken(event):
            evidence = "the '$oauthtoken' username"
        else:
            names = ngc_variables(credential_values(event))
            if not names:
                continue
            evidence = f"the key in ${names[0]}"
        if event.tool.endswith("-action"):
            advice = "set 'registry: nvcr.io'"
        elif event.tool == "docker_login":  # Ansible's module
            advice = "set 'registry_url: nvcr.io'"
        else:
            advice = f"add the host: '{event.tool} login nvcr.io ...'"
        message = (
            f"this {event.tool} login names no registry, so it logs into Docker Hub with NGC "
            f"credentials ({evidence}); {advice}"
        )
        yield RULE.at((event.start, event.end) if event.verb is None else (event.verb.start, event.verb.end), message)
