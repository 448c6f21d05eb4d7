"""Shell scripts: the whole script is one flow, with the functions it calls inlined."""

from __future__ import annotations

from nvlint.events import CommandRun, Event
from nvlint.shell.interp import Interpreter
from nvlint.source import Snippet
from nvlint.tools import recognise


def flows(text: str, reads_words=None) -> list[list[Event]]:
    return [events_of(Snippet(text), reads_words)]


def events_of(snippet: Snippet, reads_words=None) -> list[Event]:
    """Events in execution order. ``reads_words``: see nvlint.tools.recognise."""
    events: list[Event] = []
    escape = snippet.dollar_escape

    def on_assign(name, word):
        if reads_words is None or reads_words(word):
            events.append(CommandRun(word.start, word.end, words=[word], dollar_escape=escape))

    interpreter = Interpreter(lambda command: events.extend(recognise(command, escape, reads_words)), on_assign)
    env = interpreter.run(snippet)
    interpreter.finish(env)
    return events
