"""YAML and JSON files: decide what each document is, and hand it to its reader.

A document is read only when it is a GitHub Actions workflow or composite action, a GitLab CI
file, or an NVCF function/task payload (JSON is read as the YAML it is). Anything else (Kubernetes manifests, compose files, Helm
values) is not an NVCF deployment: `image: nginx:latest` there is nobody's business but docker's.
"""

from __future__ import annotations

from nvlint.events import Event
from nvlint.sources import github, gitlab
from nvlint.tools import nvcf_api as payload
from nvlint.yamltree.nodes import DocumentText, YamlError, compose_all


class Result:
    # A plain class rather than a dataclass: see nvlint/record.py (start-up cost).
    __slots__ = ("flows", "error")

    def __init__(self, flows: list[list[Event]], error: YamlError | None = None) -> None:
        self.flows = flows
        self.error = error  # a parse error in a file whose kind says it must be read


def expected_kind(path: str) -> str | None:
    """What the path alone says a YAML file is."""
    if github.is_workflow_path(path):
        return "github"
    if github.is_action_path(path):
        return "action"
    if gitlab.is_gitlab_path(path):
        return "gitlab"
    return None


def flows(text: str, path: str, reads_words=None) -> Result:
    kind = expected_kind(path)
    try:
        documents = compose_all(text)
    except YamlError as error:
        return Result([], error if kind is not None else None)
    out: list[list[Event]] = []
    for root in documents:
        if root is None:
            continue
        if kind in ("github", "action") or github.looks_like_workflow(root) or github.looks_like_action(root):
            out.extend(github.flows(text, root, reads_words))
        elif kind == "gitlab" or gitlab.looks_like_gitlab(root):
            out.extend(gitlab.flows(text, root, path if path != "-" else None, reads_words))
        else:
            deploys = payload.events(DocumentText(text), root)
            out.extend([event] for event in deploys)
    return Result(out)
