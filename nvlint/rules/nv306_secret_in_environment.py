from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy, NgcCommand
from nvlint.model.words import UNKNOWN_CHAR
from nvlint.rules._deploy import env_entries
from nvlint.rules._json import members
from nvlint.rules.base import Context, Rule
from nvlint.tools.ngc_grammar import paths_taking

RULE: Rule[Deploy | NgcCommand] = Rule(
    code="NV306",
    name="secret-in-environment",
    severity="warning",
    summary=(
        "A key or token reaches a function or task as plain configuration (`--container-environment-variable "
        "NGC_API_KEY:...`, `containerEnvironment`, `--set`): use `--secret`."
    ),
    what=(
        "Reports `--container-environment-variable` (or payload `containerEnvironment`) entries whose name says "
        "they hold a credential (`NGC_API_KEY`, `HF_TOKEN`, `*_TOKEN`, `*_SECRET`, `*_PASSWORD`, `*_API_KEY`) or "
        "whose value is an `nvapi-` key or a variable with such a name, and `--set` / `--configuration` values "
        "that pass one (`--set ngcApiKey=$NGC_API_KEY`) on `fn create`, `task create`, `fn deploy create` and "
        '`fn deploy update`. In `--configuration`, a key named as a credential (`"HF_TOKEN": "<token>"`) '
        "that is given a value is reported at the key, also when the rest is not quite JSON; keys that name "
        "where a credential is kept (`*SecretName`, `*_FILE`, `*Ref`) are not."
    ),
    why=(
        "Environment variables are part of the function's definition: anyone who can read the function reads "
        "them. `--secret NAME:VALUE` stores the value encrypted and mounts it at `/var/secrets/secrets.json`."
    ),
    bad="ngc cf fn create --name nim --inference-url /v1/chat/completions \\\n"
    "  --container-image nvcr.io/nim/meta/llama3-8b-instruct:1.0.0 \\\n"
    "  --container-environment-variable NGC_API_KEY:${NGC_API_KEY}\n",
    good="ngc cf fn create --name nim --inference-url /v1/chat/completions \\\n"
    "  --container-image nvcr.io/nim/meta/llama3-8b-instruct:1.0.0 \\\n"
    "  --secret NGC_API_KEY:${NGC_API_KEY}\n",
    alternatives=True,
    reads=(Deploy, NgcCommand),
    per_event=True,
)

SECRET_NAME = lazyre.compile(
    r"(?:^|[_.-])(?:API_?KEY|APIKEY|TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_?KEY|CREDENTIALS?)"
    r"(?:$|[_.-])|^NGC_API_KEY$|^HF_TOKEN$",
    re.IGNORECASE,
)
_SET_KEY = lazyre.compile(r"(?:^|[.,])([A-Za-z0-9_-]+)=", re.IGNORECASE)


def _secretish_value(value) -> str | None:
    template = value.template()
    if "nvapi-" in template:
        return "an nvapi- key"
    for part in value.parts:
        variable = part.unknown.variable if part.unknown is not None else None
        if variable is not None and SECRET_NAME.search(variable):
            return f"${variable}"
    return None


# Commands whose Helm values (`--set`, `--configuration`) are stored with the function or task.
HELM_VALUE_COMMANDS = paths_taking("--set", "--configuration")


@RULE.checker
def check(flow: Sequence[Deploy | NgcCommand], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if isinstance(event, NgcCommand) and event.path in HELM_VALUE_COMMANDS:
            yield from _helm_values(event)
        if not isinstance(event, Deploy) or event.ngc is None:
            continue
        for entry in env_entries(event):
            named = entry.key is not None and SECRET_NAME.search(entry.key)
            carried = _secretish_value(entry.value)
            if not (named or carried):
                continue
            what = f"'{entry.key}'" if entry.key else "this variable"
            source = f" (it holds {carried})" if carried else ""
            option = "--container-environment-variable" if event.origin == "cli" else "containerEnvironment"
            advice = "--secret NAME:VALUE" if event.origin == "cli" else "`secrets`"
            yield RULE.at(
                entry.key_span,
                f"{what}{source} is passed as plain configuration with {option}: "
                f"anyone who can read the {event.kind} reads it; pass it with {advice} "
                "(mounted at /var/secrets/secrets.json)",
            )


# A key that names where a credential is kept (a Kubernetes secret, a file), not the credential itself.
_REFERENCE_KEY = lazyre.compile(r"(?:name|ref|file|path|secret|secrets)$", re.IGNORECASE)


def _helm_values(ngc: NgcCommand):
    """`--set key=$NGC_API_KEY` / `--configuration '{... "$TOKEN" ...}'`: stored with the deployment."""
    for option in ngc.options:
        if option.name not in ("--set", "--configuration") or option.value is None:
            continue
        if option.name == "--configuration":
            named = list(_credential_keys(option.value))
            if named:
                yield from named
                continue
        carried = _secretish_value(option.value)
        if not carried or (option.name == "--set" and not _SET_KEY.search(option.value.template())):
            continue
        span = (
            (option.value_word.start, option.value_word.end)
            if option.value_word
            else (option.word.start, option.word.end)
        )
        yield RULE.at(
            span,
            f"{option.name} passes {carried} as a Helm value: it is stored in the "
            f"deployment's configuration; pass it with --secret instead",
        )


def _credential_keys(value):
    """`--configuration '{"HF_TOKEN": "<token>"}'`: a key named as a credential, given a value."""
    for key, written, at in members(value.template()):
        if UNKNOWN_CHAR in key or not SECRET_NAME.search(key) or _REFERENCE_KEY.search(key):
            continue
        if written in ('""', "null", "false", "true"):
            continue
        start, end = value.offset_of(at), value.offset_of(at + len(key) - 1)
        if start is None or end is None:
            continue
        yield RULE.at(
            (start, end + 1),
            f"--configuration passes '{key}' as a Helm value: it is stored in the deployment's "
            "configuration, readable by anyone who can read the function or task; pass it with --secret instead",
        )
