"""helm: registry and repository logins, packaging and pushing charts."""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.model.command import Command
from nvlint.model.events import ArtifactCreated, ArtifactPushed, Event, KeyArgument
from nvlint.model.words import Value, Word
from nvlint.tools.options import first, login_event, parse_options

V, F = True, False
CREDENTIALS = {
    "-u": V,
    "--username": V,
    "-p": V,
    "--password": V,
    "--password-stdin": F,
    "--repo": V,
    "--version": V,
    "--namespace": V,
    "-n": V,
    "-f": V,
    "--values": V,
    "--set": V,
    "--set-string": V,
    "--ca-file": V,
    "--cert-file": V,
    "--key-file": V,
    "-d": V,
    "--destination": V,
    "--untardir": V,
    "--keyring": V,
    "--kube-context": V,
    "--kubeconfig": V,
    "--timeout": V,
    "--post-renderer": V,
    "--description": V,
    "--app-version": V,
    "--sign": F,
    "--key": V,
}
CHART_FILE = lazyre.compile(r"(?:.*/)?([A-Za-z0-9_.-]+?)-(v?\d[A-Za-z0-9_.+-]*)\.tgz")


def recognise(command: Command) -> list[Event]:
    args = command.argv[1:]
    if not args:
        return []
    sub = args[0].literal
    if sub == "registry" and len(args) > 1 and args[1].literal == "login":
        return _login(command, args[2:], args[1], host_index=0)
    if sub == "repo" and len(args) > 1 and args[1].literal == "add":
        return _login(command, args[2:], args[1], host_index=1)
    if sub in ("pull", "fetch", "install", "upgrade", "template", "show", "dependency"):
        options, positional, _ = parse_options(args[1:], CREDENTIALS)
        keys: list[Event] = list(_key_values(command, options, sub))
        if first(options, "-p", "--password", "-u", "--username") is None:
            return keys
        repo = first(options, "--repo")
        host = (
            repo.value_word
            if repo
            else next((w for w in positional if (w.literal or "").startswith(("http://", "https://", "oci://"))), None)
        )
        return _login(command, args[1:], args[0], host_word=host) + keys
    if sub == "package":
        options, positional, _ = parse_options(args[1:], CREDENTIALS)
        version = first(options, "--version")
        events: list[Event] = []
        for path in positional:
            name = Value(path.value.parts)
            text = name.template().rstrip("/")
            if "/" in text:
                name = name.slice(text.rfind("/") + 1, len(text))
            events.append(
                ArtifactCreated(
                    command.start,
                    command.end,
                    kind="chart",
                    target=name,
                    version=version.value if version else None,
                    how="helm package",
                    bare_name=True,
                )
            )
        return events
    if sub in ("push", "cm-push"):
        _, positional, _ = parse_options(args[1:], CREDENTIALS)
        if not positional:
            return []
        match = CHART_FILE.fullmatch(positional[0].text)
        if not match:
            return [ArtifactPushed(command.start, command.end, kind="chart")]
        value = positional[0].value
        return [
            ArtifactPushed(
                command.start,
                command.end,
                kind="chart",
                target=value.slice(match.start(1), match.end(1)),
                version=value.slice(match.start(2), match.end(2)),
                bare_name=True,
            )
        ]
    return []


def _login(command: Command, rest, verb: Word, host_index: int = 0, host_word=None) -> list[Event]:
    """A login (`registry login`, `repo add`) or a command that logs in on the way (`pull --password`);
    ``verb`` is the word that says which."""
    options, positional, _ = parse_options(rest, CREDENTIALS)
    if host_word is None and len(positional) > host_index:
        host_word = positional[host_index]
    return [login_event(command, "helm", options, host_word, verb=verb)]


# A Helm value that holds the NGC key: its variable says so (`$NGC_API_KEY`), or it is one (`nvapi-...`).
_KEY_VARIABLE = lazyre.compile(r"NGC|NVCR|NVAPI", re.IGNORECASE)


def _key_values(command: Command, options, verb: str):
    """`--set imagePullSecret.password=$NGC_API_KEY,other=1`: each value that carries the NGC key."""
    for option in options:
        if option.name not in ("--set", "--set-string") or option.value is None or option.value_offset != 0:
            continue
        value, text = option.value, option.value.template()
        at = 0
        for pair in text.split(","):  # helm splits --set on commas (`a=1,b=2`)
            name, equals, _ = pair.partition("=")
            if equals and "\x00" not in name:
                piece = value.slice(at + len(name) + 1, at + len(pair))
                if _carries_key(piece):
                    span = _written_at(option.value_word, name, piece)
                    if span is not None:
                        word = Word(piece, span[0], span[1], "bare", foreign=option.value_word.foreign)
                        yield KeyArgument(
                            command.start,
                            command.end,
                            word=word,
                            written=f"{option.name} {name}",
                            tool="helm",
                            verb=verb,
                        )
            at += len(pair) + 1


def _written_at(word: Word, name: str, piece: Value) -> tuple[int, int] | None:
    """Where the value is written in the option's word: its own characters, or (a variable set
    elsewhere, `$NGC_API_KEY`) the text after `name=` in the word as written."""
    span = piece.span()
    if span is not None and word.start <= span[0] <= span[1] <= word.end:
        return span
    raw = word.raw
    at = raw.find(name + "=")
    if at < 0 or len(raw) != word.end - word.start:
        return (word.start, word.end)
    begin = at + len(name) + 1
    end = raw.find(",", begin)
    return word.start + begin, word.start + (end if end >= 0 else len(raw))


def _carries_key(value: Value) -> bool:
    if "nvapi-" in value.template():
        return True
    return any(
        p.unknown is not None and p.unknown.variable is not None and _KEY_VARIABLE.search(p.unknown.variable)
        for p in value.parts
    )
