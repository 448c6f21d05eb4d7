"""Which rules exist, which are on by default, and where each lives: enough to select rules and check
codes without importing every rule module (a warm, cached run never needs them).

A test checks that this table and the rule modules agree; add a rule to both.
"""

from __future__ import annotations

# (code, enabled by default, module in nvlint.rules)
CATALOG: tuple[tuple[str, bool, str], ...] = (
    ("NV000", True, "nv000_unreadable_file"),
    ("NV001", True, "nv001_unused_suppression"),
    ("NV002", True, "nv002_invalid_suppression"),
    ("NV003", True, "nv003_internal_error"),
    ("NV004", True, "nv004_shell_syntax_error"),
    ("NV101", True, "nv101_short_form_third_party_image"),
    ("NV102", True, "nv102_implicit_ngc_registry"),
    ("NV103", True, "nv103_docker_hub_missing_namespace"),
    ("NV105", True, "nv105_unrecognized_registry"),
    ("NV106", True, "nv106_missing_image_tag"),
    ("NV201", True, "nv201_image_not_pushed"),
    ("NV202", True, "nv202_artifact_not_uploaded"),
    ("NV301", True, "nv301_ngc_login_username"),
    ("NV302", True, "nv302_oauthtoken_expanded"),
    ("NV303", True, "nv303_password_on_command_line"),
    ("NV304", True, "nv304_login_missing_registry"),
    ("NV305", True, "nv305_hardcoded_api_key"),
    ("NV306", True, "nv306_secret_in_environment"),
    ("NV307", True, "nv307_single_quoted_variable"),
    ("NV308", False, "nv308_kubectl_docker_password"),
    ("NV309", True, "nv309_secret_in_manifest"),
    ("NV401", True, "nv401_bad_mount_path"),
    ("NV402", True, "nv402_mount_path_not_attached"),
    ("NV403", True, "nv403_mount_kind_mismatch"),
    ("NV501", True, "nv501_helm_chart_without_service"),
    ("NV502", True, "nv502_conflicting_artifacts"),
    ("NV503", True, "nv503_missing_required_option"),
    ("NV504", True, "nv504_malformed_artifact_option"),
    ("NV505", True, "nv505_key_value_separator"),
    ("NV506", True, "nv506_unknown_option"),
    ("NV507", True, "nv507_reserved_port"),
    ("NV508", True, "nv508_duration_format"),
    ("NV509", True, "nv509_task_results_prerequisites"),
    ("NV510", True, "nv510_invalid_json_option"),
    ("NV511", True, "nv511_chart_push_source"),
    ("NV512", True, "nv512_deployment_spec"),
    ("NV513", True, "nv513_model_uri_format"),
    ("NV514", False, "nv514_health_endpoint"),
    ("NV515", False, "nv515_latest_tag"),
    ("NV516", True, "nv516_broken_continuation"),
    ("NV517", True, "nv517_unknown_subcommand"),
    ("NV901", True, "nv901_artifact_not_found"),
    ("NV902", True, "nv902_registry_access_denied"),
    ("NV903", True, "nv903_registry_unreachable"),
    ("NV904", True, "nv904_gpu_not_in_account"),
    ("NV905", True, "nv905_registry_credential_missing"),
    ("NV906", True, "nv906_function_not_in_account"),
    ("NV907", True, "nv907_account_unreachable"),
)

# The event types each rule's check reads (model.events class names; Rule.reads), and the rules that pick
# the words a reading keeps (Rule.reads_words): a file imports only the rules its events call for, so a
# script with no NGC command loads none of the NVCF rules. A rule without a check (suppressions, online)
# is absent: nothing runs it over events. The same test as for CATALOG keeps this true to the modules.
READS: dict[str, tuple[str, ...] | None] = {
    "NV000": ("NotRead",),
    "NV004": ("SyntaxProblem",),
    "NV101": ("Deploy",),
    "NV102": ("Deploy",),
    "NV103": ("Deploy",),
    "NV105": ("Deploy",),
    "NV106": ("Deploy",),
    "NV201": ("Deploy", "ImageBuilt", "ImagePushed"),
    "NV202": ("ArtifactCreated", "ArtifactPushed", "Deploy"),
    "NV301": ("Login",),
    "NV302": ("CommandRun", "CredentialText", "Login"),
    "NV303": ("Login", "KeyArgument"),
    "NV304": ("Login",),
    "NV305": ("SecretLiteral",),
    "NV306": ("Deploy", "NgcCommand"),
    "NV307": ("Login", "NgcCommand"),
    "NV308": ("Login",),
    "NV309": ("PlainSecret",),
    "NV401": ("CommandRun", "Deploy"),
    "NV402": ("Deploy",),
    "NV403": ("Deploy",),
    "NV501": ("Deploy",),
    "NV502": ("Deploy",),
    "NV503": ("Deploy",),
    "NV504": ("Deploy",),
    "NV505": ("Deploy",),
    "NV506": ("NgcCommand",),
    "NV507": ("Deploy",),
    "NV508": ("Deploy",),
    "NV509": ("Deploy",),
    "NV510": ("NgcCommand",),
    "NV511": ("NgcCommand",),
    "NV512": ("NgcCommand",),
    "NV513": ("Deploy",),
    "NV514": ("Deploy",),
    "NV515": ("Deploy",),
    "NV516": ("OptionRun", "ToolCommand"),
    "NV517": ("NgcCommand",),
}
READS_WORDS = frozenset({"NV302", "NV401"})

CODES = frozenset(code for code, _, _ in CATALOG)
# Rule names from the modules' names (`nv302_oauthtoken_expanded`: oauthtoken-expanded); a test checks them.
NAMES: dict[str, str] = {module[6:].replace("_", "-"): code for code, _, module in CATALOG}


def code_of(selector: str) -> str | None:
    """A code or a code prefix (`NV302`, `NV3`) as given, or a rule's name (`oauthtoken-expanded`) as its code;
    None when it names no rule."""
    upper = selector.strip().upper()
    if upper and any(code.startswith(upper) for code in CODES):
        return upper
    return NAMES.get(selector.strip().lower())


def unknown_rule(selector: str) -> str:
    """`unknown rule 'NV3O2' (did you mean 'NV302'?)`: what every place that takes rule names says."""
    return f"unknown rule '{selector}'{nearest_selector(selector)}"


def nearest_selector(selector: str) -> str:
    """` (did you mean 'NV302'?)` for a code or name that names no rule."""
    import difflib  # only for error messages

    candidates = sorted(CODES) + sorted(NAMES)
    match = difflib.get_close_matches(selector.strip(), candidates, n=1) or difflib.get_close_matches(
        selector.strip().upper(), candidates, n=1
    )
    return f" (did you mean '{match[0]}'?)" if match else ""
