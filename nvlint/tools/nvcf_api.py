"""The NVCF API's function and task create requests: which mapping is one, and its Deploy event,
described with the NGC CLI's option names. Read from payload files (nvlint.sources.payload) and from
JSON bodies sent inline by `curl -d '{...}'` (nvlint.tools.http).

A mapping is a payload when it has the fields that identify an NVCF API request: a function create
request has `inferenceUrl` (or `helmChartServiceName`, which only a Helm function has) and an
artifact (`containerImage`, `helmChart` or `models`); a task create request has `gpuSpecification`
and an artifact. Other tools' YAML that shares some names (a launcher's spec with `models:` and
`containerArgs:`, Helm values, compose files) is not a request. Values are templates as often as
not: `${NAME}`, `$NAME`, `{{ name }}` and `<name>` are unknown values in every field. Field positions
are the value's line and column.
"""

from __future__ import annotations

from collections.abc import Iterator

from nvlint import lazyre
from nvlint.model.events import Attachment, Deploy, Event, GpuRequest, NgcCommand, OptionUse
from nvlint.model.words import PLACEHOLDER, Part, Unknown, Value, Word, replace_matches, unknown_part
from nvlint.tools import ngc_grammar
from nvlint.yamltree.nodes import DocumentText, get, is_mapping, is_scalar, is_sequence, items

ARTIFACT_KEYS = frozenset({"containerImage", "helmChart", "models"})  # a request deploys one of these
FUNCTION_KEYS = frozenset({"inferenceUrl", "helmChartServiceName"})  # only a function request has them
TASK_KEYS = frozenset({"gpuSpecification"})  # only a task request has it
# Every field of NVCF's function and task create requests (NVIDIA/nvcf CreateFunctionRequest.java,
# CreateTaskRequest.java; ngc-facts section 6.3). A mapping with two or more fields besides these is another
# tool's document that shares some names (an NVCA launch specification, a render request), not a request.
REQUEST_KEYS = frozenset(
    {
        "name", "inferenceUrl", "inferencePort", "containerImage", "helmChart", "helmChartServiceName", "models",
        "resources", "containerArgs", "containerEnvironment", "secrets", "health", "healthUri", "apiBodyFormat",
        "functionType", "tags", "description", "rateLimit", "telemetries", "gpuSpecification",
        "maxRuntimeDuration", "maxQueuedDuration", "terminationGracePeriodDuration", "resultHandlingStrategy",
        "resultsLocation", "deploymentSpecifications",
    }
)  # fmt: skip
FOREIGN_KEYS_ALLOWED = 1  # a comment field, a `$schema`, one field newer than this list
# A deployment request (`POST /v2/nvcf/deployments/functions/<fid>/versions/<vid>`) is a list of these.
DEPLOYMENT_KEY = "deploymentSpecifications"
_SPEC_KEYS = frozenset({"instanceType", "minInstances", "maxInstances", "backend"})
# Template placeholders in payload files: `${NAME}`, `$NAME`, `{{ name }}`, `<name>`, `YOUR_NAME`.
_TEMPLATE = lazyre.compile(
    r"\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*?\}\}|<[A-Za-z][^<>]*>"
    r"|\b(?:YOUR|your)[_-][A-Za-z0-9_-]+"
)
_SCALAR_OPTIONS = {
    "containerImage": "--container-image",
    "helmChart": "--helm-chart",
    "helmChartServiceName": "--helm-chart-service",
    "inferenceUrl": "--inference-url",
    "containerArgs": "--container-args",
    "name": "--name",
    "inferencePort": "--inference-port",
    "healthUri": "--health-uri",
    "resultHandlingStrategy": "--result-handling-strategy",
    "resultsLocation": "--result-location",
    "maxRuntimeDuration": "--max-runtime-duration",
    "maxQueuedDuration": "--max-queued-duration",
    "terminationGracePeriodDuration": "--termination-grace-period-duration",
}
_HEALTH_OPTIONS = {
    "uri": "--health-uri",
    "port": "--health-port",
    "timeout": "--health-timeout",
    "protocol": "--health-protocol",
    "expectedStatusCode": "--health-expected-status-code",
}
_MODEL_URI = lazyre.compile(r"/(models|resources)/([^/]+)/([^/]+)/files")


def _field(document: DocumentText, node) -> Word:
    """A request field: a template's placeholders are unknown parts."""
    word = document.word(node)
    return Word(_templates_unknown(word.value), word.start, word.end, "yaml", foreign=word.foreign)


def _templates_unknown(value: Value) -> Value:
    """`${NAME}`, `$NAME`, `{{ name }}`, `<name>`: filled in before the request is sent, so unknown."""
    parts: list[Part] = []
    for part in value.parts:
        text = part.text
        if text is not None and ("$" in text or "{{" in text or "<" in text or "our" in text or "OUR" in text):
            parts.extend(
                replace_matches(
                    part,
                    _TEMPLATE,
                    lambda match, piece: unknown_part(Unknown(PLACEHOLDER, match.group(0)), piece.start, piece.end),
                )
            )
        else:
            parts.append(part)
    return Value(parts)


def classify(node) -> str | None:
    """'function', 'task' or 'deployment' when the mapping is an NVCF payload."""
    if not is_mapping(node):
        return None
    keys = {name for name, _, _ in items(node)}
    if len(keys - REQUEST_KEYS) > FOREIGN_KEYS_ALLOWED:
        return None
    if DEPLOYMENT_KEY in keys and _specifications(get(node, DEPLOYMENT_KEY)):
        return "deployment"
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
    children = [value for _, _, value in items(root)] if is_mapping(root) else (root.value if is_sequence(root) else [])
    out = []
    for child in children:
        out.extend(find(child, depth + 1))
    return out


