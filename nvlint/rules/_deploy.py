"""Facts about one function or task that several rules need, whatever the source (CLI or payload)."""

from __future__ import annotations

from collections.abc import Container, Iterator, Sequence

from nvlint.model.events import Deploy, OptionUse
from nvlint.model.words import UNKNOWN_CHAR, Value, Word


class EnvEntry:
    __slots__ = ("key", "key_span", "value", "value_word", "option")

    def __init__(
        self, key: str | None, key_span: tuple[int, int], value: Value, value_word: Word | None, option: OptionUse
    ) -> None:
        self.key = key  # None when unknown
        self.key_span = key_span
        self.value = value
        self.value_word = value_word
        self.option = option


def env_entries(deploy: Deploy) -> Iterator[EnvEntry]:
    """`--container-environment-variable KEY:VALUE` and payload `containerEnvironment` entries."""
    if deploy.ngc is None:
        return
    for option in deploy.ngc.options:
        if option.value is None:
            continue
        if option.name == "containerEnvironment":
            word = option.word
            yield EnvEntry(word.literal, (word.start, word.end), option.value, option.value_word, option)
        elif option.name == "--container-environment-variable":
            template = option.value.template()
            colon = template.find(":")
            if colon <= 0 or UNKNOWN_CHAR in template[:colon]:
                continue
            key = option.value.slice(0, colon)
            span = key.contiguous_span(0, colon) or (option.word.start, option.word.end)
            yield EnvEntry(key.literal, span, option.value.slice(colon + 1), option.value_word, option)


def secret_names(deploy: Deploy) -> set[str] | None:
    """Names of the secrets a function or task gets; None when one of them cannot be known."""
    names: set[str] = set()
    if deploy.ngc is None:
        return None
    for option in deploy.ngc.options:
        if option.value is None:
            continue
        text = option.value.literal
        if option.name == "secret-name":
            if text is None:
                return None
            names.add(text)
        elif option.name == "--secret":
            template = option.value.template()
            name = template.split(":", 1)[0]
            if UNKNOWN_CHAR in name:
                return None
            names.add(name)
        elif option.name == "--json-secret-file":
            if text is None:
                return None
            names.add(text.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    return names


def deploy_options(flow: Sequence[Deploy], names: Container[str]) -> Iterator[tuple[Deploy, OptionUse, Value]]:
    """Every (function or task, option, its value) whose option is one of ``names`` and has a value."""
    for event in flow:
        if event.ngc is not None:
            for option in event.ngc.options:
                if option.name in names and option.value is not None:
                    yield event, option, option.value


def literal(option: OptionUse | None) -> str | None:
    return option.value.literal if option is not None and option.value is not None else None
