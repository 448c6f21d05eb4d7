"""Environment mappings of CI files: GitHub's `env:` and GitLab's `variables:`, read the same way."""

from __future__ import annotations

from collections.abc import Callable, Container

from nvlint.model.events import CommandRun, Event
from nvlint.model.words import DEFINED_ELSEWHERE, Unknown, Value, unknown_part
from nvlint.yamltree.nodes import Expressions, get, is_mapping, is_scalar, items, scalar_word


def read_env(
    node,
    base: dict[str, Value],
    text: str,
    events: list[Event],
    reads_words=None,
    expressions: Callable[[dict[str, Value]], Expressions] | None = None,
    foreign: Container[int] = (),
) -> dict[str, Value]:
    """``base`` with the variables of the mapping ``node`` set on top.

    A value may be a scalar or GitLab's `{value: ..., description: ...}`. ``expressions`` gives how
    `${{ ... }}` reads with the variables set so far (GitHub's `${{ env.X }}`). A variable whose node
    is in ``foreign`` (defined in another file) is set, to an unknown value. Values the word-level
    rules want are added to ``events``, as assignments are in a script.
    """
    env = dict(base)
    for name, _, value in items(node):
        if is_mapping(value):
            value = get(value, "value")
        if not is_scalar(value):
            continue
        if id(value) in foreign:
            env[name] = Value(
                [unknown_part(Unknown(DEFINED_ELSEWHERE, name), node.start_mark.index, node.start_mark.index)]
            )
            continue
        word = scalar_word(value, text, expressions(env) if expressions is not None else None)
        env[name] = word.value
        if reads_words is None or reads_words(word):
            events.append(CommandRun(word.start, word.end, words=[word]))
    return env
