"""Shell scripts: the whole script is one flow; each function it never calls is a flow of its own."""

from __future__ import annotations

from nvlint.sources.kind import Reading, Source


def read(source: Source) -> Reading:
    from nvlint.model.text import Snippet
    from nvlint.sources.session import flows_of  # here: the interpreter is not needed to find files

    flows = flows_of(Snippet(source.text), source.reads_words, source.sourced_files(), source.memory)
    return Reading([flow for flow in flows if flow])
