from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import PlainSecret
from nvlint.rules.base import Context, Rule

_DEPLOYMENT = (
    "apiVersion: apps/v1\n"
    "kind: Deployment\n"
    "metadata:\n"
    "  name: llm\n"
    "spec:\n"
    "  template:\n"
    "    spec:\n"
    "      containers:\n"
    "        - name: llm\n"
    "          image: nvcr.io/nim/meta/llama-3.1-8b-instruct:1.3.3\n"
    "          env:\n"
    "{env}"
)

RULE = Rule(
    code="NV309",
    name="secret-in-manifest",
    severity="warning",
    summary=(
        "An NGC key written as a plain value in a Kubernetes `env`, a compose `environment` or Helm values, "
        "where a secret reference belongs."
    ),
    what=(
        "Reports `NGC_API_KEY` (and `NGC_CLI_API_KEY`, `NVIDIA_API_KEY`, Helm's `ngcApiKey` or `ngc.apiKey`) "
        "set to a literal that could be a key: a Kubernetes `env` entry's `value:` in any workload or operator "
        "resource (a Deployment, a Job, a NIMService...), a compose service's `environment`, a chart's values. "
        "Empty values, placeholders (`<your-key>`, `changeme`), interpolations (`${NGC_API_KEY}`, "
        "`$(NGC_API_KEY)`) and template expressions are left alone: they say where the key comes from. "
        "(NV306 is the same mistake in an NVCF function's configuration, whose remedy is `--secret`; here it "
        "is a Secret reference: two rules, each with its own advice.)"
    ),
    why=(
        "A manifest, a compose file or a values file is read by everyone who can read the repository, the "
        "cluster's objects or the chart: a key written there is published with it. Kubernetes reads it from "
        "a Secret (`valueFrom.secretKeyRef`), compose from the environment or `secrets:`, Helm from a "
        "Secret the chart references."
    ),
    bad=_DEPLOYMENT.format(
        env="            - name: NGC_API_KEY\n"
        "              value: u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7DxtpY\n"
    ),
    good=_DEPLOYMENT.format(
        env="            - name: NGC_API_KEY\n"
        "              valueFrom:\n"
        "                secretKeyRef:\n"
        "                  name: ngc-api\n"
        "                  key: NGC_API_KEY\n"
    ),
    example_file="deployment.yaml",
    reads=(PlainSecret,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[PlainSecret], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        advice = (
            "take it from the environment (`${NGC_API_KEY}`) or a compose secret"
            if "service" in event.where
            else "take it from a Secret (`valueFrom.secretKeyRef`)"
            if "env" in event.where
            else "reference a Secret the chart reads instead"
        )
        yield RULE.at(
            (event.start, event.end),
            f"{event.name} is written as a plain value in {event.where}: anyone who can read it reads the "
            f"key; {advice}",
        )
