"""Shell words as the shell expands them: quoting, escapes, parameter expansion (`$X`, `${X:-d}`, arrays),
command substitution (an identified unknown whose commands are still walked), word splitting.

The statements that hold the words (assignments, commands, control flow) are walked by
nvlint.shell.interp.Interpreter, which has a WordExpander and lends it its statement walk: the commands
inside a command substitution run too.
"""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.model.text import SENTINEL_FIRST, SENTINEL_LAST, Snippet
from nvlint.model.words import (
    EMPTY,
    EXPRESSION,
    FRESH,
    OPERATION,
    SCRIPT_DIR,
    SUBSTITUTION,
    VARIABLE,
    Expansion,
    Part,
    Unknown,
    Value,
    Word,
    literal_part,
    replace_matches,
    split_placeholders,
    unknown_part,
)

_SENTINEL_RE = lazyre.compile(f"[{chr(SENTINEL_FIRST)}-{chr(SENTINEL_LAST)}]")
_FIELD_BREAK = "\x1e"  # between the elements of "${ARRAY[@]}": a word boundary even inside quotes
_IFS = lazyre.compile(r"[ \t\n\x1e]+")
_SPECIAL = frozenset("@*#?$!-0")
_QUOTING = {
    "word": "bare",
    "raw_string": "single",
    "string": "double",
    "ansi_c_string": "ansi",
    "number": "bare",
    "simple_expansion": "bare",
    "expansion": "bare",
}


# Plain classes rather than dataclasses: see nvlint/model/record.py (start-up cost).


_SCRIPT = r"""["']?\$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?["']?"""  # `"$0"`, `${BASH_SOURCE[0]}`
_TARGET = rf"""(?:{_SCRIPT}|"?\$\(\s*(?:realpath|readlink\s+-f)\s+{_SCRIPT}\s*\)"?)"""  # or its real path
_DIRNAME = rf"""\$\(\s*dirname\s+(?:--\s+)?{_TARGET}\s*\)"""
_SCRIPT_FOLDER = lazyre.compile(
    rf"""\$\(\s*(?:dirname\s+(?:--\s+)?{_TARGET}"""
    rf"""|cd\s+(?:--\s+)?"?{_DIRNAME}(?P<suffix>(?:/\.\.?)*)"?\s*(?:[&>/a-z ]*null\s*)?(?:&&|;)\s*pwd(?:\s+-P)?)\s*\)"""
)


def script_folder(text: str) -> str | None:
    """A command substitution that is the running script's folder: the suffix below it (`""`, `"/.."`)."""
    if "dirname" not in text:
        return None
    match = _SCRIPT_FOLDER.fullmatch(text.strip())
    if match is None:
        return None
    return match.group("suffix") or ""


class Vars(dict):
    """A shell's variables, remembering which names were set or unset since this copy was made: merging
    branches compares only those, so the cost of an `if` is what its branches did, not every variable
    the script has set so far (that was quadratic in the script's length). Change it by item, `del` or
    `update`: those are the ways that are recorded."""

    __slots__ = ("written",)

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.written: set[str] = set()

    def __setitem__(self, name: str, value: Value) -> None:
        dict.__setitem__(self, name, value)
        self.written.add(name)

    def __delitem__(self, name: str) -> None:
        dict.__delitem__(self, name)
        self.written.add(name)

    def update(self, *args, **kwargs) -> None:
        changes = dict(*args, **kwargs)
        dict.update(self, changes)
        self.written.update(changes)


_PLAIN_PATH = lazyre.compile(r"[A-Za-z0-9_./-]+")  # a file name as written, with nothing to expand


def file_key(path: str) -> str | None:
    """How a file the script writes or reads by a plain path is known in ``Env.files`` (`./fn.json` is
    `fn.json`); None for a path with anything to expand or quote."""
    return path.removeprefix("./") if _PLAIN_PATH.fullmatch(path) else None


