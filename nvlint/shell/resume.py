"""A script read again after an edit, from where the edit begins: what an editor needs on every keystroke.

The walk of a script's top-level statements is a fold: the interpreter's state before a statement and the
statement's text decide everything from there on. So the first reading of a document keeps the state
before a top-level statement every CHECKPOINT_BYTES or so (only in the editor: the command line reads
each file once), with the events made so far. The next reading finds the last checkpoint before the
first changed byte, takes its state and events, parses only the text after it (tree-sitter's included
ranges: offsets and rows stay the file's own) and walks on from there. A 5,000-line script edited at its
end costs the last few statements, not the whole file.

Near the last edit, where the next one most likely is, there is a checkpoint before every statement:
typing on a line re-reads that statement and what follows, and the events before it stay the same objects
(the rules see the same events there: nvlint.rules.reuse).

A checkpoint is taken only where nothing after it can change what came before: at a statement that
starts on a line of its own after a complete top-level statement (a newline ends it; a heredoc's body is
part of its statement's node), before the script has read any other file (a sourced file may have changed
on disk since), and in a tree without syntax errors before it. When the rest does not parse cleanly,
the whole file is parsed (tree-sitter's recovery can reach back before the checkpoint), and the walk
resumes only if the statements before the checkpoint are still the same clean ones.

Past the edit the walk need not go to the end. At each checkpoint the last reading left after the edit
(at its offset moved by the edit's length), the walk compares its state with that checkpoint's, but for
the move (nvlint.shell.move): where they are the same, the same text makes the same events, so the rest
of the last reading (its events, checkpoints and final state) is taken, every offset in it moved in
place, and the walk stops there (it rejoins the last reading). The text up to the first such place is
parsed first, the rest only if the walk does not rejoin there. tests/test_resume.py compares every
resumed reading with a full one over many edits, and for edits that rejoin, every event.
"""

from __future__ import annotations

from nvlint.shell.expand import Env
from nvlint.shell.move import Move, Unmovable, common_prefix
from nvlint.shell.parse import parse_bytes, parse_from

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from collections.abc import Callable

    from nvlint.model.events import Event, SyntaxProblem
    from nvlint.model.text import Snippet
    from nvlint.shell.interp import Interpreter

CHECKPOINT_BYTES = 2048  # about 50 lines: what an edit re-reads before it, at most


class Checkpoint:
    """The walk's state before the top-level statement at ``offset``: ``events`` made before it."""

    __slots__ = ("offset", "env", "interpreter", "expander", "events")

    def __init__(self, offset: int, env: Env, interpreter: tuple, expander: tuple, events: int) -> None:
        self.offset = offset
        self.env = env
        self.interpreter = interpreter  # (functions, called, commands seen, over budget, recoveries)
        self.expander = expander  # (fresh unknowns numbered, choices, every_branch)
        self.events = events


class ScriptMemory:
    """One document's last reading, for the next: its text, the checkpoints and the walk's events, and the
    state the walk ended in. ``key`` says what else the reading depended on (the rules' word filter, the
    settings): another key, and the memory is forgotten."""

    __slots__ = (
        "key",
        "text",
        "checkpoints",
        "events",
        "final",
        "resumed_at",
        "edited_at",
        "move",
        "tail",
        "rejoined_at",
    )

    def __init__(self) -> None:
        self.key: object = None
        # The text read (not the parser's bytes, where every non-ASCII character is `a`: an edit from `é` to
        # `è` changes the text only). One character of it is one byte of those: offsets are the same.
        self.text = ""
        self.checkpoints: list[Checkpoint] = []
        self.events: list[Event] = []
        self.final: Checkpoint | None = None  # the state after the last statement (None: not clean, or sourced)
        self.resumed_at: int | None = None  # where the last reading started walking (None: the whole file)
        self.edited_at: int | None = None  # the first byte the last edit changed
        # This reading's edit, and the last reading's checkpoints after it (where the walk may rejoin it)
        self.move: Move | None = None
        self.tail: list[Checkpoint] = []
        self.rejoined_at: int | None = None  # where the last reading rejoined the one before (None: it did not)

    def start(self, text: str, key: object) -> Checkpoint | None:
        """The checkpoint to resume ``data`` from, or None to read it whole; forgets what comes after (but
        for the checkpoints past the edit, where the walk may rejoin the last reading: see rejoin)."""
        self.move, self.tail, self.rejoined_at = None, [], None
        if key != self.key or not self.checkpoints:
            self.key, self.checkpoints, self.events, self.edited_at, self.final = key, [], [], None, None
            return None
        same = self.edited_at = common_prefix(self.text, text)
        if self.final is not None and same < len(self.text):
            self.move = Move.between(self.text, text, same)
            self.tail = [c for c in self.checkpoints if c.offset >= self.move.old_tail]
        kept = _thinned([c for c in self.checkpoints if c.offset <= same], same)
        self.checkpoints = kept
        if not kept or kept[-1].offset == 0:  # read from the top (and still, maybe, rejoined past the edit)
            self.checkpoints = []
            return None
        return kept[-1]


