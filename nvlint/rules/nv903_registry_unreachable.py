from __future__ import annotations

from nvlint.model.events import Event
from nvlint.rules.base import Rule

RULE: Rule[Event] = Rule(
    code="NV903",
    name="registry-unreachable",
    severity="warning",
    summary="Online: a registry could not be asked (timeout, DNS, TLS, 5xx or 429 after retries).",
    what=(
        "With `--online`, reports a reference whose registry did not answer: a timeout, a DNS or TLS failure, "
        "a 5xx or 429 after three tries, or the run's deadline. The other references are still checked."
    ),
    why="Nothing is known about this reference: the finding says so instead of passing it silently.",
    bad=(
        "ngc cf fn create --name app --inference-url /infer \\\n"
        "  --container-image registry.unreachable.example/acme/app:1\n"
    ),
    good="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0\n",
    online=True,
)


def unreachable(what: str, text: str, where: str, detail: str) -> str:
    return f"{where} could not be asked about {what} '{text}': {detail}"
