from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.rules.base import Context, Rule, option_span

RULE = Rule(
    code="NV502",
    name="conflicting-artifacts",
    severity="error",
    summary=("`--container-image` together with `--helm-chart`; a Helm function with container args or environment."),
    what=(
        "Reports a function or task created with both `--container-image` and `--helm-chart`, and a Helm "
        "function with `--container-args` or `--container-environment-variable` (payload `containerArgs`, "
        "`containerEnvironment`), which the API rejects together with a chart."
    ),
    why="A function runs either one container image or one Helm chart; the CLI and the API reject both together.",
    bad="ngc cf fn create --name llm --inference-url /infer --container-image nvcr.io/acme/llm:1.0 \\\n"
    "  --helm-chart acme/llm-chart:1.0.0 --helm-chart-service llm-api\n",
    good="ngc cf fn create --name llm --inference-url /infer \\\n"
    "  --helm-chart acme/llm-chart:1.0.0 --helm-chart-service llm-api\n",
    reads=(Deploy,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.ngc is None:
            continue
        image = event.ngc.first("--container-image")
        chart = event.ngc.first("--helm-chart")
        if image is not None and chart is not None:
            later = image if image.word.start > chart.word.start else chart
            yield RULE.at(
                option_span(later),
                f"{event.says('--container-image')} and "
                f"{event.says('--helm-chart')} exclude each other: "
                "deploy the image inside the chart, or the image alone",
            )
        if chart is not None and event.kind == "function":
            for name in ("--container-args", "--container-environment-variable", "containerEnvironment"):
                option = event.ngc.first(name)
                if option is not None:
                    label = "containerEnvironment" if name == "containerEnvironment" else event.says(name)
                    yield RULE.at(
                        option_span(option),
                        f"{label} cannot go with {event.says('--helm-chart')}: "
                        "the chart's values configure its containers",
                    )
