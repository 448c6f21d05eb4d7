"""The command line's vocabulary: its exit statuses, the `check` command's options as data, and a quick
reading of a plain `check` command line.

argparse is the parser (help, abbreviations, every error message), but importing it and building the
`check` parser cost a pre-commit run about 4 ms: argparse, gettext and locale, and a gettext lookup of
the locale folders for every heading. A command line of exactly spelled options before or after one
run of paths is read here from the same table, without argparse. Anything else (help, an abbreviation,
a value that argparse would refuse, `--`) returns None and goes to argparse, so the two never disagree:
a test compares them on generated command lines.
"""

from __future__ import annotations

# 0 nothing reported (at or above `fail-on`), 1 something reported, 2 usage or configuration error
EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMAT_NAMES = ("text", "pretty", "json", "jsonl", "sarif", "github", "gitlab", "junit", "checkstyle")

# (flags, argparse keyword arguments): the order is the order of `nvlint check --help`.
Option = tuple[tuple[str, ...], dict]

OUTPUT_OPTIONS: tuple[Option, ...] = (
    (
        ("--format", "--output-format"),
        {
            "dest": "format",
            "action": "append",
            "choices": FORMAT_NAMES,
            "help": "output format; repeat with --output to write several (default: pretty on a terminal, "
            "text otherwise)",
        },
    ),
    (
        ("-o", "--output"),
        {
            "action": "append",
            "metavar": "FILE",
            "help": "write the matching --format (text when none is given) to FILE instead of standard output",
        },
    ),
    (
        ("--statistics",),
        {"action": "store_true", "help": "a count per rule instead of findings (--format text or json)"},
    ),
    (
        ("--color",),
        {
            "choices": ("auto", "always", "never"),
            "default": "auto",
            "help": "colour in the text and pretty formats (auto: at a terminal; NO_COLOR and FORCE_COLOR are "
            "honoured)",
        },
    ),
    (("-q", "--quiet"), {"action": "store_true", "help": "only the findings: no summary, no notices"}),
    (
        ("--fail-on",),
        {
            "choices": ("error", "warning", "info"),
            "help": "the lowest severity that makes the exit status 1 (default: info)",
        },
    ),
    (("-e", "--exit-zero"), {"action": "store_true", "help": "exit 0 even when something is reported"}),
)

RULE_OPTIONS: tuple[Option, ...] = (
    (
        ("--select",),
        {
            "action": "append",
            "metavar": "RULES",
            "help": "only these rules: codes, prefixes (NV3) or names (oauthtoken-expanded), comma-separated",
        },
    ),
    (("--extend-select",), {"action": "append", "metavar": "RULES", "help": "add these rules (opt-in rules)"}),
    (("--ignore",), {"action": "append", "metavar": "RULES", "help": "skip these rules instead of the config's"}),
    (("--extend-ignore",), {"action": "append", "metavar": "RULES", "help": "skip these rules too"}),
    (
        ("--per-file-ignores",),
        {
            "action": "append",
            "metavar": "GLOB:RULES",
            "help": "skip these rules in files matching GLOB (gitignore style, from the current folder)",
        },
    ),
    (
        ("--extend-exclude",),
        {
            "action": "append",
            "metavar": "GLOBS",
            "help": "never check files matching these globs too (comma-separated, from the current folder)",
        },
    ),
    (
        ("--no-suppressions",),
        {"action": "store_true", "help": "ignore '# nvlint: disable' directives (audits)"},
    ),
)

FIX_OPTIONS: tuple[Option, ...] = (
    (("--fix",), {"action": "store_true", "help": "apply safe fixes in place"}),
    (("--unsafe-fixes",), {"action": "store_true", "help": "with --fix or --diff, apply unsafe fixes too"}),
    (("--diff",), {"action": "store_true", "help": "print the fixes as a unified diff; change nothing"}),
    (
        ("--add-suppressions",),
        {
            "nargs": "?",
            "const": "",
            "metavar": "REASON",
            "help": "write a '# nvlint: disable=...' directive for every finding (with '-- REASON' when given)",
        },
    ),
    (("--write-baseline",), {"metavar": "FILE", "help": "record today's findings in FILE and exit 0"}),
    (
        ("--baseline",),
        {"metavar": "FILE", "help": "report only findings not recorded in FILE (also: baseline = FILE)"},
    ),
)


def jobs(value: str) -> int:
    """--jobs N: a whole number, 1 or more."""
    try:
        number = int(value)
    except ValueError:
        raise _type_error(f"'{value}' is not a number") from None
    if number < 1:
        raise _type_error(f"must be 1 or more, not {number}")
    return number


