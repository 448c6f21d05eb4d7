from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.rules._deploy import deploy_options
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV507",
    name="reserved-port",
    severity="error",
    summary="An inference or health port that NVCF reserves (8080, 8010).",
    what="Reports `--inference-port` or `--health-port` (payload `inferencePort`, `health.port`) of 8080 or 8010.",
    why=(
        "NVCF uses container ports 8080 and 8010 for its own monitoring; a function that serves there never "
        "becomes healthy."
    ),
    bad="ngc cf fn create --name api --inference-url /predict --container-image nvcr.io/acme/api:1.0 \\\n"
    "  --inference-port 8080 --health-uri /health\n",
    good="ngc cf fn create --name api --inference-url /predict --container-image nvcr.io/acme/api:1.0 \\\n"
    "  --inference-port 8000 --health-uri /health\n",
    references=("https://docs.nvidia.com/cloud-functions/user-guide/latest/cloud-function/function-creation.html",),
    reads=(Deploy,),
    per_event=True,
)

RESERVED = ("8080", "8010")


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event, option, value in deploy_options(flow, ("--inference-port", "--health-port")):
        port = (value.literal or "").strip()
        if port in RESERVED:
            yield RULE.at(
                value_span(value, option.value_word),
                f"{event.says(option.name)} {port} is reserved by NVCF (8080 and 8010 are its "
                "monitoring ports); serve on another port, such as 8000",
            )
