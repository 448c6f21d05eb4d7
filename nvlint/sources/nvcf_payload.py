"""NVCF payload files: a JSON or YAML document (or a mapping inside one, `functions: [...]`) shaped like
an NVCF function or task create request is read as one (see nvlint.tools.nvcf_api for the shape)."""

from __future__ import annotations

from nvlint.model.events import Event
from nvlint.sources.kind import Source
from nvlint.tools import nvcf_api
from nvlint.yamltree.nodes import DocumentText


def read_document(source: Source, root) -> list[list[Event]]:
    return [[event] for event in nvcf_api.events(DocumentText(source.text), root)]


def shape(root) -> bool:
    return bool(nvcf_api.find(root))
