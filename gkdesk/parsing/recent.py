"""Results of a pure function remembered for its last few calls with the very same arguments.

Several readings of one table region ask for the same derived data of the same text and token
list (reading_order.value_runs: the label reading, each reading by order, each continuation
stretch). The arguments are compared by identity, and held while remembered, so that an object
freed and another made at its address is never taken for it; a list argument must also still
have its length. Nothing is kept beyond the last few calls: a later document's arguments are
other objects, and an earlier document's are let go as calls come."""
from __future__ import annotations

from functools import wraps


def remember_recent(size: int):
    """Decorate a function of positional arguments whose result depends on their contents only,
    and whose arguments are not changed in place while they matter (a region's text and
    tokens). Its results are shared: callers must not change them."""

    def decorate(function):
        recent: list[tuple[tuple, tuple, object]] = []  # (arguments, list lengths, result), latest first

        @wraps(function)
        def call(*args):
            lengths = tuple(len(a) if isinstance(a, list) else -1 for a in args)
            for held, held_lengths, result in recent:
                if held_lengths == lengths and all(a is b for a, b in zip(held, args)):
                    return result
            result = function(*args)
            recent.insert(0, (args, lengths, result))
            del recent[size:]
            return result

        return call

    return decorate
