"""The base of the corpus model's linked records."""


class Node:
    """A short repr for the corpus graph (documents <-> items <-> units): the
    generated dataclass repr walks all of it, gigabytes for one failed assert.
    Equality is identity for the same reason (and a node is hashable)."""

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {getattr(self, 'id', None) or getattr(self, 'name', '')}>"
