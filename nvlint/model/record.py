"""Plain value classes: equality, hash and repr from the fields a class names in ``__slots__``.

nvlint's model classes are written out by hand rather than as dataclasses: decorating a dataclass
generates and compiles its methods at every start-up, about half a millisecond each (21 ms measured for
the package's 43 classes), which was most of a pre-commit run's budget. This gives them what the
dataclass did, once, for every class.
"""

from __future__ import annotations

_FIELDS: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """The public slots of a class and its bases, bases first (private ones are caches)."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(
            name
            for klass in reversed(cls.__mro__)
            for name in klass.__dict__.get("__slots__", ())
            if not name.startswith("_")
        )
    return names


def fields_repr(self) -> str:
    """`Name(field=value, ...)`: the repr of any class with slots."""
    return (
        type(self).__name__
        + "("
        + ", ".join(f"{name}={getattr(self, name)!r}" for name in field_names(type(self)))
        + ")"
    )


class Record:
    """Equal when of the same class with equal fields; hashed by the fields (treat as immutable)."""

    __slots__ = ()

    def fields(self) -> tuple:
        return tuple(getattr(self, name) for name in field_names(type(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and type(other) is type(self) and self.fields() == other.fields()

    def __hash__(self) -> int:
        return hash(self.fields())

    __repr__ = fields_repr
