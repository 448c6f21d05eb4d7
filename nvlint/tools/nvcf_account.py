"""What a command or a request names in the NVCF account: the GPUs it deploys on (GpuRequest) and the
functions it names by ID (FunctionReference). Read offline, asked about only in online mode.

Specification strings are split as the NGC SDK splits them (`nvcf/api/deployment_spec.py` of ngcsdk
4.37: `TargetedDeploymentSpecification.from_str`, `DeploymentSpecification.from_str`,
`GPUSpecification.from_str`), on `:` and then `,`; each field keeps the place of its characters. IDs
are UUIDs (NVCF's function and version IDs are), so only text shaped like one is taken: placeholders
and variables are never IDs.
"""

from __future__ import annotations

from nvlint import lazyre
from nvlint.model.events import Event, FunctionReference, GpuRequest, NgcCommand, OptionUse
from nvlint.model.words import Value, Word

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_POSITIONAL_ID = lazyre.compile(rf"({UUID})(?::({UUID}))?")
# NVCF REST paths naming a function (`/v2/nvcf/functions/<fid>/versions/<vid>`,
# `/v2/nvcf/deployments/functions/...`, `/v2/nvcf/pexec/functions/...`, the NGC API's
# `/v2/orgs/<org>/nvcf/...`), and the invocation host `https://<fid>.invocation.api.nvcf.nvidia.com`.
_URL_ID = lazyre.compile(
    rf"/nvcf/(?:[a-z-]+/)?functions/({UUID})(?:/versions/({UUID}))?(?![0-9a-fA-F-])"
    rf"|//({UUID})\.invocation\.api\.nvcf\.nvidia\.com"
)

TARGETED = ("--targeted-deployment-specification", "--targeted-dep-spec")
LEGACY = ("--deployment-specification", "--dep-spec")
# Field positions of each specification string: gpu, instance type, backend, clusters, regions.
SHAPES: dict[str, tuple[int | None, ...]] = {
    "targeted": (0, 1, None, 5, 6),  # gpu:instanceType:min:max[:concurrency][:clusters][:regions][:attributes][:order]
    "legacy": (1, 2, 0, None, None),  # backend:gpu:instanceType:min:max[:concurrency]
    "task": (0, 1, 2, 3, None),  # gpu:instanceType[:backend][:clusters]
}
DEPLOY_PATHS = frozenset(
    {
        ("cloud-function", "function", "deploy", verb)
        for verb in ("create", "update", "info", "remove", "restart", "log")
    }
)
# Commands whose first positional names an existing function (`fn create <fid>` adds a version to it).
FUNCTION_PATHS = frozenset(
    {
        ("cloud-function", "function", verb)
        for verb in ("create", "info", "remove", "list", "update-secret", "update-rate-limit", "remove-rate-limit")
    }
)


def command_events(ngc: NgcCommand) -> list[Event]:
    """The GPU requests and function references of an `ngc cf ...` command."""
    path = ngc.path
    out: list[Event] = []
    if (path in DEPLOY_PATHS or path in FUNCTION_PATHS) and ngc.positionals:
        out.extend(_positional_ids(ngc, ngc.positionals[0]))
    if path[-2:] in (("deploy", "create"), ("deploy", "update")):
        for option in ngc.options:
            if option.name in TARGETED or option.name in LEGACY:
                request = spec_request(option, "targeted" if option.name in TARGETED else "legacy", ngc)
                if request is not None:
                    out.append(request)
    elif path == ("cloud-function", "task", "create"):
        for option in ngc.all("--gpu-specification"):
            request = spec_request(option, "task", ngc)
            if request is not None:
                out.append(request)
    return out


def _positional_ids(ngc: NgcCommand, word: Word) -> list[Event]:
    text = word.value.template()
    match = _POSITIONAL_ID.fullmatch(text)
    if match is None:
        return []
    function_id = field(word.value, *match.span(1))
    version_id = field(word.value, *match.span(2)) if match.group(2) else None
    if function_id is None:
        return []
    how = "ngc " + " ".join(ngc.path)
    return [FunctionReference(ngc.start, ngc.end, function_id=function_id, version_id=version_id, how=how)]


def spec_request(option: OptionUse, shape: str, event: Event) -> GpuRequest | None:
    """The GPU request a specification string writes (`L40S:gl40s_1.br25_2xlarge:1:2`)."""
    value = option.value
    if value is None:
        return None
    return spec_of_value(value, shape, event.start, event.end, option.name)


def spec_of_value(value: Value, shape: str, start: int, end: int, written: str) -> GpuRequest | None:
    text = value.template()
    bounds: list[tuple[int, int]] = []
    at = 0
    for piece in text.split(":"):
        bounds.append((at, at + len(piece)))
        at += len(piece) + 1
    gpu_at, instance_at, backend_at, clusters_at, regions_at = SHAPES[shape]

    def one(index: int | None) -> Word | None:
        if index is None or index >= len(bounds):
            return None
        return field(value, *bounds[index])

    def many(index: int | None) -> tuple[Word, ...]:
        if index is None or index >= len(bounds):
            return ()
        lo, hi = bounds[index]
        out, piece_at = [], lo
        for piece in text[lo:hi].split(","):
            word = field(value, piece_at, piece_at + len(piece))
            if word is not None:
                out.append(word)
            piece_at += len(piece) + 1
        return tuple(out)

    gpu = one(gpu_at)
    if gpu is None:
        return None
    return GpuRequest(
        start,
        end,
        gpu=gpu,
        instance_type=one(instance_at),
        backend=one(backend_at),
        clusters=many(clusters_at),
        regions=many(regions_at),
        written=written,
    )


def field(value: Value, i: int, j: int) -> Word | None:
    """Template characters [i, j) of a value as a word of their own: None unless all known and not empty."""
    piece = value.slice(i, j)
    literal = piece.literal
    if not literal or literal != literal.strip():
        return None
    span = piece.span()
    if span is None:
        return None
    return Word(piece, span[0], span[1], "bare")


def url_references(word: Word, start: int, end: int) -> list[FunctionReference]:
    """The functions an NVCF URL names (its literal IDs only)."""
    text = word.value.template()
    if "nvcf" not in text:
        return []
    out = []
    for match in _URL_ID.finditer(text):
        if match.group(3):
            function_id, version_id = field(word.value, *match.span(3)), None
            how = "the invocation URL"
        else:
            function_id = field(word.value, *match.span(1))
            version_id = field(word.value, *match.span(2)) if match.group(2) else None
            how = text[match.start() : match.start(1)].rstrip("/")
        if function_id is not None:
            out.append(FunctionReference(start, end, function_id=function_id, version_id=version_id, how=how))
    return out