class Env:
    __slots__ = ("vars", "assigned", "positional", "arrays", "cwd", "files")

    def __init__(
        self,
        vars: dict[str, Value] | None = None,
        assigned: set[str] | None = None,
        positional: list[Value] | None = None,
        arrays: dict[str, tuple[Value, ...]] | None = None,
        cwd: str | None = None,
        files: dict[str, Word] | None = None,
    ) -> None:
        self.vars: Vars = vars if isinstance(vars, Vars) else Vars(vars or {})
        self.assigned = assigned if assigned is not None else set()
        self.positional = positional
        self.arrays = arrays if arrays is not None else {}  # `ARGS=(--org acme)`, element by element
        self.cwd = cwd  # the folder the shell is in, when `cd` said so (None: where it started)
        # files the script wrote with text it knows (`cat > fn.json <<EOF`), by the path as written
        self.files = files if files is not None else {}

    def copy(self) -> Env:
        return Env(Vars(self.vars), set(self.assigned), self.positional, dict(self.arrays), self.cwd, dict(self.files))


class Choice:
    """One value a variable may hold after branches that set it differently (`auth=...` only when a key
    is set): the value (and an array's elements), and ``when`` it holds it ("when NGC_API_KEY is set")."""

    __slots__ = ("value", "elements", "when")

    def __init__(self, value: Value, elements: tuple[Value, ...] | None, when: str) -> None:
        self.value = value
        self.elements = elements
        self.when = when


TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import Protocol

    class Statements(Protocol):
        def walk(self, node, env: Env, depth: int, stdin: tuple[Word, ...] = ()) -> tuple[Word, ...] | None: ...


