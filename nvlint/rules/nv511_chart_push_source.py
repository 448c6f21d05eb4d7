from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import NgcCommand
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV511",
    name="chart-push-source",
    severity="error",
    summary="`ngc registry chart push` with a positional path, or a `--source` file misnamed.",
    what=(
        "Reports `ngc registry chart push <target> <path>` (the CLI takes the chart with `--source <path>`) and "
        "a `--source` `.tgz` file not named `<chart>-<version>.tgz` for the `<org>/[<team>/]<chart>:<version>` "
        "target."
    ),
    why=(
        "`chart push` takes one positional argument; a second one is an error. When `--source` is a file, the "
        "CLI requires its name to match the target, or the push fails."
    ),
    bad="ngc registry chart push acme/llm:1.0.0 ./llm-1.0.0.tgz\n",
    good="ngc registry chart push acme/llm:1.0.0 --source ./llm-1.0.0.tgz\n",
    reads=(NgcCommand,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[NgcCommand], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.path != ("registry", "chart", "push") or event.unknown_args:
            continue
        for extra in event.positionals[1:]:
            yield RULE.at(
                (extra.start, extra.end),
                f"{ctx.quote(extra.value, extra)} is a second positional argument: "
                "ngc registry chart push takes the chart with --source <path>",
            )
        if not event.positionals:
            continue
        target = event.positionals[0].literal
        source = event.first("--source")
        if source is None or source.value is None:
            continue
        path = source.value.literal
        if target is None or ":" not in target or path is None or not path.endswith(".tgz"):
            continue
        name, version = target.split(":", 1)
        expected = f"{name.rsplit('/', 1)[-1]}-{version}.tgz"
        if path.rsplit("/", 1)[-1] != expected:
            yield RULE.at(
                value_span(source.value, source.value_word),
                f"--source file {ctx.quote(source.value, source.value_word)} must be named '{expected}' to push "
                f"{target}",
            )
