"""A Makefile's flows: each target's recipe lines, after make's expansion, run as shell (every line in
a shell of its own, as make runs them); a target's flow is its prerequisites' recipes (depth first,
left to right, each once, as make runs them without -j), then its own."""

from __future__ import annotations

from nvlint.model.events import CommandRun, Event, OptionRun
from nvlint.model.text import Text, snippet_of_value
from nvlint.model.words import Expansion, Value, Word, literal_part
from nvlint.sources.make.expand import Expander
from nvlint.sources.make.parse import Makefile, Target
from nvlint.sources.session import flows_of
from nvlint.sources.units import ordered_units


def recipe_events(makefile: Makefile, target: Target, reads_words, files=None) -> list[Event]:
    expander = Expander(makefile, target)
    env = {
        name: Value(expander.value_of(v.value))
        for name, v in makefile.variables.items()
        if v.exported or makefile.export_all
    }
    events: list[Event] = []
    for line in target.recipe:
        option = _option_line(line)
        if option is not None:  # make reads its `-` as "ignore errors": the option is lost either way
            events.append(OptionRun(option.start, line.end, option))
        expanded = expander.expand(line)
        value, skipped = _strip_prefixes(Value(expanded.parts))
        snippet = snippet_of_value(value, line.end, env=env, dollar_escape="$$")
        if snippet is not None:
            sites = expanded.sites[skipped:]
            end = snippet.file_offset(len(snippet.text))
            snippet.sites = [*sites, sites[-1] if sites else (end, end)]
            events.extend(flows_of(snippet, reads_words, files)[0])
        for start, end in expanded.oauthtoken:
            marker = Word(
                Value(()), start, end, "make", (Expansion("oauthtoken", start, end, False, False, by_make=True),)
            )
            events.append(CommandRun(start, end, words=[marker], dollar_escape="$$"))
    return events


def flows(makefile: Makefile, reads_words, files=None) -> list[list[Event]]:
    """``files``: what `source` may read (recipes run in the Makefile's folder)."""
    own: dict[str, list[Event]] = {}

    def prerequisites(name: str) -> list[str]:
        return [prerequisite for prerequisite, _ in makefile.targets[name].prerequisites]

    out = []
    for name in makefile.order:
        flow: list[Event] = []
        for step in ordered_units(name, prerequisites, makefile.targets):
            if step not in own:
                own[step] = recipe_events(makefile, makefile.targets[step], reads_words, files)
            flow.extend(own[step])
        if flow:
            out.append(flow)
    return out


def _option_line(line: Text) -> Word | None:
    """`--type CONTAINER` as a recipe line of its own: the line above lost its continuation."""
    text = line.text
    body = text.lstrip()
    token = body.split(None, 1)[0] if body else ""
    # `--type`, `-u`; not make's own `-` prefix before a command (`-rm -f x`, `-docker rmi old`)
    if not (token.startswith("--") and token[2:3].isalpha()) and not (len(token) == 2 and token[1:].isalpha()):
        return None
    at = line.offsets[len(text) - len(body)]
    return Word(Value([literal_part(token, at)]), at, at + len(token), "bare", raw=token)


def _strip_prefixes(value: Value) -> tuple[Value, int]:
    """`@`, `-` and `+` before a recipe line are make's, not the shell's. Returns how many went."""
    template = value.template()
    k = 0
    while k < len(template) and template[k] in "@-+ \t":
        k += 1
    return (value.slice(k) if k else value), k
