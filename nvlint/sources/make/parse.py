"""Reading a Makefile: its variables, its rules (targets, prerequisites, recipes) and the files it
includes, each piece of text with its positions. Nothing is expanded here (see expand.py).

No library parses Makefiles with positions (and make itself evaluates, it does not parse), so this
is a small reader for the GNU make subset that deployment Makefiles use: variables (`=`, `:=`, `::=`,
`?=`, `+=`, `!=`, `define ... endef`, `export`, `override`, target-specific), rules with
prerequisites, recipes (tab or `.RECIPEPREFIX`, `\\` continuations, `@`/`-`/`+` prefixes),
conditionals (both branches are read) and `include`.
"""

from __future__ import annotations

import re
from pathlib import Path

from nvlint import lazyre
from nvlint.model.text import Text

_ASSIGNMENT = lazyre.compile(r"^\s*((?:(?:export|override|private)\s+)*)([^\s:#=]+)\s*(::=|:::=|:=|\?=|\+=|!=|=)")
_DIRECTIVE = lazyre.compile(r"^\s*(ifeq|ifneq|ifdef|ifndef|else|endif|vpath|unexport|\.PHONY)\b")
_INCLUDE = lazyre.compile(r"^\s*(-include|sinclude|include)\s+(.+)$")
MAX_INCLUDE_DEPTH = 5


class Variable:
    __slots__ = ("value", "flavor", "exported", "local")

    def __init__(self, value: Text, flavor: str, exported: bool = False, local: bool = True) -> None:
        self.value = value
        self.flavor = flavor  # "=", ":=", "?=", "!=" ...
        self.exported = exported
        self.local = local  # defined in this file (offsets point into it)


class Target:
    __slots__ = ("name", "name_at", "prerequisites", "recipe", "variables")

    def __init__(self, name: str, name_at: int) -> None:
        self.name = name
        self.name_at = name_at
        self.prerequisites: list[tuple[str, int]] = []
        self.recipe: list[Text] = []
        self.variables: dict[str, Variable] = {}


