from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint import lazyre
from nvlint.diagnostics import Diagnostic
from nvlint.model.events import NgcCommand
from nvlint.rules.base import Context, Rule
from nvlint.tools import ngc_grammar

RULE = Rule(
    code="NV506",
    name="unknown-option",
    severity="warning",
    summary="An option the NGC CLI command does not have (`--format-type`), with the nearest spelling.",
    what=(
        "Reports an option of an `ngc` command that its grammar does not list (`--format-type` for "
        "`--format_type`, `--container-env`, a typo), with the nearest valid spelling. The grammar lists "
        "options of newer CLI versions too, so they do not warn. On commands whose own options are not all "
        "known (most `ngc registry` verbs, commands the grammar does not list), only misspelt global options "
        "are reported: `ngc registry image list --format-type json`."
    ),
    why='The CLI stops with "unrecognized arguments"; in a deployment script that is a failed run.',
    bad="ngc cf fn list --format-type json\n",
    good="ngc cf fn list --format_type json\n",
    reads=(NgcCommand,),
    per_event=True,
)


_OPTION = lazyre.compile(r"--?[A-Za-z0-9][A-Za-z0-9_-]*")


@RULE.checker
def check(flow: Sequence[NgcCommand], ctx: Context) -> Iterator[Diagnostic]:
    for event in flow:
        if not event.words:
            continue
        command = ngc_grammar.lookup(event.path)
        listed = command is not None and not command.open
        known = {**ngc_grammar.GLOBAL_OPTIONS, **(command.options if command is not None else {})}
        for option in event.options:
            if option.name in known or not _OPTION.fullmatch(option.name) or option.word.literal is None:
                continue
            global_spelling = _GLOBAL_SPELLINGS.get(_normal(option.name))
            if not listed and global_spelling is None:
                continue  # a command whose own options are not all known: only global misspellings count
            spelled = option.name.replace("-", "_") if option.name.startswith("--format") else option.name
            prefixed = [name for name in known if name.startswith(option.name)]
            candidates = (
                [global_spelling]
                if global_spelling
                else [spelled]
                if spelled in known
                else prefixed
                if len(prefixed) == 1
                else _close(option.name, known)
            )
            hint = f"; did you mean {candidates[0]}?" if candidates else ""
            yield RULE.at(
                (option.word.start, option.word.start + len(option.name)),
                f"'{_command(event, ctx)}' has no option {option.name}{hint}",
            )


def _command(event: NgcCommand, ctx: Context) -> str:
    """The command's words as they read (`ngc registry model download-version`), also when they are
    written as a YAML or Python list (`["ngc", "registry", ...]`)."""
    words = [word for word in event.words if word.start < event.path_end]
    if all(word.literal is not None for word in words):
        return " ".join(word.literal for word in words)  # type: ignore[misc]
    return ctx.written(event.words[0].start, event.path_end)


def _normal(name: str) -> str:
    return name.replace("_", "-").lower()


# `--format-type` and `--Org` are the global options misspelt, on any command.
_GLOBAL_SPELLINGS = {_normal(name): name for name in ngc_grammar.GLOBAL_OPTIONS}


def _close(name: str, known) -> list[str]:
    import difflib  # here: only an unknown option needs it

    return difflib.get_close_matches(name, list(known), n=1)
