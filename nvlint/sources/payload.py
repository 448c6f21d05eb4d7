"""NVCF function and task payloads (the JSON the NVCF API takes, in JSON or YAML files, or sent
inline by `curl -d '{...}'`) become Deploy events described with the NGC CLI's option names.

A mapping is a payload when it has the fields that identify an NVCF API request: a function create
request has `inferenceUrl` (or `helmChartServiceName`, which only a Helm function has) and an
artifact (`containerImage`, `helmChart` or `models`); a task create request has `gpuSpecification`
and an artifact. Other tools' YAML that shares some names (a launcher's spec with `models:` and
`containerArgs:`, Helm values, compose files) is not a request. Values are templates as often as
not: `${NAME}`, `$NAME`, `{{ name }}` and `<name>` are unknown values in every field. Field positions
are the value's line and column.
"""

from __future__ import annotations

import re

from nvlint import ngc_grammar
from nvlint.events import Attachment, Deploy, Event, NgcCommand, OptionUse
from nvlint.shell.words import Part, Value, Word, literal_part, replace_matches, unknown_part
from nvlint.sources.yaml_doc import get, is_mapping, is_scalar, is_sequence, items
from nvlint.sources.yaml_scalars import decode

ARTIFACT_KEYS = frozenset({"containerImage", "helmChart", "models"})  # a request deploys one of these
FUNCTION_KEYS = frozenset({"inferenceUrl", "helmChartServiceName"})  # only a function request has them
TASK_KEYS = frozenset({"gpuSpecification"})  # only a task request has it
# Template placeholders in payload files: `${NAME}`, `$NAME`, `{{ name }}`, `<name>`, `YOUR_NAME`.
_TEMPLATE = re.compile(r"\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*?\}\}|<[A-Za-z][^<>]*>"
                       r"|\b(?:YOUR|your)[_-][A-Za-z0-9_-]+")
_SCALAR_OPTIONS = {"containerImage": "--container-image", "helmChart": "--helm-chart",
                   "helmChartServiceName": "--helm-chart-service", "inferenceUrl": "--inference-url",
                   "containerArgs": "--container-args", "name": "--name", "inferencePort": "--inference-port",
                   "healthUri": "--health-uri", "resultHandlingStrategy": "--result-handling-strategy",
                   "resultsLocation": "--result-location", "maxRuntimeDuration": "--max-runtime-duration",
                   "maxQueuedDuration": "--max-queued-duration",
                   "terminationGracePeriodDuration": "--termination-grace-period-duration"}
_HEALTH_OPTIONS = {"uri": "--health-uri", "port": "--health-port", "timeout": "--health-timeout",
                   "protocol": "--health-protocol", "expectedStatusCode": "--health-expected-status-code"}
_MODEL_URI = re.compile(r"/(models|resources)/([^/]+)/([^/]+)/files")


class DocumentText:
    """Text a YAML/JSON document was parsed from, and where its characters are in the real file.

    For a file it is the file itself. For a `curl -d` body it is the shell word's value, whose
    unknown parts (`'"$NAME"'` splices) stand in the text as private-use characters.
    """

    # A plain class rather than a dataclass: see nvlint/record.py (start-up cost).
    __slots__ = ("text", "offsets", "unknowns")

    def __init__(self, text: str, offsets: list[int] | None = None, unknowns: dict[str, Part] | None = None) -> None:
        self.text = text
        self.offsets = offsets
        self.unknowns = unknowns if unknowns is not None else {}

    def value(self, node) -> Value:
        content, positions = decode(self.text, node.start_mark.index, node.end_mark.index, node.style)
        if self.offsets is None and not self.unknowns:
            return Value([literal_part(content, positions[0], tuple(positions[:-1]))] if content else [])
        parts: list[Part] = []
        for char, position in zip(content, positions):
            outer = self.unknowns.get(char)
            if outer is not None:
                parts.append(outer)
            else:
                at = self.offsets[position] if self.offsets is not None else position
                parts.append(literal_part(char, at))
        return Value(parts)

    def span(self, node) -> tuple[int, int]:
        start, end = node.start_mark.index, max(node.start_mark.index, node.end_mark.index - 1)
        if self.offsets is None:
            return node.start_mark.index, node.end_mark.index
        return self.offsets[start], self.offsets[min(end, len(self.offsets) - 1)] + 1

    def word(self, node) -> Word:
        """A payload field: a template's placeholders are unknown parts."""
        start, end = self.span(node)
        return Word(_templates_unknown(self.value(node)), start, end, "yaml")


def _templates_unknown(value: Value) -> Value:
    """`${NAME}`, `$NAME`, `{{ name }}`, `<name>`: filled in before the request is sent, so unknown."""
    parts: list[Part] = []
    for part in value.parts:
        text = part.text
        if text is not None and ("$" in text or "{{" in text or "<" in text or "our" in text or "OUR" in text):
            parts.extend(replace_matches(part, _TEMPLATE, lambda match, piece: unknown_part(
                "placeholder:" + match.group(0), piece.start, piece.end)))
        else:
            parts.append(part)
    return Value(parts)


