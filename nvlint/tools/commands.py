"""Which tool a command is, and its events: the dispatch to each family's recogniser."""

from __future__ import annotations

import re

from nvlint import import_module, lazyre
from nvlint.model.command import Command
from nvlint.model.events import CommandRun, Event, ImagePushed, Login, OptionRun, ToolCommand
from nvlint.tools import credentials

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from collections.abc import Callable

# Each family's recogniser, by the command names it reads: a module is imported the first time a script
# runs one of its commands (a script without helm or curl never loads those).
REGISTRY_CLIENTS: tuple[str, ...] = ("skopeo", "crane", "oras", "regctl", "singularity", "apptainer", "kubectl")
REGISTRY_CLIENTS += ("oc", "crictl", "ctr", "enroot")
_FAMILY_OF = dict.fromkeys(("docker", "podman", "nerdctl", "buildah", "docker-compose"), "docker")
_FAMILY_OF.update({"helm": "helm", "helm3": "helm", "ngc": "ngc"})
_FAMILY_OF.update(dict.fromkeys(("curl", "http", "https", "xh", "wget"), "http"))
_FAMILY_OF.update(dict.fromkeys(REGISTRY_CLIENTS, "registries"))
_RECOGNISERS: dict[str, Callable[[Command], list[Event]]] = {}


def _recogniser(family: str) -> Callable[[Command], list[Event]]:
    handler = _RECOGNISERS.get(family)
    if handler is None:
        handler = _RECOGNISERS[family] = import_module(f"nvlint.tools.{family}").recognise
    return handler


_PUSHY = lazyre.compile(r"push|publish|upload|release|deploy", re.IGNORECASE)
_TASK_RUNNERS = frozenset(
    {
        "make",
        "gmake",
        "just",
        "task",
        "npm",
        "yarn",
        "pnpm",
        "invoke",
        "nox",
        "tox",
        "mage",
        "earthly",
        "bazel",
        "poetry",
        "hatch",
        "uv",
        "tilt",
        "skaffold",
    }
)


def _may_push(command: Command) -> bool:
    """A command we do not know that might push an image (`make push`, `./scripts/publish.sh`).

    It counts as a push of something unnamed, so the push-before-reference rules stay silent:
    precision before recall.
    """
    name = command.name or ""
    if _PUSHY.search(name):
        return True
    if name in _TASK_RUNNERS:
        return any(_PUSHY.search(w.literal or "") for w in command.argv[1:])
    return False


_WRITERS = frozenset({"echo", "printf", "base64", "basenc"})


def _asks_for_help(argv) -> bool:
    for word in argv[1:]:  # a loop, not any(): this runs for every command
        literal = word.literal
        if literal == "--":
            return False
        if literal == "--help" or literal == "-h":
            return True
    return False


def _is_option(word) -> bool:
    literal = word.literal
    return literal is not None and len(literal) > 1 and literal[0] == "-" and literal != "--"


def _any_word(reads_words, words) -> bool:
    for word in words:  # noqa: SIM110 - a loop, not any(): this runs for every command
        if reads_words(word):
            return True
    return False


def recognise(command: Command, dollar_escape: str = "$", reads_words=None) -> list[Event]:
    """Events of one command. ``reads_words`` says which words the word-level rules want; a command
    with none of them gets no CommandRun event (None: every command gets one)."""
    if _asks_for_help(command.argv):
        return []  # `ngc cf task create --help` prints usage: nothing runs, nothing to report
    # here-documents and here-strings are expanded too: rules about expansions read them
    words = command.words + [w for w in command.stdin if w.start >= command.start]
    events: list[Event] = []
    if reads_words is None or _any_word(reads_words, words):
        events.append(CommandRun(command.start, command.end, words=words, dollar_escape=dollar_escape))
    if not command.executes or not command.argv:
        return events
    family = _FAMILY_OF.get(command.name or "")
    if family is not None:
        events.append(ToolCommand(command.start, command.end, command.name or ""))
        events.extend(_recogniser(family)(command))
    elif _is_option(command.argv[0]):
        events.append(OptionRun(command.start, command.end, command.argv[0]))
    elif not command.calls_function and _may_push(command):
        events.append(ImagePushed(command.start, command.end, None))
    if command.stdin or command.name in _WRITERS:
        events.extend(credentials.recognise(command))
    if dollar_escape != "$":
        for event in events:
            if isinstance(event, Login):
                event.dollar_escape = dollar_escape
    if command.via is not None or command.branch:
        for event in events:
            event.via, event.branch = command.via, command.branch
    if command.alternative is not None:
        for event in events:
            event.alternative = command.alternative
    return events
