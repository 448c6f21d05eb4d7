"""Walk a tree-sitter-bash tree in execution order and produce commands with known/unknown words
(the words themselves are expanded by nvlint.shell.expand).

This is a small abstract interpreter, not a shell: it propagates simple assignments, follows
function calls, and treats anything dynamic as an identified unknown. It never raises on odd input;
tree-sitter's error recovery means ERROR nodes are walked like any other.
"""

from __future__ import annotations

from _weakref import proxy  # weakref.proxy without the weakref module and its imports (start-up)
from collections.abc import Callable

from nvlint import lazyre
from nvlint.model.command import Command, basename
from nvlint.model.events import Alternative, SyntaxProblem
from nvlint.model.text import Snippet, snippet_of_value
from nvlint.model.words import ARRAY, EMPTY, FRESH, OPERATION, Expansion, Part, Unknown, Value, Word, literal_part
from nvlint.shell.expand import Choice, Env, WordExpander, file_key
from nvlint.shell.parse import parse_bytes
from nvlint.shell.unwrap import Unwrapped, join_words, unwrap

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import Any

MAX_DEPTH = 60  # nesting walked with its control flow; deeper commands are checked one by one (flattened)
# Scripts in strings inside scripts in strings (`bash -c '... bash -c "..."'`): read this many levels deep,
# then a notice says where reading stopped (each level quadruples the quoting: 16 is far past real scripts).
MAX_SCRIPT_NESTING = 16
MAX_CALL_DEPTH = 16
# Function calls are followed by walking the body again at each call, so the work is the number of
# commands run, not written: `f1() { f2; f2; }`, `f2() { f3; f3; }`... doubles it at each level. Calls
# stop being followed once the commands run reach this many, or a quarter of the file's bytes if more
# (about ten times what a real script runs), with a notice: the cost stays linear in the file.
MIN_COMMAND_BUDGET = 10_000
MAX_RECOVERIES = 64  # re-parses after syntax errors, per file
_REDIRECTS = frozenset({"file_redirect", "heredoc_redirect", "herestring_redirect"})
_SCRIPT_FILE = lazyre.compile(r"\.(?:sh|bash)[\"']?$")


# Plain classes rather than dataclasses: see nvlint/model/record.py (start-up cost).


# A `for` over literal words walks its body once per word, up to this many words.
LOOP_ITEMS = 8
# A variable the branches of an if/case leave different keeps up to this many values it may hold, and a
# command is read again at most this many ways (one per value, or per combination): a command costs at
# most MAX_ALTERNATIVES + 1 readings, so the walk stays linear.
MAX_CHOICES = 4
MAX_ALTERNATIVES = 4
# `[ -n "$KEY" ]`, `[[ -z ${KEY:-} ]]`, `test "$KEY"`: a condition on whether a variable is set.
_SET_TEST = lazyre.compile(
    r"(?:\[\[?|test)\s+(-[nz]\s+)?\"?\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?[-=+][^}\"]*)?\}?\"?\s*(?:\]\]?)?"
)
_GLOB = lazyre.compile(r"[*?\[{~]")
_ASSIGNING = lazyre.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*:?=")  # `${X:=v}`, `${X=v}`


