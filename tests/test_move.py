"""nvlint.shell.move: where the model's offsets are, and what an edit does to them."""

from __future__ import annotations

import inspect

import pytest

from nvlint.model import events
from nvlint.model.words import EXPRESSION, FRESH, Part, Unknown, Value, Word, literal_part, unknown_part
from nvlint.shell import move
from nvlint.shell.move import Move, Unmovable

# Slot names that hold (or may hold) file offsets: each must be said, not walked by default.
POSITION_LIKE = {"start", "end", "at", "offsets", "offset", "spans", "span", "anchor", "lines", "branch", "via"}


def test_every_event_class_is_known():
    classes = [c for _, c in inspect.getmembers(events, inspect.isclass) if issubclass(c, events.Event)]
    assert len(classes) > 20
    missing = [c.__name__ for c in classes if c is not events.Event and c not in move.SLOTS]
    assert missing == []


@pytest.mark.parametrize("cls", list(move.SLOTS), ids=lambda c: c.__name__)
def test_every_slot_that_may_hold_an_offset_is_said(cls):
    slots = {name for klass in cls.__mro__ for name in klass.__dict__.get("__slots__", ())}
    looking = {name for name in slots if name in POSITION_LIKE or name.endswith(("_end", "_start", "_at"))}
    assert looking <= set(move.SLOTS[cls]), f"{cls.__name__}: say how {sorted(looking - set(move.SLOTS[cls]))} move"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("ab\ncd\n", "ab\nX\ncd\n", (3, 3, 2, 1)),  # a line typed in
        ("ab\nX\ncd\n", "ab\ncd\n", (3, 5, -2, -1)),  # and taken away
        ("echo app1 x", "echo app12 x", (9, 9, 1, 0)),  # a character typed
        ("aaa", "aaaa", (3, 3, 1, 0)),  # the same text after: never counted twice
        ("abc", "aXc", (1, 2, 0, 0)),  # one replaced
    ],
)
def test_the_move_of_an_edit(old, new, expected):
    from nvlint.shell.move import common_prefix

    found = Move.between(old, new, common_prefix(old, new))
    assert (found.first, found.old_tail, found.delta, found.lines) == expected


def _word(text: str, start: int) -> Word:
    return Word(Value([literal_part(text, start)]), start, start + len(text), "bare")


def test_objects_after_an_edit_are_the_same_but_for_its_move():
    edit = Move(10, 10, 5)  # five characters typed at offset 10
    before, after = _word("early", 2), _word("late", 20)
    assert edit.normal_new(before) == edit.normal_old(before)
    assert edit.normal_new(_word("late", 25)) == edit.normal_old(after)
    assert edit.normal_new(_word("late", 20)) != edit.normal_old(after)
    # text across the edit covers what it changed: never the same
    assert edit.normal_new(_word("across", 8)) != edit.normal_old(_word("across", 8))
    # an unknown's offset moves, a fresh unknown's serial number does not
    moved = Value([unknown_part(Unknown(EXPRESSION, at=30), 30, 36)])
    assert edit.normal_new(Value([unknown_part(Unknown(EXPRESSION, at=35), 35, 41)])) == edit.normal_old(moved)
    fresh = Value([unknown_part(Unknown(FRESH, "X", 12), 30, 31)])
    assert edit.normal_new(Value([unknown_part(Unknown(FRESH, "X", 12), 35, 36)])) == edit.normal_old(fresh)


def test_shifting_moves_each_object_once_and_rehashes_unknowns():
    edit = Move(10, 10, 5)
    shared = literal_part("nvcr.io/acme/app:1", 40)
    unknown = Unknown(EXPRESSION, at=60)
    first = Word(Value([shared, unknown_part(unknown, 60, 66)]), 40, 66, "bare")
    second = Word(Value([shared]), 70, 88, "bare")
    run = events.CommandRun(40, 88, words=[first, second, first])
    run.branch = ((30, 1),)
    edit.shift([run, [first]])
    assert (run.start, run.end, run.branch) == (45, 93, ((35, 1),))
    assert (first.start, first.end, second.start) == (45, 71, 75)
    assert (shared.start, shared.end) == (45, 63)  # shared by both words, moved once
    assert unknown.at == 65 and hash(unknown) == hash(Unknown(EXPRESSION, at=65))
    before = Part("x", 2, 3)
    edit.shift([Value([before])])
    assert (before.start, before.end) == (2, 3)


def test_an_expansion_two_words_share_moves_once():
    from nvlint.model.words import Expansion

    expansion = Expansion("N", 40, 42, True, True)
    words = [Word(Value([literal_part("a", 40)]), 40, 50, "double", (expansion,)) for _ in range(2)]
    Move(10, 10, 1).shift(words)
    assert (expansion.start, expansion.end) == (41, 43)


def test_an_object_of_a_class_it_does_not_know_is_unmovable():
    class Stranger:
        __slots__ = ("start",)

    with pytest.raises(Unmovable):
        Move(0, 0, 1).shift([Stranger()])
    with pytest.raises(Unmovable):
        Move(0, 0, 1).normal_old(Stranger())
