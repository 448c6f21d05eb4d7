from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy
from nvlint.rules._deploy import is_template, literal, secret_names
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV509",
    name="task-results-prerequisites",
    severity="error",
    summary="A task uploads its results (the default) without a result location or an NGC_API_KEY secret.",
    what=(
        "Reports `ngc cf task create` (or a task payload) whose result handling is UPLOAD, which is the "
        "server's default when `--result-handling-strategy` is absent, without `--result-location "
        "<org>/[<team>/]<model>` or without a secret named `NGC_API_KEY`; and a result location that is not "
        "an NGC model path (`/results`). "
        "A template is silent: a command or payload whose every artifact (image, chart, models) is a "
        "placeholder (`<image>`, `{{ image }}`, an image in a placeholder org such as `myorg/app:tag`), and "
        "for a task whose GPU specification is one too or is absent, shows a form to fill in, not a run."
    ),
    why=(
        "Results are uploaded as an NGC model version with the task's `NGC_API_KEY` secret; the CLI and the API "
        "reject an UPLOAD task without both (\"Must include 'NGC_API_KEY' in secrets if result-handling-strategy "
        'is UPLOAD"). Tasks that write results elsewhere say `--result-handling-strategy NONE`.'
    ),
    bad="ngc cf task create --name eval --gpu-specification L40S:gl40s_1.br25_2xlarge \\\n"
    "  --container-image nvcr.io/acme/eval:1.0\n",
    good="ngc cf task create --name eval --gpu-specification L40S:gl40s_1.br25_2xlarge \\\n"
    "  --container-image nvcr.io/acme/eval:1.0 --result-handling-strategy UPLOAD \\\n"
    '  --result-location acme/eval-results --secret NGC_API_KEY:"$NGC_API_KEY"\n',
    reads=(Deploy,),
    per_event=True,
)

_LOCATION = lazyre.compile(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+){1,2}")


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if event.kind != "task" or event.ngc is None or event.ngc.unknown_args or is_template(event):
            continue
        ngc = event.ngc
        strategy_option = ngc.first("--result-handling-strategy")
        strategy = literal(strategy_option)
        if strategy_option is not None and strategy is None:
            continue  # unknown
        if strategy is not None and strategy.upper() != "UPLOAD":
            continue
        implicit = strategy_option is None
        location = ngc.first("--result-location")
        span = (
            value_span(strategy_option.value, strategy_option.value_word)
            if strategy_option
            else (event.start, event.end)
            if event.origin == "payload"
            else _command_span(ngc)
        )
        why = " (UPLOAD is the default when no strategy is given)" if implicit else ""
        missing = []
        if location is None:
            missing.append(f"{event.says('--result-location')} <org>/[<team>/]<model>")
        elif (written := literal(location)) is not None and not _LOCATION.fullmatch(written):
            yield RULE.at(
                value_span(location.value, location.value_word),
                f"result location {ctx.quote(location.value, location.value_word)} is not an NGC model path "
                "<org>/[<team>/]<model-name>",
            )
        names = secret_names(event)
        if names is not None and "NGC_API_KEY" not in names:
            missing.append("a secret named NGC_API_KEY")
        if missing:
            yield RULE.at(
                span,
                f"this task uploads its results{why} but lacks {' and '.join(missing)}; "
                f"add {'them' if len(missing) > 1 else 'it'}, or set "
                f"{event.says('--result-handling-strategy')} NONE",
            )


def _command_span(ngc):
    create = next((w for w in ngc.words if w.literal == "create"), ngc.words[-1])
    return ngc.words[0].start, create.end