class Interpreter:
    """Produces :class:`Command` objects through ``on_command`` in execution order."""

    def __init__(
        self,
        on_command: Callable[[Command], None],
        on_assign: Callable[[str, Word], None] | None = None,
        on_notice: Callable[[int, int, str], None] | None = None,
    ) -> None:
        self.words = WordExpander(proxy(self))  # expands each command's words in the current snippet
        self.on_command = on_command
        self.on_assign = on_assign
        self.on_notice = on_notice  # (start, end, why): a part of the file that is not read
        self.script_nesting = 0
        # What `source FILE` may read (nvlint.sources.sourcing.SourcedFiles), and who hears that it did.
        self.files: Any = None
        self.source_site: Word | None = None  # the outermost `source` argument being read (notices go there)
        self.on_sourced: Callable[..., None] | None = None  # (start, anchor, found, posted=False)
        self.functions: dict[str, tuple[object, Snippet]] = {}
        self.called: set[str] = set()
        self.call_stack: list[str] = []
        self.call_site: tuple[str, int] | None = None  # the outermost function call being walked
        self.branch: tuple[tuple[int, int], ...] = ()  # the if/case branches the walk is inside
        self.commands_seen = 0
        self.command_budget = MIN_COMMAND_BUDGET
        self.over_budget = False  # said once: calls are no longer followed
        self.recoveries = 0

    @property
    def snippet(self) -> Snippet:
        """The text being walked: the expander's, so that words are expanded where they are written."""
        return self.words.snippet

    @snippet.setter
    def snippet(self, snippet: Snippet) -> None:
        self.words.snippet = snippet

    # ---- entry points -------------------------------------------------------------------------

    def run(
        self,
        snippet: Snippet,
        env: Env | None = None,
        depth: int = 0,
        on_syntax_error: Callable[[SyntaxProblem], None] | None = None,
    ) -> Env:
        """Walk a snippet. ``on_syntax_error`` hears of the first place tree-sitter could not parse, when
        there is one (a script's own text: not nested or sourced ones)."""
        env = env or Env()
        for name, value in snippet.env.items():
            env.vars[name] = value
        outer = self.snippet
        self.snippet = snippet
        self.command_budget = max(self.command_budget, len(snippet.data) // 4)
        try:
            tree = parse_bytes(snippet.data)
            self.report_syntax_error(tree.root_node, on_syntax_error)
            self.walk(tree.root_node, env, depth)
        finally:
            self.snippet = outer
        return env

    def report_syntax_error(self, root, on_syntax_error: Callable[[SyntaxProblem], None] | None) -> None:
        """Tell ``on_syntax_error`` of the first place tree-sitter could not parse in this tree, if any."""
        if on_syntax_error is not None and root.has_error:
            error = _first_error(root)
            if error is not None:
                on_syntax_error(self._syntax_problem(error))

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
        return _STATEMENTS.get(node.type, Interpreter._children)(self, node, env, depth, stdin)

    def _children(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        for child in node.named_children:
            self.walk(child, env, depth + 1)

    def _assignment(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        self.assign(node, env, depth)

    def _assignments(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        for child in node.named_children:
            if child.type == "variable_assignment":
                self.assign(child, env, depth)

    def _declaration(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        self.declaration(node, env, depth)

    def _unset(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        for child in node.named_children:
            name = self.snippet.text_between(child.start_byte, child.end_byte)
            if name.isidentifier():
                env.vars[name] = self.words.fresh_unknown(name, child)

    def _function(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        name_node = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name_node is not None and body is not None:
            name = self.snippet.text_between(name_node.start_byte, name_node.end_byte)
            self.functions[name] = (body, self.snippet)

    def _pipeline(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        upstream: tuple[Word, ...] | None = stdin
        for child in node.named_children:
            upstream = self.walk(child, env, depth + 1, upstream or ()) or ()

    def _branches(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        self.branches(node, env, depth)

    def _list(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> tuple[Word, ...] | None:
        """`A && B`, `A || B`: B runs only when A succeeds (fails). Variables B sets are values it may
        hold afterwards, with when (see _merge); the folder it moves to and the files it writes are taken
        as if it ran (`mkdir -p x && cd x`), as before. Without an `=` in B (`cmd || true`) nothing to merge.
        B reads the list's input and writes its output (tree-sitter gives `a && cat > f <<EOF` the
        redirects of the whole list; the shell, B's)."""
        named = [child for child in node.children if child.is_named and child.type != "comment"]
        operator = next((child.type for child in node.children if child.type in ("&&", "||")), None)
        if len(named) != 2 or operator is None:
            self._children(node, env, depth, stdin)
            return None
        left, right = named
        self.walk(left, env, depth + 1)
        if "=" not in self.snippet.text_between(right.start_byte, right.end_byte):
            return self.walk(right, env, depth + 1, stdin)
        condition = self.snippet.text_between(left.start_byte, left.end_byte).strip()
        ran = env.copy()
        out = self.walk(right, ran, depth + 1, stdin)
        success = operator == "&&"
        self._merge(env, [ran, env.copy()], node, [_when(condition, not success), _when(condition, success)])
        env.cwd, env.files = ran.cwd, ran.files
        return out

    def _loop(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        self.loop(node, env, depth)

    def _test(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        self.words.substitutions_only(node, env, depth)

    def _nothing(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        return None

    def _error(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> None:
        self.recover(node, env, depth)

    def _syntax_problem(self, error) -> SyntaxProblem:
        start, end = self.words.span(error)
        text, lines, at = self.snippet.text, [], 0
        for line in text.split("\n"):
            first, last = self.words.span_of(at, at + len(line)) if line else self.words.span_of(at, at)
            lines.append((first, max(last, first)))
            at += len(line) + 1
        return SyntaxProblem(start, max(end, start + 1), text, tuple(lines))

    def recover(self, node, env: Env, depth: int) -> None:
        """tree-sitter could not place this text. Walk what it recognised; if that holds no command, or
        what it recognised on the first line runs on into the next lines (`if [ x ; then` read as one `[`
        command whose arguments are the lines below), parse again from the next line, so one broken
        construct does not hide the rest of the file."""
        before = self.commands_seen
        first_row = node.start_point[0]
        runs_on = False
        for child in node.named_children:
            self.walk(child, env, depth + 1)
            runs_on = runs_on or (child.start_point[0] == first_row and child.end_point[0] > first_row)
        if (self.commands_seen != before and not runs_on) or self.recoveries >= MAX_RECOVERIES:
            return
        snippet = self.snippet
        c0, c1 = node.start_byte, node.end_byte
        newline = snippet.text.find("\n", c0, c1)
        if newline == -1 or newline + 1 >= c1:
            return
        self.recoveries += 1
        start = newline + 1
        offsets = snippet.offsets[start : c1 + 1] if snippet.offsets is not None else None
        rest = Snippet(
            snippet.text[start:c1],
            offsets,
            base=snippet.file_offset(start),
            unknowns=snippet.unknowns,
            dollar_escape=snippet.dollar_escape,
        )
        self.run(rest, env, depth + 1)

    def flattened(self, node, env: Env) -> None:
        """Past MAX_DEPTH levels of nesting (`((((...))))`), commands are still checked, one by one,
        without the control flow around them: a loop instead of recursion keeps Python's stack safe."""
        flat, self.words.flat = self.words.flat, True
        try:
            stack = [node]
            while stack:
                current = stack.pop()
                if current.type == "command":
                    self.command(current, env.copy(), MAX_DEPTH, ())
                stack.extend(reversed(current.named_children))
        finally:
            self.words.flat = flat

    def redirected(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> tuple[Word, ...] | None:
        body = node.child_by_field_name("body") or (node.named_children[0] if node.named_children else None)
        redirects = [c for c in node.named_children if c is not body]
        heredoc_next = []
        for redirect in redirects:
            if redirect.type == "herestring_redirect":
                stdin = tuple(self.words.words_of(redirect.named_children, env, depth))
            elif redirect.type == "heredoc_redirect":
                for child in redirect.named_children:
                    if child.type == "heredoc_body":
                        stdin = (self.words.heredoc_word(child, redirect, env, depth),)
                    elif child.type not in ("heredoc_start", "heredoc_end"):
                        heredoc_next.append(child)
        out = self.walk(body, env, depth + 1, stdin) if body is not None else None
        self._remember_written(redirects, out, env)
        if stdin and body is not None and body.type == "command" and self._writes_a_script(body, redirects):
            self.run_nested(join_words(list(stdin)), env.copy(), depth + 1)  # `cat <<EOF > setup.sh`
        for child in heredoc_next:  # `cat <<EOF | docker login ...`: the rest of the pipeline
            out = self.walk(child, env, depth + 1, out or ())
        return out

    def _remember_written(self, redirects, out: tuple[Word, ...] | None, env: Env) -> None:
        """`cat > fn.json <<EOF`, `echo '{...}' > fn.json`: the file holds what the command wrote, when
        that is one known text (a later `curl -d @fn.json` posts it); any other write makes it unknown."""
        nodes = [*redirects, *(c for r in redirects if r.type == "heredoc_redirect" for c in r.named_children)]
        for redirect in nodes:
            target = redirect.child_by_field_name("destination")
            if redirect.type != "file_redirect" or target is None:
                continue
            operator = redirect.children[0].type if redirect.children else ""
            key = file_key(self.snippet.text_between(target.start_byte, target.end_byte))
            if operator not in (">", ">|", ">>") or key is None:
                continue
            if operator != ">>" and out is not None and len(out) == 1:
                env.files[key] = out[0]
            else:
                env.files.pop(key, None)

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
            if (
                redirect.type == "file_redirect"
                and target is not None
                and _SCRIPT_FILE.search(self.snippet.text_between(target.start_byte, target.end_byte))
            ):
                return True
        return False

    def branches(self, node, env: Env, depth: int) -> None:
        """Each branch starts from the same state; afterwards, a variable the branches left different is
        unknown, with the values it may hold and when (see _merge)."""
        results: list[Env] = []
        whens: list[str] = []
        has_default = False
        then_env: Env | None = None
        outer = self.branch
        construct = self.snippet.file_offset(node.start_byte)
        taken = 0
        conditions = 0
        first_condition = ""
        for child in node.children:
            if child.type == "then":  # the condition has been walked on `env`
                then_env = env.copy()
                results.append(then_env)
                first_condition = self._condition(node)
                whens.append(_when(first_condition))
                conditions += 1
                self.branch = (*outer, (construct, taken))
                continue
            if not child.is_named or child.type == "comment":
                continue
            if child.type in ("elif_clause", "else_clause", "case_item"):
                taken += 1
                self.branch = (*outer, (construct, taken))
                branch = env.copy()
                for sub in child.named_children:
                    self.walk(sub, branch, depth + 1)
                results.append(branch)
                if child.type == "else_clause":
                    has_default = True
                    whens.append(_when(first_condition, negated=True) if conditions == 1 else "otherwise")
                elif child.type == "elif_clause":
                    conditions += 1
                    whens.append(_when(self._condition(child)))
                else:
                    pattern = self.snippet.text_between(child.start_byte, child.end_byte).split(")", 1)[0].strip()
                    has_default = has_default or pattern == "*"
                    whens.append("otherwise" if pattern == "*" else self._case_when(node, pattern))
            elif then_env is not None:
                self.walk(child, then_env, depth + 1)
            elif node.type == "case_statement":
                self.words.substitutions_only(child, env, depth)
            else:
                self.walk(child, env, depth + 1)
        self.branch = outer
        if not has_default:
            results.append(env.copy())
            whens.append(_when(first_condition, negated=True) if conditions == 1 else "otherwise")
        self._merge(env, results, node, whens if len(whens) == len(results) else None)

    def _condition(self, node) -> str:
        """The text of an `if`'s or `elif`'s condition, as written (`[ -n "$NGC_API_KEY" ]`)."""
        children = node.children
        then = next((i for i, c in enumerate(children) if c.type == "then"), None)
        named = [c for c in children[1:then] if c.is_named and c.type != "comment"] if then else []
        if not named:
            return ""
        return self.snippet.text_between(named[0].start_byte, named[-1].end_byte).strip().rstrip(";").strip()

    def _case_when(self, node, pattern: str) -> str:
        subject = node.child_by_field_name("value")
        text = self.snippet.text_between(subject.start_byte, subject.end_byte) if subject is not None else "the word"
        return f"when {_shortened(text)} is {_shortened(pattern)}"

    def loop(self, node, env: Env, depth: int) -> None:
        variable = node.child_by_field_name("variable")
        items = self._literal_items(node, env, depth) if variable is not None else None
        if items is not None and self.commands_seen <= self.command_budget:
            self._each_item(node, env, depth, self.snippet.text_between(variable.start_byte, variable.end_byte), items)
            return
        body_env = env.copy()
        if variable is not None:
            name = self.snippet.text_between(variable.start_byte, variable.end_byte)
            body_env.vars[name] = self.words.fresh_unknown(name, variable)
        for child in node.named_children:
            if child is variable:
                continue
            self.walk(child, body_env, depth + 1) if child.type != "word" else None
        self._merge(env, [body_env, env.copy()], node)

    def _literal_items(self, node, env: Env, depth: int) -> list[Word] | None:
        """`for x in a 'b' "c"`: the items, when each is a literal word and there are at most LOOP_ITEMS;
        None for anything else (`"$@"`, `*.sh`, `$LIST`, `$(ls)`), whose items are not known."""
        if node.type != "for_statement":
            return None
        values = node.children_by_field_name("value")
        if not values or len(values) > LOOP_ITEMS:
            return None
        for value in values:  # no expansion at all: expanding has no side effects to repeat
            if value.type == "string" and all(c.type == "string_content" for c in value.named_children):
                continue
            if value.type not in ("word", "raw_string") or value.named_children:
                return None
            if value.type == "word" and _GLOB.search(self.snippet.text_between(value.start_byte, value.end_byte)):
                return None  # `*.sh`, `{a,b}`, `~/x`: the shell makes other words of it
        words = self.words.words_of(values, env, depth)
        if len(words) != len(values) or any(word.literal is None for word in words):
            return None
        return words

    def _each_item(self, node, env: Env, depth: int, name: str, items: list[Word]) -> None:
        """The body once per item, in order, the variable holding the item (a finding about its value
        points at the item). The commands count against the same budget as function calls, so a file's
        cost stays linear; past it, loops are walked once with the variable unknown."""
        body = node.child_by_field_name("body")
        state = env.copy()
        for item in items:
            state.vars[name] = item.value
            state.assigned.add(name)
            if body is not None:
                self.walk(body, state, depth + 1)
        self._merge(env, [state, env.copy()], node)  # `break` may end it early: what it set may not hold

    def _merge(self, env: Env, results: list[Env], node, whens: list[str] | None = None) -> None:
        """After branches that each started from a copy of ``env``: a variable some branch set (or unset)
        keeps its value (and an array its elements) when every branch ends with the same one, else it is
        unknown. Only the names the branches wrote are looked at: the cost is what the branches did.

        Given ``whens`` (what each branch is taken on), the unknown also records the values it may hold
        (at most MAX_CHOICES, each with when): a command that uses it is also read once per value (see
        _alternatives), for the rules that report what one branch does."""
        names: set[str] = set()
        for result in results:
            written = result.vars.written
            names |= written
            env.assigned.update(name for name in written if name in result.assigned)  # every assignment writes
        for name in names:
            values = [r.vars.get(name) for r in results]
            arrays = [r.arrays.get(name) for r in results]
            first = values[0]
            if (
                first is not None
                and all(v is first or (v is not None and v == first) for v in values)
                and all(a == arrays[0] for a in arrays[1:])
            ):
                env.vars[name] = first
                if arrays[0] is None:
                    env.arrays.pop(name, None)
                else:
                    env.arrays[name] = arrays[0]
                continue
            unknown = env.vars[name] = self.words.fresh_unknown(name, node)
            env.arrays.pop(name, None)
            if whens is not None:
                self._record_choices(unknown, values, arrays, whens)

    def _record_choices(
        self, unknown: Value, values: list[Value | None], arrays: list[tuple[Value, ...] | None], whens: list[str]
    ) -> None:
        """The values a merged variable may hold, each with when. A branch that leaves it unset, or sets
        it to nothing known, gives none (its commands read as the unknown does)."""
        choices: list[Choice] = []
        given = 0  # branches that gave a value
        for value, elements, when in zip(values, arrays, whens, strict=True):
            if value is None or (
                elements is None and value.parts and all(p.unknown and p.unknown.kind is FRESH for p in value.parts)
            ):
                continue  # unset there (the environment's value), or itself merged: nothing to read
            given += 1
            same = next((c for c in choices if c.value == value and c.elements == elements), None)
            if same is not None:
                same.when = f"{same.when} or {when}"
            else:
                choices.append(Choice(value, elements, when))
        which = unknown.parts[0].unknown
        if 0 < len(choices) <= MAX_CHOICES and which is not None:
            self.words.choices[which] = tuple(choices)
            if given == len(whens):
                self.words.every_branch.add(which)

    # ---- assignments ----------------------------------------------------------------------------

    def assign(self, node, env: Env, depth: int, target: Env | None = None) -> None:
        name_node = node.named_children[0] if node.named_children else None
        if name_node is None:
            return
        target = target or env
        if name_node.type != "variable_name":  # `a[1]=x`
            name = self.snippet.text_between(name_node.start_byte, name_node.end_byte).split("[", 1)[0]
            target.vars[name] = self.words.fresh_unknown(name, node)
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
            element_words = self.words.words_of(value_nodes[0].named_children, env, depth)
            elements = tuple(w.value for w in element_words)
            if any(w.may_split for w in element_words):
                target.arrays.pop(name, None)  # `(${UNKNOWN})`: how many elements is not known
                target.vars[name] = Value([self.words.unknown(Unknown(ARRAY, name), value_nodes[0])])
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
            value = self.words.join_nodes(value_nodes, env, depth, quoted=True, expansions=expansions)
            if self.on_assign is not None:
                start, end = self.words.span(node)
                raw = self.snippet.text_between(node.start_byte, node.end_byte)
                self.on_assign(name, Word(value, start, end, "mixed", tuple(expansions), False, raw))
        if operator == "+=":
            value = self.words.lookup(name, env, name_node) + value
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
                name = self.snippet.text_between(child.named_children[0].start_byte, child.named_children[0].end_byte)
                if is_array and name not in env.arrays:
                    env.vars[name] = self.words.fresh_unknown(name, child)

    # ---- commands -------------------------------------------------------------------------------

    def command(self, node, env: Env, depth: int, stdin: tuple[Word, ...]) -> tuple[Word, ...] | None:
        prefix_env: Env | None = None
        arg_nodes: list = []
        for child in node.named_children:
            if child.type == "variable_assignment" and not arg_nodes:
                prefix_env = prefix_env or env.copy()
                self.assign(child, env, depth, target=prefix_env)
            elif child.type == "command_name":
                arg_nodes.extend(child.named_children)
            elif child.type == "herestring_redirect":
                stdin = tuple(self.words.words_of(child.named_children, env, depth))
            elif child.type in _REDIRECTS:
                self.words.substitutions_only(child, env, depth)
            else:
                arg_nodes.append(child)
        if not arg_nodes:
            return None
        words = self.words.words_of(arg_nodes, env, depth)
        if not words:
            return None
        start, end = self.words.span(node)
        alternatives = self._alternatives(node, arg_nodes, words, env, depth) if self.words.choices else ()
        out = self.execute(words, start, end, stdin, prefix_env or env, env, depth)
        for count, (alternative_words, when, spans, every) in enumerate(alternatives):
            alternative = Alternative(count, len(alternatives), when, ((start, end), *spans), every)
            self.commands_seen += 1
            files = (prefix_env or env).files
            self.on_command(
                self._command(alternative_words, unwrap(alternative_words), start, end, stdin, files, alternative)
            )
        return out

    def _alternatives(self, node, arg_nodes, words: list[Word], env: Env, depth: int) -> list:
        """The command's words once per value the variables it uses may hold after branches (at most
        MAX_ALTERNATIVES ways in all), with when, and where the values chosen are written. Commands
        with a command substitution (its commands would run twice) or an assigning expansion are not
        read again."""
        found: list[Unknown] = []
        for word in words:
            for part in word.value.parts:
                unknown = part.unknown
                if unknown is not None and unknown.kind is OPERATION:  # `${args[@]+"${args[@]}"}`: of what
                    unknown = self.words.merged_unknown(unknown.name, env)
                if unknown is not None and unknown in self.words.choices and unknown not in found:
                    found.append(unknown)
        if not found:
            return []
        ways = 1
        for unknown in found:
            ways *= len(self.words.choices[unknown])
        text = self.snippet.text_between(node.start_byte, node.end_byte)
        if ways > MAX_ALTERNATIVES or "$(" in text or "`" in text or _ASSIGNING.search(text):
            return []  # `${X:=v}` assigns as it expands: reading the words again would assign again
        combinations: list[list[Choice]] = [[]]
        for unknown in found:
            combinations = [[*done, choice] for done in combinations for choice in self.words.choices[unknown]]
        alternatives = []
        try:
            for combination in combinations:
                self.words.chosen = dict(zip(found, combination, strict=True))
                chosen_words = self.words.words_of(arg_nodes, env, depth)
                spans = tuple(
                    (part.start, part.end)
                    for choice in combination
                    for value in (choice.value, *(choice.elements or ()))
                    for part in value.parts
                )
                every = all(unknown in self.words.every_branch for unknown in found)
                alternatives.append((chosen_words, " and ".join(c.when for c in combination), spans, every))
        finally:
            self.words.chosen = None
        return alternatives

    def execute(
        self, words: list[Word], start: int, end: int, stdin: tuple[Word, ...], run_env: Env, env: Env, depth: int
    ) -> tuple[Word, ...] | None:
        """Run a command whose words are known (expanded here, or split by a program that runs commands
        without a shell, as Ansible's `command` module does); returns what it writes, when known."""
        unwrapped = unwrap(words)
        files = run_env.files
        if self.files is not None and unwrapped.argv and basename(unwrapped.argv[0]) == "curl":
            files = self._posted_files(words, run_env)
        command = self._command(words, unwrapped, start, end, stdin, files)
        self.commands_seen += 1
        self.on_command(command)
        self._after_command(command, unwrapped, run_env, env, depth)
        if command.name == "printf" and unwrapped.executes:
            return _printed(command.argv[1:])
        if command.name == "echo" and unwrapped.executes:
            return tuple(w for w in command.argv[1:] if not (w.literal or "x").startswith("-"))
        if command.name == "cat" and len(command.argv) == 1:
            return stdin
        if command.name == "tee" and unwrapped.executes:
            return self._tee(command, env)
        return None

    def _posted_files(self, words: list[Word], env: Env) -> dict[str, Word]:
        """`curl -d @fn.json` of a JSON file of the tree the script did not write: its text, as a word that
        sits at the `@` (like a sourced file's at its anchor: what the file holds is reported in that file,
        and a cached result of this one depends on it)."""
        files = env.files
        for word in words:
            literal = word.literal or ""
            key = file_key(literal[1:]) if literal.startswith("@") else None
            if key is None or key in files or not key.endswith(".json"):
                continue
            found = self.files.resolve(Value([literal_part(literal[1:], word.start + 1)]), env.cwd)
            if found is None or isinstance(found, str):
                continue
            anchor = word.start
            text = found.text
            part = Part(text, anchor, anchor + 1, (anchor,) * len(text), None, False, True)
            files = {**files, key: Word(Value([part]), word.start, word.end, "bare", foreign=True)}
            if self.on_sourced is not None:
                self.on_sourced(word.start, anchor, found, posted=True)
        return files

    def _command(
        self,
        words: list[Word],
        unwrapped: Unwrapped,
        start: int,
        end: int,
        stdin: tuple[Word, ...],
        files: dict[str, Word],
        alternative: Alternative | None = None,
    ) -> Command:
        """The command these words make here; an alternative calls no function (it is not what runs)."""
        calls = alternative is None and bool(unwrapped.argv) and basename(unwrapped.argv[0]) in self.functions
        return Command(
            words,
            unwrapped.argv,
            start,
            end,
            stdin,
            unwrapped.executes,
            self.call_site,
            calls,
            self.branch,
            files,
            alternative,
        )

    def _tee(self, command: Command, env: Env) -> tuple[Word, ...]:
        """`tee fn.json <<EOF`: each file named holds the input (appended with -a: then unknown); what tee
        writes on is the input too."""
        options = [w.literal or "" for w in command.argv[1:] if (w.literal or "").startswith("-")]
        appends = any(o == "--append" or (not o.startswith("--") and "a" in o) for o in options)
        for word in command.argv[1:]:
            key = file_key(word.literal) if word.literal and not word.literal.startswith("-") else None
            if key is None:
                continue
            if len(command.stdin) == 1 and not appends:
                env.files[key] = command.stdin[0]
            else:
                env.files.pop(key, None)
        return command.stdin

    def _after_command(self, command: Command, unwrapped: Unwrapped, run_env: Env, env: Env, depth: int) -> None:
        """What running the command does to the walk: a script it runs, a function it calls, a file it
        sources, the folder it moves to, the variables it sets."""
        argv = command.argv
        if unwrapped.script is not None:
            inner_env = run_env.copy()
            if unwrapped.script_args is not None:
                inner_env.positional = [w.value for w in unwrapped.script_args[1:]]
            self.run_nested(unwrapped.script, inner_env, depth + 1)
            return
        name = command.name
        if command.stdin and (unwrapped.stdin_script or (name == "tee" and any(_is_script_file(w) for w in argv[1:]))):
            # `bash <<EOF`, `ssh host <<EOF`, `echo ... | sh`, `tee setup.sh <<EOF`: the text is a script
            self.run_nested(join_words(list(command.stdin)), run_env.copy(), depth + 1)
        elif name and argv[0].literal == name and name in self.functions:
            self._call_function(command, name, env, depth)
        elif name in ("source", ".") and len(argv) > 1 and self.files is not None:
            self._source(command, argv[1], env, depth)
        elif name == "cd" and self.files is not None:
            env.cwd = self.files.cd(argv[1].value if len(argv) > 1 else None, env.cwd)
        elif name == "read":
            for word in argv[1:]:
                if word.literal and word.literal.isidentifier():
                    env.vars[word.literal] = self.words.fresh_unknown(word.literal, None, word.start)
                    env.assigned.add(word.literal)
        elif name in ("export", "readonly", "local", "declare", "typeset"):
            self._declared_by_command(argv, env)

    def _call_function(self, command: Command, name: str, env: Env, depth: int) -> None:
        """A call of a function the script defines: its body runs here, with its arguments as `$1`..."""
        if name in self.call_stack or len(self.call_stack) >= MAX_CALL_DEPTH:
            return
        if self.commands_seen > self.command_budget:
            self._over_budget(command)
            return
        self.called.add(name)
        body, snippet = self.functions[name]
        outermost = self.call_site is None
        if outermost:
            self.call_site = (name, command.start)
        try:
            self._call(name, body, snippet, env, [w.value for w in command.argv[1:]], depth)
        finally:
            if outermost:
                self.call_site = None

    def _declared_by_command(self, argv: list[Word], env: Env) -> None:
        """`export X=1` that tree-sitter saw as a plain command."""
        for word in argv[1:]:
            lit = word.literal
            if lit and "=" in lit and lit.split("=", 1)[0].isidentifier():
                var = lit.split("=", 1)[0]
                env.vars[var] = word.value.slice(len(var) + 1)
                env.assigned.add(var)

    def _source(self, command: Command, word: Word, env: Env, depth: int) -> None:
        """`source FILE`: its assignments and functions apply from here on, as if its text were here.
        Its characters sit at the end of the `source` command (they are written in another file), so
        nothing in it is reported here: the file is linted on its own."""
        found = self.files.resolve(word.value, env.cwd)
        if found is None:
            return
        if isinstance(found, str):  # a cycle, or too deep: said where this file's own text starts the chain
            site = self.source_site or word
            if self.on_notice is not None:
                self.on_notice(site.start, site.end, found)
            return
        anchor = command.end
        text = found.text
        snippet = Snippet(
            text, [anchor] * (len(text) + 1), foreign=[True] * len(text), dollar_escape=self.snippet.dollar_escape
        )
        if self.on_sourced is not None:
            self.on_sourced(command.start, anchor, found)
        self.files.enter(found)
        outermost = self.source_site is None
        if outermost:
            self.source_site = word
        try:
            self.run(snippet, env, depth + 1)
        finally:
            self.files.leave()
            if outermost:
                self.source_site = None

    def _over_budget(self, command: Command) -> None:
        if not self.over_budget and self.on_notice is not None:
            self.on_notice(
                command.start,
                command.end,
                f"functions calling functions ran more than {self.command_budget} commands; "
                "function calls from here on are not followed",
            )
        self.over_budget = True

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
        if self.script_nesting >= MAX_SCRIPT_NESTING:
            if self.on_notice is not None:
                self.on_notice(
                    script.start,
                    script.end,
                    f"scripts nested more than {MAX_SCRIPT_NESTING} levels deep "
                    "(`bash -c` inside `bash -c`...) are not read past this one",
                )
            return
        snippet = snippet_of_value(script.value, script.end, dollar_escape=self.snippet.dollar_escape)
        if snippet is None:
            return
        self.script_nesting += 1
        try:
            self.run(snippet, env, depth)
        finally:
            self.script_nesting -= 1


# How each kind of statement is walked (any other node: its children are).
_STATEMENTS: dict[str, Callable[..., tuple[Word, ...] | None]] = {
    "command": Interpreter.command,
    "redirected_statement": Interpreter.redirected,
    "variable_assignment": Interpreter._assignment,
    "variable_assignments": Interpreter._assignments,
    "declaration_command": Interpreter._declaration,
    "unset_command": Interpreter._unset,
    "function_definition": Interpreter._function,
    "pipeline": Interpreter._pipeline,
    "if_statement": Interpreter._branches,
    "list": Interpreter._list,
    "case_statement": Interpreter._branches,
    **dict.fromkeys(
        ("for_statement", "c_style_for_statement", "while_statement", "until_statement", "select_statement"),
        Interpreter._loop,
    ),
    "test_command": Interpreter._test,
    **dict.fromkeys(("comment", "heredoc_body", "heredoc_start", "heredoc_end"), Interpreter._nothing),
    "ERROR": Interpreter._error,
}


def _first_error(root):
    """The first node tree-sitter could not place (ERROR) or had to invent (missing), in text order; inside
    an ERROR that covers a whole construct, the first smaller one within it (nearer the bad token)."""
    found = None
    stack = [root]
    while stack:
        node = stack.pop()
        if node is not root and (node.type == "ERROR" or node.is_missing):
            found = node
            stack = list(reversed(node.children))  # look for a smaller one inside it
            continue
        if node.has_error or node.type == "ERROR":
            stack.extend(reversed(node.children))
    return found if found is not None else (root if root.type == "ERROR" else None)


def _printed(args: list[Word]) -> tuple[Word, ...]:
    """What `printf` writes, when that is one text: `printf '%s\\n' TEXT` and `printf '%s' TEXT` write
    TEXT (and a line break: left out, as echo's is), `printf TEXT` with no directive or escape but a final
    `\\n` writes TEXT; anything else (`-v NAME`, other directives, several arguments) the words as echo's."""
    if len(args) == 2 and args[0].literal in ("%s", "%s\\n"):
        return (args[1],)
    if len(args) == 1 and args[0].literal is not None:
        text = args[0].literal.removesuffix("\\n")
        if "%" not in text and "\\" not in text:
            word = args[0]
            return (Word(word.value.slice(0, len(text)), word.start, word.end, word.quoting, raw=word.raw),)
    return tuple(w for w in args if not (w.literal or "x").startswith("-"))


def _when(condition: str, negated: bool = False) -> str:
    """When a branch is taken, as a finding says it: "when NGC_API_KEY is set", "unless `[ -f key ]`"."""
    test = _SET_TEST.fullmatch(condition)
    if test is not None:
        is_set = (test.group(1) or "").strip() != "-z"
        return f"when {test.group(2)} is {'set' if is_set != negated else 'empty'}"
    if not condition:
        return "otherwise" if negated else "in one branch"
    return f"{'unless' if negated else 'when'} `{_shortened(condition)}`"


def _shortened(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_script_file(word: Word) -> bool:
    return bool(word.literal and _SCRIPT_FILE.search(word.literal))


__all__ = ["MAX_DEPTH", "MAX_SCRIPT_NESTING", "Interpreter"]
