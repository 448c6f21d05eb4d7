"""The NGC CLI: parsed with the grammar in nvlint.tools.ngc_grammar, turned into events."""

from __future__ import annotations

from nvlint.model.command import Command
from nvlint.model.events import (
    ArtifactCreated,
    ArtifactPushed,
    Deploy,
    Event,
    ImagePushed,
    NgcCommand,
    OrgSeen,
    SubcommandError,
)
from nvlint.model.words import Value, Word
from nvlint.tools import ngc_grammar as grammar
from nvlint.tools.options import parse_options


def parse(command: Command) -> NgcCommand | None:
    """Walk the command groups (aliases included), then the options of the command reached.

    A command the grammar does not list (`ngc config set`, `ngc cf cluster list`) is still an
    NgcCommand, with its words as its path and the global options known: rules about quoting and
    global options read every command. In a group of the grammar, a word that names none of its
    subcommands, or no word at all, is a usage error the event carries (``subcommand_error``: NV517 says
    which it reports where the grammar may not list them all)."""
    words = command.argv[1:]
    node: grammar.Group | grammar.Command = grammar.TREE
    path: list[str] = []
    leading: list[Word] = []  # global options written before the command words
    path_end = command.argv[0].end
    error: SubcommandError | None = None
    i = 0
    while i < len(words) and isinstance(node, grammar.Group):
        text = words[i].literal
        if text is None:
            return None
        if text.startswith("-"):
            leading.append(words[i])
            if grammar.GLOBAL_OPTIONS.get(text) and i + 1 < len(words):
                leading.append(words[i + 1])
                i += 1
            i += 1
            continue
        found = grammar.resolve(node, text)
        if found is None:
            if node.children:
                error = SubcommandError(tuple(path), words[i], node.complete)
            node = grammar.Command((*path, text), open=True)  # not listed: globals only, the rest open
        else:
            node = found[1]
            text = found[0]
        path.append(text)
        path_end = words[i].end
        i += 1
    if isinstance(node, grammar.Group):
        if not node.children or not path:
            return None  # a group the grammar knows only by name (`ngc cf cluster`), or `ngc --version`
        error = SubcommandError(tuple(path), None, node.complete)
        node = grammar.Command(tuple(path), open=True)
    rest = leading + words[i:]
    spec = {**grammar.GLOBAL_OPTIONS, **node.options}
    options, positionals, unknown = parse_options(rest, spec, node.positionals, open_spec=node.open)
    return NgcCommand(
        command.start,
        command.end,
        path=tuple(path),
        options=options,
        positionals=positionals,
        unknown_args=unknown,
        words=command.argv,
        path_end=path_end,
        subcommand_error=error,
    )


def recognise(command: Command) -> list[Event]:
    ngc = parse(command)
    if ngc is None:
        return []
    events: list[Event] = [ngc]
    for option in ngc.all("--org"):
        if option.value is not None and option.value.literal:
            events.append(OrgSeen(command.start, command.end, org=option.value.literal))
    path = ngc.path
    if path == grammar.FUNCTION_CREATE_PATH:
        events.append(Deploy(command.start, command.end, kind="function", ngc=ngc))
    elif path == grammar.TASK_CREATE_PATH:
        events.append(Deploy(command.start, command.end, kind="task", ngc=ngc))
    elif path[:1] == ("registry",) and len(path) == 3 and ngc.positionals:
        events.extend(_registry(command, ngc))
    if path[:1] == ("cloud-function",):
        from nvlint.tools.nvcf_account import command_events

        events.extend(command_events(ngc))
    return events


def _registry(command: Command, ngc: NgcCommand) -> list[Event]:
    kind, verb = ngc.path[1], ngc.path[2]
    target = ngc.positionals[0].value
    text = target.template()
    if kind == "image" and text.startswith("nvcr.io/"):
        target = target.slice(len("nvcr.io/"))
        text = target.template()
    events: list[Event] = []
    org = text.split("/", 1)[0]
    if "/" in text and org and "\x00" not in org and "*" not in org:
        events.append(OrgSeen(command.start, command.end, org=org))
    name, version = _split_version(target)
    if kind == "image" and verb == "push":
        events.append(ImagePushed(command.start, command.end, target, context="ngc"))
    elif kind in ("chart", "model", "resource") and verb == "create":
        events.append(
            ArtifactCreated(
                command.start, command.end, kind=kind, target=name, version=version, how=f"ngc registry {kind} create"
            )
        )
    elif (kind == "chart" and verb == "push") or (kind in ("model", "resource") and verb == "upload-version"):
        events.append(ArtifactPushed(command.start, command.end, kind=kind, target=name, version=version))
    return events


def _split_version(target: Value) -> tuple[Value, Value | None]:
    text = target.template()
    if ":" in text:
        at = text.index(":")
        return target.slice(0, at), target.slice(at + 1)
    return target, None
