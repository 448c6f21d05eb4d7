"""Settings from `[tool.nvlint]` in pyproject.toml or top-level keys in .nvlint.toml.

The nearest file walking up from each linted file applies. Errors name the file, the key and the
nearest valid spelling, and end the run with exit status 2.
"""

from __future__ import annotations

import os

from nvlint.config_values import ConfigError, Option, choice, hint, size, string_list, table
from nvlint.config_values import type_name as _type_name
from nvlint.model.record import Record

__all__ = ["ConfigError", "Settings", "SettingsFinder", "parse_settings"]

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import Protocol, TypeVar

    T = TypeVar("T")

    class Declared(Protocol):
        """The options that rules and file kinds declare where they declare them (nvlint.check.plan's
        DECLARED): settings must not import the rules, which read settings."""

        def option(self, name: str) -> Option | None: ...

        def names(self) -> list[str]: ...


LEVELS = ("error", "warning", "info")
# Real deploy scripts, pipelines and payloads are kilobytes; a file above this is generated or data, and
# reading it would cost seconds (time and memory grow linearly with size, up to this).
MAX_FILE_SIZE = 2 * 1024 * 1024
# The keys every run reads; rules and file kinds declare their own options (see declared_option).
KEYS = (
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "exclude",
    "severity",
    "fail-on",
    "ngc-orgs",
    "online",
    "max-file-size",
    "baseline",
)


class Settings(Record):
    """One configuration file's settings. Treated as immutable once made.

    A plain class rather than a dataclass: see nvlint/model/record.py (start-up cost).
    """

    __slots__ = (
        "select",
        "extend_select",
        "ignore",
        "per_file_ignores",
        "exclude",
        "severity",
        "fail_on",
        "ngc_orgs",
        "options",
        "online",
        "online_options",
        "max_file_size",
        "baseline",
        "source",
        "root",
        "_cache_key",
    )

    def __init__(
        self,
        *,
        select: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
        exclude: tuple[str, ...] = (),
        severity: dict | None = None,
        fail_on: str | None = None,
        ngc_orgs: frozenset[str] = frozenset(),
        options: tuple[tuple[str, object], ...] = (),
        online: bool = False,
        online_options: tuple = (),
        max_file_size: int = MAX_FILE_SIZE,
        baseline: str | None = None,
        source: str | None = None,
        root: str | None = None,
    ) -> None:
        self.select = select
        self.extend_select = extend_select
        self.ignore = ignore
        self.per_file_ignores = per_file_ignores  # (glob, codes)
        self.exclude = exclude
        self.severity = severity if severity is not None else {}  # code -> level
        self.fail_on = fail_on
        self.ngc_orgs = ngc_orgs
        self.options = tuple(sorted(options, key=lambda item: item[0]))  # rules' and kinds' options, checked
        self.online = online
        self.online_options = online_options  # (name, value) pairs of the [online] table, checked
        self.max_file_size = max_file_size  # bytes: a larger file is reported (NV000), never read
        self.baseline = baseline  # the baseline file a run here hides recorded findings with (absolute)
        self.source = source  # the file these came from
        self.root = root  # its folder: globs are relative to it
        self._cache_key: str | None = None

    def __hash__(self) -> int:  # `severity` is a dict: hashed by what identifies the file
        return hash((self.source, self.select, self.ignore))

    def cache_key(self) -> str:
        """Every field, sets sorted: the same settings give the same text in every process (a set's
        order follows the string hash, which differs from one process to the next)."""
        if self._cache_key is None:
            self._cache_key = repr(
                tuple(sorted(value) if isinstance(value, frozenset) else value for value in self.fields())
            )
        return self._cache_key

    def option(self, option: Option[T]) -> T:
        """The value of a rule's or a kind's option here, or its default."""
        for name, value in self.options:
            if name == option.name:
                return value  # type: ignore[return-value]  # checked by option.check when it was read
        return option.default

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """`ignore` plus the `per-file-ignores` whose glob matches ``path``."""
        if not self.per_file_ignores:
            return self.ignore
        relative = _relative(path, self.root)
        extra = tuple(code for glob, codes in self.per_file_ignores if _matches(relative, glob) for code in codes)
        return self.ignore + extra

    def excludes(self, path: str) -> bool:
        if not self.exclude:
            return False
        relative = _relative(path, self.root)
        return any(_matches(relative, glob) for glob in self.exclude)


def glob_matches(path: str, glob: str, root: str | None) -> bool:
    """Does ``path`` match a gitignore-style ``glob`` written relative to ``root``?"""
    return _matches(_relative(path, root), glob)


def _relative(path: str, root: str | None) -> str:
    absolute = os.path.abspath(path)
    if root is not None:
        try:
            return os.path.relpath(absolute, root).replace(os.sep, "/")
        except ValueError:
            pass
    return path.replace(os.sep, "/")


