from __future__ import annotations

from nvlint.model.events import Event
from nvlint.rules.base import Rule

RULE: Rule[Event] = Rule(
    code="NV902",
    name="registry-access-denied",
    severity="error",
    summary="Online: the registry refuses the credentials found, or there are none for a private artifact.",
    what=(
        "With `--online`, reports a reference whose registry answers 401 or 403 with the credentials nvlint "
        "found, or asks for credentials when none were found. The message says which credentials were used, "
        "or where they were looked for (`NGC_CLI_API_KEY`, `NGC_API_KEY`, `~/.ngc/config`; the Docker config "
        "and its credential helpers)."
    ),
    why="The deployment uses a key too: if this one cannot read the artifact, check that one can.",
    bad="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/private:1.0\n",
    good="ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0\n",
    online=True,
)


def denied(what: str, text: str, where: str, detail: str) -> str:
    return f"{what} '{text}' cannot be read from {where}: {detail}"
