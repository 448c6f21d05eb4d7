from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.rules.base import Context, Rule, use_span

RULE = Rule(
    code="NV514",
    name="health-endpoint",
    severity="info",
    summary="A well-known server image without `--health-uri`: NVCF probes `/v2/health/ready`.",
    what=(
        "Opt-in. Reports a function whose container image is known to serve health elsewhere (vLLM on "
        "`/health`, NVIDIA NIM on `/v1/health/ready`) and that gives no `--health-uri` (or payload `health` / "
        "`healthUri`)."
    ),
    why="NVCF's default probe is Triton's `/v2/health/ready`; the deployment never becomes ACTIVE.",
    bad="ngc cf fn create --name chat --inference-url /v1/chat/completions \\\n"
    "  --container-image docker.io/vllm/vllm-openai:v0.6.3\n",
    good="ngc cf fn create --name chat --inference-url /v1/chat/completions \\\n"
    "  --container-image docker.io/vllm/vllm-openai:v0.6.3 --health-uri /health\n",
    default_enabled=False,
    reads=(Deploy,),
    per_event=True,
)

KNOWN = (("vllm/vllm-openai", "/health", "vLLM"), ("nvcr.io/nim/", "/v1/health/ready", "NVIDIA NIM"))


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.kind != "function" or event.ngc is None or event.ngc.unknown_args:
            continue
        if event.ngc.has("--health-uri") or event.health_at is not None:
            continue
        for option in event.ngc.all("--container-image"):
            image = option.value.template() if option.value is not None else ""
            for marker, path, server in KNOWN:
                if marker in image:
                    yield RULE.at(
                        use_span(option),
                        f"{server} serves health on {path}, but NVCF probes "
                        f"/v2/health/ready unless told otherwise; add "
                        f"{event.says('--health-uri')} {path}",
                    )
