"""cloud-init user data (`#cloud-config`), by its shape: the commands a new machine runs at boot, which log
in to nvcr.io and pull NIM images on every machine a template starts.

- `runcmd:` and `bootcmd:` items run in order as one script (cloud-init writes each list's items into one
  file that `sh` runs, so a variable set by one item holds in the next): a string is a line of shell, a
  list is the command's words, quoted by cloud-init, so nothing in them is expanded.
- `write_files:` entries whose `content` is a shell script (a `.sh` path, or a shell shebang) are read as
  scripts, each a flow of its own (something else runs them). Encoded content (`encoding: b64`, `gzip`) is
  not read.
- Terraform's `templatefile` placeholders (`${ngc_api_key}`) are shell expansions of unknown variables
  here: unknown values, as everywhere.
"""

from __future__ import annotations

from nvlint import lazyre
from nvlint.model.events import Event
from nvlint.sources.kind import Source
from nvlint.sources.manifests import Manifest
from nvlint.yamltree.nodes import get, is_mapping, is_scalar, is_sequence, scalar_snippet, scalar_text

_COMMAND_LISTS = ("bootcmd", "runcmd")
_NOT_A_LINE_BREAK = lazyre.compile(r"[^\n]")


def looks_like_cloud_config(root) -> bool:
    """A mapping with `runcmd`/`bootcmd` lists, or `write_files` entries that have a `path`."""
    if not is_mapping(root):
        return False
    if any(is_sequence(get(root, key)) for key in _COMMAND_LISTS):
        return True
    files = get(root, "write_files")
    return is_sequence(files) and any(is_mapping(entry) and get(entry, "path") is not None for entry in files.value)


def read_document(source: Source, root) -> list[list[Event]]:
    from nvlint.sources.session import ShellSession, flows_of  # here: not needed to find files

    reader = Manifest(source)
    flows: list[list[Event]] = []
    for key in _COMMAND_LISTS:
        commands = get(root, key)
        if not is_sequence(commands):
            continue
        session = ShellSession(source.reads_words, source.sourced_files())
        for item in commands.value:
            if is_sequence(item):
                words = [word for word in (reader.word(node) for node in item.value) if word is not None]
                if words:
                    session.run_words(words, words[0].start, words[-1].end)
            elif is_scalar(item):
                snippet = scalar_snippet(item, source.text, {})
                if snippet is not None:
                    session.run(snippet)
        main, *functions = session.finish()
        reader.flow.extend(main)
        flows.extend(flow for flow in functions if flow)
    files = get(root, "write_files")
    for entry in files.value if is_sequence(files) else ():
        content = get(entry, "content") if is_mapping(entry) else None
        if is_scalar(content) and get(entry, "encoding") is None and _is_script(entry, content):
            script: list[Event] = []
            _script(source, content, script, flows, flows_of)
            flows.append(script)
    return [*reader.flows(), *flows]


def embedded(source: Source, start: int, end: int) -> list[list[Event]]:
    """The cloud-init document written at ``source.text[start:end]`` (whole lines: a CloudFormation
    literal block, a Markdown fence), read where it is written: the file's text with every other
    character a space is that document, each line at its place (YAML takes a root indented as a whole).
    Nothing, if it is no cloud-init document or no YAML."""
    from nvlint.yamltree.nodes import YamlError

    text = source.text
    blanked = _NOT_A_LINE_BREAK.sub(" ", text[:start]) + text[start:end] + _NOT_A_LINE_BREAK.sub(" ", text[end:])
    inner = source.rendered(blanked, None)
    try:
        documents = inner.documents()
    except YamlError:
        return []
    flows: list[list[Event]] = []
    for root in documents:
        if root is not None and looks_like_cloud_config(root):
            flows.extend(read_document(inner, root))
    return flows


def _script(source: Source, node, into: list[Event], extra: list[list[Event]], flows_of) -> None:
    """A scalar read as a shell script: its main flow's events go ``into`` the flow given; the functions
    it defines and never calls are flows of their own."""
    snippet = scalar_snippet(node, source.text, {})
    if snippet is None:
        return
    flows = flows_of(snippet, source.reads_words, source.sourced_files())
    if flows:
        into.extend(flows[0])
        extra.extend(flow for flow in flows[1:] if flow)


def _is_script(entry, content) -> bool:
    path = scalar_text(get(entry, "path")) or ""
    from nvlint.sources import kind_from_shebang

    first = str(content.value).lstrip().split("\n", 1)[0]
    return path.endswith((".sh", ".bash")) or kind_from_shebang(first.encode("utf-8", "replace")) == "shell"


shape = looks_like_cloud_config  # the registry's name (nvlint.sources.kind.FileKind)
