"""The file kinds nvlint reads: each is declared here as data and read by a module of its own (see
nvlint.sources.kind), imported only when a file of that kind is read. Discovery (which files, of which
kind) and linting (how a file becomes flows of events) are both derived from this list. Adding a kind:
a declaration, its module, its fixtures, and a row in the README's file-kinds table (a test checks the
table against this list).

Text kinds are chosen by file name, extension or shebang. YAML and JSON files are one file kind,
"yaml", whose documents go to the document kinds: the kind whose paths claim the file
(`.github/workflows/*.yml`), or else, document by document, the first kind whose shape the document
has (a mapping of jobs with `on:` is a workflow; a mapping with `inferenceUrl` and an artifact is an
NVCF request).
"""

from __future__ import annotations

import functools
import os

from nvlint.config_values import boolean_option
from nvlint.sources.kind import FileKind, Problem, Reading, Source

# Each kind as data; its module (nvlint.sources.<module>) is imported when a file of the kind is read.
SHELL = FileKind(
    "shell",
    "`*.sh`, `*.bash`, `*.zsh`, `*.bats`..., or a shell shebang",
    "nvlint.sources.shell",
    extensions=(".sh", ".bash"),
    shebang=True,
    identify_tags=("shell",),
)
MAKEFILE = FileKind(
    "makefile",
    "`Makefile`, `GNUmakefile`, `makefile`, `*.mk`",
    "nvlint.sources.makefile",
    names=("Makefile", "makefile", "GNUmakefile"),
    extensions=(".mk",),
    identify_tags=("makefile",),
)
DOCKERFILE = FileKind(
    "dockerfile",
    "`Dockerfile`, `*.Dockerfile`, `Containerfile`",
    "nvlint.sources.dockerfile",
    names=("Dockerfile", "Containerfile"),
    identify_tags=("dockerfile",),
)
UNTAGGED_SHELL = boolean_option(
    "markdown-untagged-shell",
    "Untagged fences and indented blocks of Markdown are read as shell too (the default); `false` reads "
    "only blocks tagged as shell.",
    default=True,
)
MARKDOWN = FileKind(
    "markdown",
    "`*.md`, `*.markdown`",
    "nvlint.sources.markdown",
    extensions=(".md", ".markdown"),
    identify_tags=("markdown",),
    options=(UNTAGGED_SHELL,),
)
RST = FileKind("rst", "`*.rst`", "nvlint.sources.rst", extensions=(".rst",), identify_tags=("rst",))
NOTEBOOK = FileKind(
    "notebook", "`*.ipynb`", "nvlint.sources.notebook", extensions=(".ipynb",), identify_tags=("jupyter",)
)
TERRAFORM = FileKind(
    "terraform",
    "`*.tf` (the `user_data` heredocs of machines)",
    "nvlint.sources.terraform",
    extensions=(".tf",),
    identify_tags=("terraform",),
)
TERRAFORM_TEMPLATE = FileKind(
    "terraform-template",
    "`*.tftpl` (shell scripts and cloud-init that `templatefile` renders)",
    "nvlint.sources.terraform_template",
    extensions=(".tftpl",),
)
PYTHON = FileKind("python", "`*.py`", "nvlint.sources.python", extensions=(".py",), identify_tags=("python",))

GITHUB = FileKind(
    "github-actions",
    "`.github/workflows/*.yml`, `action.yml` (composite)",
    "nvlint.sources.github",
    globs=(".github/workflows/*.yml", ".github/workflows/*.yaml"),
    names=("action.yml", "action.yaml"),
    documents=True,
)
GITLAB = FileKind(
    "gitlab-ci",
    "`.gitlab-ci.yml`, `*.gitlab-ci.yml` (and the local files they include)",
    "nvlint.sources.gitlab",
    names=(".gitlab-ci.yml",),
    globs=("*.gitlab-ci.yml",),
    documents=True,
)
ANSIBLE = FileKind(
    "ansible",
    "Ansible playbooks (a list of plays) and task files (a role's `tasks/*.yml`, `handlers/*.yml`)",
    "nvlint.sources.ansible",
    globs=("roles/*/tasks/*.yml", "roles/*/tasks/*.yaml", "roles/*/handlers/*.yml", "roles/*/handlers/*.yaml"),
    documents=True,
)
CLOUD_INIT = FileKind(
    "cloud-init",
    "cloud-init user data (`runcmd`, `bootcmd`, `write_files` scripts)",
    "nvlint.sources.cloud_init",
    documents=True,
)
CLOUDFORMATION = FileKind(
    "cloudformation",
    "CloudFormation and SAM templates (EC2 `UserData` scripts)",
    "nvlint.sources.cloudformation",
    documents=True,
)
KUBERNETES = FileKind(
    "kubernetes",
    "Kubernetes manifests (`apiVersion` and `kind`), Helm chart templates and values files",
    "nvlint.sources.kubernetes",
    documents=True,
    claim=True,  # a Helm chart's values files: see nvlint.sources.helm
)
COMPOSE = FileKind(
    "compose",
    "Compose files (`services:` with an `image` or a `build`)",
    "nvlint.sources.compose",
    documents=True,
)
NVCF_PAYLOAD = FileKind(
    "nvcf-payload",
    "JSON or YAML files, and JSON bodies sent inline by `curl -d`, `wget --post-data` or HTTPie",
    "nvlint.sources.nvcf_payload",
    documents=True,
)

# Document kinds, in the order their shapes are tried: the most specific first.
DOCUMENT_KINDS: tuple[FileKind, ...] = (
    GITHUB,
    GITLAB,
    ANSIBLE,
    CLOUD_INIT,
    CLOUDFORMATION,
    KUBERNETES,
    COMPOSE,
    NVCF_PAYLOAD,
)


YAML = FileKind(
    "yaml",
    "`*.yml`, `*.yaml`, `*.json`: each document is read as the kind it is (the rows below)",
    "nvlint.sources.documents",
    extensions=(".yml", ".yaml", ".json"),
    identify_tags=("yaml", "json"),
)

# Text kinds and the YAML file kind, in the order file names are tried.
FILE_KINDS: tuple[FileKind, ...] = (
    SHELL,
    MAKEFILE,
    DOCKERFILE,
    MARKDOWN,
    RST,
    NOTEBOOK,
    PYTHON,
    TERRAFORM,
    TERRAFORM_TEMPLATE,
    YAML,
)
BY_NAME: dict[str, FileKind] = {kind.name: kind for kind in FILE_KINDS}
_BY_FILE_NAME = {name: kind.name for kind in FILE_KINDS for name in kind.names}
_BY_EXTENSION = {extension: kind.name for kind in FILE_KINDS for extension in kind.extensions}
_BY_FILE_NAME.update({name: "yaml" for kind in DOCUMENT_KINDS for name in kind.names})
# Extensions that are certainly none of ours: answered without asking identify (a walk asks for every file).
_NOT_OURS = frozenset(
    ".pyi .js .jsx .ts .tsx .go .rs .java .kt .c .h .cc .cpp .hpp .cs .rb .php .txt .csv .html "
    ".css .scss .svg .png .jpg .jpeg .gif .ico .pdf .lock .toml .cfg .ini .xml .proto .sql "
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


def read_as(kind: str, source: Source) -> Reading:
    """Read one file of a file kind (a name from FILE_KINDS)."""
    return BY_NAME[kind].read(source)


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
    "read_as",
]