class Makefile:
    """The variables and rules of one Makefile (and of the files it includes)."""

    def __init__(self, text: str, path: str | None, read_other) -> None:
        self.path = path
        self.read_other = read_other  # Source.read_other: an included file's text, recorded as read
        self.variables: dict[str, Variable] = {}
        self.targets: dict[str, Target] = {}
        self.order: list[str] = []  # targets in the order they are first written
        self.recipe_prefix = "\t"
        self.export_all = False
        self._read(text, local=True, depth=0)

    def _read(self, text: str, local: bool, depth: int) -> None:
        lines = _lines(text)
        current: list[Target] = []
        i = 0
        while i < len(lines):
            a, b = lines[i]
            raw = text[a:b].rstrip("\r")
            if current and raw.startswith(self.recipe_prefix):
                recipe, i = self._recipe_line(text, lines, i)
                if local:
                    for target in current:
                        target.recipe.append(recipe)
                continue
            logical, i = self._logical_line(text, lines, i)
            line = logical.text
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if stripped.startswith("define "):
                i = self._define(text, lines, i, logical, local)
                continue
            if _DIRECTIVE.match(line) or stripped == "endef":
                continue
            include = _INCLUDE.match(line)
            if include:
                self._include(include.group(2), depth)
                continue
            assignment = _ASSIGNMENT.match(line)
            if assignment and ":" not in line[: assignment.start(2)]:
                self._assign(logical, assignment, self.variables, local)
                current = [] if current and not line.startswith((" ", "\t")) else current
                continue
            if ":" in line and not line.lstrip().startswith(self.recipe_prefix):
                current = self._rule(logical) if local else []
                continue
        return None

    def _logical_line(self, text: str, lines, i: int) -> tuple[Text, int]:
        """A non-recipe line with `\\` continuations folded to one space, comments removed."""
        chars: list[str] = []
        offsets: list[int] = []
        while i < len(lines):
            a, b = lines[i]
            raw = text[a:b].rstrip("\r")
            hash_at = _comment_start(raw)
            if hash_at is not None:
                raw = raw[:hash_at]
            i += 1
            continued = raw.endswith("\\") and not raw.endswith("\\\\")
            body = raw[:-1] if continued else raw
            if chars and body.strip() == "" and continued:
                continue
            start = len(body) - len(body.lstrip()) if chars else 0
            for k in range(start, len(body)):
                chars.append(body[k])
                offsets.append(a + k)
            if not continued:
                break
            while chars and chars[-1] in " \t":
                chars.pop()
                offsets.pop()
            chars.append(" ")
            offsets.append(a + len(body))
        return Text("".join(chars), offsets), i

    def _recipe_line(self, text: str, lines, i: int) -> tuple[Text, int]:
        """A recipe line: `\\`-newline stays (the shell reads it); a continuation loses its prefix tab."""
        chars: list[str] = []
        offsets: list[int] = []
        first = True
        while i < len(lines):
            a, b = lines[i]
            raw = text[a:b].rstrip("\r")
            start = len(self.recipe_prefix) if (first or raw.startswith(self.recipe_prefix)) else 0
            for k in range(start, len(raw)):
                chars.append(raw[k])
                offsets.append(a + k)
            i += 1
            first = False
            if raw.endswith("\\") and i < len(lines):
                chars.append("\n")
                offsets.append(a + len(raw))
                continue
            break
        return Text("".join(chars), offsets), i

    def _define(self, text: str, lines, i: int, header: Text, local: bool) -> int:
        words = header.text.split()
        name = words[1] if len(words) > 1 else ""
        chars: list[str] = []
        offsets: list[int] = []
        while i < len(lines):
            a, b = lines[i]
            raw = text[a:b].rstrip("\r")
            i += 1
            if raw.strip() == "endef":
                break
            if chars:
                chars.append("\n")
                offsets.append(a - 1)
            chars.extend(raw)
            offsets.extend(range(a, a + len(raw)))
        if name and name.isidentifier():
            self.variables[name] = Variable(Text("".join(chars), offsets), "=", local=local)
        return i

    def _include(self, names: str, depth: int) -> None:
        if self.path is None or depth > MAX_INCLUDE_DEPTH:
            return
        base = Path(self.path).parent
        for name in names.split():
            if "$" in name or "*" in name:
                continue
            included = self.read_other(base / name)
            if included is not None:
                self._read(included, local=False, depth=depth + 1)

    def _assign(self, line: Text, match: re.Match, table: dict[str, Variable], local: bool) -> None:
        name, operator = match.group(2), match.group(3)
        value = line.slice(match.end(), len(line.text)).strip()
        exported = "export" in match.group(1)
        if not local:
            value = Text(value.text, [-1] * len(value.text))  # another file: no position here
        if name == ".RECIPEPREFIX":
            self.recipe_prefix = value.text[:1] or "\t"
            return
        if name == ".EXPORT_ALL_VARIABLES":
            self.export_all = True
            return
        previous = table.get(name)
        if operator == "+=" and previous is not None:
            joined = Text(
                previous.value.text + " " + value.text,
                [*previous.value.offsets, value.offsets[0] if value.offsets else -1, *value.offsets],
            )
            table[name] = Variable(joined, previous.flavor, exported or previous.exported, local)
        elif operator == "?=" and previous is not None:
            return
        else:
            table[name] = Variable(value, operator, exported or (previous.exported if previous else False), local)

    def _rule(self, line: Text) -> list[Target]:
        chars = line.text
        colon = _rule_colon(chars)
        if colon is None:
            return []
        names_part = line.slice(0, colon)
        rest = line.slice(colon + (2 if chars[colon : colon + 2] == "::" else 1), len(chars))
        targets = []
        for match in re.finditer(r"\S+", names_part.text):
            name = match.group(0)
            if "%" in name or (name.startswith(".") and name.isupper()):
                continue
            target = self.targets.get(name)
            if target is None:
                target = Target(name, names_part.offsets[match.start()])
                self.targets[name] = target
                self.order.append(name)
            targets.append(target)
        specific = _ASSIGNMENT.match(rest.text)
        if specific:
            for target in targets:
                self._assign(rest, specific, target.variables, True)
            return targets
        prerequisites = rest.text.split(";", 1)[0]
        for match in re.finditer(r"[^\s|]+", prerequisites):
            for target in targets:
                target.prerequisites.append((match.group(0), rest.offsets[match.start()]))
        return targets


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its newline."""
    out, position = [], 0
    while position <= len(text):
        newline = text.find("\n", position)
        end = newline if newline != -1 else len(text)
        out.append((position, end))
        if newline == -1:
            break
        position = newline + 1
    return out


def _comment_start(line: str) -> int | None:
    """A `#` that starts a comment (not escaped, not inside `$(...)`)."""
    depth = 0
    for k, char in enumerate(line):
        if char in "({" and k and line[k - 1] == "$":
            depth += 1
        elif char in ")}" and depth:
            depth -= 1
        elif char == "#" and depth == 0 and (k == 0 or line[k - 1] != "\\"):
            return k
    return None


def _rule_colon(line: str) -> int | None:
    depth = 0
    for k, char in enumerate(line):
        if char in "({":
            depth += 1
        elif char in ")}":
            depth = max(0, depth - 1)
        elif char == ":" and depth == 0 and line[k + 1 : k + 2] != "=":
            return k
    return None
