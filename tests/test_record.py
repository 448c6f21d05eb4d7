"""The hand-written model classes get what dataclasses would give them: equality, hash and repr by field."""

from __future__ import annotations

from nvlint.model.record import Record, field_names, fields_repr


class Point(Record):
    __slots__ = ("x", "y", "_cache")

    def __init__(self, x: int, y: int) -> None:
        self.x, self.y, self._cache = x, y, object()  # a private cache never takes part


class Labelled(Point):
    __slots__ = ("label",)

    def __init__(self, x: int, y: int, label: str) -> None:
        super().__init__(x, y)
        self.label = label


class Other(Record):
    __slots__ = ("x", "y")

    def __init__(self, x: int, y: int) -> None:
        self.x, self.y = x, y


def test_fields_are_the_public_slots_bases_first():
    assert field_names(Labelled) == ("x", "y", "label")
    assert Labelled(1, 2, "a").fields() == (1, 2, "a")


def test_equal_and_hashed_by_fields_within_one_class():
    assert Point(1, 2) == Point(1, 2) and hash(Point(1, 2)) == hash(Point(1, 2))
    assert Point(1, 2) != Point(2, 1)
    assert Point(1, 2) != Other(1, 2)  # same fields, another class
    assert len({Point(1, 2), Point(1, 2), Labelled(1, 2, "a")}) == 2


def test_repr_names_every_field():
    assert repr(Labelled(1, 2, "a")) == "Labelled(x=1, y=2, label='a')"

    class Plain:  # any class with slots can borrow it
        __slots__ = ("name",)
        __repr__ = fields_repr

        def __init__(self) -> None:
            self.name = "n"

    assert repr(Plain()) == "Plain(name='n')"
