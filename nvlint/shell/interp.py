"""Walk a tree-sitter-bash tree in execution order and produce commands with known/unknown words.

This is a small abstract interpreter, not a shell: it propagates simple assignments, follows
function calls, and treats anything dynamic as an identified unknown. It never raises on odd input;
tree-sitter's error recovery means ERROR nodes are walked like any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nvlint.shell.parse import parse_bytes
from nvlint.shell.unwrap import Unwrapped, basename, join_words, unwrap
from nvlint.shell.words import (
    EMPTY,
    Expansion,
    Part,
    Value,
    Word,
    literal_part,
    replace_matches,
    split_placeholders,
    unknown_part,
)
from nvlint.text import SENTINEL_FIRST, SENTINEL_LAST, Snippet, snippet_of_value

MAX_DEPTH = 60  # nesting walked with its control flow; deeper commands are checked one by one (flattened)
MAX_CALL_DEPTH = 16
MAX_RECOVERIES = 64  # re-parses after syntax errors, per file
_SENTINEL_RE = re.compile(f"[{chr(SENTINEL_FIRST)}-{chr(SENTINEL_LAST)}]")
_FIELD_BREAK = "\x1e"  # between the elements of "${ARRAY[@]}": a word boundary even inside quotes
_IFS = re.compile(r"[ \t\n\x1e]+")
_REDIRECTS = frozenset({"file_redirect", "heredoc_redirect", "herestring_redirect"})
_SPECIAL = frozenset("@*#?$!-0")
_SCRIPT_FILE = re.compile(r"\.(?:sh|bash)[\"']?$")
_QUOTING = {"word": "bare", "raw_string": "single", "string": "double", "ansi_c_string": "ansi", "number": "bare",
            "simple_expansion": "bare", "expansion": "bare"}


# Plain classes rather than dataclasses: see nvlint/record.py (start-up cost).


class Command:
    __slots__ = ("words", "argv", "start", "end", "stdin", "executes", "via", "calls_function", "branch", "name")

    def __init__(self, words: list[Word], argv: list[Word], start: int, end: int, stdin: tuple[Word, ...] = (),
                 executes: bool = True, via: tuple[str, int] | None = None, calls_function: bool = False,
                 branch: tuple[tuple[int, int], ...] = ()) -> None:
        self.words = words  # as written (after word splitting), wrappers included
        self.argv = argv  # the command that really runs: wrappers stripped
        self.start = start
        self.end = end
        self.stdin = stdin  # what the upstream producer writes: echo/printf args, here-strings
        self.executes = executes
        self.via = via  # (function, offset of the outermost call) when run by a call
        self.calls_function = calls_function  # runs a function defined in the script (its body is walked too)
        self.branch = branch  # (construct, branch taken) for each if/case it is inside
        self.name = basename(argv[0]) if argv else None  # the command's base name, when known


class Env:
    __slots__ = ("vars", "assigned", "positional", "arrays")

    def __init__(self, vars: dict[str, Value] | None = None, assigned: set[str] | None = None,
                 positional: list[Value] | None = None, arrays: dict[str, tuple[Value, ...]] | None = None) -> None:
        self.vars = vars if vars is not None else {}
        self.assigned = assigned if assigned is not None else set()
        self.positional = positional
        self.arrays = arrays if arrays is not None else {}  # `ARGS=(--org acme)`, element by element

    def copy(self) -> Env:
        return Env(dict(self.vars), set(self.assigned), self.positional, dict(self.arrays))


class Interpreter:
    """Produces :class:`Command` objects through ``on_command`` in execution order."""

    def __init__(self, on_command: Callable[[Command], None],
                 on_assign: Callable[[str, Word], None] | None = None) -> None:
        self.on_command = on_command
        self.on_assign = on_assign
        self.functions: dict[str, tuple[object, Snippet]] = {}
        self.called: set[str] = set()
        self.call_stack: list[str] = []
        self.call_site: tuple[str, int] | None = None  # the outermost function call being walked
        self.branch: tuple[tuple[int, int], ...] = ()  # the if/case branches the walk is inside
        self.snippet: Snippet = Snippet("")
        self.fresh = 0
        self.commands_seen = 0
        self.recoveries = 0
        self.flat = False  # past MAX_DEPTH: commands are visited by a loop, not by recursion

    # ---- entry points -------------------------------------------------------------------------

    def run(self, snippet: Snippet, env: Env | None = None, depth: int = 0) -> Env:
        env = env or Env()
        for name, value in snippet.env.items():
            env.vars[name] = value
        outer = self.snippet
        self.snippet = snippet
        try:
            tree = parse_bytes(snippet.data)
            self.walk(tree.root_node, env, depth)
        finally:
            self.snippet = outer
        return env

    def finish(self, env: Env, on_function: Callable[[str], None] | None = None) -> None:
        """Walk functions never called, so their commands are still checked.

        Nothing says in which order (if any) they run, so ``on_function`` is told before each one:
        a source makes each its own flow.
        """
        for name, (node, snippet) in list(self.functions.items()):
            if name not in self.called:
                self.called.add(name)
                if on_function is not None:
                    on_function(name)
                self._call(name, node, snippet, env.copy(), [], 0)

    # ---- statements -----------------------------------------------------------------------------

    def walk(self, node, env: Env, depth: int, stdin: tuple[Word, ...] = ()) -> tuple[Word, ...] | None:
        """Walk one statement; returns what it writes to stdout when that is knowable."""
        if depth > MAX_DEPTH:
            self.flattened(node, env)
            return None
        kind = node.type
        if kind == "command":
            return self.command(node, env, depth, stdin)
        if kind == "variable_assignment":
            self.assign(node, env, depth)
        elif kind == "variable_assignments":
            for child in node.named_children:
                if child.type == "variable_assignment":
                    self.assign(child, env, depth)
        elif kind == "declaration_command":
            self.declaration(node, env, depth)
        elif kind == "unset_command":
            for child in node.named_children[0:]:
                name = self.snippet.text_between(child.start_byte, child.end_byte)
                if name.isidentifier():
                    env.vars[name] = self._fresh_unknown(name, child)
        elif kind == "function_definition":
            name_node = node.child_by_field_name("name")
            body = node.child_by_field_name("body")
            if name_node is not None and body is not None:
                name = self.snippet.text_between(name_node.start_byte, name_node.end_byte)
                self.functions[name] = (body, self.snippet)
        elif kind == "pipeline":
            upstream: tuple[Word, ...] | None = stdin
            for child in node.named_children:
                upstream = self.walk(child, env, depth + 1, upstream or ()) or ()
        elif kind == "redirected_statement":
            return self.redirected(node, env, depth, stdin)
        elif kind in ("if_statement", "case_statement"):
            self.branches(node, env, depth)
        elif kind in ("for_statement", "c_style_for_statement", "while_statement", "until_statement",
                      "select_statement"):
            self.loop(node, env, depth)
        elif kind in ("comment", "heredoc_body", "heredoc_start", "heredoc_end", "test_command"):
            self._substitutions_only(node, env, depth) if kind == "test_command" else None
        elif kind == "ERROR":
            self.recover(node, env, depth)
        else:
            for child in node.named_children:
                self.walk(child, env, depth + 1)
        return None

    def recover(self, node, env: Env, depth: int) -> None:
        """tree-sitter could not place this text. Walk what it recognised; if that holds no command,
        parse again from the next line, so one broken construct does not hide the rest of the file."""
        before = self.commands_seen
        for child in node.named_children:
            self.walk(child, env, depth + 1)
        if self.commands_seen != before or self.recoveries >= MAX_RECOVERIES:
            return
        snippet = self.snippet
        c0, c1 = node.start_byte, node.end_byte
        newline = snippet.text.find("\n", c0, c1)
        if newline == -1 or newline + 1 >= c1:
            return
        self.recoveries += 1
        start = newline + 1
        offsets = (snippet.offsets[start : c1 + 1] if snippet.offsets is not None
                   else None)
        rest = Snippet(snippet.text[start:c1], offsets, base=snippet.file_offset(start),
                       unknowns=snippet.unknowns, dollar_escape=snippet.dollar_escape)
        self.run(rest, env, depth + 1)

    def flattened(self, node, env: Env) -> None:
        """Past MAX_DEPTH levels of nesting (`((((...))))`), commands are still checked, one by one,
        without the control flow around them: a loop instead of recursion keeps Python's stack safe."""
        flat, self.flat = self.flat, True
        try:
            stack = [node]
            while stack:
                current = stack.pop()
                if current.type == "command":
                    self.command(current, env.copy(), MAX_DEPTH, ())
                stack.extend(reversed(current.named_children))
        finally:
            self.flat = flat

    def redirected(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> tuple[Word, ...] | None:
        body = node.child_by_field_name("body") or (node.named_children[0] if node.named_children else None)
        redirects = [c for c in node.named_children if c is not body]
        heredoc_next = []
        for redirect in redirects:
            if redirect.type == "herestring_redirect":
                stdin = tuple(self._words_of(redirect.named_children, env, depth))
            elif redirect.type == "heredoc_redirect":
                for child in redirect.named_children:
                    if child.type == "heredoc_body":
                        stdin = (self._heredoc_word(child, redirect, env, depth),)
                    elif child.type not in ("heredoc_start", "heredoc_end"):
                        heredoc_next.append(child)
        out = self.walk(body, env, depth + 1, stdin) if body is not None else None
        if stdin and body is not None and body.type == "command" and self._writes_a_script(body, redirects):
            self.run_nested(join_words(list(stdin)), env.copy(), depth + 1)  # `cat <<EOF > setup.sh`
        for child in heredoc_next:  # `cat <<EOF | docker login ...`: the rest of the pipeline
            out = self.walk(child, env, depth + 1, out or ())
        return out

    def _writes_a_script(self, body, redirects) -> bool:
        """`cat > setup.sh`: a command that copies its input into a shell script file."""
        name = body.child_by_field_name("name")
        if name is None or self.snippet.text_between(name.start_byte, name.end_byte) != "cat":
            return False
        if any(child.type not in ("command_name", "file_redirect") for child in body.named_children):
            return False
        nodes = [*redirects, *body.named_children]
        nodes += [c for n in nodes if n.type == "heredoc_redirect" for c in n.named_children]  # `<<EOF > x.sh`
        for redirect in nodes:
            target = redirect.child_by_field_name("destination")
            if redirect.type == "file_redirect" and target is not None and _SCRIPT_FILE.search(
                    self.snippet.text_between(target.start_byte, target.end_byte)):
                return True
        return False

    def branches(self, node, env: Env, depth: int) -> None:
        """Each branch starts from the same state; afterwards, variables that differ are unknown."""
        results: list[Env] = []
        has_default = False
        then_env: Env | None = None
        outer = self.branch
        construct = self.snippet.file_offset(node.start_byte)
        taken = 0
        for child in node.children:
            if child.type == "then":  # the condition has been walked on `env`
                then_env = env.copy()
                results.append(then_env)
                self.branch = outer + ((construct, taken),)
                continue
            if not child.is_named or child.type == "comment":
                continue
            if child.type in ("elif_clause", "else_clause", "case_item"):
                taken += 1
                self.branch = outer + ((construct, taken),)
                branch = env.copy()
                for sub in child.named_children:
                    self.walk(sub, branch, depth + 1)
                results.append(branch)
                if child.type == "else_clause":
                    has_default = True
                elif child.type == "case_item" and child.named_children:
                    pattern = child.named_children[0]
                    if self.snippet.text_between(pattern.start_byte, pattern.end_byte) == "*":
                        has_default = True
            elif then_env is not None:
                self.walk(child, then_env, depth + 1)
            elif node.type == "case_statement":
                self._substitutions_only(child, env, depth)
            else:
                self.walk(child, env, depth + 1)
        self.branch = outer
        if not has_default:
            results.append(env.copy())
        self._merge(env, results, node)

    def loop(self, node, env: Env, depth: int) -> None:
        body_env = env.copy()
        variable = node.child_by_field_name("variable")
        if variable is not None:
            name = self.snippet.text_between(variable.start_byte, variable.end_byte)
            body_env.vars[name] = self._fresh_unknown(name, variable)
        for child in node.named_children:
            if child is variable:
                continue
            self.walk(child, body_env, depth + 1) if child.type != "word" else None
        self._merge(env, [body_env, env.copy()], node)

    def _merge(self, env: Env, results: list[Env], node) -> None:
        names = set()
        for result in results:
            names.update(result.vars)
            env.assigned |= result.assigned
        for name in names:
            values = [r.vars.get(name) for r in results]
            first = values[0]
            if first is not None and all(v is not None and v == first for v in values):
                env.vars[name] = first
            else:
                env.vars[name] = self._fresh_unknown(name, node)

    # ---- assignments ----------------------------------------------------------------------------

    def assign(self, node, env: Env, depth: int, target: Env | None = None) -> None:
        name_node = node.named_children[0] if node.named_children else None
        if name_node is None:
            return
        target = target or env
        if name_node.type != "variable_name":  # `a[1]=x`
            name = self.snippet.text_between(name_node.start_byte, name_node.end_byte).split("[", 1)[0]
            target.vars[name] = self._fresh_unknown(name, node)
            target.assigned.add(name)
            return
        name = self.snippet.text_between(name_node.start_byte, name_node.end_byte)
        value_nodes = node.named_children[1:]
        operator = "="
        for child in node.children:
            if not child.is_named and child.type in ("=", "+="):
                operator = child.type
        if not value_nodes:
            value = EMPTY
        elif value_nodes[0].type == "array":
            element_words = self._words_of(value_nodes[0].named_children, env, depth)
            elements = tuple(w.value for w in element_words)
            if any(w.may_split for w in element_words):
                target.arrays.pop(name, None)  # `(${UNKNOWN})`: how many elements is not known
                target.vars[name] = Value([self._unknown(f"array:{name}", value_nodes[0])])
                target.assigned.add(name)
                return
            if operator == "+=" and name in target.arrays:
                elements = target.arrays[name] + elements
            target.arrays[name] = elements
            target.vars[name] = elements[0] if elements else EMPTY  # `$ARGS` is the first element
            target.assigned.add(name)
            return
        else:
            expansions: list[Expansion] = []
            value = self._join_nodes(value_nodes, env, depth, quoted=True, expansions=expansions)
            if self.on_assign is not None:
                start, end = self._span(node)
                raw = self.snippet.text_between(node.start_byte, node.end_byte)
                self.on_assign(name, Word(value, start, end, "mixed", tuple(expansions), False, raw))
        if operator == "+=":
            value = self.lookup(name, env, name_node) + value
        target.vars[name] = value
        target.assigned.add(name)

    def declaration(self, node, env: Env, depth: int) -> None:
        is_array = False
        for child in node.named_children:
            text = self.snippet.text_between(child.start_byte, child.end_byte)
            if child.type == "word" and text.startswith("-"):
                is_array = is_array or "a" in text or "A" in text
            elif child.type == "variable_assignment":
                self.assign(child, env, depth)
                name = self.snippet.text_between(child.named_children[0].start_byte,
                                                 child.named_children[0].end_byte)
                if is_array and name not in env.arrays:
                    env.vars[name] = self._fresh_unknown(name, child)

    def lookup(self, name: str, env: Env, node) -> Value:
        if name.isdigit() and env.positional is not None:
            index = int(name) - 1
            if 0 <= index < len(env.positional):
                return env.positional[index]
        value = env.vars.get(name)
        if value is not None:
            return value
        start, end = self._span(node)
        return Value([unknown_part("$" + name, start, end)])

    # ---- commands -------------------------------------------------------------------------------

    def command(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> tuple[Word, ...] | None:
        prefix_env: Env | None = None
        arg_nodes = []
        for child in node.named_children:
            if child.type == "variable_assignment" and not arg_nodes:
                prefix_env = prefix_env or env.copy()
                self.assign(child, env, depth, target=prefix_env)
            elif child.type == "command_name":
                arg_nodes.extend(child.named_children)
            elif child.type == "herestring_redirect":
                stdin = tuple(self._words_of(child.named_children, env, depth))
            elif child.type in _REDIRECTS:
                self._substitutions_only(child, env, depth)
            else:
                arg_nodes.append(child)
        if not arg_nodes:
            return None
        words = self._words_of(arg_nodes, env, depth)
        if not words:
            return None
        unwrapped = unwrap(words)
        start, end = self._span(node)
        command = Command(words, unwrapped.argv, start, end, stdin, unwrapped.executes, self.call_site,
                          basename(unwrapped.argv[0]) in self.functions if unwrapped.argv else False, self.branch)
        self.commands_seen += 1
        self.on_command(command)
        self._after_command(command, unwrapped, prefix_env or env, env, depth)
        if command.name in ("echo", "printf") and unwrapped.executes:
            return tuple(w for w in command.argv[1:] if not (w.literal or "x").startswith("-"))
        if command.name == "cat" and len(command.argv) == 1:
            return stdin
        return None

    def _after_command(self, command: Command, unwrapped: Unwrapped, run_env: Env, env: Env, depth: int) -> None:
        argv = command.argv
        if unwrapped.script is not None:
            inner_env = run_env.copy()
            if unwrapped.script_args is not None:
                inner_env.positional = [w.value for w in unwrapped.script_args[1:]]
            self.run_nested(unwrapped.script, inner_env, depth + 1)
            return
        name = command.name
        if command.stdin and (unwrapped.stdin_script or (name == "tee" and any(
                _is_script_file(w) for w in argv[1:]))):
            # `bash <<EOF`, `ssh host <<EOF`, `echo ... | sh`, `tee setup.sh <<EOF`: the text is a script
            self.run_nested(join_words(list(command.stdin)), run_env.copy(), depth + 1)
            return
        if name and argv and argv[0].literal == name and name in self.functions:
            if name in self.call_stack or len(self.call_stack) >= MAX_CALL_DEPTH:
                return
            self.called.add(name)
            body, snippet = self.functions[name]
            outermost = self.call_site is None
            if outermost:
                self.call_site = (name, command.start)
            try:
                self._call(name, body, snippet, env, [w.value for w in argv[1:]], depth)
            finally:
                if outermost:
                    self.call_site = None
        elif name == "read":
            for word in argv[1:]:
                if word.literal and word.literal.isidentifier():
                    env.vars[word.literal] = self._fresh_unknown(word.literal, None, word.start)
                    env.assigned.add(word.literal)
        elif name in ("export", "readonly", "local", "declare", "typeset"):
            for word in argv[1:]:  # `export X=1` that tree-sitter saw as a plain command
                lit = word.literal
                if lit and "=" in lit and lit.split("=", 1)[0].isidentifier():
                    var = lit.split("=", 1)[0]
                    env.vars[var] = word.value.slice(len(var) + 1)
                    env.assigned.add(var)

    def _call(self, name: str, body, snippet: Snippet, env: Env, args: list[Value], depth: int) -> None:
        saved_snippet, saved_positional = self.snippet, env.positional
        self.snippet, env.positional = snippet, args
        self.call_stack.append(name)
        try:
            self.walk(body, env, depth + 1)
        finally:
            self.call_stack.pop()
            self.snippet, env.positional = saved_snippet, saved_positional

    def run_nested(self, script: Word, env: Env, depth: int) -> None:
        """Parse a script passed as a string, with positions inside the string."""
        if depth > MAX_DEPTH // 4:
            return
        snippet = snippet_of_value(script.value, script.end, dollar_escape=self.snippet.dollar_escape)
        if snippet is None:
            return
        self.run(snippet, env, depth)

    # ---- words ----------------------------------------------------------------------------------

    def _words_of(self, nodes, env: Env, depth: int) -> list[Word]:
        words: list[Word] = []
        for group in self._continued(nodes):
            if len(group) == 1:
                words.extend(self.word(group[0], env, depth))
                continue
            pieces = [w for node in group for w in self.word(node, env, depth)]
            if pieces:
                words.append(Word(Value(p for w in pieces for p in w.value.parts), pieces[0].start, pieces[-1].end,
                                  "mixed", tuple(e for w in pieces for e in w.expansions),
                                  any(w.may_split for w in pieces), "".join(w.raw for w in pieces)))
        return words

    def _continued(self, nodes) -> list[list]:
        """tree-sitter splits `nvcr.io/ac\\<newline>me/app` in two; bash reads one word."""
        groups: list[list] = []
        data = self.snippet.data
        for node in nodes:
            if node.type == "comment":
                continue
            if groups and data[groups[-1][-1].end_byte : node.start_byte] == b"\\\n":
                groups[-1].append(node)
            else:
                groups.append([node])
        return groups

    def word(self, node, env: Env, depth: int) -> list[Word]:
        """One argument node to zero or more words (unquoted expansions are split)."""
        expansions: list[Expansion] = []
        parts = self._parts(node, env, depth, quoted=False, expansions=expansions)
        start, end = self._span(node)
        quoting = _QUOTING.get(node.type, "mixed")
        raw = self.snippet.text_between(node.start_byte, node.end_byte)
        foreign = self.snippet.foreign is not None and any(
            self.snippet.foreign[node.start_byte:node.end_byte])
        if not parts and node.type in ("simple_expansion", "expansion"):
            return []  # an unquoted expansion of an empty value is no argument at all
        if not any(p.splittable for p in parts):
            return [Word(Value(parts), start, end, quoting, tuple(expansions), False, raw, foreign)]
        return [Word(Value(field), start, end, quoting, tuple(expansions), may_split, raw, foreign)
                for field, may_split in _split_fields(parts)]

    def _join_nodes(self, nodes, env: Env, depth: int, quoted: bool, expansions: list[Expansion]) -> Value:
        parts: list[Part] = []
        previous_end = None
        for node in nodes:
            if previous_end is not None and node.start_byte > previous_end:
                parts.extend(self._literal(previous_end, node.start_byte, bare=not quoted))
            parts.extend(self._parts(node, env, depth, quoted, expansions))
            previous_end = node.end_byte
        return Value(parts)

    def _parts(self, node, env: Env, depth: int, quoted: bool, expansions: list[Expansion]) -> list[Part]:
        kind = node.type
        if kind == "word":
            return self._literal(node.start_byte, node.end_byte, bare=not quoted)
        if kind in ("number", "extglob_pattern", "regex", "string_content", "heredoc_content"):
            return self._literal(node.start_byte, node.end_byte, bare=False, double=kind == "string_content")
        if kind == "raw_string":
            return self._literal(node.start_byte + 1, node.end_byte - 1, bare=False)
        if kind == "ansi_c_string":
            return self._ansi_c(node)
        if kind in ("string", "heredoc_body"):
            return self._string(node, env, depth, expansions, heredoc=kind == "heredoc_body")
        if kind == "translated_string":
            return [p for c in node.named_children for p in self._parts(c, env, depth, quoted, expansions)]
        if kind == "concatenation":
            return list(self._join_nodes(node.children, env, depth, quoted, expansions).parts)
        if kind in ("simple_expansion", "expansion"):
            value = self.expansion(node, env, depth, quoted, expansions)
            if quoted:
                return list(value.parts)
            return [_mark_splittable(p) for p in value.parts]
        if kind in ("command_substitution", "process_substitution"):
            if not self.flat:  # when flattened, the loop in `flattened` reaches the inner commands itself
                for child in node.named_children:
                    self.walk(child, env.copy() if kind == "command_substitution" else env, depth + 1)
            return [self._unknown(f"$(@{self.snippet.file_offset(node.start_byte)})", node, splittable=not quoted)]
        if kind == "comment":
            return []
        self._substitutions_only(node, env, depth)
        return [self._unknown(f"expr@{self.snippet.file_offset(node.start_byte)}", node, splittable=not quoted)]

    def expansion(self, node, env: Env, depth: int, quoted: bool, expansions: list[Expansion]) -> Value:
        name = None
        operator = None
        operands = []
        prefix_op = False
        children = node.children
        for child in children:
            if child.type in ("$", "${", "}"):
                continue
            if name is None and operator is None and child.type in ("variable_name", "special_variable_name"):
                name = self.snippet.text_between(child.start_byte, child.end_byte)
            elif name is None and child.type in ("#", "!"):
                prefix_op = True
            elif name is None and child.type == "subscript":
                operator = "[]"
                subscript = child
            elif operator is None and not child.is_named:
                operator = child.type
            else:
                operands.append(child)
        start, end = self._span(node)
        if operator == "[]" and not prefix_op and not operands:
            elements = self._array_elements(subscript, env, quoted, start)
            if elements is not None:
                return elements
        if name is None or prefix_op or operator == "[]":
            self._substitutions_only(node, env, depth)
            raw = self.snippet.text_between(node.start_byte, node.end_byte)
            # `"${ARGS[@]}"` is several words even inside quotes
            return Value([unknown_part(f"expr@{start}", start, end, splittable="[@]" in raw or "[*]" in raw)])
        if name.isidentifier():
            expansions.append(Expansion(name, start, end, quoted, name in env.assigned))
        if name in _SPECIAL and not name.isdigit():
            if name in "@*":  # `"$@"` is several words even inside quotes
                return Value([unknown_part(f"${name}@{start}", start, end, splittable=True)])
            return Value([unknown_part(f"${name}", start, end)])
        assigned = name in env.vars or (name.isdigit() and env.positional is not None)
        current = self.lookup(name, env, node)
        if operator is None:
            return current
        operand = self._join_nodes(operands, env, depth, quoted=True, expansions=expansions)
        if operator in (":-", "-", ":=", "="):
            if not assigned:
                if operator in (":=", "="):
                    env.vars[name] = operand
                return operand
            if operator in (":-", ":=") and current.literal == "":
                return operand
            return current
        if operator in (":+", "+"):
            if current.literal is not None and (current.literal or operator == "+"):
                return operand
            if current.literal == "":
                return EMPTY
            return Value([unknown_part(f"${name}{operator}@{start}", start, end)])
        if operator in (":?", "?"):
            return current
        raw = self.snippet.text_between(node.start_byte, node.end_byte)
        return Value([unknown_part(f"{raw}|{current.key}", start, end)])

    def _array_elements(self, subscript, env: Env, quoted: bool, start: int) -> Value | None:
        """`${ARGS[@]}` (several words, even in double quotes), `${ARGS[*]}`, `${ARGS[1]}` of a known array."""
        children = subscript.named_children
        if len(children) < 2 or children[0].type != "variable_name":
            return None
        name = self.snippet.text_between(children[0].start_byte, children[0].end_byte)
        index = self.snippet.text_between(children[1].start_byte, children[1].end_byte)
        elements = env.arrays.get(name)
        if elements is None:
            return None
        if index.isdigit():
            return elements[int(index)] if int(index) < len(elements) else EMPTY
        if index == "*" and quoted:  # one word: the elements joined by spaces
            joined: list[Part] = []
            for n, element in enumerate(elements):
                if n:
                    joined.append(literal_part(" ", start))
                joined.extend(element.parts)
            return Value(joined)
        if index not in ("@", "*"):
            return None
        parts: list[Part] = []
        for n, element in enumerate(elements):
            if n:  # a field break: word splitting happens here whatever the quoting
                parts.append(Part(_FIELD_BREAK, start, start, None, None, True))
            parts.extend(element.parts if quoted else [_mark_splittable(p) for p in element.parts])
        if not parts:
            return Value([Part(_FIELD_BREAK, start, start, None, None, True)])
        return Value(parts)

    def _string(self, node, env: Env, depth: int, expansions: list[Expansion], heredoc=False) -> list[Part]:
        parts: list[Part] = []
        children = node.children
        position = node.start_byte + (0 if heredoc else 1)
        stop = node.end_byte - (0 if heredoc else 1)
        for child in children:
            if child.type == '"' or child.start_byte < position and child.type != "string_content":
                continue
            if child.start_byte > position:
                parts.extend(self._literal(position, child.start_byte, bare=False, double=True))
            if child.type in ("string_content", "heredoc_content"):
                parts.extend(self._literal(child.start_byte, child.end_byte, bare=False, double=not heredoc))
            else:
                parts.extend(self._parts(child, env, depth, True, expansions))
            position = max(position, child.end_byte)
        if stop > position:
            parts.extend(self._literal(position, stop, bare=False, double=True))
        return parts

    def _literal(self, byte_start: int, byte_end: int, bare: bool, double: bool = False) -> list[Part]:
        """Literal text with shell escapes removed; offsets point at the characters kept."""
        if byte_end <= byte_start:
            return []
        snip = self.snippet
        c0, c1 = byte_start, byte_end
        text = snip.text[c0:c1]
        if (bare or double) and "\\" in text:
            chars, offsets = [], []
            i = 0
            while i < len(text):
                char = text[i]
                if char == "\\" and i + 1 < len(text):
                    following = text[i + 1]
                    if following == "\n":
                        i += 2
                        continue
                    if bare or following in '$`"\\':
                        chars.append(following)
                        offsets.append(snip.file_offset(c0 + i + 1))
                        i += 2
                        continue
                chars.append(char)
                offsets.append(snip.file_offset(c0 + i))
                i += 1
            part = literal_part("".join(chars), offsets[0] if offsets else snip.file_offset(c0), tuple(offsets))
        elif snip.offsets is None:
            part = Part(text, snip.base + c0, snip.base + c1)
        else:
            part = literal_part(text, snip.offsets[c0], tuple(snip.offsets[c0:c1]),
                                foreign=snip.foreign is not None and any(snip.foreign[c0:c1]))
        if not snip.unknowns:
            return split_placeholders(part)
        return [p for piece in self._sentinels(part) for p in split_placeholders(piece)]

    def _sentinels(self, part: Part) -> list[Part]:
        """Private-use characters that stand for an outer unknown become that unknown again."""
        return replace_matches(part, _SENTINEL_RE, lambda match, piece: self.snippet.unknowns.get(match.group(0)))

    def _ansi_c(self, node) -> list[Part]:
        snip = self.snippet
        c0, c1 = node.start_byte + 2, node.end_byte - 1
        text = snip.text[c0:c1]
        chars, offsets = [], []
        simple = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f",
                  "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?"}
        i = 0
        while i < len(text):
            at = snip.file_offset(c0 + i)
            if text[i] == "\\" and i + 1 < len(text):
                following = text[i + 1]
                if following in simple:
                    chars.append(simple[following])
                    i += 2
                elif following == "x":
                    match = re.match(r"[0-9a-fA-F]{1,2}", text[i + 2 :])
                    if not match:
                        chars.append("\\x")
                        offsets.append(at)
                        i += 2
                        continue
                    chars.append(chr(int(match.group(0), 16)))
                    i += 2 + len(match.group(0))
                elif following in "01234567":
                    match = re.match(r"[0-7]{1,3}", text[i + 1 :])
                    chars.append(chr(int(match.group(0), 8) & 0xFF))  # type: ignore[union-attr]
                    i += 1 + len(match.group(0))  # type: ignore[union-attr]
                else:
                    chars.append(text[i : i + 2])
                    offsets.append(at)
                    i += 2
                    continue
                offsets.append(at)
            else:
                chars.append(text[i])
                offsets.append(at)
                i += 1
        joined = "".join(chars)
        if len(joined) != len(offsets):  # multi-character fallbacks above; keep it simple and honest
            offsets = [offsets[0]] * len(joined) if offsets else []
        if not joined:
            return []
        return [literal_part(joined, offsets[0], tuple(offsets))]

    def _heredoc_word(self, body, redirect, env: Env, depth: int) -> Word:
        start_node = next((c for c in redirect.named_children if c.type == "heredoc_start"), None)
        delimiter = self.snippet.text_between(start_node.start_byte, start_node.end_byte) if start_node else ""
        expansions: list[Expansion] = []
        if any(q in delimiter for q in "'\"\\"):
            parts = self._literal(body.start_byte, body.end_byte, bare=False)
        else:
            parts = self._string(body, env, depth, expansions, heredoc=True)
        start, end = self._span(body)
        return Word(Value(parts), start, end, "heredoc", tuple(expansions))

    def _substitutions_only(self, node, env: Env, depth: int) -> None:
        """Commands inside `$( )` of constructs we do not evaluate still run."""
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type in ("command_substitution", "process_substitution"):
                for child in current.named_children:
                    self.walk(child, env.copy(), depth + 1)
            else:
                stack.extend(reversed(current.named_children))

    # ---- helpers --------------------------------------------------------------------------------

    def _span(self, node) -> tuple[int, int]:
        sites = self.snippet.sites
        if sites is not None:  # where the text is written may differ from where its characters come from
            c0, c1 = node.start_byte, node.end_byte
            if c1 > c0:
                return sites[c0][0], max(sites[c0][0], sites[c1 - 1][1])
        start = self.snippet.file_offset(node.start_byte)
        end_char = node.end_byte
        if self.snippet.offsets is None:
            return start, self.snippet.base + end_char
        end = self.snippet.offsets[end_char - 1] + 1 if end_char > 0 else start
        if self.snippet.unknowns and end_char > 0:  # a word ending in a stand-in ends where its text ends
            outer = self.snippet.unknowns.get(self.snippet.text[end_char - 1])
            if outer is not None:
                end = max(end, outer.end)
        return start, max(start, end)

    def _unknown(self, key: str, node, splittable: bool = False) -> Part:
        start, end = self._span(node)
        return unknown_part(key, start, end, splittable)

    def _fresh_unknown(self, name: str, node, at: int | None = None) -> Value:
        self.fresh += 1
        if node is not None:
            start, end = self._span(node)
        else:
            start = end = at or 0
        return Value([unknown_part(f"{name}#{self.fresh}", start, end)])


def _is_script_file(word: Word) -> bool:
    return bool(word.literal and _SCRIPT_FILE.search(word.literal))


def _mark_splittable(part: Part) -> Part:
    return Part(part.text, part.start, part.end, part.offsets, part.key, True, part.foreign)


def _split_fields(parts: list[Part]) -> list[tuple[list[Part], bool]]:
    """Word splitting of unquoted expansion results on spaces, tabs and newlines."""
    fields: list[tuple[list[Part], bool]] = []
    current: list[Part] = []
    may_split = False
    started = False  # a field has begun (quoted empty strings still make a field)
    for part in parts:
        if not part.splittable:
            current.append(part)
            started = True
            continue
        if not part.known:
            current.append(part)
            may_split = True
            started = True
            continue
        text = part.text or ""
        position = 0
        for match in _IFS.finditer(text):
            if match.start() > position:
                current.append(part.sliced(position, match.start()))
                started = True
            if started:
                fields.append((current, may_split))
            current, may_split, started = [], False, False
            position = match.end()
        if position < len(text):
            current.append(part.sliced(position, len(text)))
            started = True
    if started:
        fields.append((current, may_split))
    return fields
