"""Compose files (a document with `services:` whose services have an `image` or a `build`), by their shape.

- `environment:` (a list of `NAME=value` or a mapping) that sets an NGC key to a literal (NV309);
  `${NGC_API_KEY}` and `$NGC_API_KEY` are compose's interpolation: unknown values, as everywhere.
- `command:` and `entrypoint:` run as compose runs them: a list is the words; a string is split as a
  shell splits words, without a shell (compose does that); `sh -c SCRIPT` runs the script in a shell.
"""

from __future__ import annotations

from nvlint import lazyre
from nvlint.model.events import Event
from nvlint.model.words import VARIABLE, Unknown, Value, Word, literal_part
from nvlint.sources.kind import Source
from nvlint.sources.manifests import Manifest
from nvlint.sources.words import split_words
from nvlint.yamltree.nodes import Expressions, get, is_mapping, is_scalar, is_sequence, items, scalar_value_and_sites

# Compose interpolation: `${VAR}`, `${VAR:-default}`, `$VAR`; `$$` is a literal `$`.
_INTERPOLATION = lazyre.compile(r"\$(\$|\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)")
_DOLLAR = Value([literal_part("$", 0, (0,), foreign=True)])  # placed where `$$` is written, never edited


class _Interpolation(Expressions):
    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(_INTERPOLATION, lambda expression: _DOLLAR if expression == "$" else None)

    def unknown(self, expression: str) -> Unknown:
        name = expression.strip("{}").split(":", 1)[0].split("-", 1)[0].split("?", 1)[0]
        return Unknown(VARIABLE, name)


def looks_like_compose(root) -> bool:
    services = get(root, "services")
    if not is_mapping(root) or not is_mapping(services):
        return False
    return any(
        is_mapping(service) and (get(service, "image") is not None or get(service, "build") is not None)
        for _, _, service in items(services)
    )


def read_document(source: Source, root) -> list[list[Event]]:
    reader = Manifest(source, _Interpolation(), dollar_escape="$$")
    for name, _, service in items(get(root, "services")):
        if not is_mapping(service):
            continue
        where = f"service '{name}''s environment"
        environment = get(service, "environment")
        if is_mapping(environment):
            for key, _, value in items(environment):
                reader.plain_secret(key, reader.word(value), where)
        elif is_sequence(environment):
            for entry in environment.value:
                _entry(reader, entry, where)
        entrypoint, command = get(service, "entrypoint"), get(service, "command")
        _run(reader, entrypoint, command)
    return reader.flows()


def _entry(reader: Manifest, entry, where: str) -> None:
    """`- NGC_API_KEY=value`: the part after `=` is the value, at its own place in the scalar."""
    word = reader.word(entry)
    if word is None or "=" not in word.value.template():
        return
    name = word.value.template().partition("=")[0]
    value = word.value.slice(len(name) + 1)
    span = value.span() or (word.start, word.end)
    reader.plain_secret(name, Word(value, span[0], span[1], "yaml"), where)


def _run(reader: Manifest, entrypoint, command) -> None:
    """The service's entrypoint then its command: a list is the words, a string is split into words."""
    words: list[Word] = []
    for node in (entrypoint, command):
        if is_sequence(node):
            words.extend(word for word in (reader.word(item) for item in node.value) if word is not None)
        elif is_scalar(node):
            words.extend(split_words(*scalar_value_and_sites(node, reader.text, reader.expressions)))
    reader.words(words)


shape = looks_like_compose  # the registry's name (nvlint.sources.kind.FileKind)