def _type_error(message: str) -> Exception:
    import argparse  # only argparse calls a type with a bad value: the quick reading never does

    return argparse.ArgumentTypeError(message)


RUN_OPTIONS: tuple[Option, ...] = (
    (("--no-cache",), {"action": "store_true", "help": "do not read or write .nvlint_cache"}),
    (
        ("--online",),
        {
            "action": "store_true",
            "help": "confirm every reference against its registry (also: online = true, NVLINT_ONLINE=1)",
        },
    ),
    (
        ("--online-scope",),
        {
            "choices": ("deployed", "all"),
            "help": "deployed: what functions and tasks pull (default); all: also `docker pull` images",
        },
    ),
    (("--refresh",), {"action": "store_true", "help": "with --online: ignore cached registry answers"}),
    (("--jobs",), {"type": jobs, "metavar": "N", "help": "processes for large trees (default: one per core)"}),
    (
        ("--stdin-filename",),
        {"metavar": "NAME", "help": "read standard input as this file (implies '-'): its kind, its name"},
    ),
    (("--show-settings",), {"action": "store_true", "help": "print the settings of the first PATH and exit"}),
    (("--show-files",), {"action": "store_true", "help": "list the files that would be checked and exit"}),
    (
        ("--watch",),
        {"action": "store_true", "help": "check again whenever a file changes (pip install 'nvlint[watch]')"},
    ),
)

# one of these at most (argparse's mutually exclusive group)
CONFIG_OPTIONS: tuple[Option, ...] = (
    (("--config",), {"metavar": "PATH", "help": "use this pyproject.toml or .nvlint.toml for every file"}),
    (("--isolated",), {"action": "store_true", "help": "ignore all configuration files"}),
)

UNGROUPED_OPTIONS = OUTPUT_OPTIONS + RULE_OPTIONS + FIX_OPTIONS + RUN_OPTIONS
CHECK_OPTIONS = UNGROUPED_OPTIONS + CONFIG_OPTIONS


def destination(option: Option) -> str:
    """The attribute an option sets, as argparse names it."""
    flags, settings = option
    if "dest" in settings:
        return settings["dest"]
    long = next((flag for flag in flags if flag.startswith("--")), flags[0])
    return long.lstrip("-").replace("-", "_")


def _default(settings: dict):
    return False if settings.get("action") == "store_true" else settings.get("default")


# flag -> (the attribute it sets, argparse's keyword arguments); and every attribute's default
_BY_FLAG = {flag: (destination(option), option[1]) for option in CHECK_OPTIONS for flag in option[0]}
_DEFAULTS = {destination(option): _default(option[1]) for option in CHECK_OPTIONS}
_CONFIG_DESTINATIONS = tuple(destination(option) for option in CONFIG_OPTIONS)


def quick_check(arguments: list[str]) -> dict | None:
    """What argparse would make of ``nvlint check ARGUMENTS`` (the namespace's attributes), when the
    command line is plain; None when argparse must read it."""
    values = dict(_DEFAULTS)
    given: set[str] = set()
    paths: list[str] = []
    paths_ended = False  # argparse takes one run of paths: a second is its usage error
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        index += 1
        if argument == "-" or not argument.startswith("-"):
            if paths_ended:
                return None
            paths.append(argument)
            continue
        paths_ended = bool(paths)
        flag, equals, value = argument.partition("=") if argument.startswith("--") else (argument, "", "")
        known = _BY_FLAG.get(flag)
        if known is None or known[1].get("nargs") is not None:
            return None
        name, settings = known
        given.add(name)
        if settings.get("action") == "store_true":
            if equals:
                return None
            values[name] = True
            continue
        if not equals:
            if index == len(arguments):
                return None
            value = arguments[index]
            index += 1
            if value.startswith("-") and value != "-":
                return None  # argparse may take it for an option
        if "choices" in settings and value not in settings["choices"]:
            return None
        if "type" in settings:
            try:
                values[name] = settings["type"](value)
            except Exception:  # noqa: BLE001 - whatever the type refuses, argparse says why
                return None
        elif settings.get("action") == "append":
            values[name] = [*(values[name] or ()), value]
        else:
            values[name] = value
    if len(given.intersection(_CONFIG_DESTINATIONS)) > 1:
        return None  # argparse's "not allowed with" error
    values["paths"] = paths
    values["command"] = "check"
    return values
