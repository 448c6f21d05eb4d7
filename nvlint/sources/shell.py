"""Shell scripts: the whole script is one flow, with the functions it calls inlined."""

from __future__ import annotations

from nvlint.events import CommandRun, Event
from nvlint.shell.interp import Interpreter
from nvlint.source import Snippet
from nvlint.tools import recognise


def flows(text: str) -> list[list[Event]]:
    return [events_of(Snippet(text))]


def events_of(snippet: Snippet) -> list[Event]:
    events: list[Event] = []
    escape = snippet.dollar_escape

    def on_assign(name, word):
        events.append(CommandRun(word.start, word.end, words=[word], dollar_escape=escape))

    interpreter = Interpreter(lambda command: events.extend(recognise(command, escape)), on_assign)
    env = interpreter.run(snippet)
    interpreter.finish(env)
    return events
