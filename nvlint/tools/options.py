"""One option scanner for every tool: `--opt value`, `--opt=value`, `-o value`, `-ovalue`."""

from __future__ import annotations

from nvlint.events import OptionUse
from nvlint.shell.words import Word


def parse_options(words: list[Word], spec: dict[str, bool], positionals_wanted: int | None = None,
                  open_spec: bool = True) -> tuple[list[OptionUse], list[Word], bool]:
    """Split ``words`` into options (per ``spec``: name -> takes a value) and positionals.

    Returns (options, positionals, unknown_args). ``unknown_args`` is true when a word may expand
    to several arguments, so "option missing" conclusions are unsafe. An unknown long option takes
    the next word as its value only when ``open_spec`` and the positionals are already complete.
    """
    options: list[OptionUse] = []
    positionals: list[Word] = []
    unknown = False
    i = 0
    after_double_dash = False
    while i < len(words):
        word = words[i]
        if word.may_split and word.value.parts and not word.value.parts[0].known:
            unknown = True  # `$EXTRA_ARGS`, `"$@"`: could be any options
        text = word.text
        if after_double_dash or not text.startswith("-") or text == "-":
            positionals.append(word)
            i += 1
            continue
        if text == "--":
            after_double_dash = True
            i += 1
            continue
        name, has_inline, value_offset = text, False, 0
        if text.startswith("--") and "=" in text:
            name = text.split("=", 1)[0]
            has_inline, value_offset = True, len(name) + 1
        elif not text.startswith("--") and len(text) > 2 and text[:2] in spec and spec[text[:2]]:
            name, has_inline, value_offset = text[:2], True, 2
        takes_value = spec.get(name)
        if takes_value is None and not has_inline:
            full = positionals_wanted is not None and len(positionals) >= positionals_wanted
            nxt = words[i + 1] if i + 1 < len(words) else None
            takes_value = bool(open_spec and full and name.startswith("--") and nxt is not None
                               and not nxt.text.startswith("-"))
        if has_inline:
            options.append(OptionUse(name, word, word.value.slice(value_offset), word, value_offset))
            i += 1
        elif takes_value:
            nxt = words[i + 1] if i + 1 < len(words) else None
            options.append(OptionUse(name, word, nxt.value if nxt else None, nxt, 0))
            i += 2
        else:
            options.append(OptionUse(name, word, None, None, 0))
            i += 1
    return options, positionals, unknown


def first(options: list[OptionUse], *names: str) -> OptionUse | None:
    for option in options:
        if option.name in names:
            return option
    return None


def every(options: list[OptionUse], *names: str) -> list[OptionUse]:
    return [o for o in options if o.name in names]
