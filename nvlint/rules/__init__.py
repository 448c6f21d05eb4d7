"""The rule registry. Each rule lives in its own module and declares `RULE`."""

from __future__ import annotations

from nvlint.rules import (
    nv000_unreadable_file,
    nv101_short_form_third_party_image,
    nv102_implicit_ngc_registry,
    nv103_docker_hub_missing_namespace,
    nv105_unrecognized_registry,
    nv106_missing_image_tag,
    nv201_image_not_pushed,
    nv202_artifact_not_uploaded,
    nv301_ngc_login_username,
    nv302_oauthtoken_expanded,
    nv303_password_on_command_line,
    nv304_login_missing_registry,
    nv305_hardcoded_api_key,
    nv401_bad_mount_path,
    nv402_mount_path_not_attached,
    nv403_mount_kind_mismatch,
    nv501_helm_chart_without_service,
    nv502_conflicting_artifacts,
    nv503_missing_required_option,
    nv504_malformed_artifact_option,
    nv505_key_value_separator,
)
from nvlint.rules.base import Context, Rule

_MODULES = (
    nv000_unreadable_file, nv101_short_form_third_party_image, nv102_implicit_ngc_registry,
    nv103_docker_hub_missing_namespace, nv105_unrecognized_registry, nv106_missing_image_tag,
    nv201_image_not_pushed, nv202_artifact_not_uploaded, nv301_ngc_login_username, nv302_oauthtoken_expanded,
    nv303_password_on_command_line, nv304_login_missing_registry, nv305_hardcoded_api_key, nv401_bad_mount_path,
    nv402_mount_path_not_attached, nv403_mount_kind_mismatch, nv501_helm_chart_without_service,
    nv502_conflicting_artifacts, nv503_missing_required_option, nv504_malformed_artifact_option,
    nv505_key_value_separator,
)
ALL_RULES: tuple[Rule, ...] = tuple(sorted((m.RULE for m in _MODULES), key=lambda r: r.code))
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}
CODES = frozenset(BY_CODE)

__all__ = ["ALL_RULES", "BY_CODE", "CODES", "Context", "Rule", "select_rules"]


def select_rules(select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """Rules enabled by code prefixes: `select` (default: all enabled by default) minus `ignore`.

    The longer (more specific) prefix wins when both match, as in ruff.
    """
    chosen = []
    for rule in ALL_RULES:
        best_select = max((len(p) for p in select if rule.code.startswith(p)), default=-1)
        best_ignore = max((len(p) for p in ignore if rule.code.startswith(p)), default=-1)
        enabled = rule.default_enabled if not select else best_select >= 0
        if best_select < 0 and select:
            enabled = False
        if best_ignore >= 0 and best_ignore >= best_select:
            enabled = False
        if enabled:
            chosen.append(rule)
    return tuple(chosen)
