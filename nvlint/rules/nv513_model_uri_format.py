from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.model.words import Word
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV513",
    name="model-uri-format",
    severity="error",
    summary=(
        "A payload `models[].uri` / `resources[].uri` NVCF rejects (`/versions/<v>/files`), or that names "
        "another version."
    ),
    what=(
        "Reports `models[].uri` / `resources[].uri` in an NVCF payload that is not "
        "`https://api.ngc.nvidia.com/v2/org/<org>[/team/<team>]/{models|resources}/<name>/<version>/files` "
        "(the `/versions/<version>/files` form is rejected), or whose name or version differs from the entry's "
        "`name` / `version`."
    ),
    why='NVCF validates the URI when the function is created and answers "Invalid artifact provided".',
    bad='curl -X POST "$NVCF_API/v2/nvcf/functions" -d \'{"name": "llm", "inferenceUrl": "/v1/chat/completions",\n'
    '  "containerImage": "nvcr.io/acme/server:1.0", "models": [{"name": "llama", "version": "1.0",\n'
    '  "uri": "https://api.ngc.nvidia.com/v2/org/acme/models/llama/versions/1.0/files"}]}\'\n',
    good='curl -X POST "$NVCF_API/v2/nvcf/functions" -d \'{"name": "llm", "inferenceUrl": "/v1/chat/completions",\n'
    '  "containerImage": "nvcr.io/acme/server:1.0", "models": [{"name": "llama", "version": "1.0",\n'
    '  "uri": "https://api.ngc.nvidia.com/v2/org/acme/models/llama/1.0/files"}]}\'\n',
    reads=(Deploy,),
    per_event=True,
)

URI = lazyre.compile(
    r"https://api(?:\.stg|\.canary)?\.ngc\.nvidia\.com/v2/org/[A-Za-z0-9_-]+(?:/team/[A-Za-z0-9_-]+)?"
    r"/(models|resources)/([^/]+)/([^/]+)/files"
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.origin != "payload":
            continue
        for entry in event.entries:
            uri: Word | None = entry.get("uri")
            text = uri.literal if uri is not None else None
            if uri is None or not text:
                continue
            span = value_span(uri.value, uri)
            match = URI.fullmatch(text)
            if match is None:
                hint = "; drop 'versions/'" if "/versions/" in text else ""
                yield RULE.at(
                    span,
                    f"{entry['kind']} uri {ctx.quote(uri.value, uri)} is not of the form NVCF accepts: "
                    f"https://api.ngc.nvidia.com/v2/org/<org>[/team/<team>]/{entry['kind']}s/"
                    f"<name>/<version>/files{hint}",
                )
                continue
            kind, _, version = match.groups()
            problems = []
            if kind != entry["kind"] + "s":
                problems.append(f"it points at {kind}, this is a {entry['kind']}")
            # the entry's name may differ on purpose (an override name is the mount directory), its version not
            word = entry.get("version")
            if word is not None and word.literal is not None and word.literal != version:
                problems.append(f"its version '{version}' is not the entry's '{word.literal}'")
            if problems:
                yield RULE.at(span, f"{entry['kind']} uri {ctx.quote(uri.value, uri)}: {'; '.join(problems)}")
