from __future__ import annotations

from nvlint.model.events import Event
from nvlint.rules._listing import listing
from nvlint.rules.base import Rule

RULE: Rule[Event] = Rule(
    code="NV906",
    name="function-not-in-account",
    severity="error",
    summary="Online: a literal function or version ID that the NVCF account does not have.",
    what=(
        "With `--online`, asks the NVCF account for the versions of every function a command or a request "
        "names by a literal ID: `ngc cf fn deploy create|update|info|remove|restart|log <fid>:<vid>`, "
        "`ngc cf fn info|remove|create <fid>`, the REST paths `/v2/nvcf/functions/<fid>/versions/<vid>`, "
        "`/v2/nvcf/deployments/functions/<fid>/versions/<vid>`, `/v2/nvcf/pexec/functions/<fid>`, the "
        "invocation host `<fid>.invocation.api.nvcf.nvidia.com`, and the NGC SDK's calls. It reports a "
        "function that does not exist for the account (not its own, not shared with it, not public) and a "
        "version that is not one of that function's, naming what the account has. IDs in variables or "
        "placeholders are never asked about."
    ),
    why="IDs copied from an old run go stale when a function or a version is removed; the call fails with 404.",
    bad="ngc cf fn deploy remove 0b8d4b2e-6c5f-4b8e-9a57-3f2d1c0e9a11:5c9e2f7a-1d3b-4c6e-8f90-2a4b6c8d0e12\n",
    good="ngc cf fn deploy remove 3fa85f64-5717-4562-b3fc-2c963f66afa6:7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b\n",
    configuration="`[tool.nvlint.online]` `nvcf-api-url`: see the README's Online mode section.",
    online=True,
)


def no_function(function_id: str, how: str, own: list[dict] | None) -> str:
    if own is None:
        has = "'ngc cf fn list' lists the functions it has"
    else:
        names = sorted({f"{f['name']} ({f['id']})" for f in own})
        has = f"its own functions are {listing(names)}"
    return (
        f"function '{function_id}' (in {how}) does not exist in the NVCF account, nor is it shared with it or "
        f"public: {has}"
    )


def no_version(version_id: str, function_id: str, versions: list[dict]) -> str:
    name = next((v["name"] for v in versions if v.get("name")), "")
    shown = [f"{v['version']} ({v['status']})" if v.get("status") else v["version"] for v in versions]
    return (
        f"version '{version_id}' is not a version of function '{function_id}'{f' ({name})' if name else ''}: "
        f"its versions are {listing(shown)}"
    )
