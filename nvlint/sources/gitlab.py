"""GitLab CI (`.gitlab-ci.yml`, `*.gitlab-ci.yml` and the local files it includes).

A job's script is `before_script` then `script` then `after_script` (strings or lists, lists of
lists from anchors, `!reference [job, key]`), run as one shell session with the top-level and
job `variables:` in its environment; `extends:` and `default:` are merged in. Jobs of earlier
stages run before later ones; `needs:` replaces that order with its own list.
"""

from __future__ import annotations

from pathlib import Path

from nvlint.model.events import Event
from nvlint.model.words import Value
from nvlint.sources.kind import Source
from nvlint.sources.units import ordered_units
from nvlint.sources.yaml_env import read_env
from nvlint.yamltree.nodes import (
    YamlError,
    compose_all,
    get,
    is_mapping,
    is_scalar,
    is_sequence,
    items,
    scalar_snippet,
)

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import Any

RESERVED = frozenset(
    {
        "image",
        "services",
        "stages",
        "types",
        "before_script",
        "after_script",
        "variables",
        "cache",
        "include",
        "default",
        "workflow",
        "spec",
    }
)
DEFAULT_STAGES = (".pre", "build", "test", "deploy", ".post")
SCRIPT_KEYS = ("before_script", "script", "after_script")


def looks_like_gitlab(root) -> bool:
    if not is_mapping(root):
        return False
    for name, _, value in items(root):
        if name not in RESERVED and is_mapping(value) and get(value, "script") is not None:
            return True
    return False


