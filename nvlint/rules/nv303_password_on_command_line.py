from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import KeyArgument, Login
from nvlint.rules._logins import KUBECTL, is_ngc_host, password_argument_span, uses_oauthtoken
from nvlint.rules.base import Context, Rule

RULE: Rule[Login | KeyArgument] = Rule(
    code="NV303",
    name="password-on-command-line",
    severity="warning",
    summary=(
        "The NGC key passed with `-p` / `--password` (docker, podman, helm, skopeo `--creds`, crane, oras, "
        "regctl, singularity, crictl `--creds`, ctr `--user`) where the tool has a safer way to take it."
    ),
    what=(
        "Reports an NGC login (to nvcr.io or helm.ngc.nvidia.com, or with the `$oauthtoken` username) that "
        "passes the key on the command line, in the tools that have a safe form beside the unsafe one: "
        "`docker|podman|nerdctl|buildah login -p/--password`, `helm registry login` and `helm repo add` "
        "with `--password` (and `helm pull|fetch|install|upgrade --password`), `skopeo` `--creds`, "
        "`--src-creds` and `--dest-creds` (every verb) and `skopeo login -p`, `crane auth login -p`, "
        "`oras login -p`, `regctl registry login -p/--pass` (its safe form is `--pass-stdin`), "
        "`singularity|apptainer remote login -p`, `crictl pull --creds USER:KEY` (its safe form is the "
        "`CRICTL_CREDS` environment variable) and `ctr images pull|push --user USER:KEY` (ctr has no "
        "other way to take the key in a script: the advice is crictl's). "
        "`kubectl create secret docker-registry --docker-password` has no such form: it is NV308, off by "
        "default. On `helm install|upgrade|template|pull|fetch`, also a `--set`/`--set-string` value that "
        "carries the key (`--set imagePullSecret.password=$NGC_API_KEY`, an `nvapi-` value), and the advice "
        "removes every copy: the repository added once with `helm repo add --password-stdin` and used by "
        "name, the chart's key given from a file (`-f values.yaml`, `--set-file`) or a pull secret created "
        "beforehand. `helm install --password` stays a warning, not an error: the chart is still fetched, "
        "but the key is in the process list and the history while it is."
    ),
    why=(
        "Arguments are visible to every user in the process list and land in shell history and CI logs. "
        "`--password-stdin` keeps the key out of all three."
    ),
    bad="docker login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n",
    good="echo \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\n",
    alternatives=True,
    reads=(Login, KeyArgument),
)

# One piece of advice for a helm command that passes the key more than once: it removes every copy.
HELM_VALUES = "give the chart the key from a file (-f values.yaml, --set-file) or a pull secret created beforehand"
HELM_REPOSITORY = "add the repository once with 'helm repo add --password-stdin', then use it by name"


@RULE.checker
def check(flow: Sequence[Login | KeyArgument], ctx: Context) -> Iterator[Diagnostic]:
    in_values: dict[tuple[int, int], list[KeyArgument]] = {}
    for e in flow:
        if isinstance(e, KeyArgument):
            in_values.setdefault((e.start, e.end), []).append(e)
    logins = {(e.start, e.end) for e in flow if isinstance(e, Login) and e.password is not None}
    for event in flow:
        if isinstance(event, KeyArgument):
            advice = f"{HELM_REPOSITORY}, and {HELM_VALUES}" if (event.start, event.end) in logins else HELM_VALUES
            yield RULE.at(
                (event.word.start, event.word.end),
                f"the NGC API key is passed on the command line with {event.written}: it shows in the process "
                f"list, shell history and CI logs; {advice}",
            )
            continue
        if event.password is None:
            continue
        if not (is_ngc_host(event.host_value) or uses_oauthtoken(event)):
            continue
        if event.tool in KUBECTL:
            continue  # no stdin form: NV308, opt-in
        if event.tool == "helm" and event.verb is not None and event.verb.literal not in ("login", "add"):
            also = [e.written for e in in_values.get((event.start, event.end), ())]
            advice = HELM_REPOSITORY
            if also:
                which = " and ".join(also)
                advice = f"{HELM_REPOSITORY}, and {HELM_VALUES} ({which} pass{'es' if len(also) == 1 else ''} it too)"
        else:
            advice = event.safe_form or f"pipe it to {event.stdin_option}"
        message = (
            f"the NGC API key is passed with {event.password_option}: it shows in the process list, "
            f"shell history and CI logs; {advice}"
        )
        yield RULE.at(password_argument_span(event), message)
