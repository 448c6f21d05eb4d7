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


ARTIFACT_OPTIONS = ("--container-image", "--helm-chart", "--model")


def is_template(deploy: Deploy) -> bool:
    """A command or request written as a form to fill in, not a run: every artifact it names (image, chart,
    models) is a placeholder (`<image>`, `{{ image }}`, an org written for "your org": `myorg/app:tag`),
    and so is a task's GPU specification when it has one. Rules that judge a concrete run (what it lacks,
    what it mounts) stay silent on it; variables (`$IMAGE`) are values a script has, not placeholders."""
    ngc = deploy.ngc
    if ngc is None:
        return False
    if any(_synopsis(word) for word in ngc.positionals):
        return True  # `[--result-location <path>]`: a usage synopsis
    artifacts = [o for name in ARTIFACT_OPTIONS for o in ngc.all(name)]
    if deploy.origin == "payload":
        artifacts += [o for o in ngc.options if o.name.endswith("-attachment")]
    if not artifacts or not all(_placeholder(o) for o in artifacts):
        return False
    specification = ngc.first("--gpu-specification")
    return deploy.kind != "task" or specification is None or _placeholder(specification)


def _synopsis(word: Word) -> bool:
    from nvlint.model.words import PLACEHOLDER

    return any(
        p.unknown is not None and p.unknown.kind is PLACEHOLDER and p.unknown.name[:1] == "[" for p in word.value.parts
    )


def _placeholder(option: OptionUse) -> bool:
    from nvlint.model.words import PLACEHOLDER
    from nvlint.rules.base import PLACEHOLDER_ORGS

    if option.value is None:
        return option.name.endswith("-attachment")  # a payload's models[]: judged by their fields elsewhere
    if any(p.unknown is not None and p.unknown.kind is PLACEHOLDER for p in option.value.parts):
        return True
    text = option.value.literal or ""
    for prefix in ("nvcr.io/", "oci://", "https://"):
        text = text.removeprefix(prefix)
    return "/" in text and text.split("/", 1)[0].lower() in PLACEHOLDER_ORGS
