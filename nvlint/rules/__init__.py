"""The rule registry. Each rule lives in its own module and declares `RULE`."""

from __future__ import annotations

from nvlint.rules import (
    nv000_unreadable_file,
    nv001_unused_suppression,
    nv002_invalid_suppression,
    nv003_internal_error,
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
    nv306_secret_in_environment,
    nv307_single_quoted_variable,
    nv401_bad_mount_path,
    nv402_mount_path_not_attached,
    nv403_mount_kind_mismatch,
    nv501_helm_chart_without_service,
    nv502_conflicting_artifacts,
    nv503_missing_required_option,
    nv504_malformed_artifact_option,
    nv505_key_value_separator,
    nv506_unknown_option,
    nv507_reserved_port,
    nv508_duration_format,
    nv509_task_results_prerequisites,
    nv510_invalid_json_option,
    nv511_chart_push_source,
    nv512_deployment_spec,
    nv513_model_uri_format,
    nv514_health_endpoint,
    nv515_latest_tag,
    nv901_artifact_not_found,
    nv902_registry_access_denied,
    nv903_registry_unreachable,
)
from nvlint.rules.base import Context, Rule

_MODULES = (
    nv000_unreadable_file, nv001_unused_suppression, nv002_invalid_suppression, nv003_internal_error, nv101_short_form_third_party_image, nv102_implicit_ngc_registry,
    nv103_docker_hub_missing_namespace, nv105_unrecognized_registry, nv106_missing_image_tag,
    nv201_image_not_pushed, nv202_artifact_not_uploaded, nv301_ngc_login_username, nv302_oauthtoken_expanded,
    nv303_password_on_command_line, nv304_login_missing_registry, nv305_hardcoded_api_key, nv401_bad_mount_path,
    nv402_mount_path_not_attached, nv403_mount_kind_mismatch, nv501_helm_chart_without_service,
    nv502_conflicting_artifacts, nv503_missing_required_option, nv504_malformed_artifact_option,
    nv505_key_value_separator, nv306_secret_in_environment, nv307_single_quoted_variable, nv506_unknown_option, nv507_reserved_port, nv508_duration_format, nv509_task_results_prerequisites, nv510_invalid_json_option, nv511_chart_push_source, nv512_deployment_spec, nv513_model_uri_format, nv514_health_endpoint, nv515_latest_tag, nv901_artifact_not_found, nv902_registry_access_denied, nv903_registry_unreachable,
)
ALL_RULES: tuple[Rule, ...] = tuple(sorted((m.RULE for m in _MODULES), key=lambda r: r.code))
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}
CODES = frozenset(BY_CODE)

__all__ = ["ALL_RULES", "BY_CODE", "CODES", "Context", "Rule", "select_rules"]


def select_rules(select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                 extend_select: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """Rules enabled by code prefixes: `select` (default: every rule on by default) plus
    `extend-select`, minus `ignore`. The longer (more specific) prefix wins, as in ruff. Opt-in rules
    are enabled only by their full code.
    """
    chosen = []
    for rule in ALL_RULES:
        def longest(prefixes: tuple[str, ...], opt_in_needs_full_code: bool = True) -> int:
            return max((len(p) for p in prefixes if rule.code.startswith(p)
                        and (rule.default_enabled or p == rule.code or not opt_in_needs_full_code)), default=-1)

        chosen_by = longest(select) if select else (0 if rule.default_enabled else -1)
        chosen_by = max(chosen_by, longest(extend_select))
        ignored_by = longest(ignore, opt_in_needs_full_code=False)
        if chosen_by >= 0 and chosen_by > ignored_by:
            chosen.append(rule)
    return tuple(chosen)
