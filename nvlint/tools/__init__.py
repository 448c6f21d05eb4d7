"""Recognisers: one module per tool family, each turning a command's argv into events."""

from __future__ import annotations

from nvlint.events import CommandRun, Event
from nvlint.shell.interp import Command
from nvlint.tools import docker, helm, ngc, registries

_BY_NAME = {name: docker.recognise for name in docker.TOOLS}
_BY_NAME.update({"docker-compose": docker.recognise, "helm": helm.recognise, "ngc": ngc.recognise})
_BY_NAME.update({name: registries.recognise for name in ("skopeo", "crane", "oras", "singularity", "apptainer",
                                                         "kubectl", "oc")})


def recognise(command: Command, dollar_escape: str = "$", reads_words=None) -> list[Event]:
    """Events of one command. ``reads_words`` says which words the word-level rules want; a command
    with none of them gets no CommandRun event (None: every command gets one)."""
    # here-documents and here-strings are expanded too: rules about expansions read them
    words = command.words + [w for w in command.stdin if w.start >= command.start]
    events: list[Event] = []
    if reads_words is None or any(reads_words(w) for w in words):
        events.append(CommandRun(command.start, command.end, words=words, dollar_escape=dollar_escape))
    if not command.executes or not command.argv:
        return events
    handler = _BY_NAME.get(command.name or "")
    if handler is not None:
        events.extend(handler(command))
    if command.via is not None or command.branch:
        for event in events:
            event.via, event.branch = command.via, command.branch
    return events
