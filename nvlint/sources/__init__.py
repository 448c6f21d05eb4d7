"""The file kinds nvlint reads, and the reading of a file of each: every kind is one module here that
declares `KIND` (see nvlint.sources.kind). Discovery (which files, of which kind) and linting (how a
file becomes flows of events) are both derived from this list. Adding a kind: a module, its fixtures,
and a row in the README's file-kinds table (a test checks the table against this list).

Text kinds are chosen by file name, extension or shebang. YAML and JSON files are one file kind,
"yaml", whose documents go to the document kinds: the kind whose paths claim the file
(`.github/workflows/*.yml`), or else, document by document, the first kind whose shape the document
has (a mapping of jobs with `on:` is a workflow; a mapping with `inferenceUrl` and an artifact is an
NVCF request).
"""

from __future__ import annotations

import functools
import os

from nvlint.sources import (
    ansible,
    compose,
    dockerfile,
    github,
    gitlab,
    helm,
    kubernetes,
    makefile,
    markdown,
    notebook,
    nvcf_payload,
    python,
    rst,
    shell,
)
from nvlint.sources.kind import FileKind, Problem, Reading, Source

# Document kinds, in the order their shapes are tried: the most specific first.
DOCUMENT_KINDS: tuple[FileKind, ...] = (
    github.KIND,
    gitlab.KIND,
    ansible.KIND,
    kubernetes.KIND,
    compose.KIND,
    nvcf_payload.KIND,
)


def _read_documents(source: Source) -> Reading:
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
        kind = claimed or next((k for k in DOCUMENT_KINDS if k.shape is not None and k.shape(root)), None)
        if kind is not None and kind.read_document is not None:
            flows.extend(kind.read_document(source, root))
    return Reading(flows)


YAML = FileKind(
    "yaml",
    "`*.yml`, `*.yaml`, `*.json`: each document is read as the kind it is (the rows below)",
    extensions=(".yml", ".yaml", ".json"),
    identify_tags=("yaml", "json"),
    read=_read_documents,
)

# Text kinds and the YAML file kind, in the order file names are tried.
FILE_KINDS: tuple[FileKind, ...] = (
    shell.KIND,
    makefile.KIND,
    dockerfile.KIND,
    markdown.KIND,
    rst.KIND,
    notebook.KIND,
    python.KIND,
    YAML,
)
BY_NAME: dict[str, FileKind] = {kind.name: kind for kind in FILE_KINDS}
_BY_FILE_NAME = {name: kind.name for kind in FILE_KINDS for name in kind.names}
_BY_EXTENSION = {extension: kind.name for kind in FILE_KINDS for extension in kind.extensions}
_BY_FILE_NAME.update({name: "yaml" for kind in DOCUMENT_KINDS for name in kind.names})
# Extensions that are certainly none of ours: answered without asking identify (a walk asks for every file).
_NOT_OURS = frozenset(
    ".pyi .js .jsx .ts .tsx .go .rs .java .kt .c .h .cc .cpp .hpp .cs .rb .php .txt .csv .html "
    ".css .scss .svg .png .jpg .jpeg .gif .ico .pdf .lock .toml .cfg .ini .xml .proto .sql .tf "
    ".gz .zip .tar .whl .so .o .a .pyc .bin .dat .log".split()
)
_NOT_SHELL = frozenset({"csh", "tcsh", "fish"})  # identify calls them shells; their syntax is not sh's


@functools.lru_cache(maxsize=4096)
def kind_of_name(name: str) -> str | None:
    """The file kind that a file name alone tells, if any."""
    kind = _BY_FILE_NAME.get(name)
    if kind is not None:
        return kind
    extension = os.path.splitext(name)[1].lower()
    if extension in _BY_EXTENSION:
        return _BY_EXTENSION[extension]
    if extension in _NOT_OURS:
        return None
    from identify import identify

    return _kind_of_tags(identify.tags_from_filename(name))


def kind_from_shebang(first_line: bytes) -> str | None:
    """`#!/bin/bash`, `#!/usr/bin/env -S bash -e`: the kind whose files start so."""
    if not first_line.startswith(b"#!"):
        return None
    try:
        words = first_line[2:].decode("ascii").split()
    except UnicodeDecodeError:
        return None
    if words[:1] == ["/usr/bin/env"]:
        words = [w for w in words[1:] if not w.startswith("-")]
    if not words:
        return None
    from identify import identify

    tags = identify.tags_from_interpreter(words[0])
    return next((kind.name for kind in FILE_KINDS if kind.shebang and _kind_of_tags(tags, (kind,))), None)


def _kind_of_tags(tags, kinds: tuple[FileKind, ...] = FILE_KINDS) -> str | None:
    if tags & _NOT_SHELL:
        return None
    return next((kind.name for kind in kinds if any(tag in tags for tag in kind.identify_tags)), None)


def read(kind: str, source: Source) -> Reading:
    """Read one file of a file kind (a name from FILE_KINDS)."""
    read_file = BY_NAME[kind].read
    assert read_file is not None
    return read_file(source)


__all__ = [
    "BY_NAME",
    "DOCUMENT_KINDS",
    "FILE_KINDS",
    "FileKind",
    "Problem",
    "Reading",
    "Source",
    "kind_from_shebang",
    "kind_of_name",
    "read",
]
