"""Shell scripts: the script is one flow, with the functions it calls inlined; each function it never
calls is a flow of its own (nothing says when, or whether, it runs)."""

from __future__ import annotations

from nvlint.events import CommandRun, Event
from nvlint.shell.interp import Interpreter
from nvlint.source import Snippet
from nvlint.tools import recognise


def flows(text: str, reads_words=None) -> list[list[Event]]:
    return flows_of(Snippet(text), reads_words)


def flows_of(snippet: Snippet, reads_words=None) -> list[list[Event]]:
    """Flows of events in execution order. ``reads_words``: see nvlint.tools.recognise."""
    flows: list[list[Event]] = [[]]
    escape = snippet.dollar_escape

    def on_assign(name, word):
        if reads_words is None or reads_words(word):
            flows[-1].append(CommandRun(word.start, word.end, words=[word], dollar_escape=escape))

    def on_command(command):
        flows[-1].extend(recognise(command, escape, reads_words))

    interpreter = Interpreter(on_command, on_assign)
    env = interpreter.run(snippet)
    interpreter.finish(env, on_function=lambda name: flows.append([]))
    return [flow for flow in flows if flow]