def _matches(relative: str, glob: str) -> bool:
    """Gitignore-style globs: `scripts/*.sh`, `**/legacy/**`, or a bare name matching anywhere."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([glob]).match_file(relative)


def _load_toml(path: str) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef,import-not-found,unused-ignore]
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"cannot read configuration {path}: {error.strerror or error}") from None
    except ValueError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None


def _codes(path: str, key: str, selectors, valid_codes: frozenset[str]) -> tuple[str, ...]:
    """Codes, prefixes or rule names, as codes."""
    from nvlint.rules.catalog import code_of, unknown_rule

    codes = []
    for selector in string_list(path, key, selectors):
        code = code_of(selector)
        if code is None or (valid_codes and not any(c.startswith(code) for c in valid_codes)):
            raise ConfigError(f"{path}: '{key}' has {unknown_rule(selector)}")
        codes.append(code)
    return tuple(codes)


def _baseline(path: str, value: object) -> str | None:
    """`baseline = ".nvlint-baseline.json"`: a file, relative to the configuration that names it."""
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{path}: 'baseline' must be a file name (a string), not {_type_name(value)}")
    return os.path.realpath(os.path.join(os.path.dirname(path), value))


def parse_settings(
    path: str | os.PathLike[str],
    values: dict,
    valid_codes: frozenset[str] = frozenset(),
    declared: Declared | None = None,
) -> Settings:
    """``path``: the configuration file; ``declared``: the options rules and file kinds declare (none when
    not given)."""
    path = os.fspath(path)
    options = []
    for key, value in values.items():
        if key in KEYS:
            continue
        option = declared.option(key) if declared is not None else None
        if option is None:
            names = declared.names() if declared is not None else []
            raise ConfigError(f"{path}: unknown key '{key}'{hint(key, (*KEYS, *names))}")
        options.append((key, option.check(path, key, value)))
    per_file = tuple(
        (glob, _codes(path, f"per-file-ignores.{glob}", codes, valid_codes))
        for glob, codes in table(path, "per-file-ignores", values.get("per-file-ignores", {})).items()
    )
    severity = {}
    for code, level in table(path, "severity", values.get("severity", {})).items():
        (code,) = _codes(path, "severity", [code], valid_codes)
        if code not in valid_codes and valid_codes:
            raise ConfigError(f"{path}: 'severity' needs whole codes, not '{code}'{hint(code, valid_codes)}")
        severity[code] = choice(path, f"severity.{code}", level, LEVELS)
    fail_on = values.get("fail-on")
    from nvlint.online.settings import parse_online  # here: a run with no configuration never needs it

    return Settings(
        select=_codes(path, "select", values.get("select", []), valid_codes),
        extend_select=_codes(path, "extend-select", values.get("extend-select", []), valid_codes),
        ignore=_codes(path, "ignore", values.get("ignore", []), valid_codes),
        per_file_ignores=per_file,
        exclude=string_list(path, "exclude", values.get("exclude", [])),
        severity=severity,
        fail_on=choice(path, "fail-on", fail_on, LEVELS) if fail_on is not None else None,
        ngc_orgs=frozenset(string_list(path, "ngc-orgs", values.get("ngc-orgs", []))),
        max_file_size=size(path, "max-file-size", values.get("max-file-size", MAX_FILE_SIZE)),
        baseline=_baseline(path, values.get("baseline")),
        options=tuple(options),
        **parse_online(path, values.get("online", False)),
        source=path,
        root=os.path.realpath(os.path.dirname(path)),
    )


class SettingsFinder:
    """Finds and caches the settings that apply to each directory."""

    def __init__(
        self,
        forced: str | os.PathLike[str] | None = None,
        valid_codes: frozenset[str] = frozenset(),
        declared: Declared | None = None,
    ) -> None:
        self.valid_codes = valid_codes
        self.declared = declared
        self._cache: dict[str, Settings] = {}  # by resolved folder
        self.warn = _warn
        self.forced = self.load(forced) if forced is not None else None

    def load(self, path: str | os.PathLike[str]) -> Settings:
        path = os.fspath(path)
        data = _load_toml(path)
        table = data.get("tool", {}).get("nvlint", {}) if os.path.basename(path) == "pyproject.toml" else data
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.nvlint] must be a table")
        return parse_settings(path, table, self.valid_codes, self.declared)

    def for_file(self, file: str | os.PathLike[str]) -> Settings:
        """The settings of the nearest configuration above ``file`` (a path that names no file, such as
        `.`, stands for the current folder)."""
        if self.forced is not None:
            return self.forced
        folder, name = os.path.split(os.fspath(file).rstrip("/"))
        directory = os.path.realpath(folder) if name not in ("", ".") else os.getcwd()
        return self._for_directory(directory)

    def _for_directory(self, directory: str) -> Settings:
        cached = self._cache.get(directory)
        if cached is not None:
            return cached
        result = None
        dedicated, pyproject = os.path.join(directory, ".nvlint.toml"), os.path.join(directory, "pyproject.toml")
        with_table = os.path.isfile(pyproject) and "nvlint" in _tool_tables(pyproject)
        if os.path.isfile(dedicated):
            result = self.load(dedicated)
            if with_table:
                self.warn(f"{dedicated} is used; [tool.nvlint] in pyproject.toml beside it is ignored")
        elif with_table:
            result = self.load(pyproject)
        if result is None:
            parent = os.path.dirname(directory)
            result = Settings() if parent == directory else self._for_directory(parent)
        self._cache[directory] = result
        return result


def _tool_tables(path: str) -> dict:
    """A pyproject.toml's `[tool.*]` tables. Most pyproject.toml files say nothing of nvlint: those are
    not parsed at all (importing the TOML parser took 11 of the 62 ms of a one-file run)."""
    try:
        with open(path, "rb") as handle:
            if b"nvlint" not in handle.read():
                return {}
    except OSError:
        pass  # _load_toml says why
    return _load_toml(path).get("tool", {})


def _warn(message: str) -> None:
    import sys

    print(f"nvlint: warning: {message}", file=sys.stderr)


def environment_orgs() -> frozenset[str]:
    org = os.environ.get("NGC_CLI_ORG", "").strip()
    return frozenset({org}) if org else frozenset()
