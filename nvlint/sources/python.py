"""Python that drives the NGC CLI, a registry client or the NVCF API, read with the standard `ast`:

- `subprocess.run|call|check_call|check_output|Popen` (and `asyncio.create_subprocess_exec`): a literal
  argument list is a command, its words read by the same tool recognisers as a shell command's; a string
  with `shell=True`, `os.system(...)`, `os.popen(...)` and `asyncio.create_subprocess_shell(...)` are
  scripts, read by the shell reader with positions inside the string literal;
- HTTP clients (`requests`, `httpx`, `aiohttp`, `urllib3`, sessions of them) posting a literal `json=` dict
  to the NVCF API (`/v2/nvcf/functions...`, `/v1/nvct/tasks`): the dict is an NVCF request, checked by the
  payload rules at each value's place;
- the NGC SDK (`ngcsdk`): `clt.cloud_function.functions.create(...)` and `...tasks.create(...)`, their
  keyword (and positional) arguments mapped to the CLI options they stand for, by the SDK's own
  parameter names;
- AWS CDK apps (the file imports `aws_cdk`): `user_data.add_commands("...", "...")`, the lines of a
  machine's user data script, which CDK joins into one script (a variable one line sets holds in the next).

Strings keep the place of every character (escapes, implicit concatenation, f-strings whose literal parts
are known: see nvlint.sources.pystrings). A name assigned once, in its scope, a value nvlint can read is
that value; `os.environ["X"]`, `os.getenv("X")` are the environment variable X; anything else is unknown.
"""

from __future__ import annotations

import ast
import re
from collections import Counter

from nvlint import lazyre
from nvlint.model.events import Deploy, Event
from nvlint.model.words import EXPRESSION, VARIABLE, Part, Unknown, Value, Word, literal_part, unknown_part
from nvlint.sources.kind import Reading, Source
from nvlint.sources.pystrings import literal_value

SUBPROCESS_WORDS = frozenset(
    {
        "subprocess.run",
        "subprocess.call",
        "subprocess.check_call",
        "subprocess.check_output",
        "subprocess.Popen",
        "asyncio.create_subprocess_exec",
    }
)
SHELL_CALLS = frozenset({"os.system", "os.popen", "asyncio.create_subprocess_shell", "commands.getoutput"})
HTTP_METHODS = frozenset({"post", "put", "patch"})  # methods that send a body
URL_METHODS = frozenset({"get", "delete", "head", *HTTP_METHODS})  # methods whose URL may name a function
# The NVCF API's create endpoints: a function (or a new version of one), a task. `\x00` stands for an
# unknown part of the URL (`{api}`, an id).
_FUNCTIONS = lazyre.compile(r"/nvcf/functions(?:/[^/]+/versions)?/?$")
_TASKS = lazyre.compile(r"/nvct/tasks/?$")
_CDK_IMPORT = lazyre.compile(r"^[ \t]*(?:from|import)[ \t]+aws_cdk\b", re.MULTILINE)
_DEPLOYMENTS = lazyre.compile(r"/nvcf/deployments/functions/[^/]+/versions/[^/]+/?$")
# The NGC SDK's calls: the attributes a call ends with, the CLI command it stands for, and its
# parameters in order (ngcsdk 4.37: nvcf/api/function.py FunctionAPI.create, task.py TaskAPI.create,
# deploy.py DeployAPI.create), each the CLI option it is (None: nothing a rule reads). `id:` parameters
# are the command's `<function-id>:<version-id>` positional; `spec:` ones hold specification objects.
SDK_CALLS: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[tuple[str, str | None], ...]]] = {
    ("cloud_function", "functions", "create"): (
        ("cloud-function", "function", "create"),
        (
            ("name", "--name"),
            ("inference_url", "--inference-url"),
            ("health_uri", "--health-uri"),
            ("container_image", "--container-image"),
            ("helm_chart", "--helm-chart"),
            ("helm_chart_service", "--helm-chart-service"),
            ("models", "--model"),
            ("function_id", None),
            ("inference_port", "--inference-port"),
            ("container_args", "--container-args"),
            ("api_body_format", "--api-body-format"),
            ("container_environment_variables", "--container-environment-variable"),
            ("tags", "--tag"),
            ("resources", "--resource"),
            ("function_type", "--function-type"),
            ("health_port", "--health-port"),
            ("health_timeout", "--health-timeout"),
            ("health_protocol", "--health-protocol"),
            ("secrets", "--secret"),
        ),
    ),
    ("cloud_function", "tasks", "create"): (
        ("cloud-function", "task", "create"),
        (
            ("name", "--name"),
            ("container_image", "--container-image"),
            ("container_args", "--container-args"),
            ("container_environment_variables", "--container-environment-variable"),
            ("gpu_specification", "spec:task"),  # a GPUSpecification object
            ("models", "--model"),
            ("resources", "--resource"),
            ("tags", "--tag"),
            ("description", "--description"),
            ("max_runtime_duration", None),  # isodate durations, not text
            ("max_queued_duration", None),
            ("termination_grace_period_duration", None),
            ("result_handling_strategy", "--result-handling-strategy"),
            ("result_location", "--result-location"),
            ("secrets", "--secret"),
            ("helm_chart", "--helm-chart"),
        ),
    ),
    ("cloud_function", "functions", "deployments", "create"): (
        ("cloud-function", "function", "deploy", "create"),
        (
            ("function_id", "id:function"),
            ("function_version_id", "id:version"),
            ("deployment_specifications", "spec:legacy"),
            ("targeted_deployment_specifications", "spec:targeted"),
        ),
    ),
}
# The SDK's specification classes (nvcf/api/deployment_spec.py): the shape of their `from_str` string,
# and their constructors' parameters in order, by the GpuRequest field they fill.
SPEC_CLASSES: dict[str, tuple[str, tuple[str, ...]]] = {
    "TargetedDeploymentSpecification": ("targeted", ("gpu", "min_instances", "max_instances", "instance_type")),
    "DeploymentSpecification": ("legacy", ("backend", "gpu", "min_instances", "max_instances", "instance_type")),
    "GPUSpecification": ("task", ("gpu", "instance_type", "backend", "configuration", "clusters")),
}


