"""Settings from `[tool.nvlint]` in pyproject.toml or top-level keys in .nvlint.toml.

The nearest file walking up from each linted file applies. Errors name the file, the key and the
nearest valid spelling, and end the run with exit status 2.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

MOUNT_LAYOUTS = ("any", "mount", "config")
KEYS = ("select", "ignore", "ngc-orgs", "allowed-registries", "mount-layout")


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    ngc_orgs: frozenset[str] = frozenset()
    allowed_registries: frozenset[str] = frozenset()
    mount_layout: str = "any"
    source: str | None = None  # the file these came from
    extra: dict = field(default_factory=dict)


def _load_toml(path: Path) -> dict:
    try:
        import tomllib  # type: ignore[import-not-found]
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, ValueError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None


def _string_list(path: Path, key: str, value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return tuple(value)


def parse_settings(path: Path, table: dict, valid_codes: frozenset[str] = frozenset()) -> Settings:
    for key in table:
        if key not in KEYS:
            hint = difflib.get_close_matches(key, KEYS, n=1)
            suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise ConfigError(f"{path}: unknown key '{key}'{suggestion}")
    select = _string_list(path, "select", table.get("select", []))
    ignore = _string_list(path, "ignore", table.get("ignore", []))
    for key, codes in (("select", select), ("ignore", ignore)):
        for code in codes:
            if valid_codes and not any(c.startswith(code) for c in valid_codes):
                hint = difflib.get_close_matches(code, sorted(valid_codes), n=1)
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
                raise ConfigError(f"{path}: '{key}' has unknown code '{code}'{suggestion}")
    layout = table.get("mount-layout", "any")
    if layout not in MOUNT_LAYOUTS:
        hint = difflib.get_close_matches(str(layout), MOUNT_LAYOUTS, n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise ConfigError(f"{path}: 'mount-layout' must be one of {', '.join(MOUNT_LAYOUTS)}{suggestion}")
    return Settings(
        select=select,
        ignore=ignore,
        ngc_orgs=frozenset(_string_list(path, "ngc-orgs", table.get("ngc-orgs", []))),
        allowed_registries=frozenset(h.lower() for h in _string_list(path, "allowed-registries",
                                                                     table.get("allowed-registries", []))),
        mount_layout=layout,
        source=str(path),
    )


class SettingsFinder:
    """Finds and caches the settings that apply to each directory."""

    def __init__(self, forced: Path | None = None, valid_codes: frozenset[str] = frozenset()) -> None:
        self.valid_codes = valid_codes
        self._cache: dict[Path, Settings] = {}
        self.forced = self.load(forced) if forced is not None else None

    def load(self, path: Path) -> Settings:
        data = _load_toml(path)
        if path.name == "pyproject.toml":
            table = data.get("tool", {}).get("nvlint", {})
        else:
            table = data
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.nvlint] must be a table")
        return parse_settings(path, table, self.valid_codes)

    def for_file(self, file: Path) -> Settings:
        if self.forced is not None:
            return self.forced
        directory = file.parent.resolve() if file.name else Path.cwd()
        return self._for_directory(directory)

    def _for_directory(self, directory: Path) -> Settings:
        cached = self._cache.get(directory)
        if cached is not None:
            return cached
        result = None
        for name in (".nvlint.toml", "pyproject.toml"):
            candidate = directory / name
            if candidate.is_file():
                if name == "pyproject.toml" and "nvlint" not in _tool_tables(candidate):
                    continue
                result = self.load(candidate)
                break
        if result is None:
            parent = directory.parent
            result = Settings() if parent == directory else self._for_directory(parent)
        self._cache[directory] = result
        return result


def _tool_tables(path: Path) -> dict:
    try:
        return _load_toml(path).get("tool", {})
    except ConfigError:
        raise


def environment_orgs() -> frozenset[str]:
    org = os.environ.get("NGC_CLI_ORG", "").strip()
    return frozenset({org}) if org else frozenset()
