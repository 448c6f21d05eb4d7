"""GitHub Actions workflows (`.github/workflows/*.yml`) and composite actions (`action.yml`).

Each `run:` is a shell snippet with the workflow's, job's and step's `env:` seeding its variables;
`${{ ... }}` expressions are unknown values whose identical text compares equal (and `${{ env.X }}`
is the value of `X`). The steps of a job are one flow; a job's flow starts with the flows of the
jobs it `needs`. `docker/login-action` and `docker/build-push-action` steps are events too.
"""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.model.events import Event, ImageBuilt, ImagePushed, Login
from nvlint.model.words import Value, Word
from nvlint.sources.kind import Source
from nvlint.sources.units import ordered_units
from nvlint.sources.yaml_env import read_env
from nvlint.yamltree.nodes import (
    GITHUB_EXPRESSIONS,
    Expressions,
    get,
    is_mapping,
    is_scalar,
    is_sequence,
    items,
    scalar_snippet,
    scalar_text,
    scalar_word,
)

_SHELLS = lazyre.compile(r"^(bash|sh|zsh|dash|ksh)\b|/(bash|sh)\b")


def looks_like_workflow(root) -> bool:
    return (
        is_mapping(root)
        and is_mapping(get(root, "jobs"))
        and (get(root, "on") is not None or get(root, "true") is not None)
    )


def looks_like_action(root) -> bool:
    runs = get(root, "runs")
    return is_mapping(runs) and scalar_text(get(runs, "using")) == "composite"


class _Reader:
    def __init__(self, text: str, reads_words, files=None) -> None:
        self.files = files  # what `source` may read: steps run at the repository's root
        self.text = text
        self.reads_words = reads_words
        self.extra_flows: list[list[Event]] = []  # functions a run: block defines but never calls
        self.env_events: list[Event] = []  # `env:` values, read by word-level rules like assignments

    def env(self, node, base: dict[str, Value]) -> dict[str, Value]:
        return read_env(node, base, self.text, self.env_events, self.reads_words, self.expressions)

    def expressions(self, env: dict[str, Value]) -> Expressions:
        def resolve(expression: str) -> Value | None:
            match = re.fullmatch(r"env\.([A-Za-z_][A-Za-z0-9_]*)", expression)
            return env.get(match.group(1)) if match else None

        return Expressions(GITHUB_EXPRESSIONS, resolve)

    def steps(self, steps_node, env: dict[str, Value], default_shell: str | None) -> list[Event]:
        events: list[Event] = []
        if not is_sequence(steps_node):
            return events
        for step in steps_node.value:
            if not is_mapping(step):
                continue
            step_env = self.env(get(step, "env"), env)
            run = get(step, "run")
            if is_scalar(run):
                shell_name = scalar_text(get(step, "shell")) or default_shell or "bash"
                if not _SHELLS.search(shell_name):
                    continue
                snippet = scalar_snippet(run, self.text, step_env, self.expressions(step_env))
                if snippet is None:
                    continue
                from nvlint.sources.session import flows_of  # here: not needed to find files

                flows = flows_of(snippet, self.reads_words, self.files)
                if flows:
                    events.extend(flows[0])
                    self.extra_flows.extend(flows[1:])
            uses = get(step, "uses")
            if is_scalar(uses):
                events.extend(self.action(uses, get(step, "with"), step_env))
        return events

    def action(self, uses, with_node, env: dict[str, Value]) -> list[Event]:
        name = str(uses.value).split("@", 1)[0].lower()
        start, end = uses.start_mark.index, uses.end_mark.index
        word = scalar_word(uses, self.text)
        inputs = {key: value for key, _, value in items(with_node) if is_scalar(value)}
        expressions = self.expressions(env)

        def input_word(key: str) -> Word | None:
            node = inputs.get(key)
            return scalar_word(node, self.text, expressions) if node is not None else None

        if name == "docker/login-action":
            registry, username, password = input_word("registry"), input_word("username"), input_word("password")
            return [
                Login(
                    start,
                    end,
                    tool="docker/login-action",
                    host=registry,
                    host_value=registry.value if registry else None,
                    username=username,
                    username_value=username.value if username else None,
                    stdin=(password,) if password else (),
                    defaults_to_docker_hub=True,
                    verb=word,
                )
            ]
        if name == "docker/build-push-action":
            tags = input_word("tags")
            if tags is None:
                return []
            events: list[Event] = []
            push = inputs.get("push")
            pushes = push is not None and str(push.value).strip().lower() not in ("false", "")
            for tag in _split_list(tags.value):
                events.append(ImageBuilt(start, end, tag, tags, "built"))
                if pushes:
                    events.append(ImagePushed(start, end, tag))
            return events
        return []


def _split_list(value: Value) -> list[Value]:
    """`tags:` holds a comma- or newline-separated list."""
    template = value.template()
    out = []
    for match in re.finditer(r"[^,\n]+", template):
        piece = match.group(0)
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            out.append(value.slice(match.start() + left, match.start() + right))
    return out


def read_document(source: Source, root) -> list[list[Event]]:
    reader = _Reader(source.text, source.reads_words, source.sourced_files(at_root=True))
    if looks_like_action(root):
        runs = get(root, "runs")
        main = reader.steps(get(runs, "steps"), {}, None)
        return [main, *reader.extra_flows, reader.env_events]
    workflow_env = reader.env(get(root, "env"), {})
    workflow_shell = scalar_text(get(get(get(root, "defaults"), "run"), "shell"))
    jobs: dict[str, tuple[list[Event], list[str]]] = {}
    for job_id, _, job in items(get(root, "jobs")):
        if not is_mapping(job):
            continue
        env = reader.env(get(job, "env"), workflow_env)
        default_shell = scalar_text(get(get(get(job, "defaults"), "run"), "shell")) or workflow_shell
        runs_on = scalar_text(get(job, "runs-on")) or ""
        if default_shell is None and "windows" in runs_on.lower():
            default_shell = "pwsh"
        events = reader.steps(get(job, "steps"), env, default_shell)
        jobs[job_id] = (events, _needs(get(job, "needs")))
    out = []
    for job_id in jobs:
        flow: list[Event] = []
        for dependency in ordered_units(job_id, lambda name: jobs[name][1], jobs):
            flow.extend(jobs[dependency][0])
        out.append(flow)
    return out + reader.extra_flows + [reader.env_events]


def _needs(node) -> list[str]:
    if is_scalar(node):
        return [str(node.value)]
    if is_sequence(node):
        return [str(n.value) for n in node.value if is_scalar(n)]
    return []


def shape(root) -> bool:
    return looks_like_workflow(root) or looks_like_action(root)
