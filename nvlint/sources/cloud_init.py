"""cloud-init user data (`#cloud-config`), by its shape: the commands a new machine runs at boot, which log
in to nvcr.io and pull NIM images on every machine a template starts.

- `runcmd:` and `bootcmd:` items run in order: a string is a shell script (cloud-init writes it to a file
  that `sh` runs), a list is the command's words, quoted by cloud-init, so nothing in them is expanded.
- `write_files:` entries whose `content` is a shell script (a `.sh` path, or a shell shebang) are read as
  scripts, each a flow of its own (something else runs them). Encoded content (`encoding: b64`, `gzip`) is
  not read.
- Terraform's `templatefile` placeholders (`${ngc_api_key}`) are shell expansions of unknown variables
  here: unknown values, as everywhere.
"""

from __future__ import annotations

from nvlint.model.events import Event
from nvlint.sources.kind import Source
from nvlint.sources.manifests import Manifest
from nvlint.yamltree.nodes import get, is_mapping, is_scalar, is_sequence, scalar_snippet, scalar_text

_COMMAND_LISTS = ("bootcmd", "runcmd")


def looks_like_cloud_config(root) -> bool:
    """A mapping with `runcmd`/`bootcmd` lists, or `write_files` entries that have a `path`."""
    if not is_mapping(root):
        return False
    if any(is_sequence(get(root, key)) for key in _COMMAND_LISTS):
        return True
    files = get(root, "write_files")
    return is_sequence(files) and any(is_mapping(entry) and get(entry, "path") is not None for entry in files.value)


def read_document(source: Source, root) -> list[list[Event]]:
    from nvlint.sources.session import flows_of  # here: not needed to find files

    reader = Manifest(source)
    flows: list[list[Event]] = []
    for key in _COMMAND_LISTS:
        commands = get(root, key)
        for item in commands.value if is_sequence(commands) else ():
            if is_sequence(item):
                reader.words([word for word in (reader.word(node) for node in item.value) if word is not None])
            elif is_scalar(item):
                _script(source, item, reader.flow, flows, flows_of)
    files = get(root, "write_files")
    for entry in files.value if is_sequence(files) else ():
        content = get(entry, "content") if is_mapping(entry) else None
        if is_scalar(content) and get(entry, "encoding") is None and _is_script(entry, content):
            script: list[Event] = []
            _script(source, content, script, flows, flows_of)
            flows.append(script)
    return [*reader.flows(), *flows]


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
    first = str(content.value).lstrip().split("\n", 1)[0]
    return path.endswith((".sh", ".bash")) or (first.startswith("#!") and ("sh" in first.split("/")[-1]))


shape = looks_like_cloud_config  # the registry's name (nvlint.sources.kind.FileKind)
