from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.rules._deploy import deploy_options
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV508",
    name="duration-format",
    severity="error",
    summary=(
        "A duration in the wrong format for where it is written: task durations are `[nD][nH][nM][nS]` (not "
        "`PT4H`), `--health-timeout` and payload durations ISO 8601."
    ),
    what=(
        "Reports task durations on the command line (`--max-runtime-duration`, `--max-queued-duration`, "
        "`--termination-grace-period-duration`) that are not `[nD][nH][nM][nS]` (`PT4H` is rejected), and a "
        "`--health-timeout` that is not ISO 8601 (`PT10S`). In payloads every duration is ISO 8601."
    ),
    why=(
        'The NGC CLI converts `4H` to ISO 8601 itself and rejects `PT4H` ("valid input format is '
        '[nD][nH][nM][nS]"), while it passes `--health-timeout` through unchanged, so there it must already '
        "be ISO 8601. The API takes ISO 8601 everywhere."
    ),
    bad="ngc cf task create --name train --gpu-specification L40S:gl40s_1.br25_2xlarge \\\n"
    "  --container-image nvcr.io/acme/train:1.0 --result-handling-strategy NONE --max-runtime-duration PT4H\n",
    good="ngc cf task create --name train --gpu-specification L40S:gl40s_1.br25_2xlarge \\\n"
    "  --container-image nvcr.io/acme/train:1.0 --result-handling-strategy NONE --max-runtime-duration 4H\n",
    reads=(Deploy,),
    per_event=True,
)

CLI_DURATION = lazyre.compile(r"(?=\d)(\d+D)?(\d+H)?(\d+M)?(\d+S)?", re.IGNORECASE)
ISO_DURATION = lazyre.compile(r"P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?", re.IGNORECASE)
TASK_DURATIONS = ("--max-runtime-duration", "--max-queued-duration", "--termination-grace-period-duration")
PAYLOAD_FIELDS = {
    "--max-runtime-duration": "maxRuntimeDuration",
    "--max-queued-duration": "maxQueuedDuration",
    "--termination-grace-period-duration": "terminationGracePeriodDuration",
    "--health-timeout": "health.timeout",
}


def _as_cli(iso: str) -> str:
    match = ISO_DURATION.fullmatch(iso)
    if not match:
        return "4H"
    return "".join(g for g in (match.group(1), match.group(3), match.group(4), match.group(5)) if g).upper()


def _as_iso(text: str) -> str:
    match = CLI_DURATION.fullmatch(text)
    if not match or not text:
        return "PT10S"
    days, rest = match.group(1) or "", "".join(g for g in match.groups()[1:] if g)
    return f"P{days.upper()}" + (f"T{rest.upper()}" if rest else "")


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event, option, value in deploy_options(flow, (*TASK_DURATIONS, "--health-timeout")):
        text = value.literal
        if not text:
            continue
        span = value_span(value, option.value_word)
        if event.origin == "payload":
            if not ISO_DURATION.fullmatch(text):
                yield RULE.at(
                    span,
                    f"{PAYLOAD_FIELDS[option.name]} {ctx.quote(value, option.value_word)} is not an ISO 8601 "
                    "duration; "
                    f"the API wants '{_as_iso(text)}'",
                )
        elif option.name == "--health-timeout":
            if not ISO_DURATION.fullmatch(text):
                yield RULE.at(
                    span,
                    f"--health-timeout {ctx.quote(value, option.value_word)} is passed to NVCF as written and "
                    "must be "
                    f"ISO 8601: '{_as_iso(text)}'",
                )
        elif not CLI_DURATION.fullmatch(text):
            yield RULE.at(
                span,
                f"{option.name} {ctx.quote(value, option.value_word)} is not [nD][nH][nM][nS]; the NGC CLI "
                "converts to "
                f"ISO 8601 itself: write '{_as_cli(text)}'",
            )