def read(source: Source) -> Reading:
    reader = PythonReader(source, source.text)
    reading = Reading(reader.flows())
    if "nvlint" in source.text:  # only then can a directive be in a string
        reading.not_comments = reader.strings_not_read_as_scripts()
    return reading


class PythonReader:
    """One Python text (a file, or a notebook's cells joined), each character at ``offsets[i]`` in the
    file (None: where it is)."""

    def __init__(self, source: Source, text: str, offsets: list[int] | None = None) -> None:
        self.source = source
        self.text = text
        self.offsets = offsets
        self.flows_found: list[list[Event]] = []
        self.scripts: list[tuple[int, int]] = []  # file spans of strings read as shell scripts
        self.aliases: dict[str, str] = {}
        self._line_starts = [0]
        for n, char in enumerate(text):
            if char == "\n":
                self._line_starts.append(n + 1)
        self._lines = text.split("\n")
        self.cdk = "aws_cdk" in text and _CDK_IMPORT.search(text) is not None  # `add_commands(...)`: user data

    def flows(self) -> list[list[Event]]:
        try:
            tree = ast.parse(self.text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return []  # not Python nvlint can read (Python 2, a template): nothing to say of it
        self.aliases = _aliases(tree)
        module = _Scope(tree.body, None)
        self.scope(tree.body, module)
        return [flow for flow in self.flows_found if flow]

    # ---- scopes and flows -----------------------------------------------------------------------------

    def scope(self, body: list[ast.stmt], scope: _Scope) -> None:
        """The calls of a module or a function, as one flow; functions inside are flows of their own."""
        flow: list[Event] = []
        self.flows_found.append(flow)
        stack: list[ast.AST] = list(reversed(body))
        while stack:
            node = stack.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.scope(node.body, _Scope(node.body, scope))
                continue
            if isinstance(node, ast.ClassDef):
                stack.extend(reversed(node.body))
                continue
            if isinstance(node, ast.Call):
                flow.extend(self.call(node, scope))
            stack.extend(reversed(list(ast.iter_child_nodes(node))))

    def strings_not_read_as_scripts(self) -> list[tuple[int, int]]:
        """The file spans of string literals, except the scripts run through a shell (a `#` there is
        the script's comment): a `# nvlint:` in a test's sample text is not a directive."""
        import io
        import tokenize

        spans: list[tuple[int, int]] = []
        fstring_starts: list[int] = []
        try:
            for token in tokenize.generate_tokens(io.StringIO(self.text).readline):
                start = self._line_starts[token.start[0] - 1] + token.start[1]
                end = self._line_starts[token.end[0] - 1] + token.end[1]
                name = tokenize.tok_name[token.type]
                if name == "STRING":
                    spans.append((start, end))
                elif name == "FSTRING_START":  # Python 3.12 splits f-strings into tokens
                    fstring_starts.append(start)
                elif name == "FSTRING_END" and fstring_starts:
                    spans.append((fstring_starts.pop(), end))
        except (tokenize.TokenError, SyntaxError, IndexError):
            return []
        placed = [self.file_span(start, end) for start, end in spans]
        return sorted(span for span in placed if not any(_nested(span, script) for script in self.scripts))

    # ---- positions and values ---------------------------------------------------------------------

    def offset(self, line: int, column: int) -> int:
        """The character offset of ast's (1-based line, UTF-8 byte column)."""
        text = self._lines[line - 1] if line - 1 < len(self._lines) else ""
        if not text.isascii():
            column = len(text.encode("utf-8")[:column].decode("utf-8", "ignore"))
        return self._line_starts[line - 1] + column

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        end = self.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
        return start, end

    def placed(self, value: Value) -> Value:
        """A value in the file's offsets (a notebook's cells are not where their text is in the file)."""
        if self.offsets is None:
            return value
        table = self.offsets
        parts: list[Part] = []
        for part in value.parts:
            if part.text is None:
                parts.append(unknown_part(part.unknown, table[part.start], table[min(part.end, len(table) - 1)]))  # type: ignore[arg-type]
            else:
                at = tuple(table[part.char_offset(i)] for i in range(part.size))
                parts.append(literal_part(part.text, at[0] if at else table[part.start], at, part.splittable))
        return Value(parts)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        last = len(self.offsets) - 1
        if end <= last:  # the end is where the next character starts (after a JSON escape, say)
            return self.offsets[min(start, last)], max(self.offsets[end], self.offsets[min(start, last)])
        return self.offsets[min(start, last)], self.offsets[min(max(end - 1, start), last)] + 1

    def value(self, node: ast.expr, scope: _Scope, depth: int = 0) -> Value:
        """What an expression is, as far as it can be known; unknown parts for the rest."""
        start, end = self.span(node)
        if depth < 8:
            if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                found = literal_value(self.text, start, end, lambda name, s, e: self.name_value(name, scope, depth))
                if found is not None:
                    return found
            elif _is_number(node):
                return Value([literal_part(self.text[start:end], start)])
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                return self.value(node.left, scope, depth + 1) + self.value(node.right, scope, depth + 1)
            elif isinstance(node, ast.Name):
                known = self.name_value(node.id, scope, depth)
                if known is not None:
                    return known
                return Value([unknown_part(Unknown(VARIABLE, node.id), start, end)])
            environment = self.environment_name(node)
            if environment is not None:
                return Value([unknown_part(Unknown(VARIABLE, environment), start, end)])
        return Value([unknown_part(Unknown(EXPRESSION, at=start), start, end)])

    def name_value(self, name: str, scope: _Scope, depth: int) -> Value | None:
        node = scope.assigned(name)
        if node is None or not isinstance(node, _READABLE):
            return None
        if isinstance(node, ast.Constant) and not isinstance(node.value, (str, int)):
            return None
        return self.value(node, scope.owner_of(name), depth + 1)

    def environment_name(self, node: ast.expr) -> str | None:
        """`os.environ["X"]`, `os.environ.get("X")`, `os.getenv("X")`: the environment variable X."""
        key = None
        if isinstance(node, ast.Subscript) and self.qualified(node.value) == "os.environ":
            key = node.slice
        elif isinstance(node, ast.Call) and node.args and self.qualified(node.func) in ("os.getenv", "os.environ.get"):
            key = node.args[0]
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.isidentifier():
            return key.value
        return None

    def word(self, node: ast.expr, scope: _Scope) -> Word:
        start, end = self.file_span(*self.span(node))
        return Word(self.placed(self.value(node, scope)), start, end, "python", raw=ast.unparse(node))

    def qualified(self, node: ast.expr) -> str:
        """`sp.run` with `import subprocess as sp`: `subprocess.run` (`""` for what is not a dotted name)."""
        names: list[str] = []
        while isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return ""
        names.append(self.aliases.get(node.id, node.id))
        return ".".join(reversed(names))

    # ---- calls ------------------------------------------------------------------------------------

    def call(self, node: ast.Call, scope: _Scope) -> list[Event]:
        name = self.qualified(node.func)
        if name in SUBPROCESS_WORDS or name in SHELL_CALLS:
            return self.subprocess(node, name, scope)
        if isinstance(node.func, ast.Attribute):
            if node.func.attr == "add_commands" and self.cdk:
                return self.run_lines([self.word(arg, scope) for arg in node.args if not isinstance(arg, ast.Starred)])
            if node.func.attr in URL_METHODS or (node.func.attr == "request" and _method(node) in URL_METHODS):
                return self.http(node, scope)
            chain = _attributes(node.func)
            for suffix, (path, parameters) in SDK_CALLS.items():
                if chain[-len(suffix) :] == suffix:
                    return self.sdk(node, path, parameters, scope)
        return []

    def subprocess(self, node: ast.Call, name: str, scope: _Scope) -> list[Event]:
        first = node.args[0] if node.args else _keyword(node, "args")
        if first is None:
            return []
        if isinstance(first, ast.Name):
            first = scope.assigned(first.id) or first
        shell = name in SHELL_CALLS or _is_true(_keyword(node, "shell"))
        if name == "asyncio.create_subprocess_exec":
            return self.run_words([self.word(arg, scope) for arg in node.args], node)
        if isinstance(first, (ast.List, ast.Tuple)):
            words = [self.argument(item, scope) for item in first.elts]
            return self.run_words(words, node)
        if shell:
            return self.run_script(self.word(first, scope))
        if isinstance(first, ast.Call) and self.qualified(first.func) == "shlex.split" and first.args:
            from nvlint.sources.words import split_words

            return self.run_words(split_words(self.placed(self.value(first.args[0], scope)), None), node)
        return []

    def argument(self, node: ast.expr, scope: _Scope) -> Word:
        """One element of an argument list: one word; `*rest` is any number of them."""
        if isinstance(node, ast.Starred):
            start, end = self.file_span(*self.span(node))
            return _any_words(start, end)
        return self.word(node, scope)

    def run_words(self, words: list[Word], node: ast.Call) -> list[Event]:
        from nvlint.sources.session import ShellSession  # here: not needed to find files

        if not words:
            return []
        session = ShellSession(self.source.reads_words)
        start, end = self.file_span(*self.span(node))
        session.run_words(words, start, end)
        return [event for flow in session.finish() for event in flow]

    def run_script(self, script: Word) -> list[Event]:
        return self.run_lines([script])

    def run_lines(self, lines: list[Word]) -> list[Event]:
        """Strings that are the lines of one shell script, in order (one string: a whole script)."""
        from nvlint.model.text import snippet_of_value
        from nvlint.sources.session import ShellSession

        session = ShellSession(self.source.reads_words)
        for line in lines:
            snippet = snippet_of_value(line.value, line.end)
            if snippet is None:
                continue
            self.scripts.append((line.start, line.end))
            session.run(snippet)
        return [event for flow in session.finish() for event in flow]

    def http(self, node: ast.Call, scope: _Scope) -> list[Event]:
        """The functions an NVCF URL names; a literal `json=` dict sent to the NVCF API is a request:
        functions, tasks and deployments by their path."""
        from nvlint.tools import nvcf_account, nvcf_api
        from nvlint.yamltree.nodes import YamlError, compose_all

        method = _method(node) if _attr(node) == "request" else _attr(node)
        position = 1 if _attr(node) == "request" else 0  # `request("POST", url, ...)`
        url_node = node.args[position] if len(node.args) > position else _keyword(node, "url")
        out: list[Event] = []
        url = ""
        if url_node is not None and (method in HTTP_METHODS or "nvcf" in self.text):  # `d.get(k)` is common
            url_word = self.word(url_node, scope)
            url = url_word.value.template()
            out.extend(nvcf_account.url_references(url_word, *self.file_span(*self.span(node))))
        body = _keyword(node, "json")
        if isinstance(body, ast.Name):
            body = scope.assigned(body.id)
        if method not in HTTP_METHODS or not isinstance(body, ast.Dict):
            return out
        kind = (
            "task"
            if _TASKS.search(url)
            else "deployment"
            if _DEPLOYMENTS.search(url)
            else "function"
            if _FUNCTIONS.search(url)
            else None
        )
        if kind is None and "/" in url:
            return out  # a URL that is known enough to be another endpoint (an invocation, another API)
        document = _Json(self, scope).document(body)
        if document is None:
            return out
        try:
            (root,) = compose_all(document.text)
        except (YamlError, ValueError):
            return out
        if kind is not None:  # the path says what the body is, even when the body lacks a field
            return out + nvcf_api.deploy_of(document, root, kind)
        return out + nvcf_api.events(document, root)  # an unknown URL: the body's shape says

    def sdk(self, node: ast.Call, path: tuple[str, ...], parameters, scope: _Scope) -> list[Event]:
        """An SDK call as the CLI command it stands for: each argument the option it is, at its place."""
        start, end = self.file_span(*self.span(node))
        words = [_synthetic(word, start) for word in ("ngc", *path)]
        unknown = False
        named = dict(parameters)
        given: list[tuple[str, ast.expr, int]] = []
        for n, argument in enumerate(node.args):
            if isinstance(argument, ast.Starred) or n >= len(parameters):
                unknown = True
                continue
            given.append((parameters[n][0], argument, self.span(argument)[0]))
        for keyword in node.keywords:
            if keyword.arg is None:
                unknown = True  # **options
                continue
            given.append((keyword.arg, keyword.value, self.span(keyword)[0]))
        ids: dict[str, Word] = {}
        requests: list[Event | None] = []
        for parameter, argument, at in given:
            option = named.get(parameter)
            if option is None:
                unknown = unknown or parameter not in named
                continue
            items = argument.elts if isinstance(argument, (ast.List, ast.Tuple)) else [argument]
            if option.startswith("id:"):
                ids[option[3:]] = self.word(argument, scope)
                continue
            if option.startswith("spec:"):
                requests.extend(self.specification(item, option[5:], parameter, scope) for item in items)
                continue
            for item in items:
                words.append(_synthetic(option, self.file_span(at, at + 1)[0]))
                words.append(self.argument(item, scope))
        if "function" in ids:
            words.insert(len(path) + 1, _id_word(ids["function"], ids.get("version")))
        if unknown:  # what nvlint cannot read may set any option: rules about missing ones stay silent
            words.append(_any_words(end, end))
        events = self.run_words(words, node)
        sdk_names = {option: parameter for parameter, option in parameters if option is not None}
        for event in events:
            if isinstance(event, Deploy):
                event.names = sdk_names  # messages name the SDK's parameters, not the CLI's options
        return events + [request for request in requests if request is not None]

    def specification(self, node: ast.expr, shape: str, parameter: str, scope: _Scope) -> Event | None:
        """A specification object: `TargetedDeploymentSpecification(gpu=..., ...)` or `.from_str("...")`."""
        from nvlint.model.events import GpuRequest
        from nvlint.tools.nvcf_account import field, spec_of_value

        if isinstance(node, ast.Name):
            node = scope.assigned(node.id) or node
        if not isinstance(node, ast.Call):
            return None
        start, end = self.file_span(*self.span(node))
        name = self.qualified(node.func)  # aliases resolved: `T(...)` after `import ... as T`
        if name.endswith(".from_str") and node.args:
            return spec_of_value(self.word(node.args[0], scope).value, shape, start, end, parameter)
        known = SPEC_CLASSES.get(name.rsplit(".", 1)[-1])
        if known is None:
            return None
        order = known[1]
        arguments = {order[n]: argument for n, argument in enumerate(node.args[: len(order)])}
        arguments.update({k.arg: k.value for k in node.keywords if k.arg is not None})

        def one(name: str) -> Word | None:
            argument = arguments.get(name)
            if argument is None:
                return None
            value = self.word(argument, scope).value
            return field(value, 0, len(value.template()))

        def many(name: str) -> tuple[Word, ...]:
            argument = arguments.get(name)
            if not isinstance(argument, (ast.List, ast.Tuple)):
                return ()
            values = (self.word(item, scope).value for item in argument.elts)
            return tuple(w for w in (field(v, 0, len(v.template())) for v in values) if w is not None)

        gpu = one("gpu")
        if gpu is None:
            return None
        return GpuRequest(
            start,
            end,
            gpu=gpu,
            instance_type=one("instance_type"),
            backend=one("backend"),
            clusters=many("clusters"),
            regions=many("regions"),
            written=parameter,
        )


class _Scope:
    """The names a module or a function assigns exactly once, to what (a name assigned more than once,
    or otherwise stored to, is not known)."""

    def __init__(self, body: list[ast.stmt], parent: _Scope | None) -> None:
        self.parent = parent
        stores: Counter[str] = Counter()
        values: dict[str, ast.expr] = {}
        stack: list[ast.AST] = list(body)
        while stack:
            node = stack.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                if not isinstance(node, ast.Lambda):
                    stores[node.name] += 1
                continue
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                stores[node.id] += 1
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                values[node.targets[0].id] = node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                values[node.target.id] = node.value
            stack.extend(ast.iter_child_nodes(node))
        self.stores = stores
        self.values = {name: value for name, value in values.items() if stores[name] == 1}

    def assigned(self, name: str) -> ast.expr | None:
        if name in self.stores:
            return self.values.get(name)
        return self.parent.assigned(name) if self.parent is not None else None

    def owner_of(self, name: str) -> _Scope:
        if name in self.stores or self.parent is None:
            return self
        return self.parent.owner_of(name)


class _Json:
    """A Python dict literal as JSON text, each character at the place of what it stands for, with the
    values that cannot be known as unknown parts: a document the payload reader reads as a file's."""

    def __init__(self, reader: PythonReader, scope: _Scope) -> None:
        self.reader, self.scope = reader, scope
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.unknowns: dict[str, Part] = {}

    def document(self, node: ast.Dict):
        from nvlint.model.text import SENTINEL_FIRST, SENTINEL_LAST
        from nvlint.yamltree.nodes import DocumentText

        self.first, self.last = SENTINEL_FIRST, SENTINEL_LAST
        if not self.emit(node):
            return None
        self.offsets.append(self.offsets[-1] + 1 if self.offsets else 0)
        return DocumentText("".join(self.chars), self.offsets, self.unknowns)

    def put(self, text: str, at: int) -> None:
        self.chars.append(text)
        self.offsets.extend([at] * len(text))

    def emit(self, node: ast.expr, depth: int = 0) -> bool:
        reader = self.reader
        if isinstance(node, ast.Name) and depth < 8:  # `json={"deploymentSpecifications": [SPEC]}`
            assigned = self.scope.assigned(node.id)
            if isinstance(assigned, (ast.Dict, ast.List, ast.Tuple)):
                return self.emit(assigned, depth + 1)
        start, end = reader.file_span(*reader.span(node))
        if isinstance(node, ast.Dict):
            self.put("{", start)
            for n, (key, value) in enumerate(zip(node.keys, node.values, strict=True)):
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    return False  # `**other` or a computed key: not a request nvlint can read
                if n:
                    self.put(", ", start)
                self.string(key)
                self.put(": ", start)
                if not self.emit(value, depth):
                    return False
            self.put("}", max(end - 1, start))
            return True
        if isinstance(node, (ast.List, ast.Tuple)):
            self.put("[", start)
            for n, item in enumerate(node.elts):
                if n:
                    self.put(", ", start)
                if not self.emit(item, depth):
                    return False
            self.put("]", max(end - 1, start))
            return True
        if isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, (bool, int, float))):
            written = self.reader.text[slice(*self.reader.span(node))]
            if _is_number(node) and written == repr(node.value):
                for n, char in enumerate(written):  # a number as written: each digit at its place
                    self.put(
                        char, reader.file_span(self.reader.span(node)[0] + n, self.reader.span(node)[0] + n + 1)[0]
                    )
            else:
                self.put(repr(node.value) if _is_number(node) else _JSON_WORDS[node.value], start)
            return True
        self.string(node)
        return True

    def string(self, node: ast.expr) -> None:
        """A JSON string holding the value: literal characters at their places, unknown parts as one
        stand-in each."""
        value = self.reader.placed(self.reader.value(node, self.scope))
        start, end = self.reader.file_span(*self.reader.span(node))
        self.put('"', start)
        for part in value.parts:
            if part.text is None:
                sentinel = chr(self.first + len(self.unknowns))
                if self.first + len(self.unknowns) <= self.last:
                    self.unknowns[sentinel] = part
                    self.put(sentinel, part.start)
                continue
            for i, char in enumerate(part.text):
                at = part.char_offset(i)
                escaped = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char, char)
                self.put(escaped if char >= " " or escaped != char else f"\\u{ord(char):04x}", at)
        self.put('"', max(end - 1, start))


