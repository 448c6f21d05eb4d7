"""`nvlint check --show-settings` and `--show-files`: what a run would use, without checking anything."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.check.plan import Plan


def files(plan: Plan, paths: list[str]) -> int:
    """Every file the paths hold that would be checked, as it would be reported, with its kind."""
    for request in plan.requests([p for p in paths if p != "-"]):
        sys.stdout.write(f"{request.display}  ({request.kind})\n")
    return 0


def settings(plan: Plan, paths: list[str]) -> int:
    """The settings and rules that apply to the first path (a folder: a file in it), as TOML."""
    import os

    given = next((p for p in paths if p != "-"), ".")
    path = os.path.join(given, "-") if os.path.isdir(given) else given
    resolved = plan.settings(os.path.abspath(path))
    codes = plan.rules(os.path.abspath(path), resolved)
    out = [
        f"# nvlint settings for {given}",
        f"# configuration: {resolved.source or 'none (the defaults)'}",
        f"select = {_toml(list(resolved.select))}",
        f"extend-select = {_toml(list(resolved.extend_select))}",
        f"ignore = {_toml(list(resolved.ignore))}",
        f"per-file-ignores = {{ {', '.join(f'{_toml(g)} = {_toml(list(c))}' for g, c in resolved.per_file_ignores)} }}",
        f"exclude = {_toml(list(resolved.exclude))}",
        f"severity = {{ {', '.join(f'{k} = {_toml(v)}' for k, v in sorted(resolved.severity.items()))} }}",
        f"fail-on = {_toml(resolved.fail_on or 'info')}",
        f"ngc-orgs = {_toml(sorted(resolved.ngc_orgs))}",
        f"max-file-size = {resolved.max_file_size}",
        f"baseline = {_toml(resolved.baseline or '')}",
        f"online = {_toml(resolved.online)}",
    ]
    out += [f"{name} = {_toml(value)}" for name, value in resolved.options]
    if plan.per_file_ignores or plan.exclude:
        out.append(f"# from the command line: per-file-ignores {_toml(dict(plan.per_file_ignores))}")
        out.append(f"# from the command line: extend-exclude {_toml(list(plan.exclude))}")
    out.append(f"# rules enabled here ({len(codes)}): {', '.join(codes)}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def _toml(value: object) -> str:
    """A value as TOML writes it (strings quoted as JSON quotes them, which TOML reads the same)."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (frozenset, set, tuple)):
        value = sorted(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml(list(v))}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return json.dumps(value)
