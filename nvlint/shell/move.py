"""What an edit does to the positions of a script's walk: the text before the first changed offset stays where
it was, the unchanged text after the edit moves by the edit's length. nvlint.shell.resume reads a script
again from before an edit; once the walk's state past the edit is the last reading's state but for that
move, the rest of the last reading is taken, moved, instead of being walked again. Two operations here:

- ``normal``: an object of the walk (a variable's value, a function, an event) in the old text's terms,
  so that a state of the new reading and one of the last compare equal when they differ only by the move.
  A position inside the edited text has no old equivalent: it never compares equal.
- ``shift``: the last reading's objects made from the text after the edit, moved in place. They stay the
  very objects the rules saw last time, so nvlint.rules.reuse gives those rules' findings again (moved).

Which slots of which classes hold file offsets is said here, class by class (SLOTS). Any other slot is
walked for objects inside it, and a class not named here is not known: its normal form or its move
raises Unmovable, and the reading walks on to the end (what was moved by then is the last reading's
only, and is dropped).
Written by hand: this is the model's own knowledge of where its offsets are, no library has it.
"""

from __future__ import annotations

from nvlint.model import events as ev
from nvlint.model.words import FRESH, Expansion, Part, Unknown, Value, Word
from nvlint.shell.expand import Choice, Env, Vars

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from collections.abc import Callable


class Unmovable(Exception):
    """An object whose positions this module does not know."""


# How a slot holds positions. A start and an end of one object are read together: an empty span at the
# edit's end is text after the edit, a span ending there (not empty) is text before it.
SKIP = "skip"  # derived from other slots (a cache), or no position and no object inside
WALK = "walk"  # objects that hold positions (the default for a slot not named)
START = "start"
END = "end"
STARTS = "starts"  # a tuple of start offsets (a part's per-character offsets)
SPANS = "spans"  # a tuple of (start, end)
BRANCH = "branch"  # the if/case branches: ((construct offset, branch index), ...)
VIA = "via"  # (function, call offset) or None

_EVENT = {"start": START, "end": END, "via": VIA, "branch": BRANCH}
# Every class the walk of a script makes, with its slots that hold positions (or need no walking). Any
# other slot is walked for the objects it holds.
SLOTS: dict[type, dict[str, str]] = {
    Part: {"start": START, "end": END, "offsets": STARTS, "text": SKIP, "splittable": SKIP, "foreign": SKIP},
    Value: {"_literal": SKIP, "_key": SKIP, "_template": SKIP},
    Word: {"start": START, "end": END, "literal": SKIP, "quoting": SKIP, "raw": SKIP, "may_split": SKIP},
    Expansion: {"start": START, "end": END, "name": SKIP},
    Unknown: {"at": START, "_hash": SKIP, "kind": SKIP, "name": SKIP, "operation": SKIP},
    Choice: {"when": SKIP},
    ev.Alternative: {"spans": SPANS, "when": SKIP, "index": SKIP, "count": SKIP, "every": SKIP},
    ev.OptionUse: {"name": SKIP, "value_offset": SKIP},  # value_offset: a character of the word, no offset
    ev.SubcommandError: {"group": SKIP, "complete": SKIP},
    ev.Attachment: {"kind": SKIP, "name": SKIP, "version": SKIP},
    ev.NgcCommand: {**_EVENT, "path_end": END, "_by_name": SKIP, "path": SKIP, "unknown_args": SKIP},
    ev.SyntaxProblem: {**_EVENT, "lines": SPANS, "text": SKIP},
    ev.Sourced: {**_EVENT, "anchor": END},
    ev.Deploy: {**_EVENT, "health_at": WALK},  # a Word
}
for _event in (
    ev.CommandRun,
    ev.ImageBuilt,
    ev.ImagePushed,
    ev.ImagePulled,
    ev.Login,
    ev.CredentialText,
    ev.KeyArgument,
    ev.GpuRequest,
    ev.FunctionReference,
    ev.ArtifactCreated,
    ev.ArtifactPushed,
    ev.OrgSeen,
    ev.SecretLiteral,
    ev.NotRead,
    ev.PlainSecret,
    ev.ToolCommand,
    ev.OptionRun,
):
    SLOTS[_event] = dict(_EVENT)
_PLAIN = (str, int, float, bool, type(None))


