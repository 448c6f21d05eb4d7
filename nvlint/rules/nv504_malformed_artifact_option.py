from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.reference_grammar import ArtifactRef, parse_artifact
from nvlint.rules._deploy import deploy_options
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV504",
    name="malformed-artifact-option",
    severity="error",
    summary="A `--model`, `--resource` or `--helm-chart` value is not `<org>/[<team>/]<name>:<version>`.",
    what=(
        "Reports a known value of `--model` (which may start with `<override-name>:`), `--resource` or "
        "`--helm-chart` (unless it is a URL: `oci://`, `https://`, `http://`, the schemes NVCF takes for a chart) "
        "that is not `<org>/[<team>/]<name>:<version>`."
    ),
    why="The NGC CLI requires the org and the version and rejects anything else before creating the function.",
    bad="ngc cf fn create --name llm --inference-url /infer --container-image nvcr.io/acme/server:1.0 \\\n"
    "  --model llama-weights\n",
    good="ngc cf fn create --name llm --inference-url /infer --container-image nvcr.io/acme/server:1.0 \\\n"
    "  --model acme/llama-weights:1.0\n",
    reads=(Deploy,),
    per_event=True,
)

_FORMS = {
    "--model": "[<override-name>:]<org>/[<team>/]<model>:<version>",
    "--resource": "<org>/[<team>/]<resource>:<version>",
    "--helm-chart": "<org>/[<team>/]<chart>:<version>",
}


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event, option, value in deploy_options(flow, _FORMS):
        text = value.literal
        if not text or text.startswith(("oci://", "https://", "http://")):
            continue
        result = parse_artifact(text, allow_override=option.name == "--model")
        if isinstance(result, ArtifactRef):
            if result.version is not None:
                continue
            reason = "it has no version"
        else:
            reason = result
        yield RULE.at(
            value_span(value, option.value_word),
            f"{event.says(option.name)} {ctx.quote(value, option.value_word)} is malformed: {reason}; "
            f"expected {_FORMS[option.name]}",
        )