class WordExpander:
    """Expands the words of one snippet at a time (``self.snippet``) in an environment.

    ``statements`` walks a statement (the interpreter): the commands of a command substitution run.
    It is held through a weak proxy: the interpreter holds its expander, and a cycle between them would
    keep every word of a file alive until the garbage collector found it."""

    def __init__(self, statements: Statements) -> None:
        self.statements = statements
        self.snippet: Snippet = Snippet("")
        self.fresh = 0  # numbers the unknowns made fresh (a variable after a loop, `read X`)
        self.flat = False  # past the nesting limit: commands are visited by a loop, not by recursion
        # The values an unknown left by branches may stand for (the interpreter's merge records them), and
        # while a command's alternatives are expanded, the one each such unknown stands for.
        self.choices: dict[Unknown, tuple[Choice, ...]] = {}
        self.every_branch: set[Unknown] = set()  # those whose choices are every branch's value
        self.chosen: dict[Unknown, Choice] | None = None

    def lookup(self, name: str, env: Env, node) -> Value:
        if name.isdigit() and env.positional is not None:
            index = int(name) - 1
            if 0 <= index < len(env.positional):
                return env.positional[index]
        value = env.vars.get(name)
        if value is not None:
            return value if self.chosen is None else self._with_chosen(value)
        start, end = self.span(node)
        return Value([unknown_part(Unknown(VARIABLE, name), start, end)])

    def _with_chosen(self, value: Value) -> Value:
        """The value with each unknown that stands for a choice replaced by the value chosen."""
        chosen = self.chosen or {}
        if not any(part.unknown in chosen for part in value.parts):
            return value
        parts: list[Part] = []
        for part in value.parts:
            choice = chosen.get(part.unknown) if part.unknown is not None else None
            parts.extend(choice.value.parts if choice is not None else (part,))
        return Value(parts)

    def words_of(self, nodes, env: Env, depth: int) -> list[Word]:
        words: list[Word] = []
        for group in self._continued(nodes):
            if len(group) == 1:
                words.extend(self.word(group[0], env, depth))
                continue
            if len(group) == 2 and _dangling_dollar(group, self.snippet.data):
                words.extend(self._rejoined(group, env, depth))
                continue
            pieces = [w for node in group for w in self.word(node, env, depth)]
            if pieces:
                words.append(
                    Word(
                        Value([p for w in pieces for p in w.value.parts]),
                        pieces[0].start,
                        pieces[-1].end,
                        "mixed",
                        tuple(e for w in pieces for e in w.expansions),
                        any(w.may_split for w in pieces),
                        "".join(w.raw for w in pieces),
                    )
                )
        return words

    def _continued(self, nodes) -> list[list]:
        """tree-sitter splits `nvcr.io/ac\\<newline>me/app` in two; bash reads one word. It also splits
        `a=$X,b=$Y,c=1` after the second `$` (see _dangling_dollar): nodes with nothing between them are
        one word too, as bash reads them."""
        groups: list[list] = []
        data = self.snippet.data
        for node in nodes:
            if node.type == "comment":
                continue
            if groups and (
                data[groups[-1][-1].end_byte : node.start_byte] == b"\\\n"
                or _dangling_dollar([groups[-1][-1], node], data)
            ):
                groups[-1].append(node)
            else:
                groups.append([node])
        return groups

    def _rejoined(self, group, env: Env, depth: int) -> list[Word]:
        """`a=$X,b=$` + `Y,c=1` (tree-sitter's split): the `$` and the name that follows are `$Y`."""
        head, tail = group
        data = self.snippet.data
        name = _IDENTIFIER.match(data, tail.start_byte).group(0).decode()  # type: ignore[union-attr]
        dollar = head.children[-1]
        expansions: list[Expansion] = []
        parts = list(self.join_nodes(head.children[:-1], env, depth, quoted=False, expansions=expansions).parts)
        start, end = self.span_of(dollar.start_byte, tail.start_byte + len(name))
        expansions.append(Expansion(name, start, end, False, name in env.assigned))
        value = self.lookup(name, env, _Bytes(dollar.start_byte, tail.start_byte + len(name)))
        parts += [_mark_splittable(p) for p in value.parts]
        parts += self._literal(tail.start_byte + len(name), tail.end_byte, bare=True)
        return self._as_words(parts, head.start_byte, tail.end_byte, "mixed", expansions)

    def word(self, node, env: Env, depth: int) -> list[Word]:
        """One argument node to zero or more words (unquoted expansions are split)."""
        kind = node.type
        expansions: list[Expansion] = []
        parts = self._parts(node, env, depth, quoted=False, expansions=expansions)
        if not parts and kind in ("simple_expansion", "expansion"):
            return []  # an unquoted expansion of an empty value is no argument at all
        return self._as_words(parts, node.start_byte, node.end_byte, _QUOTING.get(kind, "mixed"), expansions)

    def _as_words(self, parts: list[Part], byte_start: int, byte_end: int, quoting: str, expansions) -> list[Word]:
        """The word these parts make, or the fields it splits into (an unquoted expansion)."""
        snippet = self.snippet
        start, end = self.span_of(byte_start, byte_end)
        raw = snippet.text[byte_start:byte_end]
        foreign = snippet.foreign is not None and any(snippet.foreign[byte_start:byte_end])
        for part in parts:  # a loop, not any(): this runs for every word
            if part.splittable:
                return [
                    Word(Value(field), start, end, quoting, tuple(expansions), may_split, raw, foreign)
                    for field, may_split in _split_fields(parts)
                ]
        return [Word(Value(parts), start, end, quoting, tuple(expansions), False, raw, foreign)]

    def join_nodes(self, nodes, env: Env, depth: int, quoted: bool, expansions: list[Expansion]) -> Value:
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
            return list(self.join_nodes(node.children, env, depth, quoted, expansions).parts)
        if kind in ("simple_expansion", "expansion"):
            value = self.expansion(node, env, depth, quoted, expansions)
            return list(value.parts) if quoted else [_mark_splittable(p) for p in value.parts]
        if kind in ("command_substitution", "process_substitution"):
            return [self._substitution(node, env, depth, quoted)]
        if kind == "comment":
            return []
        self.substitutions_only(node, env, depth)
        at = self.snippet.file_offset(node.start_byte)
        return [self.unknown(Unknown(EXPRESSION, at=at), node, splittable=not quoted)]

    def _substitution(self, node, env: Env, depth: int, quoted: bool) -> Part:
        """`$(...)` or `<(...)`: what it writes is unknown, but its commands run (a subshell for `$(...)`)."""
        substitution = node.type == "command_substitution"
        if substitution:
            folder = script_folder(self.snippet.text_between(node.start_byte, node.end_byte))
            if folder is not None:  # `$(dirname "$0")`, `$(cd "$(dirname "$0")/.." && pwd)`
                return self.unknown(Unknown(SCRIPT_DIR, folder), node, splittable=not quoted)
        if not self.flat:  # when flattened, the loop in `flattened` reaches the inner commands itself
            for child in node.named_children:
                self.statements.walk(child, env.copy() if substitution else env, depth + 1)
        at = self.snippet.file_offset(node.start_byte)
        return self.unknown(Unknown(SUBSTITUTION, at=at), node, splittable=not quoted)

    def expansion(self, node, env: Env, depth: int, quoted: bool, expansions: list[Expansion]) -> Value:
        """`$X`, `${X}`, `${X:-default}`, `${ARGS[@]}`...: the value, known or not."""
        name, operator, operands, prefix_op, subscript = self._expansion_pieces(node)
        start, end = self.span(node)
        if subscript is not None and not prefix_op and not operands:
            elements = self._array_elements(subscript, env, quoted, start)
            if elements is not None:
                return elements
            chosen = self._array_of_choices(subscript, env, start, end)
            if chosen is not None:
                return chosen
        if subscript is not None and not prefix_op and operands and operands[0].type in ("+", ":+", "-", ":-"):
            tested = self._array_tested(node, subscript, operands, env, depth, quoted, expansions)
            if tested is not None:
                return tested
        if name is None or prefix_op or subscript is not None:
            self.substitutions_only(node, env, depth)
            raw = self.snippet.text_between(node.start_byte, node.end_byte)
            # `"${ARGS[@]}"` is several words even inside quotes
            several = "[@]" in raw or "[*]" in raw
            return Value([unknown_part(Unknown(EXPRESSION, at=start), start, end, splittable=several)])
        if name.isidentifier():
            expansions.append(Expansion(name, start, end, quoted, name in env.assigned))
        if name in _SPECIAL and not name.isdigit():
            if name in "@*":  # `"$@"` is several words even inside quotes
                return Value([unknown_part(Unknown(VARIABLE, name, at=start), start, end, splittable=True)])
            return Value([unknown_part(Unknown(VARIABLE, name), start, end)])
        current = self.lookup(name, env, node)
        if operator is None:
            return current
        assigned = name in env.vars or (name.isdigit() and env.positional is not None)
        operand = self.join_nodes(operands, env, depth, quoted=True, expansions=expansions)
        return self._operated(node, name, operator, current, assigned, operand, env)

    def _expansion_pieces(self, node) -> tuple[str | None, str | None, list, bool, object]:
        """(name, operator, operand nodes, `${#X}`/`${!X}`, the subscript node of `${X[...]}`)."""
        name = operator = subscript = None
        operands = []
        prefix_op = False
        for child in node.children:
            if child.type in ("$", "${", "}"):
                continue
            if name is None and operator is None and child.type in ("variable_name", "special_variable_name"):
                name = self.snippet.text_between(child.start_byte, child.end_byte)
            elif name is None and child.type in ("#", "!"):
                prefix_op = True
            elif name is None and child.type == "subscript":
                operator, subscript = "[]", child
            elif operator is None and not child.is_named:
                operator = child.type
            else:
                operands.append(child)
        return name, operator, operands, prefix_op, subscript

    def _operated(
        self, node, name: str, operator: str, current: Value, assigned: bool, operand: Value, env: Env
    ) -> Value:
        """`${X<operator>operand}` of a variable whose value is ``current``."""
        start, end = self.span(node)
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
            return Value([unknown_part(Unknown(OPERATION, name, start, operator), start, end)])
        if operator in (":?", "?"):
            return current
        raw = self.snippet.text_between(node.start_byte, node.end_byte)
        if name in ("BASH_SOURCE", "0") and operator == "%" and raw.endswith("%/*}"):
            return Value([unknown_part(Unknown(SCRIPT_DIR), start, end)])  # `${BASH_SOURCE%/*}`: the script's folder
        return Value([unknown_part(Unknown(OPERATION, name, operation=raw, of=current.key), start, end)])

    def _array_tested(
        self, node, subscript, operands: list, env: Env, depth: int, quoted: bool, expansions: list[Expansion]
    ) -> Value | None:
        """`${ARGS[@]+"${ARGS[@]}"}` (the elements only when there are any: `set -u` safe), `${ARGS[@]:-x}`:
        known when the array's elements are; an array left different by branches is an operation on it
        (its alternatives read it with each value)."""
        named = self._subscripted(subscript)
        if named is None or named[1] not in ("@", "*"):
            return None
        name = named[0]
        elements = self._elements(name, env)
        start, end = self.span(node)
        operator = operands[0].type
        if elements is None:
            if name in env.vars:
                return Value([unknown_part(Unknown(OPERATION, name, start, operator), start, end, splittable=True)])
            return None
        operand = self.join_nodes(operands[1:], env, depth, quoted=True, expansions=expansions)
        if operator in ("+", ":+"):
            return operand if elements else EMPTY
        return self._array_elements(subscript, env, quoted, start) if elements else operand

    def _array_of_choices(self, subscript, env: Env, start: int, end: int) -> Value | None:
        """`"${ARGS[@]}"` of an array the branches left different: an operation on it, so that the command
        is also read with each value it may hold."""
        named = self._subscripted(subscript)
        if named is None or self.merged_unknown(named[0], env) not in self.choices:
            return None
        return Value([unknown_part(Unknown(OPERATION, named[0], start, "[@]"), start, end, splittable=True)])

    def _subscripted(self, subscript) -> tuple[str, str] | None:
        """`ARGS[@]`: the array's name and the index as written."""
        children = subscript.named_children
        if len(children) < 2 or children[0].type != "variable_name":
            return None
        return (
            self.snippet.text_between(children[0].start_byte, children[0].end_byte),
            self.snippet.text_between(children[1].start_byte, children[1].end_byte),
        )

    def merged_unknown(self, name: str, env: Env) -> Unknown | None:
        """The unknown a variable's value wholly is (as a merge of branches leaves it), if it is one."""
        held = env.vars.get(name)
        return held.parts[0].unknown if held is not None and len(held.parts) == 1 else None

    def _elements(self, name: str, env: Env) -> tuple[Value, ...] | None:
        """An array's elements when known: as assigned, or as chosen for one of a command's alternatives."""
        elements = env.arrays.get(name)
        which = self.merged_unknown(name, env) if elements is None and self.chosen is not None else None
        if which is not None and self.chosen is not None and which in self.chosen:
            elements = self.chosen[which].elements
        return elements

    def _array_elements(self, subscript, env: Env, quoted: bool, start: int) -> Value | None:
        """`${ARGS[@]}` (several words, even in double quotes), `${ARGS[*]}`, `${ARGS[1]}` of a known array."""
        named = self._subscripted(subscript)
        if named is None:
            return None
        name, index = named
        elements = self._elements(name, env)
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
            if child.type == '"' or (child.start_byte < position and child.type != "string_content"):
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
            part = literal_part(
                text,
                snip.offsets[c0],
                tuple(snip.offsets[c0:c1]),
                foreign=snip.foreign is not None and any(snip.foreign[c0:c1]),
            )
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
        simple = {
            "n": "\n",
            "t": "\t",
            "r": "\r",
            "a": "\a",
            "b": "\b",
            "e": "\x1b",
            "E": "\x1b",
            "f": "\f",
            "v": "\v",
            "\\": "\\",
            "'": "'",
            '"': '"',
            "?": "?",
        }
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

    def heredoc_word(self, body, redirect, env: Env, depth: int) -> Word:
        start_node = next((c for c in redirect.named_children if c.type == "heredoc_start"), None)
        delimiter = self.snippet.text_between(start_node.start_byte, start_node.end_byte) if start_node else ""
        expansions: list[Expansion] = []
        if any(q in delimiter for q in "'\"\\"):
            parts = self._literal(body.start_byte, body.end_byte, bare=False)
        else:
            parts = self._string(body, env, depth, expansions, heredoc=True)
        start, end = self.span(body)
        return Word(Value(parts), start, end, "heredoc", tuple(expansions))

    def substitutions_only(self, node, env: Env, depth: int) -> None:
        """Commands inside `$( )` of constructs we do not evaluate still run."""
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type in ("command_substitution", "process_substitution"):
                for child in current.named_children:
                    self.statements.walk(child, env.copy(), depth + 1)
            else:
                stack.extend(reversed(current.named_children))

    def span(self, node) -> tuple[int, int]:
        return self.span_of(node.start_byte, node.end_byte)

    def span_of(self, c0: int, c1: int) -> tuple[int, int]:
        """The file span of the snippet's characters [c0, c1) (a node's bytes: see Snippet.data)."""
        snippet = self.snippet
        sites = snippet.sites
        if sites is not None and c1 > c0:  # where the text is written may differ from where its characters come from
            return sites[c0][0], max(sites[c0][0], sites[c1 - 1][1])
        start = snippet.file_offset(c0)
        if snippet.offsets is None:
            return start, snippet.base + c1
        end = snippet.offsets[c1 - 1] + 1 if c1 > 0 else start
        if snippet.unknowns and c1 > 0:  # a word ending in a stand-in ends where its text ends
            outer = snippet.unknowns.get(snippet.text[c1 - 1])
            if outer is not None:
                end = max(end, outer.end)
        return start, max(start, end)

    def unknown(self, unknown: Unknown, node, splittable: bool = False) -> Part:
        start, end = self.span(node)
        return unknown_part(unknown, start, end, splittable)

    def fresh_unknown(self, name: str, node, at: int | None = None) -> Value:
        self.fresh += 1
        if node is not None:
            start, end = self.span(node)
        else:
            start = end = at or 0
        return Value([unknown_part(Unknown(FRESH, name, self.fresh), start, end)])


def _mark_splittable(part: Part) -> Part:
    return Part(part.text, part.start, part.end, part.offsets, part.unknown, True, part.foreign)


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


_IDENTIFIER = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")


class _Bytes:
    """A span of the snippet's bytes, where an expansion needs a node's (its unknown's place)."""

    __slots__ = ("start_byte", "end_byte")

    def __init__(self, start_byte: int, end_byte: int) -> None:
        self.start_byte, self.end_byte = start_byte, end_byte


def _dangling_dollar(group, data: bytes) -> bool:
    """tree-sitter-bash reads `a=$X,b=$Y,c=1` as `a=$X,b=$` and `Y,c=1`: two nodes with nothing between
    them, the first ending in a bare `$` and the second starting with a name."""
    head, tail = group
    return (
        head.end_byte == tail.start_byte
        and head.type == "concatenation"
        and head.children
        and head.children[-1].type == "$"
        and tail.type == "word"
        and _IDENTIFIER.match(data, tail.start_byte) is not None
    )