def _thinned(checkpoints: list[Checkpoint], edited: int) -> list[Checkpoint]:
    """Those before every statement near an earlier edit, thinned to one every CHECKPOINT_BYTES, except
    near this edit (``edited``, before or after them): a long session of edits all over a script keeps
    about as many as a first reading."""
    kept: list[Checkpoint] = []
    for checkpoint in checkpoints:
        near = abs(edited - checkpoint.offset) < CHECKPOINT_BYTES
        if near or not kept or checkpoint.offset - kept[-1].offset >= CHECKPOINT_BYTES:
            kept.append(checkpoint)
    return kept


class _StartOver(Exception):
    """The text after a window read first does not parse cleanly on its own: read the whole file."""


def run_script(
    interpreter: Interpreter,
    snippet: Snippet,
    env: Env,
    memory: ScriptMemory,
    key: object,
    events: list[Event],
    on_syntax_error: Callable[[SyntaxProblem], None] | None,
) -> Env:
    """Walk a whole script (``events``: the flow its events go to) as Interpreter.run does, resuming from
    the memory's last checkpoint before the first changed byte, and leave checkpoints for the next time."""
    checkpoint = memory.start(snippet.text, key)
    if checkpoint is None or not memory.tail:
        return _walk(interpreter, snippet, env, memory, events, on_syntax_error, checkpoint, None)
    initial, walked = _save(interpreter, env, 0, 0), len(events)
    try:
        window = _window(memory, checkpoint, snippet.data)
        return _walk(interpreter, snippet, env, memory, events, on_syntax_error, checkpoint, window)
    except _StartOver:
        del events[walked:]
        memory.checkpoints, memory.tail, memory.move = [], [], None
        env = _restore(interpreter, initial)
        return _walk(interpreter, snippet, env, memory, events, on_syntax_error, None, None)


def _window(memory: ScriptMemory, checkpoint: Checkpoint, data: bytes) -> int | None:
    """Where the first place the walk may rejoin the last reading is: the text up to there is parsed
    first, and the rest only if it does not rejoin there (parsing a long script's rest costs more than
    walking the few statements to that place). It must start a line of the new text too: a checkpoint
    right at the edit's end follows the edited text (a character typed at the start of a line)."""
    move = memory.move
    assert move is not None
    for candidate in memory.tail:
        offset = candidate.offset + move.delta
        if offset > checkpoint.offset and data[offset - 1 : offset] == b"\n":
            return offset
    return None