def _all_slots(cls: type) -> tuple[str, ...]:
    return tuple(name for klass in reversed(cls.__mro__) for name in klass.__dict__.get("__slots__", ()))


# Per class: whether it has a start and an end (moved together), the slots to walk for objects, and the
# other slots that hold positions, with how.
_PLAN: dict[type, tuple[bool, tuple[str, ...], tuple[tuple[str, str], ...]]] = {}
for _cls, _hows in SLOTS.items():
    _slots = [(name, _hows.get(name, WALK)) for name in _all_slots(_cls) if _hows.get(name) != SKIP]
    _pair = _hows.get("start") == START and _hows.get("end") == END
    _PLAN[_cls] = (
        _pair,
        tuple(name for name, how in _slots if how == WALK),
        tuple((name, how) for name, how in _slots if how != WALK and not (_pair and name in ("start", "end"))),
    )


def _mapped(obj, positions: tuple[tuple[str, str], ...], start, end, span):
    """(slot, its value with each position mapped) for the slots of ``positions`` that hold any (None and
    empty ones are left out): ``start(obj, at)`` for a start, ``end(at)``, ``span(start, end)``. What
    normal forms and moves share."""
    for name, how in positions:
        value = getattr(obj, name)
        if value is None or value == ():
            continue
        if how == START:
            yield name, start(obj, value)
        elif how == END:
            yield name, end(value)
        elif how == STARTS:
            yield name, tuple(start(obj, at) for at in value)
        elif how == SPANS:
            yield name, tuple(span(s, e) for s, e in value)
        elif how == BRANCH:
            yield name, tuple((start(obj, at), taken) for at, taken in value)
        elif how == VIA:
            yield name, (value[0], start(obj, value[1]))


class Move:
    """An edit: text before ``first`` (the first changed offset) is where it was; the old text from
    ``old_tail`` on is the new text from ``old_tail + delta`` on, ``lines`` lines further down."""

    __slots__ = ("first", "old_tail", "delta", "lines")

    def __init__(self, first: int, old_tail: int, delta: int, lines: int = 0) -> None:
        self.first, self.old_tail, self.delta, self.lines = first, old_tail, delta, lines

    @classmethod
    def between(cls, old: str, new: str, first: int) -> Move:
        """The move from ``old`` to ``new``, whose first ``first`` characters are the same."""
        # the same text at the end, not reaching into the same text at the start (`aaa` to `aaaa`)
        same = min(common_prefix(old[::-1], new[::-1]), min(len(old), len(new)) - first)
        lines = new.count("\n", first, len(new) - same) - old.count("\n", first, len(old) - same)
        return cls(first, len(old) - same, len(new) - len(old), lines)

    # ---- normal forms: a position in the old text's terms ------------------------------------------

    def _old_start(self, at: int) -> object:
        return at if at < self.first or at >= self.old_tail else ("old", at)

    def _old_end(self, at: int) -> object:
        return at if at <= self.first or at > self.old_tail else ("old", at)

    def _new_start(self, at: int) -> object:
        new_tail = self.old_tail + self.delta
        if at < self.first:
            return at
        return at - self.delta if at >= new_tail else ("new", at)

    def _new_end(self, at: int) -> object:
        new_tail = self.old_tail + self.delta
        if at <= self.first:
            return at
        return at - self.delta if at > new_tail else ("new", at)

    def normal_old(self, obj: object) -> object:
        """``obj``, of the last reading, in a form equal to a new reading's object that is the same but for the
        move (see normal_new)."""
        return _Normal(self._old_start, self._old_end, self.first, "old").of(obj)

    def normal_new(self, obj: object) -> object:
        return _Normal(self._new_start, self._new_end, self.first, "new").of(obj)

    # ---- moving the last reading's objects ---------------------------------------------------------

    def shift(self, objects: list) -> None:
        """Move every position after the edit in these objects of the last reading (and in what they hold),
        in place; each object once. Raises Unmovable on a class it does not know (what was moved until
        then is not to be used again)."""
        _Shift(self).many(objects)

    def start(self, at: int) -> int:
        return at + self.delta if at >= self.old_tail else at

    def end(self, at: int) -> int:
        return at + self.delta if at > self.old_tail else at

    def span(self, start: int, end: int) -> tuple[int, int]:
        if start == end:
            return (self.start(start), self.start(end))
        return (self.start(start), self.end(end))