def classify(node) -> str | None:
    """'function' or 'task' when the mapping is an NVCF payload."""
    if not is_mapping(node):
        return None
    keys = {name for name, _, _ in items(node)}
    if not keys & ARTIFACT_KEYS:
        return None
    if keys & TASK_KEYS:
        return "task"
    if keys & FUNCTION_KEYS:
        return "function"
    return None


def find(root, depth: int = 0) -> list[tuple[object, str]]:
    """Payload mappings in a document: the root, or inside lists and wrappers (`functions: [...]`)."""
    kind = classify(root)
    if kind is not None:
        return [(root, kind)]
    if depth >= 3:
        return []
    children = [value for _, _, value in items(root)] if is_mapping(root) else (
        root.value if is_sequence(root) else [])
    out = []
    for child in children:
        out.extend(find(child, depth + 1))
    return out


def events(document: DocumentText, root) -> list[Event]:
    return [_deploy(document, node, kind) for node, kind in find(root)]


def _deploy(document: DocumentText, node, kind: str) -> Deploy:
    options: list[OptionUse] = []
    attachments: list[Attachment] | None = []
    entries: list[dict] = []
    missing_health: list[str] = []
    health_at = None
    first_key = None
    for name, key, value in items(node):
        first_key = first_key or key
        key_word = document.word(key)
        option = _SCALAR_OPTIONS.get(name)
        if option is not None and is_scalar(value):
            word = document.word(value)
            options.append(OptionUse(option, key_word, word.value, word))
        elif name == "gpuSpecification" and value is not None:
            options.append(OptionUse("--gpu-specification", key_word, None, None))
        elif name == "health" and is_mapping(value):
            health_at = key_word
            present = {field_name for field_name, _, _ in items(value)}
            missing_health = [f for f in _HEALTH_OPTIONS if f not in present]
            for field_name, field_key, field_value in items(value):
                if field_name in _HEALTH_OPTIONS and is_scalar(field_value):
                    word = document.word(field_value)
                    options.append(OptionUse(_HEALTH_OPTIONS[field_name], document.word(field_key), word.value, word))
        elif name == "containerEnvironment" and is_sequence(value):
            for entry in value.value:
                env_key, env_value = get(entry, "key"), get(entry, "value")
                if is_scalar(env_value):
                    word = document.word(env_value)
                    label = document.word(env_key) if is_scalar(env_key) else key_word
                    options.append(OptionUse("containerEnvironment", label, word.value, word))
        elif name == "secrets" and is_sequence(value):
            for entry in value.value:
                secret_name = get(entry, "name")
                if is_scalar(secret_name):
                    word = document.word(secret_name)
                    options.append(OptionUse("secret-name", word, word.value, word))
        elif name in ("models", "resources") and is_sequence(value):
            for entry in value.value:
                fields = {f: document.word(get(entry, f)) for f in ("name", "version", "uri")
                          if is_scalar(get(entry, f))}
                entries.append({"kind": name[:-1], **fields})
                options.append(OptionUse("--" + name[:-1] + "-attachment", key_word, None, None))
                attachment = _attachment(fields, name[:-1])
                if attachment is None or attachments is None:
                    attachments = None
                else:
                    attachments.append(attachment)
    start, end = document.span(first_key) if first_key is not None else (0, 0)
    path = ngc_grammar.FUNCTION_CREATE_PATH if kind == "function" else ngc_grammar.TASK_CREATE_PATH
    ngc = NgcCommand(start, end, path=path, options=options, positionals=[], unknown_args=False, words=[])
    return Deploy(start, end, kind=kind, ngc=ngc, origin="payload", attachments=attachments, entries=entries,
                  missing_health=missing_health, health_at=health_at)


def _attachment(fields: dict[str, Word], kind: str) -> Attachment | None:
    """The name a model or resource is mounted under; None when a template leaves it unknown."""
    name, version = fields.get("name"), fields.get("version")
    if name is None:
        uri = fields["uri"].literal if "uri" in fields else None
        match = _MODEL_URI.search(uri) if uri is not None else None
        if match is None:
            return None
        return Attachment(kind, match.group(2), match.group(3))
    if name.literal is None:
        return None
    return Attachment(kind, name.literal, version.literal if version is not None else None)


def body_events(word: Word) -> list[Event]:
    """Payload events of a JSON body written inline in a shell word (`curl -d '{...}'`)."""
    from nvlint.source import snippet_of_value
    from nvlint.sources.yaml_doc import YamlError, compose_all

    snippet = snippet_of_value(word.value, word.end)
    if snippet is None or not snippet.text.lstrip().startswith("{"):
        return []
    try:
        documents = compose_all(snippet.text)
    except YamlError:
        return []
    document = DocumentText(snippet.text, snippet.offsets, snippet.unknowns)
    out: list[Event] = []
    for root in documents:
        if root is not None:
            out.extend(events(document, root))
    return out
