"""`Generic` for classes that mypy reads as generic (`Rule[Login]`, `Option[str]`) without importing
`typing` at run time, which would cost about 12 ms of every start. With `from __future__ import
annotations` a subscript such as `Rule[Login]` is only ever evaluated as a base class (`Rule(Generic[E])`),
where a plain `object` base does; the type variables are then `None` at run time."""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Generic as Generic
else:

    class Generic:
        def __class_getitem__(cls, item):
            return object
