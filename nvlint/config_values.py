"""Values read from configuration files, checked: each error names the file, the key and the nearest
valid spelling, and ends the run with exit status 2 (ConfigError)."""

from __future__ import annotations

from pathlib import Path


class ConfigError(Exception):
    pass


def string_list(path: Path, key: str, value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return tuple(value)


def hint(value: str, choices) -> str:
    import difflib  # only for error messages

    match = difflib.get_close_matches(str(value), sorted(choices), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def choice(path: Path, key: str, value, choices) -> str:
    if value not in choices:
        raise ConfigError(f"{path}: '{key}' must be one of {', '.join(choices)}{hint(value, choices)}")
    return value


def boolean(path: Path, key: str, value) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{path}: '{key}' must be true or false")
    return value


def table(path: Path, key: str, value) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: '{key}' must be a table")
    return value
