"""One option scanner for every tool: `--opt value`, `--opt=value`, `-o value`, `-ovalue`."""

from __future__ import annotations

from nvlint.model.events import Login, OptionUse
from nvlint.model.words import Word

# The login options that docker, podman, buildah, skopeo and the other registry clients share (name ->
# takes a value); each tool's table adds its own.
REGISTRY_LOGIN_OPTIONS = {
    "-u": True,
    "--username": True,
    "-p": True,
    "--password": True,
    "--password-stdin": False,
    "--authfile": True,
    "--cert-dir": True,
}


def parse_options(
    words: list[Word], spec: dict[str, bool], positionals_wanted: int | None = None, open_spec: bool = True
) -> tuple[list[OptionUse], list[Word], bool]:
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
            takes_value = bool(
                open_spec and full and name.startswith("--") and nxt is not None and not nxt.text.startswith("-")
            )
        if has_inline:
            options.append(OptionUse(name, word, word.value.slice(value_offset), word, value_offset))
            i += 1
        elif takes_value:
            nxt = words[i + 1] if i + 1 < len(words) else None
            if nxt is not None and nxt.text.startswith("--") and nxt.text.split("=", 1)[0] in spec:
                nxt = None  # `--helm-chart --helm-chart-service s`: the value is missing, not the next option
            options.append(OptionUse(name, word, nxt.value if nxt else None, nxt, 0))
            i += 2 if nxt is not None else 1
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


def login_event(
    command,
    tool: str,
    options: list[OptionUse],
    host: Word | None,
    *,
    host_value=None,
    user_options=("-u", "--username"),
    password_options=("-p", "--password"),
    stdin_options=("--password-stdin",),
    **extra,
) -> Login:
    """A Login from parsed options: every login-shaped command (docker, helm, skopeo...) uses this."""
    user = first(options, *user_options)
    password = first(options, *password_options)
    if host_value is None and host is not None:
        host_value = host.value
    if host_value is not None and host_value.template().startswith("docker://"):
        host_value = host_value.slice(len("docker://"))
    return Login(
        command.start,
        command.end,
        tool=tool,
        host=host,
        host_value=host_value,
        username=user.value_word if user else None,
        username_value=user.value if user else None,
        password=password.value_word if password else None,
        password_value=password.value if password else None,
        password_option=password.name if password else "",
        password_stdin=first(options, *stdin_options) is not None,
        stdin_option=stdin_options[0] if stdin_options else "",
        stdin=command.stdin,
        **extra,
    )