def _walk(
    interpreter: Interpreter,
    snippet: Snippet,
    env: Env,
    memory: ScriptMemory,
    events: list[Event],
    on_syntax_error: Callable[[SyntaxProblem], None] | None,
    checkpoint: Checkpoint | None,
    window: int | None,
) -> Env:
    """The walk from ``checkpoint`` (None: the top); ``window``: parse the text up to there first."""
    data = snippet.data
    root, statements, checkpoint, window = _parsed(data, memory, checkpoint, window)
    interpreter.command_budget = max(interpreter.command_budget, len(data) // 4)
    if checkpoint is not None:
        env = _restore(interpreter, checkpoint)
    else:
        env.vars.update(snippet.env)
    outer = interpreter.snippet
    interpreter.snippet = snippet
    walk = _Walk(interpreter, snippet, env, memory, events)
    try:
        interpreter.report_syntax_error(root, on_syntax_error)
        walk.problems = len(events) - walk.walked  # a syntax problem comes first in the flow, as in a full reading
        if checkpoint is not None:
            events.extend(walk.old_events[: checkpoint.events])
        walk.statements(_statements(data, statements, window), root.type != "ERROR", window)
    finally:
        interpreter.snippet = outer
    memory.tail = []
    memory.text = snippet.text
    walked, problems = walk.walked, walk.problems
    memory.events = events[:walked] + events[walked + problems :] if problems else list(events)
    memory.resumed_at = checkpoint.offset if checkpoint is not None else None
    return walk.env


def _parsed(data: bytes, memory: ScriptMemory, checkpoint: Checkpoint | None, window: int | None):
    """(the tree's root, its statements from the checkpoint on, the checkpoint, the window): the checkpoint
    None when the whole file must be read, the window None when the text up to it does not parse cleanly
    (an edit that opened a quote, an if, that it ends inside) or may hold a here-document."""
    # A here-document left open at the window's end is not always an error to tree-sitter (its body then
    # ends there): a window with `<<` in it is not parsed apart.
    if checkpoint is not None and window is not None and data.find(b"<<", checkpoint.offset, window) == -1:
        root = parse_from(data, checkpoint.offset, window).root_node
        if not root.has_error:
            return root, root.named_children, checkpoint, window
    if checkpoint is not None:
        root = parse_from(data, checkpoint.offset).root_node
        if not root.has_error:
            return root, root.named_children, checkpoint, None
        # tree-sitter's recovery may reach back before the checkpoint: parse it all
        root = parse_bytes(data).root_node
        statements = _statements_from(root, checkpoint.offset)
        if statements is not None:
            return root, statements, checkpoint, None
        memory.checkpoints = []
    root = parse_bytes(data).root_node
    return root, root.named_children, None, None


class _Walk:
    """The walk of a script's top-level statements, leaving checkpoints between them, rejoining the last
    reading where it can."""

    def __init__(
        self, interpreter: Interpreter, snippet: Snippet, env: Env, memory: ScriptMemory, events: list
    ) -> None:
        self.interpreter, self.snippet, self.env, self.memory, self.events = interpreter, snippet, env, memory, events
        self.data = snippet.data
        self.walked = len(events)
        self.problems = 0
        self.old_events = memory.events
        self.last = memory.checkpoints[-1].offset if memory.checkpoints else -CHECKPOINT_BYTES
        self.rejoin: _Rejoin | None = None

    def statements(self, statements, clean: bool, window: int | None) -> None:
        """Walk them (None: a window's end, see _statements); ``clean``: no syntax error before them."""
        memory, interpreter = self.memory, self.interpreter
        if memory.tail and not self.problems:
            self.rejoin = _Rejoin(memory)
        previous_end = None
        for child in statements:
            if previous_end is not None and clean:
                next_start = window if child is None else child.start_byte
                assert next_start is not None
                theirs = self.checkpoint_between(previous_end, next_start)
                if theirs is not None and self._rejoined(theirs):
                    return
            if child is None:
                continue
            interpreter.walk(child, self.env, 1)
            previous_end = child.end_byte
            clean = clean and not child.has_error
        if previous_end is not None and clean:
            self.checkpoint_between(previous_end, len(self.data), always=True)  # the end: where a new line is typed
        memory.move = None
        files = interpreter.files
        final = clean and not self.problems and not (files is not None and files.read)
        memory.final = _save(interpreter, self.env, len(self.data), len(self.events) - self.problems) if final else None

    def _rejoined(self, theirs: Checkpoint) -> bool:
        assert self.rejoin is not None
        env = self.rejoin.take(
            theirs, self.memory, self.interpreter, self.data, self.snippet, self.events, self.old_events
        )
        if env is None:
            return False
        self.env = env
        return True

    def checkpoint_between(self, previous_end: int, next_start: int, always: bool = False) -> Checkpoint | None:
        """Before the next statement, just past the newline that ends the one before (an edit right after a
        complete line, typing a new one, resumes there). Returns the last reading's checkpoint there when
        the walk's state is the same as its but for the edit's move: the walk rejoins it."""
        files = self.interpreter.files
        newline = self.data.find(b"\n", previous_end, next_start)
        if newline == -1 or (files is not None and files.read):
            return None
        offset = newline + 1
        if offset == self.last:  # taken already (at a window's end)
            return None
        edited = self.memory.edited_at
        near = edited is not None and abs(offset - edited) < CHECKPOINT_BYTES
        rejoin = self.rejoin
        theirs = rejoin.candidate(offset) if rejoin is not None else None
        if always or near or theirs is not None or offset - self.last >= CHECKPOINT_BYTES:
            mine = _save(self.interpreter, self.env, offset, len(self.events) - self.problems)
            self.memory.checkpoints.append(mine)
            self.last = offset
            if theirs is not None and rejoin is not None and rejoin.same(mine, theirs):
                return theirs
        return None


def _statements(data: bytes, statements: list, window: int | None):
    """The statements parsed, then (after a window, and None at its end) those of the rest of the text,
    parsed when reached.
    The rest is text the last reading parsed cleanly from there (its checkpoint): if it does not now, the
    whole file is read again (_StartOver)."""
    yield from statements
    if window is not None:
        yield None  # the window's end: where the walk may rejoin, before the rest is parsed
        rest = parse_from(data, window).root_node
        if rest.has_error:
            raise _StartOver
        yield from rest.named_children


# How many times the walk past an edit compares its state with the last reading's before it walks on to
# the end: an edit that changed a variable the rest of the script reads never meets it again.
REJOIN_TRIES = 8


class _Rejoin:
    """Where the walk past an edit may meet the last reading: at its checkpoints after the edit (at their
    offsets moved by the edit), when the walk's state there is the same as the last reading's but for the
    move. From there on the same text from the same state makes the same events, moved: the last
    reading's are taken, moved in place (nvlint.shell.move), instead of walking the rest again."""

    __slots__ = ("move", "by_offset", "tries")

    def __init__(self, memory: ScriptMemory) -> None:
        assert memory.move is not None
        move: Move = memory.move
        self.move = move
        self.by_offset = {c.offset + move.delta: c for c in memory.tail}
        self.tries = REJOIN_TRIES

    def candidate(self, offset: int) -> Checkpoint | None:
        return self.by_offset.get(offset) if self.tries > 0 else None

    def same(self, mine: Checkpoint, theirs: Checkpoint) -> bool:
        self.tries -= 1
        try:
            return _same_but_moved(self.move, mine, theirs)
        except Unmovable:
            self.tries = 0
            return False

    def take(
        self,
        theirs: Checkpoint,
        memory: ScriptMemory,
        interpreter: Interpreter,
        data: bytes,
        snippet: Snippet,
        events: list[Event],
        old_events: list[Event],
    ) -> Env | None:
        """The state after the last statement, and the events from ``theirs`` on, of the last reading,
        moved; or None (nothing taken) when they cannot be."""
        move, final, mine = self.move, memory.final, memory.checkpoints[-1]
        assert final is not None
        more_commands = mine.interpreter[2] - theirs.interpreter[2]
        if final.interpreter[3] or final.interpreter[2] + more_commands > interpreter.command_budget:
            self.tries = 0  # the command budget ran out in the rest, or now would: walk it
            return None
        # thinned as the checkpoints before an edit are: those near earlier edits are not kept for ever
        later = _thinned([c for c in memory.tail if c.offset > theirs.offset], theirs.offset)
        nodes = _functions_found_again(move, [*later, final], data)
        if nodes is None:
            self.tries = 0
            return None
        try:
            moving = [*later, final]  # in one call: each object they share is moved once
            move.shift([old_events[theirs.events :], *(c.env for c in moving), *(c.expander for c in moving)])
        except Unmovable:  # half moved: those objects are the last reading's only, and are dropped
            self.tries = 0
            return None
        more_events = mine.events - theirs.events
        for c in [*later, final]:
            c.offset = c.offset + move.delta
            c.events += more_events
            functions, called, seen, over, recoveries = c.interpreter
            moved = {
                name: (nodes[id(node)], snippet) if id(node) in nodes else (node, where)
                for name, (node, where) in functions.items()
            }
            c.interpreter = (moved, called, seen + more_commands, over, recoveries)
        events.extend(old_events[theirs.events :])
        memory.checkpoints.extend(later)
        memory.final = final
        memory.rejoined_at = mine.offset
        return _restore(interpreter, final)


def _functions_found_again(move: Move, checkpoints: list[Checkpoint], data: bytes) -> dict[int, object] | None:
    """The functions the last reading defined after the edit, as nodes of the new text (by id of the old
    node): each top-level statement that holds one is parsed again where it now is. None if one is not
    found there the same."""
    found: dict[int, object] = {}
    statements: dict[tuple[int, int], object] = {}  # each statement parsed again once, by its new span
    for checkpoint in checkpoints:
        for node, _ in checkpoint.interpreter[0].values():
            if node.start_byte < move.old_tail or id(node) in found:
                continue
            statement = node
            while statement.parent is not None and statement.parent.parent is not None:
                statement = statement.parent  # up to the top-level statement (the program's child)
            span = (statement.start_byte + move.delta, statement.end_byte + move.delta)
            if span not in statements:
                statements[span] = parse_from(data, span[0], span[1]).root_node
            start, end = node.start_byte + move.delta, node.end_byte + move.delta
            again = statements[span].descendant_for_byte_range(start, end)  # type: ignore[attr-defined]
            while again is not None and (again.start_byte, again.end_byte) == (start, end) and again.type != node.type:
                again = again.parent
            if again is None or (again.start_byte, again.end_byte, again.type) != (start, end, node.type):
                return None
            found[id(node)] = again
    return found


def _same_but_moved(move, mine: Checkpoint, theirs: Checkpoint) -> bool:
    """Is the walk's state at ``mine`` the last reading's at ``theirs`` but for the edit's move? (Objects
    the two share were made before the edit: the same.) The commands counted may differ (see take)."""
    functions, called, _, over, recoveries = mine.interpreter
    their_functions, their_called, _, their_over, their_recoveries = theirs.interpreter
    if over or their_over or recoveries != their_recoveries or called != their_called:
        return False
    fresh, choices, every_branch = mine.expander
    their_fresh, their_choices, their_every_branch = theirs.expander
    if fresh != their_fresh:
        return False
    env, their_env = mine.env, theirs.env
    if (
        env.cwd != their_env.cwd
        or env.assigned != their_env.assigned
        or env.vars.written != their_env.vars.written
        or list(env.vars) != list(their_env.vars)
        or list(functions) != list(their_functions)
    ):
        return False
    pairs = [
        *((value, their_env.vars[name]) for name, value in env.vars.items()),
        *((value, their_functions[name]) for name, value in functions.items()),
        (env.positional, their_env.positional),
        (env.arrays, their_env.arrays),
        (env.files, their_env.files),
        (choices, their_choices),
        (every_branch, their_every_branch),
    ]
    return all(a is b or move.normal_new(a) == move.normal_old(b) for a, b in pairs)


def _statements_from(root, offset: int) -> list | None:
    """The top-level statements from ``offset`` on, if the whole file still parses as the same clean
    statements before it (else None: it must be read whole)."""
    if root.type == "ERROR":
        return None
    children = root.named_children
    for index, child in enumerate(children):
        if child.start_byte >= offset:
            return children[index:]
        if child.end_byte > offset or child.has_error:
            return None
    return []


def _save(interpreter: Interpreter, env: Env, offset: int, events: int) -> Checkpoint:
    words = interpreter.words
    state = (
        dict(interpreter.functions),
        set(interpreter.called),
        interpreter.commands_seen,
        interpreter.over_budget,
        interpreter.recoveries,
    )
    expander = (words.fresh, dict(words.choices), set(words.every_branch))
    return Checkpoint(offset, _copied(env), state, expander, events)


def _restore(interpreter: Interpreter, checkpoint: Checkpoint) -> Env:
    functions, called, interpreter.commands_seen, interpreter.over_budget, interpreter.recoveries = (
        checkpoint.interpreter
    )
    interpreter.functions, interpreter.called = dict(functions), set(called)
    words = interpreter.words
    fresh, choices, every_branch = checkpoint.expander
    words.fresh, words.choices, words.every_branch = fresh, dict(choices), set(every_branch)
    return _copied(checkpoint.env)


def _copied(env: Env) -> Env:
    """A copy that is the same in every way the walk can tell, the record of names written included."""
    copy = env.copy()
    copy.vars.written = set(env.vars.written)
    copy.positional = list(env.positional) if env.positional is not None else None
    return copy
