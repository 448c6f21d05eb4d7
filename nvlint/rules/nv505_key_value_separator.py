from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic, Edit
from nvlint.model.events import Deploy
from nvlint.rules._deploy import deploy_options
from nvlint.rules.base import Context, Rule, value_span

RULE = Rule(
    code="NV505",
    name="key-value-separator",
    severity="error",
    summary="`--container-environment-variable` or `--secret` written `KEY=VALUE` instead of `KEY:VALUE`.",
    what="Reports `--container-environment-variable` and `--secret` values whose key is followed by `=`.",
    why=(
        "The NGC CLI splits these on the first `:` and checks the key against `[A-Za-z0-9_.-]{1,63}`; "
        "`KEY=VALUE` fails that check (other tools, such as the self-hosted `nvcf-cli`, use `=`)."
    ),
    bad="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0 \\\n"
    "  --container-environment-variable LOG_LEVEL=debug\n",
    good="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0 \\\n"
    "  --container-environment-variable LOG_LEVEL:debug\n",
    fix="Replaces the `=` after the key with `:`.",
    fix_applicability="safe",
    reads=(Deploy,),
    per_event=True,
)

_KEY_EQUALS = lazyre.compile(r"([A-Za-z0-9_.-]{1,63})=")


@RULE.checker
def check(flow: Sequence[Deploy], ctx: Context) -> Iterator[Diagnostic]:
    for event, option, value in deploy_options(flow, ("--container-environment-variable", "--secret")):
        match = _KEY_EQUALS.match(value.template())
        if match is None:
            continue
        key = match.group(1)
        at = value.offset_of(match.end() - 1)
        fix = RULE.fix_with("Use ':'", Edit(at, at + 1, ":")) if at is not None else None
        yield RULE.at(
            value_span(value, option.value_word),
            f"{event.says(option.name)} '{key}=...' uses '='; {_tool(event)} wants '{key}:<value>'",
            fix,
        )


def _tool(event: Deploy) -> str:
    """Who reads the value: the SDK splits it at the first `:` as the CLI does (`parse_key_value_pairs`)."""
    return "the NGC SDK" if event.names is not None else "the NGC CLI"
