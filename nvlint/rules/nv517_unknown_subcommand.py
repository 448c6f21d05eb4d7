from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic
from nvlint.model.events import NgcCommand
from nvlint.rules.base import Context, Rule
from nvlint.tools import ngc_grammar

RULE = Rule(
    code="NV517",
    name="unknown-subcommand",
    severity="error",
    summary=(
        "An `ngc` command with no valid subcommand (`ngc cf fn deploy my-fn`, `ngc registry imgae`), with the choices."
    ),
    what=(
        "Reports an `ngc` command that names no subcommand of a group of the grammar. In the groups whose "
        "subcommands are all known from the CLI's own definitions, `ngc cloud-function function` (`create`, "
        "`deploy`, `info`, `invoke`, `list`, `remove`, `remove-rate-limit`, `update-rate-limit`, "
        "`update-secret`), `function deploy` (`create`, `info`, `log`, `remove`, `restart`, `update`), `task` "
        "and `task instance`: a word that names none of them and plainly meant one (a misspelling, `deply`; "
        "or a function name where the verb belongs, followed by options only some subcommands take: `ngc cf "
        "fn deploy my-fn --targeted-dep-spec ...` meant `create` or `update`). In the other groups "
        "(`ngc registry`, `registry image|chart|model|resource`, `cloud-function`, `cf gpu`, "
        "`cf registry-credential`, and `ngc` itself), where a newer CLI may have verbs the grammar lacks, only "
        "a word one slip of the keys from a known one (a character left out, added, replaced, or two "
        "swapped: `imgae`, `regstry`, `lst`). In every group with known subcommands, a command that stops at "
        "the group (`ngc cf fn deploy`, `ngc registry image`) is reported. Messages list the choices (in the "
        "other groups, the ones nvlint knows). A word that may be a verb of a newer CLI (`ngc cf fn instance "
        "list`, `ngc registry model update-version`) is not reported. Aliases count (`fn`, `ls`, `rm`, "
        "`redeploy`); `ngc --version` and groups nvlint knows only by name (`ngc cf cluster`) are not."
    ),
    why=(
        'The CLI answers with a usage error ("invalid choice") or only prints the group\'s help, and runs '
        "nothing: the function is not created or deployed, and a script without `set -e` goes on as if it had "
        "been."
    ),
    bad="ngc cf fn deploy my-fn --targeted-dep-spec L40S:gl40s_1.br25_2xlarge:1:1\n",
    good=('ngc cf fn deploy create "$FUNCTION_ID:$VERSION_ID" --targeted-dep-spec L40S:gl40s_1.br25_2xlarge:1:1\n'),
    reads=(NgcCommand,),
    per_event=True,
)


# What a mistaken subcommand looks like (`deply`, `my-fn`); a docs synopsis (`[create|update]`, `...`,
# `{create,update}`, `COMMAND`) is a description of the choices, not a command that runs.
_NAME = lazyre.compile(r"[a-z][A-Za-z0-9_.-]*")


@RULE.checker
def check(flow: Sequence[NgcCommand], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        error = event.subcommand_error
        found = ngc_grammar.group_at(error.group) if error is not None else None
        if error is None or found is None:
            continue
        group = " ".join(("ngc", *error.group))
        names = found.choices()
        # where the grammar may not list them all, the message does not call them the only ones
        known = ", ".join(names)
        choices = f"the choices: {known}" if error.complete else f"the ones nvlint knows: {known}"
        if error.word is None:
            start = max((w.start for w in event.words if w.end <= event.path_end), default=event.start)
            yield RULE.at(
                (start, event.path_end),
                f"'{group}' needs a subcommand: alone it only prints its usage and runs nothing; choose one "
                f"({choices})",
            )
            continue
        name = error.word.literal or ""
        if not _NAME.fullmatch(name):
            continue
        # A newer CLI may have verbs the grammar lacks: report only a word that plainly meant a known one,
        # by its spelling (`deply`) or by the options after it, which only some subcommands take.
        if error.complete:
            import difflib  # here: start-up (a run with no such command never needs it)

            meant = difflib.get_close_matches(name, names, n=1, cutoff=0.75) or _taking(event, found)
        else:  # a newer CLI may have verbs the grammar lacks: only one slip of the keys from a known one
            meant = [choice for choice in names if _one_slip(name, choice)]
        if not meant:
            continue
        which = " or ".join(f"'{m}'" for m in meant)
        yield RULE.at(
            (error.word.start, error.word.end),
            f"'{name}' is no subcommand of '{group}': the CLI stops with a usage error and runs nothing; "
            f"did you mean {which}? ({choices})",
        )


def _one_slip(typed: str, name: str) -> bool:
    """One character left out, added, replaced, or two swapped (`imgae`, `regstry`, `chrat`)."""
    if typed == name or abs(len(typed) - len(name)) > 1:
        return False
    if len(typed) == len(name):
        differ = [i for i, (a, b) in enumerate(zip(typed, name, strict=True)) if a != b]
        swapped = len(differ) == 2 and differ[1] == differ[0] + 1 and typed[differ[0]] == name[differ[1]]
        return len(differ) == 1 or (swapped and typed[differ[1]] == name[differ[0]])
    short, long = sorted((typed, name), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _taking(event: NgcCommand, group: ngc_grammar.Group) -> list[str]:
    """The subcommands that take every option the command was given (none given: none)."""
    given = {o.name for o in event.options if o.name not in ngc_grammar.GLOBAL_OPTIONS}
    if not given:
        return []
    return sorted(
        name
        for name, child in group.children.items()
        if isinstance(child, ngc_grammar.Command) and not child.open and given <= set(child.options)
    )
