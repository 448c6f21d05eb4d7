"""One shell process, as every kind runs its shell: snippets run in it one after another share
variables and functions, and its commands become events.

The main flow is what runs, with the functions it calls inlined; each function it never calls is a
flow of its own (nothing says when, or whether, it runs)."""

from __future__ import annotations

from nvlint.model.events import CommandRun, Event, NotRead, Sourced, SyntaxProblem
from nvlint.model.text import Snippet
from nvlint.model.words import Value, Word
from nvlint.shell.expand import Env
from nvlint.shell.interp import Interpreter
from nvlint.tools import credentials
from nvlint.tools.commands import recognise


class _EventSink:
    """Where the interpreter's commands, assignments and notices become events. It is apart from the
    session so that nothing refers back to the interpreter: a cycle (the session holds the interpreter,
    the interpreter holds the session's methods) would leave every word and event of the file for the
    garbage collector instead of freeing them when the file is done."""

    __slots__ = ("reads_words", "flows", "escape")

    def __init__(self, reads_words) -> None:
        self.reads_words = reads_words
        self.flows: list[list[Event]] = [[]]
        self.escape = "$"

    def on_command(self, command) -> None:
        self.flows[-1].extend(recognise(command, self.escape, self.reads_words))

    def on_assign(self, name, word) -> None:
        if self.reads_words is None or self.reads_words(word):
            self.flows[-1].append(CommandRun(word.start, word.end, words=[word], dollar_escape=self.escape))
        self.flows[-1].extend(credentials.assignment(name, word))

    def on_sourced(self, start: int, anchor: int, found, posted: bool = False) -> None:
        self.flows[-1].append(Sourced(start, anchor, found.path, found.display, found.digest, found.how, posted))

    def on_notice(self, start: int, end: int, reason: str) -> None:
        self.flows[-1].append(NotRead(start, end, reason))

    def on_syntax_error(self, problem: SyntaxProblem) -> None:
        self.flows[-1].append(problem)

    def new_flow(self, name: str) -> None:
        self.flows.append([])


class ShellSession:
    """One shell process: snippets run in it one after another share variables and functions
    (a script; the lines of a GitLab job). ``reads_words``: see nvlint.tools.recognise. ``syntax``: a
    snippet that does not parse is an event (NV004); documentation blocks say no (their placeholders and
    excerpts are no scripts to run)."""

    def __init__(self, reads_words=None, files=None, syntax: bool = True) -> None:
        self.sink = _EventSink(reads_words)
        self.syntax = syntax
        self.flows = self.sink.flows  # the same list: readers add events of their own (Dockerfile options)
        self.interpreter = Interpreter(self.sink.on_command, self.sink.on_assign, self.sink.on_notice)
        self.interpreter.files = files  # what `source` may read (nvlint.sources.sourcing), or None
        self.interpreter.on_sourced = self.sink.on_sourced
        self.env = Env()

    def run(self, snippet: Snippet, memory: tuple | None = None) -> None:
        """``memory``: (ScriptMemory, key) of a whole script an editor reads again (nvlint.shell.resume)."""
        self.sink.escape = snippet.dollar_escape
        on_error = self.sink.on_syntax_error if self.syntax else None
        if memory is None:
            self.env = self.interpreter.run(snippet, self.env, on_syntax_error=on_error)
            return
        from nvlint.shell.resume import run_script

        script_memory, key = memory
        self.env = run_script(self.interpreter, snippet, self.env, script_memory, key, self.flows[0], on_error)

    def run_words(
        self, words: list[Word], start: int, end: int, env: dict[str, Value] | None = None, dollar_escape: str = "$"
    ) -> None:
        """A command given as its words, no shell in between (Ansible's `command` module, `argv:`, a
        container's `command:`). ``dollar_escape``: how the file writes a literal `$` (`$$` in compose)."""
        run_env = self.env.copy()
        run_env.vars.update(env or {})
        self.sink.escape = dollar_escape
        self.interpreter.snippet = Snippet("", dollar_escape=dollar_escape)  # scripts inside (`sh -c`) too
        self.interpreter.execute(words, start, end, (), run_env, self.env, 0)

    def finish(self) -> list[list[Event]]:
        """The main flow first (even when empty), then one per function never called."""
        self.interpreter.finish(self.env, on_function=self.sink.new_flow)
        return [self.flows[0], *(flow for flow in self.flows[1:] if flow)]


def flows_of(snippet: Snippet, reads_words=None, files=None, memory: tuple | None = None) -> list[list[Event]]:
    """The main flow (even when empty), then one per function never called."""
    session = ShellSession(reads_words, files)
    session.run(snippet, memory)
    return session.finish()
