"""Ansible playbooks and roles: the commands their tasks run, and their registry logins.

A file is Ansible by its shape, never by the word "ansible": a list of plays (`hosts` with `tasks`,
`roles`...), or a list of tasks that use a module nvlint reads; a role's `tasks/*.yml` and
`handlers/*.yml` are claimed by their path. Each play (or task file) is one flow, its tasks in order
(`pre_tasks`, `tasks`, `post_tasks`, then `handlers`; `block`, `rescue` and `always` inside).

- `shell` and `raw` (with or without `ansible.builtin.`/`ansible.legacy.`) run their text in a shell;
  `command` and `script` split it into words without one (so `$oauthtoken` there is literal); `argv:`
  lists the words. The text is the free-form value or `cmd:`.
- `{{ name }}` is the value of a variable the file knows: play and task `vars`, earlier `set_fact`, and
  for a role its `defaults/main.yml` and `vars/main.yml`; `{{ item }}` (and `{{ item.field }}`) takes
  each literal item of `loop` / `with_items` / `with_list` in turn. Any other Jinja is unknown.
- `docker_login` (`community.docker.`) is a login with `registry_url`, `username` and `password`, and
  `helm_repository` (`kubernetes.core.`, `community.kubernetes.`) a Helm login with `repo_url`,
  `repo_username` and `repo_password`: no shell reads them, so a literal `$oauthtoken` is right there.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from nvlint import lazyre
from nvlint.model.events import Event, Login
from nvlint.model.words import DEFINED_ELSEWHERE, Part, Unknown, Value, Word, literal_part, unknown_part
from nvlint.sources.kind import Source
from nvlint.sources.words import split_words, word_of
from nvlint.yamltree.nodes import (
    Expressions,
    YamlError,
    compose_all,
    get,
    is_mapping,
    is_scalar,
    is_sequence,
    items,
    scalar_snippet,
    scalar_value_and_sites,
)

JINJA = lazyre.compile(r"\{[{%](.*?)[}%]\}", re.DOTALL)
_NAME = lazyre.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_PREFIXES = ("ansible.builtin.", "ansible.legacy.", "community.docker.", "kubernetes.core.", "community.kubernetes.")
SHELL_MODULES = frozenset({"shell", "raw"})
COMMAND_MODULES = frozenset({"command", "script"})
LOGIN_MODULES = frozenset({"docker_login", "helm_repository"})
MODULES = SHELL_MODULES | COMMAND_MODULES | LOGIN_MODULES
PLAY_SECTIONS = ("pre_tasks", "tasks", "post_tasks", "handlers")
NESTED_SECTIONS = ("block", "rescue", "always")
LOOP_KEYS = ("loop", "with_items", "with_list")
MAX_TEMPLATE_DEPTH = 10  # `{{ a }}` whose value is `{{ b }}`...


def module_of(key: str) -> str:
    """`ansible.builtin.shell` -> `shell`."""
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def looks_like_ansible(root) -> bool:
    """A list of plays, or a list of tasks that run a module nvlint reads."""
    if not is_sequence(root) or not root.value or not all(is_mapping(entry) for entry in root.value):
        return False
    for entry in root.value:
        keys = {key for key, _, _ in items(entry)}
        if "hosts" in keys and keys & {*PLAY_SECTIONS, "roles"}:
            return True
        if _is_task(entry):
            return True
    return False


def _is_task(entry) -> bool:
    """A mapping that calls a module nvlint reads the way Ansible takes it (a command as text or as a
    mapping, a login as a mapping), or a block of tasks."""
    for key, _, value in items(entry):
        module = module_of(key)
        if module in LOGIN_MODULES and is_mapping(value):
            return True
        if (
            module in MODULES
            and module not in LOGIN_MODULES
            and (is_mapping(value) or (is_scalar(value) and str(value.value).strip()))
        ):
            return True
        if key in NESTED_SECTIONS and is_sequence(value):
            return True
    return False


class _Variable:
    """A variable's YAML node, and whether it is written in this file (else its text is used, placed at
    the reference: nothing in another file can be pointed at or fixed from here)."""

    __slots__ = ("node", "local")

    def __init__(self, node, local: bool) -> None:
        self.node = node
        self.local = local


class _Reader:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.text = source.text
        self.flow: list[Event] = []
        self.extra_flows: list[list[Event]] = []  # functions a shell task defines but never calls

    # ---- templates --------------------------------------------------------------------------------

    def expressions(self, variables: dict[str, _Variable], depth: int = 0) -> Expressions:
        def resolve(expression: str) -> Value | None:
            if depth >= MAX_TEMPLATE_DEPTH or not _NAME.fullmatch(expression):
                return None  # filters, tests, arithmetic: unknown
            name, *fields = expression.split(".")
            variable = variables.get(name)
            node = variable.node if variable is not None else None
            for field in fields:
                node = get(node, field) if node is not None and is_mapping(node) else None
            if node is None or not is_scalar(node) or variable is None:
                return None
            if not variable.local:
                return Value([_foreign(str(node.value))])
            value, _ = scalar_value_and_sites(node, self.text, self.expressions(variables, depth + 1))
            return value

        return Expressions(JINJA, resolve)

    # ---- tasks ------------------------------------------------------------------------------------

    def tasks(self, node, variables: dict[str, _Variable], env: dict[str, Value]) -> None:
        if not is_sequence(node):
            return
        for task in node.value:
            if is_mapping(task):
                self.task(task, variables, env)

    def task(self, task, variables: dict[str, _Variable], env: dict[str, Value]) -> None:
        own = dict(variables)
        own.update(_variables(get(task, "vars")))
        task_env = self.environment(get(task, "environment"), env, own)
        for section in NESTED_SECTIONS:
            self.tasks(get(task, section), own, task_env)
        for item in self.loop_items(task):
            with_item = own if item is None else {**own, "item": _Variable(item, True)}
            for key, key_node, value in items(task):
                self.module(module_of(key), key_node, value, task, with_item, task_env)
        facts = get(task, "set_fact") or get(task, "ansible.builtin.set_fact")
        if is_mapping(facts):
            variables.update(_variables(facts))  # later tasks of the play see them

    def loop_items(self, task) -> list:
        """The literal items a task loops over; [None] for a task without a loop (or an unknown one)."""
        for key in LOOP_KEYS:
            node = get(task, key)
            if node is not None:
                if is_sequence(node) and node.value:
                    return list(node.value)
                return [None]  # `loop: "{{ images }}"`: `{{ item }}` is unknown
        return [None]

    def environment(self, node, env: dict[str, Value], variables: dict[str, _Variable]) -> dict[str, Value]:
        if not is_mapping(node):
            return env
        out = dict(env)
        for name, _, value in items(node):
            if is_scalar(value):
                out[name] = scalar_value_and_sites(value, self.text, self.expressions(variables))[0]
        return out

    def module(self, module: str, key_node, value, task, variables: dict[str, _Variable], env: dict[str, Value]):
        if module not in MODULES:
            return
        expressions = self.expressions(variables)
        if module in LOGIN_MODULES:
            self.login(module, key_node, value, expressions)
            return
        text_node = value if is_scalar(value) and str(value.value).strip() else get(value, "cmd")
        argv = get(value, "argv") if is_mapping(value) else get(get(task, "args"), "argv")
        if text_node is not None and not is_scalar(text_node):
            text_node = None
        if module in SHELL_MODULES and text_node is not None:
            self.shell(text_node, env, expressions)
        elif module in COMMAND_MODULES and text_node is not None:
            self.command(split_words(*scalar_value_and_sites(text_node, self.text, expressions)), env)
        elif module == "command" and argv is not None and is_sequence(argv):
            words = [self.word(item, expressions) for item in argv.value]
            self.command([word for word in words if word is not None], env)

    def shell(self, node, env: dict[str, Value], expressions: Expressions) -> None:
        from nvlint.sources.session import ShellSession  # here: not needed to find files

        snippet = scalar_snippet(node, self.text, env, expressions)
        if snippet is None:
            return
        session = ShellSession(self.source.reads_words)  # each task runs in a shell of its own
        session.run(snippet)
        main, *functions = session.finish()
        self.flow.extend(main)
        self.extra_flows.extend(functions)

    def command(self, words: list[Word], env: dict[str, Value]) -> None:
        from nvlint.sources.session import ShellSession  # here: not needed to find files

        if not words:
            return
        session = ShellSession(self.source.reads_words)
        session.run_words(words, words[0].start, words[-1].end, env)
        self.flow.extend(session.finish()[0])

    def login(self, module: str, key_node, value, expressions: Expressions) -> None:
        if not is_mapping(value):
            return
        docker = module == "docker_login"
        fields = ("registry_url", "username", "password") if docker else ("repo_url", "repo_username", "repo_password")
        host, username, password = (self.word(get(value, f), expressions) for f in fields)
        if docker and host is None:
            host = self.word(get(value, "registry"), expressions)  # the module's alias
        start, end = key_node.start_mark.index, key_node.end_mark.index
        verb = Word(Value([literal_part(module, start)]), start, end, "yaml")
        self.flow.append(
            Login(
                start,
                end,
                tool=module,
                host=host,
                host_value=host.value if host else None,
                username=username,
                username_value=username.value if username else None,
                stdin=(password,) if password else (),  # a module parameter: not on a command line
                password_stdin=password is not None,
                defaults_to_docker_hub=docker,
                verb=verb,
            )
        )

    def word(self, node, expressions: Expressions) -> Word | None:
        if node is None or not is_scalar(node):
            return None
        value, sites = scalar_value_and_sites(node, self.text, expressions)
        return word_of(value, sites, 0, len(value.template()), "yaml") or Word(
            value, node.start_mark.index, node.end_mark.index, "yaml"
        )


def _variables(node) -> dict[str, _Variable]:
    return {name: _Variable(value, True) for name, _, value in items(node)} if is_mapping(node) else {}


def _role_variables(source: Source) -> dict[str, _Variable]:
    """A role's `defaults/main.yml`, then its `vars/main.yml` (which win), for its task files."""
    path = source.path
    if path is None:
        return {}
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if len(parts) < 3 or parts[-2] not in ("tasks", "handlers"):
        return {}
    role = Path(path).parent.parent
    found: dict[str, _Variable] = {}
    for folder in ("defaults", "vars"):
        for name in ("main.yml", "main.yaml"):
            text = source.read_other(role / folder / name)
            if text is None:
                continue
            try:
                documents = compose_all(text)
            except YamlError:
                continue
            for root in documents:
                if is_mapping(root):
                    found.update({key: _Variable(value, False) for key, _, value in items(root)})
    return found


def _foreign(text: str) -> Part:
    """A value written in another file: its characters, without positions here."""
    return (
        literal_part(text, 0, tuple([0] * len(text)), foreign=True)
        if text
        else unknown_part(Unknown(DEFINED_ELSEWHERE), 0, 0)
    )


def read_document(source: Source, root) -> list[list[Event]]:
    reader = _Reader(source)
    flows: list[list[Event]] = []
    role = _role_variables(source)
    plays = [entry for entry in root.value if is_mapping(entry) and get(entry, "hosts") is not None]
    if plays:
        for play in plays:
            reader.flow = []
            variables = {**role, **_variables(get(play, "vars"))}
            env = reader.environment(get(play, "environment"), {}, variables)
            for section in PLAY_SECTIONS:
                reader.tasks(get(play, section), variables, env)
            flows.append(reader.flow)
    else:  # a task file: a role's, or one a playbook includes
        reader.tasks(root, dict(role), {})
        flows.append(reader.flow)
    return [flow for flow in flows + reader.extra_flows if flow]


shape = looks_like_ansible  # the registry's name (nvlint.sources.kind.FileKind)
