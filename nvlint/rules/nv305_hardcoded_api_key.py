from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import SecretLiteral
from nvlint.rules.base import Context, Rule

RULE = Rule(
    code="NV305",
    name="hardcoded-api-key",
    severity="error",
    summary=(
        "A literal NGC API key (`nvapi-` and 64 key characters, not a placeholder, or a legacy key) anywhere "
        "in a file; always shown as `nvapi-****` or `****`."
    ),
    what=(
        "Reports an NGC API key anywhere in a file, comments included. A key has the shape of a real NGC "
        "scoped key: `nvapi-` and exactly 64 characters of `[A-Za-z0-9_-]`, with digits, upper- and lower-case "
        "letters, at least 4.3 bits of entropy per character, no run of four repeated or sequential characters "
        "(`aaaa`, `abcd`, `4321`) and no eight characters seen twice. Placeholders are not keys: "
        "`nvapi-1234567890abcdef...`, `nvapi-xxxx...`, keys containing `YOUR`, `example`, `dummy`, `test`..., "
        "keys cut short with `...` or `…` right after them, and `<nvapi-...>`. About one real key in a "
        "thousand looks like a placeholder by these tests and is missed. A legacy NGC key (issued before "
        "`nvapi-`) is 84 letters and digits, the base64 of 26 letters and digits, a colon and a UUID; it is "
        "reported when it decodes to exactly that (no placeholder does), and shown as `****`."
    ),
    why=(
        "A key in a repository is a key for everyone who can read it, forever (history keeps it). Revoke it, "
        "then read the key from the environment or a secret store. nvlint shows it as `nvapi-****` everywhere."
    ),
    bad="export NGC_API_KEY=nvapi-" + "dnOekWhCZMowYQxwrDe7Nd9fNBf2wZJXY3xpqv9tTO_wbUghEsaagQaEwhG6fb8R" + "\n",
    good='export NGC_API_KEY="$(cat /run/secrets/ngc_api_key)"\n',
    reads=(SecretLiteral,),
    per_event=True,
)


@RULE.checker
def check(flow: Sequence[SecretLiteral], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        shown = "**** (a legacy key)" if event.legacy else "nvapi-****"
        yield RULE.at(
            (event.start, event.end),
            f"literal NGC API key {shown}: revoke it and read the key from the environment or a secret store",
        )