class _Pipeline:
    def __init__(self, text: str, root, path: str | None, reads_words, files, read_other) -> None:
        self.files = files  # what `source` may read: jobs run at the repository's root
        self.read_other = read_other  # Source.read_other: an included file's text, recorded as read
        self.text = text
        self.root = root
        self.reads_words = reads_words
        self.jobs: dict[str, object] = {}  # every job, hidden (`.template`) ones included
        self.foreign: dict[str, object] = {}  # jobs from included files: for extends and !reference only
        self.foreign_nodes: set[int] = set()  # their scalars: positions in another file, not read here
        self.variable_events: list[Event] = []
        for name, _, value in items(root):
            if name not in RESERVED and is_mapping(value):
                self.jobs[name] = value
        if path is not None:
            self._include(get(root, "include"), Path(path).parent, depth=0)

    def _include(self, node, base: Path, depth: int) -> None:
        """Local includes that exist are read for the jobs they define (templates, mostly)."""
        if depth > 5 or node is None:
            return
        entries = node.value if is_sequence(node) else [node]
        for entry in entries:
            local = entry if is_scalar(entry) else get(entry, "local")
            if not is_scalar(local):
                continue
            relative = str(local.value).lstrip("/")
            if "://" in relative or "*" in relative:
                continue
            candidate = _locate(base, relative)
            included = self.read_other(candidate)
            if included is None:
                continue
            try:
                documents = compose_all(included)
            except YamlError:
                continue
            for root in documents:
                self._mark_foreign(root)
                for name, _, value in items(root):
                    if name not in RESERVED and is_mapping(value) and name not in self.jobs:
                        self.foreign[name] = value

    def _mark_foreign(self, node) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            if current is None or id(current) in self.foreign_nodes:
                continue
            self.foreign_nodes.add(id(current))
            if is_mapping(current):
                stack.extend(v for _, _, v in items(current))
            elif is_sequence(current):
                stack.extend(current.value)

    def merged(self, name: str, seen: frozenset[str] = frozenset()) -> dict[str, Any]:
        """A job's keys after `extends:` (parents first, the job's own keys win)."""
        node = self.jobs.get(name) or self.foreign.get(name)
        if node is None or name in seen:
            return {}
        result: dict[str, object] = {}
        extends = get(node, "extends")
        parents = [extends] if is_scalar(extends) else (extends.value if is_sequence(extends) else [])
        for parent in parents:
            if is_scalar(parent):
                result.update(self.merged(str(parent.value), seen | {name}))
        for key, _, value in items(node):
            result[key] = value
        return result

    def script_nodes(self, node, depth: int = 0) -> list:
        """The scalar lines of a script value: nested lists flattened, `!reference` resolved."""
        if node is None or depth > 10:
            return []
        if is_scalar(node):
            return [] if id(node) in self.foreign_nodes else [node]
        if not is_sequence(node):
            return []
        if node.tag == "!reference":
            path = [str(n.value) for n in node.value if is_scalar(n)]
            if len(path) >= 2:
                target = self.merged(path[0]).get(path[1])
                for key in path[2:]:
                    target = get(target, key)
                return self.script_nodes(target, depth + 1)
            return []
        out = []
        for item in node.value:
            out.extend(self.script_nodes(item, depth + 1))
        return out

    def variables(self, node, base: dict[str, Value]) -> dict[str, Value]:
        return read_env(node, base, self.text, self.variable_events, self.reads_words, foreign=self.foreign_nodes)

    def job_events(self, name: str, env: dict[str, Value], extra_flows: list) -> list[Event]:
        job = self.merged(name)
        default = get(self.root, "default")
        job_env = self.variables(job.get("variables"), env)
        from nvlint.sources.session import ShellSession  # here: not needed to find files

        session = ShellSession(self.reads_words, self.files)  # GitLab runs a job's lines in one shell
        for key in SCRIPT_KEYS:
            value = job.get(key)
            if value is None and key != "script":
                value = get(default, key) if default is not None else None
                value = value if value is not None else get(self.root, key)
            for line in self.script_nodes(value):
                snippet = scalar_snippet(line, self.text, job_env)
                if snippet is not None:
                    session.run(snippet)
        main, *functions = session.finish()
        extra_flows.extend(functions)
        return main

    def stages(self) -> list[str]:
        node = get(self.root, "stages")
        if is_sequence(node):
            declared = [str(n.value) for n in node.value if is_scalar(n)]
            return [".pre", *[s for s in declared if s not in (".pre", ".post")], ".post"]
        return list(DEFAULT_STAGES)

    def flows(self) -> list[list[Event]]:
        env = self.variables(get(self.root, "variables"), {})
        stages = self.stages()
        runnable = [
            name for name in self.jobs if not name.startswith(".") and self.merged(name).get("script") is not None
        ]
        extra: list[list[Event]] = []
        own = {name: self.job_events(name, env, extra) for name in runnable}

        def stage_of(name: str) -> int:
            node = self.merged(name).get("stage")
            stage = str(node.value) if node is not None and is_scalar(node) else "test"
            return stages.index(stage) if stage in stages else len(stages)

        def needs_of(name: str) -> list[str] | None:
            node = self.merged(name).get("needs")
            if node is None or not is_sequence(node):
                return None
            names = []
            for entry in node.value:
                target = entry if is_scalar(entry) else get(entry, "job")
                if is_scalar(target):
                    names.append(str(target.value))
            return names

        def earlier(name: str) -> list[str]:
            needs = needs_of(name)
            return needs if needs is not None else [n for n in runnable if stage_of(n) < stage_of(name)]

        out = []
        for name in runnable:
            flow: list[Event] = []
            for job in ordered_units(name, earlier, own):
                flow.extend(own[job])
            out.append(flow)
        return out + [f for f in extra if f] + [self.variable_events]


def _locate(base: Path, relative: str) -> Path:
    """`include: local:` paths are relative to the repository root; try the file's folder first."""
    for directory in [base, *base.resolve().parents]:
        candidate = directory / relative
        if candidate.exists() or (directory / ".git").exists():
            return candidate
    return base / relative


def read_document(source: Source, root) -> list[list[Event]]:
    files = source.sourced_files(at_root=True)
    return _Pipeline(source.text, root, source.path, source.reads_words, files, source.read_other).flows()


shape = looks_like_gitlab  # the registry's name (nvlint.sources.kind.FileKind)
