"""A command as the shell walk gives it: the words as written and the argv that really runs (wrappers
such as `sudo` or `env A=b` stripped), where it is, and what it is inside (a function call, if/case
branches). The tools turn these into events."""

from __future__ import annotations

from nvlint.model.words import Word

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.model.events import Alternative

# A plain class rather than a dataclass: see nvlint/model/record.py (start-up cost).


def basename(word: Word) -> str | None:
    """A command word's base name (`/usr/bin/docker`: docker), when it is known."""
    lit = word.literal
    if lit is None:
        return None
    return lit.rsplit("/", 1)[-1]


class Command:
    __slots__ = (
        "words",
        "argv",
        "start",
        "end",
        "stdin",
        "executes",
        "via",
        "calls_function",
        "branch",
        "name",
        "files",
        "alternative",
    )

    def __init__(
        self,
        words: list[Word],
        argv: list[Word],
        start: int,
        end: int,
        stdin: tuple[Word, ...] = (),
        executes: bool = True,
        via: tuple[str, int] | None = None,
        calls_function: bool = False,
        branch: tuple[tuple[int, int], ...] = (),
        files: dict[str, Word] | None = None,
        alternative: Alternative | None = None,
    ) -> None:
        self.words = words  # as written (after word splitting), wrappers included
        self.argv = argv  # the command that really runs: wrappers stripped
        self.start = start
        self.end = end
        self.stdin = stdin  # what the upstream producer writes: echo/printf args, here-strings
        self.executes = executes
        self.via = via  # (function, offset of the outermost call) when run by a call
        self.calls_function = calls_function  # runs a function defined in the script (its body is walked too)
        self.branch = branch  # (construct, branch taken) for each if/case it is inside
        self.name = basename(argv[0]) if argv else None  # the command's base name, when known
        # files written earlier in the flow with known text, by path (`curl -d @fn.json` reads one)
        self.files = files if files is not None else {}
        self.alternative = alternative  # one of the command's alternatives (see Alternative), not what runs