_READABLE = (ast.Constant, ast.JoinedStr, ast.BinOp, ast.Name, ast.Subscript, ast.Call)
_JSON_WORDS: dict[object, str] = {None: "null", True: "true", False: "false"}


def _nested(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """One span holds the other (a script split over several literals, or one literal holding it)."""
    return (b[0] <= a[0] and a[1] <= b[1]) or (a[0] <= b[0] and b[1] <= a[1])


def _is_number(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool)


def _any_words(start: int, end: int) -> Word:
    """`*rest` or what a call's `**options` holds: any number of words, none known."""
    return Word(Value([unknown_part(Unknown(EXPRESSION, at=start), start, end)]), start, end, "python", may_split=True)


def _synthetic(text: str, at: int) -> Word:
    """A word nvlint writes for a call's argument name (`--container-image` for `container_image=`):
    placed at the argument, never edited."""
    return Word(Value([literal_part(text, at, tuple([at] * len(text)), foreign=True)]), at, at, "python", foreign=True)


def _id_word(function_id: Word, version_id: Word | None) -> Word:
    """The `<function-id>:<version-id>` positional of the command an SDK call stands for; each ID keeps
    its place (the `:` between them is nvlint's)."""
    value = function_id.value
    if version_id is not None:
        at = version_id.start
        value = value + Value([literal_part(":", at, (at,), foreign=True)]) + version_id.value
    return Word(value, function_id.start, (version_id or function_id).end, "python", foreign=True)


def _aliases(tree: ast.Module) -> dict[str, str]:
    """`import subprocess as sp` -> sp: subprocess; `from os import system` -> system: os.system."""
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]  # `import os.path` binds `os`
                found[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                found[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return found


def _attributes(node: ast.expr) -> tuple[str, ...]:
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    return tuple(reversed(names))


def _attr(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else ""


def _method(node: ast.Call) -> str:
    method = node.args[0] if node.args else _keyword(node, "method")
    return method.value.lower() if isinstance(method, ast.Constant) and isinstance(method.value, str) else ""


def _keyword(node: ast.Call, name: str) -> ast.expr | None:
    return next((keyword.value for keyword in node.keywords if keyword.arg == name), None)


def _is_true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True
