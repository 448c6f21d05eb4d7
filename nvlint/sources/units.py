"""Units that run after the units they depend on: Make targets after their prerequisites, CI jobs after
the jobs they need (GitHub `needs`, GitLab `stages` and `needs`).

The flow of a unit is the flows of what it depends on, then its own: each unit's events are copied
into the flow of every unit that depends on it. A tree of n units with a chain of dependencies has
flows of total size O(n^2) events; that is the model (a finding about the order of a push and a
create needs the events of both in one flow), and each rule then reads each flow once.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable


def ordered_units(unit: str, depends_on: Callable[[str], Iterable[str]], known: Container[str]) -> list[str]:
    """The units ``unit`` depends on (depth first, left to right, each once), then ``unit`` itself.

    Dependencies not in ``known`` are skipped (a prerequisite that is a file, a job that does not
    exist); a cycle is cut where it closes. Iterative: a chain of ten thousand targets is no problem.
    """
    if unit not in known:
        return []
    order: list[str] = []
    seen = {unit}
    stack: list[tuple[str, Iterable[str]]] = [(unit, iter(depends_on(unit)))]
    while stack:
        current, pending = stack[-1]
        for dependency in pending:
            if dependency not in seen and dependency in known:
                seen.add(dependency)
                stack.append((dependency, iter(depends_on(dependency))))
                break
        else:
            stack.pop()
            order.append(current)
    return order