def common_prefix(a: str, b: str) -> int:
    """How many leading characters ``a`` and ``b`` share: slices compared in C, halving the span each time."""
    low, high = 0, min(len(a), len(b))
    if a[:high] == b[:high]:
        return high
    while high - low > 64:  # a[:low] == b[:low] and a[:high] != b[:high]
        middle = (low + high) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle
    while low < high and a[low] == b[low]:
        low += 1
    return low


class _Normal:
    """Normal forms of objects, positions through ``start`` and ``end``; each object's once (memo)."""

    __slots__ = ("start", "end", "first", "across", "memo")

    def __init__(self, start: Callable[[int], object], end: Callable[[int], object], first: int, side: str) -> None:
        self.start, self.end, self.first = start, end, first
        self.across = side + " across"  # never the same for the two sides
        self.memo: dict[int, tuple[object, object]] = {}  # id -> (the object, kept alive; its form)

    def of(self, obj: object) -> object:
        kind = type(obj)
        if kind in _PLAIN:
            return obj
        if kind is tuple or kind is list:
            return (kind is list, tuple(self.of(item) for item in obj))  # type: ignore[attr-defined]
        if kind is dict or kind is Vars:
            return ("dict", tuple((self.of(k), self.of(v)) for k, v in obj.items()))  # type: ignore[attr-defined]
        if kind is set or kind is frozenset:
            return ("set", frozenset(self.of(item) for item in obj))  # type: ignore[attr-defined]
        known = self.memo.get(id(obj))
        if known is not None:
            return known[1]
        form = self._object(obj, kind)
        self.memo[id(obj)] = (obj, form)
        return form

    def _object(self, obj: object, kind: type) -> object:
        if kind is Env:
            return ("env", *(self.of(getattr(obj, name)) for name in Env.__slots__))
        if kind.__name__ == "Node" and kind.__module__.startswith("tree_sitter"):
            return ("node", obj.type, self._span(obj.start_byte, obj.end_byte))  # type: ignore[attr-defined]
        if kind.__name__ == "Snippet":  # a script's own text (a function's): its positions are the file's
            if obj.offsets is not None or obj.base:  # type: ignore[attr-defined]
                raise Unmovable("a snippet of other text")
            return ("snippet",)
        plan = _PLAN.get(kind)
        if plan is None:
            raise Unmovable(kind.__name__)
        pair, walks, positions = plan
        out: list[object] = [kind]
        if pair:
            out.append(self._span(obj.start, obj.end))  # type: ignore[attr-defined]
        out.extend(self.of(getattr(obj, name)) for name in walks)
        out.extend(_mapped(obj, positions, self._at, self.end, self._span))
        return tuple(out)

    def _at(self, obj: object, value: int) -> object:
        if isinstance(obj, Unknown) and (obj.kind is FRESH or value < 0):
            return value  # a serial number (or none): no position
        return self.start(value)

    def _span(self, start: int, end: int) -> tuple[object, ...]:
        if start < self.first < end:  # across the edit: what it covers changed (a function's body, say)
            return (self.across, start, end)
        return (self.start(start), self.start(end) if start == end else self.end(end))


