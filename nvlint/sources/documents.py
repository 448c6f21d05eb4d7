"""YAML and JSON files: each document goes to the document kind that claims the file or has its shape
(the kinds and their order are declared in nvlint.sources)."""

from __future__ import annotations

from nvlint.sources import DOCUMENT_KINDS, helm
from nvlint.sources.kind import Problem, Reading, Source


def read(source: Source) -> Reading:
    """A YAML or JSON file: each document to the kind that claims the file or has its shape."""
    from nvlint.yamltree.nodes import YamlError

    path = source.path
    claimed = next((kind for kind in DOCUMENT_KINDS if path is not None and kind.claims(path)), None)
    if claimed is None and helm.is_template(path):  # YAML only once Helm renders it: see nvlint.sources.helm
        rendered = helm.rendered_for_parsing(source.text)
        if rendered is not None:
            source = source.rendered(*rendered)
    try:
        documents = source.documents()
    except YamlError as error:
        if claimed is None:
            return Reading()  # a Helm template, say: not a file nvlint must understand
        from nvlint.model.text import LineIndex

        at = LineIndex(source.text).offset(min(error.line, source.text.count("\n") + 1), error.column)
        return Reading(problems=[Problem(at, at + 1, error.reason)])
    flows: list = []
    for root in documents:
        if root is None:
            continue
        kind = claimed or next((k for k in DOCUMENT_KINDS if k.shape(root)), None)
        if kind is not None:
            flows.extend(kind.read_document(source, root))
    return Reading(flows)
