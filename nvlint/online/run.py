"""The online run of `nvlint check --online`: ask the registries about the references every file gave."""

from __future__ import annotations


def run_online(
    references: list, settings, refresh: bool, enabled: set[str], fail_on: str | None, progress: bool
) -> tuple[list, int]:
    """The online findings of enabled rules, and how many of them count for the exit status."""
    from nvlint.diagnostics import severity_rank
    from nvlint.online.check import check
    from nvlint.online.settings import online_settings

    found = [
        d
        for d in check(references, online_settings(settings.online_options), refresh=refresh, progress=progress)
        if d.code in enabled
    ]
    threshold = severity_rank(fail_on or settings.fail_on or "info")
    return found, sum(1 for d in found if severity_rank(d.severity) >= threshold)