class _Shift:
    """The last reading's objects moved in place, each once. The classes a walk makes most of (parts,
    values, words) have a method of their own: moving a long script's rest visits tens of thousands."""

    __slots__ = ("move", "seen", "first", "tail", "delta", "special")

    def __init__(self, move: Move) -> None:
        self.move = move
        self.first, self.tail, self.delta = move.first, move.old_tail, move.delta
        self.seen: set[int] = set()
        self.special: dict[type, Callable] = {
            Part: self.part,
            Value: self.value,
            Word: self.word,
            Unknown: self.unknown,
        }

    def many(self, objects) -> None:
        for obj in objects:
            self.of(obj)

    def of(self, obj) -> None:
        kind = type(obj)
        if kind in _PLAIN:
            return
        special = self.special.get(kind)
        if special is not None:
            special(obj)
            return
        plan = _PLAN.get(kind)
        if plan is not None:  # the model's classes: the common case first
            key = id(obj)
            if key not in self.seen:
                self.seen.add(key)
                self._planned(obj, plan)
            return
        if kind is tuple or kind is list:
            self._items(obj)
            return
        if kind is dict or kind is Vars or kind is set:
            self._container(obj, kind)
            return
        if kind is frozenset:
            if not all(type(item) is str for item in obj):
                raise Unmovable("a frozenset of objects")
            return
        key = id(obj)
        if key in self.seen:
            return
        self.seen.add(key)
        if kind is Env:
            for name in Env.__slots__:
                self.of(getattr(obj, name))
            return
        if kind.__name__ == "Snippet":
            if obj.offsets is not None or obj.base:
                raise Unmovable("a snippet of other text")
            return
        raise Unmovable(kind.__name__)

    def _items(self, items) -> None:
        special = self.special
        for item in items:
            kind = type(item)
            if kind not in _PLAIN:
                handler = special.get(kind)
                if handler is not None:
                    handler(item)
                else:
                    self.of(item)

    def part(self, part: Part) -> None:
        start, unknown = part.start, part.unknown
        if part.end <= self.first and (unknown is None or unknown.at < self.first) and part.offsets is None:
            return  # text before the edit (moving nothing, it may be visited again)
        key = id(part)
        if key in self.seen:
            return
        self.seen.add(key)
        tail, delta = self.tail, self.delta
        if start >= tail:
            part.start += delta
            part.end += delta
        elif part.end > tail:
            part.end += delta
        if part.offsets is not None:
            part.offsets = tuple(at + delta if at >= tail else at for at in part.offsets)
        if unknown is not None:
            self.unknown(unknown)

    def value(self, value: Value) -> None:
        key = id(value)
        if key in self.seen:
            return
        self.seen.add(key)
        first, part = self.first, self.part
        for each in value.parts:
            if each.end > first or each.unknown is not None or each.offsets is not None:
                part(each)

    def word(self, word: Word) -> None:
        key = id(word)
        if key in self.seen:
            return
        self.seen.add(key)
        tail, delta = self.tail, self.delta
        if word.start >= tail:  # (an object that starts after the edit ends after it)
            word.start += delta
            word.end += delta
        elif word.end > tail:
            word.end += delta
        self.value(word.value)
        for expansion in word.expansions:  # words made from one another share them: each moved once
            if id(expansion) not in self.seen:
                self.seen.add(id(expansion))
                expansion.start, expansion.end = self.move.span(expansion.start, expansion.end)

    def unknown(self, unknown: Unknown) -> None:
        if unknown.at < self.first and not unknown.of:
            return
        key = id(unknown)
        if key in self.seen:
            return
        self.seen.add(key)
        if unknown.of:
            self.of(unknown.of)
        if unknown.kind is not FRESH and unknown.at >= 0:
            unknown.at = self.move.start(unknown.at)
        unknown._hash = hash((unknown.kind, unknown.name, unknown.at, unknown.operation, unknown.of))

    def _planned(self, obj, plan) -> None:
        pair, walks, positions = plan
        if pair:
            start, tail, delta = obj.start, self.tail, self.delta
            if start >= tail:  # (an object that starts after the edit ends after it)
                obj.start = start + delta
                obj.end += delta
            elif obj.end > tail:
                obj.end += delta
        special = self.special
        for name in walks:
            value = getattr(obj, name)
            kind = type(value)
            if kind in _PLAIN:
                continue
            handler = special.get(kind)
            if handler is not None:
                handler(value)
            elif kind is list or kind is tuple:
                self._items(value)
            else:
                self.of(value)
        if positions:
            self._positions(obj, positions)

    def _positions(self, obj, positions: tuple[tuple[str, str], ...]) -> None:
        move = self.move
        for name, value in _mapped(obj, positions, lambda _, at: move.start(at), move.end, move.span):
            setattr(obj, name, value)

    def _container(self, obj, kind: type) -> None:
        """A dict or set, walked and filled again: a key whose hash the move changed is found again."""
        if kind is set:
            items = [item for item in obj if type(item) is not str]
            if items:
                for item in items:
                    self.of(item)
                items = list(obj)
                obj.clear()
                obj.update(items)
            return
        pairs = list(obj.items())
        for name, value in pairs:
            if type(name) is not str:
                self.of(name)
            if type(value) not in _PLAIN:
                self.of(value)
        if any(type(name) is not str for name, _ in pairs):
            written = getattr(obj, "written", None)
            dict.clear(obj)
            dict.update(obj, pairs)
            if written is not None:
                obj.written = written
