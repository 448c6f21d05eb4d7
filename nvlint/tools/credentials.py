"""Credentials written outside a login: `user:password` strings piped to `base64`, Docker configs
written by `echo`/`printf` or here-documents, and the environment variables tools read as usernames.

A login's own username is in its Login event; this module finds the other places where a program
reads text as a credential, so NV302 can tell `$oauthtoken` that reaches a registry from
`$oauthtoken` that is only printed or pasted.
"""

from __future__ import annotations

from nvlint import lazyre
from nvlint.model.command import Command
from nvlint.model.events import CredentialText, Event
from nvlint.model.words import Word

# The keys of a Docker config (`{"auths": {"nvcr.io": {"username": ..., "auth": ...}}}`).
_DOCKER_CONFIG = lazyre.compile(r"\"auths\"|\"(?:username|auth)\"\s*:")
_ENCODERS = frozenset({"base64", "basenc"})
# Variables a tool reads as a registry username, or as `user:password` (crictl's --creds flag defaults to
# CRICTL_CREDS: cri-tools cmd/crictl/image.go).
USERNAME_VARIABLES = frozenset({"SINGULARITY_DOCKER_USERNAME", "APPTAINER_DOCKER_USERNAME", "CRICTL_CREDS"})


def recognise(command: Command) -> list[Event]:
    """Credential text in what a command reads (stdin) or writes (`echo`/`printf` arguments)."""
    events: list[Event] = []
    if command.name in _ENCODERS:
        events.extend(CredentialText(command.start, command.end, word, "encoded with base64") for word in command.stdin)
        return events
    for word in command.stdin:
        if _is_docker_config(word):
            events.append(CredentialText(command.start, command.end, word, "a Docker config"))
    arguments = command.argv[1:]
    if command.name in ("echo", "printf") and any(_is_docker_config(word) for word in arguments):
        # `printf '{"auths": ... "%s" ...}' "$oauthtoken"`: every argument goes into the config
        events.extend(CredentialText(command.start, command.end, word, "a Docker config") for word in arguments)
    return events


def _is_docker_config(word: Word) -> bool:
    text = word.value.template()  # as the program receives it: shell quoting and escapes removed
    return "auth" in text and _DOCKER_CONFIG.search(text) is not None


def assignment(name: str, word: Word) -> list[Event]:
    """`SINGULARITY_DOCKER_USERNAME=...`: the value is a username (`CRICTL_CREDS=...`: `user:password`)."""
    if name in USERNAME_VARIABLES:
        return [CredentialText(word.start, word.end, word, name)]
    return []
