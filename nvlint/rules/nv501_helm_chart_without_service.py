from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.rules.base import Context, Rule, option_span

RULE = Rule(
    code="NV501",
    name="helm-chart-without-service",
    severity="error",
    summary="`--helm-chart` without `--helm-chart-service`.",
    what="Reports `ngc cf fn create` with `--helm-chart` but no `--helm-chart-service`.",
    why=(
        "NVCF must know which Kubernetes Service in the chart receives inference requests; the CLI and the "
        "API reject a Helm function without it."
    ),
    bad="ngc cf fn create --name llm --inference-url /v1/chat/completions --helm-chart acme/llm-chart:1.0.0\n",
    good="ngc cf fn create --name llm --inference-url /v1/chat/completions --helm-chart acme/llm-chart:1.0.0 \\\n"
    "  --helm-chart-service llm-api\n",
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.kind != "function" or event.ngc is None or event.ngc.unknown_args:
            continue
        chart = event.ngc.first("--helm-chart")
        if chart is not None and not event.ngc.has("--helm-chart-service"):
            yield RULE.at(
                option_span(chart),
                f"{event.says('--helm-chart')} needs "
                f"{event.says('--helm-chart-service')}: the name of the "
                "Kubernetes Service that serves inference",
            )