def events(document: DocumentText, root) -> list[Event]:
    out: list[Event] = []
    for node, kind in find(root):
        if kind != "deployment":
            out.append(_deploy(document, node, kind))
        out.extend(gpu_requests(document, node))
    return out


def _specifications(node) -> list:
    """The entries of `deploymentSpecifications` shaped like NVCF's: a `gpu` and instance fields."""
    if not is_sequence(node):
        return []
    return [
        entry
        for entry in node.value
        if is_mapping(entry) and get(entry, "gpu") is not None and {k for k, _, _ in items(entry)} & _SPEC_KEYS
    ]


def gpu_requests(document: DocumentText, node) -> list[GpuRequest]:
    """A task's `gpuSpecification`, a deployment's `deploymentSpecifications[]`: what the account must have."""
    out = []
    task = get(node, "gpuSpecification")
    if is_mapping(task):
        out.append(_gpu_request(document, task, "gpuSpecification"))
    for n, entry in enumerate(_specifications(get(node, DEPLOYMENT_KEY))):
        out.append(_gpu_request(document, entry, f"{DEPLOYMENT_KEY}[{n}]"))
    return [request for request in out if request.gpu is not None]


def _gpu_request(document: DocumentText, spec, written: str) -> GpuRequest:
    from nvlint.tools.nvcf_account import field

    def one(name: str) -> Word | None:
        node = get(spec, name)
        if not is_scalar(node):
            return None
        value = _field(document, node).value
        return field(value, 0, len(value.template()))

    def many(name: str) -> tuple[Word, ...]:
        node = get(spec, name)
        if not is_sequence(node):
            return ()
        words = (_field(document, item).value for item in node.value if is_scalar(item))
        return tuple(w for w in (field(v, 0, len(v.template())) for v in words) if w is not None)

    start, end = document.span(spec)
    return GpuRequest(
        start,
        end,
        gpu=one("gpu"),
        instance_type=one("instanceType"),
        backend=one("backend"),
        clusters=many("clusters"),
        regions=many("regions"),
        written=written,
    )


def deploy_of(document: DocumentText, node, kind: str) -> list[Event]:
    """A request whose kind is known without its shape (the endpoint it is sent to says)."""
    if kind == "deployment":
        return list(gpu_requests(document, node))
    return [_deploy(document, node, kind), *gpu_requests(document, node)]


def _deploy(document: DocumentText, node, kind: str) -> Deploy:
    options: list[OptionUse] = []
    attachments: list[Attachment] | None = []
    entries: list[dict] = []
    missing_health: list[str] = []
    health_at = None
    first_key = None
    for name, key, value in items(node):
        first_key = first_key or key
        key_word = _field(document, key)
        option = _SCALAR_OPTIONS.get(name)
        if option is not None and is_scalar(value):
            word = _field(document, value)
            options.append(OptionUse(option, key_word, word.value, word))
        elif name == "gpuSpecification" and value is not None:
            options.append(OptionUse("--gpu-specification", key_word, None, None))
        elif name == "health" and is_mapping(value):
            health_at = key_word
            missing_health = _health(document, value, options)
        elif name == "containerEnvironment" and is_sequence(value):
            options.extend(_environment(document, value, key_word))
        elif name == "secrets" and is_sequence(value):
            options.extend(_secrets(document, value))
        elif name in ("models", "resources") and is_sequence(value):
            for entry in value.value:
                fields = {
                    f: _field(document, get(entry, f)) for f in ("name", "version", "uri") if is_scalar(get(entry, f))
                }
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
    return Deploy(
        start,
        end,
        kind=kind,
        ngc=ngc,
        origin="payload",
        attachments=attachments,
        entries=entries,
        missing_health=missing_health,
        health_at=health_at,
    )


def _health(document: DocumentText, health, options: list[OptionUse]) -> list[str]:
    """The `health` object's fields as the CLI's `--health-*` options; the fields it lacks."""
    present = {field_name for field_name, _, _ in items(health)}
    for field_name, field_key, field_value in items(health):
        if field_name in _HEALTH_OPTIONS and is_scalar(field_value):
            word = _field(document, field_value)
            options.append(OptionUse(_HEALTH_OPTIONS[field_name], _field(document, field_key), word.value, word))
    return [f for f in _HEALTH_OPTIONS if f not in present]


def _environment(document: DocumentText, entries, key_word: Word) -> Iterator[OptionUse]:
    """`containerEnvironment: [{key, value}]`: each value, labelled by its key."""
    for entry in entries.value:
        env_key, env_value = get(entry, "key"), get(entry, "value")
        if is_scalar(env_value):
            word = _field(document, env_value)
            label = _field(document, env_key) if is_scalar(env_key) else key_word
            yield OptionUse("containerEnvironment", label, word.value, word)


def _secrets(document: DocumentText, entries) -> Iterator[OptionUse]:
    """`secrets: [{name, value}]`: the names a function or task gets."""
    for entry in entries.value:
        secret_name = get(entry, "name")
        if is_scalar(secret_name):
            word = _field(document, secret_name)
            yield OptionUse("secret-name", word, word.value, word)


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
    from nvlint.model.text import snippet_of_value
    from nvlint.yamltree.nodes import YamlError, compose_all

    snippet = snippet_of_value(word.value, word.end)
    if snippet is None or not snippet.text.lstrip().startswith("{"):
        return []
    try:
        documents = compose_all(snippet.text)
    except YamlError:
        return []
    document = DocumentText(snippet.text, snippet.offsets, snippet.unknowns, foreign=word.foreign)
    out: list[Event] = []
    for root in documents:
        if root is not None:
            out.extend(events(document, root))
    return out
