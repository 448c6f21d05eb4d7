from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import NgcCommand
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV512",
    name="deployment-spec",
    severity="error",
    summary=(
        "A deployment specification the CLI rejects: wrong fields, min > max, concurrency outside 1..16384, "
        "literal `clusters(...)`."
    ),
    what=(
        "Reports `--targeted-deployment-specification` (`gpu:instanceType:min:max[:maxRequestConcurrency]"
        "[:clusters][:regions][:attributes][:preferredOrder]`) and the legacy `--deployment-specification` "
        "(`backend:gpu:instanceType:min:max[:maxRequestConcurrency]`) values with the wrong number of fields, "
        "counts that are not numbers, min > max, a concurrency outside 1..16384, or the help text's "
        "`clusters(...)` / `regions(...)` wrappers written literally."
    ),
    why="The CLI splits on ':' and ',' only and rejects these before the deployment is requested.",
    bad='ngc cf fn deploy create "$FN_ID:$VERSION_ID" \\\n'
    "  --targeted-deployment-specification 'H100:OCI.GPU.H100_1x:2:1:1:clusters(my-cluster)'\n",
    good='ngc cf fn deploy create "$FN_ID:$VERSION_ID" \\\n'
    "  --targeted-deployment-specification H100:OCI.GPU.H100_1x:1:2:1:my-cluster\n",
    reads=(NgcCommand,),
    per_event=True,
)

TARGETED = ("--targeted-deployment-specification", "--targeted-dep-spec")
LEGACY = ("--deployment-specification", "--dep-spec")
MAX_CONCURRENCY = 16384


def problem(text: str, legacy: bool) -> str | None:
    fields = text.split(":")
    low, high = (5, 6) if legacy else (4, 9)
    if not low <= len(fields) <= high:
        shape = (
            "backend:gpu:instanceType:min:max[:concurrency]"
            if legacy
            else "gpu:instanceType:min:max[:concurrency][:clusters][:regions][:attributes][:order]"
        )
        return f"has {len(fields)} fields; expected {shape}"
    if "clusters(" in text or "regions(" in text or "attributes(" in text:
        return "writes the help text's 'clusters(...)' wrapper literally; give the plain values: c1,c2"
    offset = 1 if legacy else 0
    minimum, maximum = fields[2 + offset], fields[3 + offset]
    for label, value in (("min", minimum), ("max", maximum)):
        if value and not value.isdigit():
            return f"{label} instances '{value}' is not a number"
    if minimum and maximum and int(minimum) > int(maximum):
        return f"min instances {minimum} is greater than max instances {maximum}"
    if len(fields) > 4 + offset and fields[4 + offset]:
        concurrency = fields[4 + offset]
        if not concurrency.isdigit() or not 1 <= int(concurrency) <= MAX_CONCURRENCY:
            return f"max request concurrency '{concurrency}' is not in 1..{MAX_CONCURRENCY}"
    return None


@RULE.checker
def check(flow: Sequence[NgcCommand], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.path[-2:] not in (("deploy", "create"), ("deploy", "update")):
            continue
        for option in event.options:
            if option.name not in TARGETED + LEGACY or option.value is None or option.value.literal is None:
                continue
            why = problem(option.value.literal, option.name in LEGACY)
            if why:
                yield RULE.at(
                    value_span(option.value, option.value_word),
                    f"{option.name} {ctx.quote(option.value, option.value_word)} {why}",
                )
