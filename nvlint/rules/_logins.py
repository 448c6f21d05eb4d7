"""Shared by the login rules: is this a login to NGC, and do its credentials look like NGC's?"""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.model.events import Login
from nvlint.model.words import CI_EXPRESSION, UNKNOWN_CHAR, Value
from nvlint.reference_grammar import NGC_HOSTS
from nvlint.rules.base import POSITIONAL, value_span

OAUTHTOKEN = "$oauthtoken"
KUBECTL = frozenset({"kubectl", "oc"})  # `create secret docker-registry`: a login with no stdin form
_NGC_VARIABLE = lazyre.compile(r"NGC|NVCR|NVAPI", re.IGNORECASE)


def host_of(value: Value | None) -> str | None:
    """The registry host a login or repository URL names; None when absent or unknown."""
    if value is None:
        return None
    text = value.template()
    for scheme in ("https://", "http://", "oci://", "docker://"):
        if text.startswith(scheme):
            text = text[len(scheme) :]
    host = text.split("/", 1)[0].lower()
    if not host or UNKNOWN_CHAR in host:
        return None
    return host.split(":", 1)[0] if host.count(":") == 1 and host.split(":")[1].isdigit() else host


def is_ngc_host(value: Value | None) -> bool:
    """nvcr.io, helm.ngc.nvidia.com, and their staging twins (stg.nvcr.io, helm.stg.ngc.nvidia.com...)."""
    host = host_of(value)
    if host is None:
        return False
    return (
        host in NGC_HOSTS
        or host.endswith(".nvcr.io")
        or (host.endswith(".ngc.nvidia.com") and "helm" in host.split("."))
    )


def ngc_variables(values: list[Value]) -> list[str]:
    """Names of variables in these values that say they hold an NGC key (`$NGC_API_KEY`...)."""
    names = []
    for value in values:
        for part in value.parts:
            unknown = part.unknown
            if unknown is None:
                continue
            if unknown.variable is not None and _NGC_VARIABLE.search(unknown.variable):
                names.append(unknown.variable)
            elif unknown.kind is CI_EXPRESSION and _NGC_VARIABLE.search(unknown.name):
                names.append("{{ " + unknown.name + " }}")
    return names


def credential_values(login: Login) -> list[Value]:
    values = [w.value for w in login.stdin]
    if login.password_value is not None:
        values.append(login.password_value)
    return values


def uses_oauthtoken(login: Login) -> bool:
    return login.username_value is not None and login.username_value.literal == OAUTHTOKEN


def password_argument_span(login: Login) -> tuple[int, int]:
    """Where the key is put on the command line: in the argument of the login command itself
    (`$NGC_API_KEY` in `--password=$NGC_API_KEY`), never where its value was assigned. The mistake is
    passing it there, and the fix (--password-stdin) is made in that command; an `export KEY=...`
    line above is not wrong. A function's `"$1"` is the exception: the key is written at the call."""
    word = login.password
    assert word is not None
    span = value_span(login.password_value or word.value, word)
    if span is not None and (word.start <= span[0] <= span[1] <= word.end or POSITIONAL.fullmatch(word.raw)):
        return span
    return word.start, word.end
