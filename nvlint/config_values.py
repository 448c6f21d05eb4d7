"""Values read from configuration files, checked: each error names the file, the key and the nearest
valid spelling, and ends the run with exit status 2 (ConfigError)."""

from __future__ import annotations

from nvlint.generic import Generic

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import TypeVar

    T = TypeVar("T")  # what an option's value is once checked
else:
    T = None


class ConfigError(Exception):
    pass


def type_name(value: object) -> str:
    """How TOML calls a value's type, for an error message: `a string "NV302"`, `a number`, `a table`."""
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, str):
        return f'a string ("{value}")'
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def string_list(path: str, key: str, value: object) -> tuple[str, ...]:
    """A list of strings. A string alone is refused, not read as a list of one: `ignore = "NV302"` is a
    mistake the configuration's reader names, with how to write it."""
    if isinstance(value, str):
        raise ConfigError(f"{path}: '{key}' must be a list of strings, not a string: write {key} = [\"{value}\"]")
    if not isinstance(value, list):
        raise ConfigError(f"{path}: '{key}' must be a list of strings, not {type_name(value)}")
    for item in value:
        if not isinstance(item, str):
            raise ConfigError(f"{path}: '{key}' must be a list of strings; it holds {type_name(item)}")
    return tuple(value)


def hint(value: object, choices: Iterable[str]) -> str:
    import difflib  # only for error messages

    match = difflib.get_close_matches(str(value), sorted(choices), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def choice(path: str, key: str, value: object, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{path}: '{key}' must be one of {', '.join(choices)} (a string), not {type_name(value)}")
    if value not in choices:
        raise ConfigError(f"{path}: '{key}' must be one of {', '.join(choices)}{hint(value, choices)}")
    return value


def boolean(path: str, key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{path}: '{key}' must be true or false, not {type_name(value)}")
    return value


_UNITS = {"": 1, "b": 1, "kb": 1024, "k": 1024, "mb": 1024**2, "m": 1024**2, "gb": 1024**3, "g": 1024**3}


def size(path: str, key: str, value) -> int:
    """A number of bytes: an integer, or text with a unit (`"2MB"`, `"512 KB"`)."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        import re

        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", value)
        if match and match.group(2).lower() in _UNITS and float(match.group(1)) > 0:
            return int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    raise ConfigError(f'{path}: \'{key}\' must be a size such as "2MB", "512KB" or a number of bytes')


def table(path: str, key: str, value) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: '{key}' must be a table, not {type_name(value)}")
    return value


class Option(Generic[T]):
    """A setting that a rule or a file kind declares and reads (`mount-layout` is NV401's): its name in
    the configuration, its default, how a value is checked, and a line for the docs. `Option[str]` is read
    as a `str` (`settings.option(MOUNT_LAYOUT)`): the type is declared once, where the option is."""

    __slots__ = ("check", "default", "doc", "name")

    def __init__(self, name: str, default: T, check: Callable[[str, str, object], T], doc: str) -> None:
        self.name = name
        self.default = default
        self.check = check  # (path, key, value) -> the value to keep, or ConfigError
        self.doc = doc

    def __repr__(self) -> str:
        return f"Option({self.name})"


def choice_option(name: str, choices: tuple[str, ...], doc: str) -> Option[str]:
    """One of ``choices``; the first is the default."""
    return Option(name, choices[0], lambda path, key, value: choice(path, key, value, choices), doc)


def boolean_option(name: str, doc: str, default: bool = False) -> Option[bool]:
    return Option(name, default, boolean, doc)


def lower_set_option(name: str, doc: str) -> Option[frozenset[str]]:
    """A list of strings, compared without case (host names)."""
    return Option(
        name, frozenset(), lambda path, key, value: frozenset(v.lower() for v in string_list(path, key, value)), doc
    )
