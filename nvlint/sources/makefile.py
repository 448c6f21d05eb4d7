"""Makefiles: recipes become shell snippets after make's own expansion, with exact positions.

No library parses Makefiles with positions (and make itself evaluates, it does not parse), so this
is a small reader for the GNU make subset that deployment Makefiles use: variables (`=`, `:=`, `::=`,
`?=`, `+=`, `!=`, `define ... endef`, `export`, `override`, target-specific), rules with
prerequisites, recipes (tab or `.RECIPEPREFIX`, `\\` continuations, `@`/`-`/`+` prefixes), `$$`,
`$(VAR)`, `${VAR}`, `$X`, `$@`, `$<`, `$^`, conditionals (both branches are read) and `include`.
Functions (`$(shell ...)`, `$(call ...)`...) and variables make cannot know are unknown values.

A target's flow is its prerequisites' recipes (depth first, left to right, each once, as make runs
them without -j), then its own.
"""

from __future__ import annotations

import re
from pathlib import Path

from nvlint.events import CommandRun, Event
from nvlint.shell.words import Expansion, Part, Value, Word, literal_part, unknown_part
from nvlint.sources import shell
from nvlint.text import snippet_of_value

_ASSIGNMENT = re.compile(r"^\s*((?:(?:export|override|private)\s+)*)([^\s:#=]+)\s*(::=|:::=|:=|\?=|\+=|!=|=)")
_DIRECTIVE = re.compile(r"^\s*(ifeq|ifneq|ifdef|ifndef|else|endif|vpath|unexport|\.PHONY)\b")
_INCLUDE = re.compile(r"^\s*(-include|sinclude|include)\s+(.+)$")
_FUNCTIONS = frozenset("""shell call wildcard subst patsubst strip findstring filter filter-out sort word words
firstword lastword dir notdir suffix basename addsuffix addprefix join realpath abspath error warning info if
or and foreach file value eval origin flavor guile intcmp let""".split())
MAX_EXPANSION_DEPTH = 20


# Plain classes rather than dataclasses: see nvlint/record.py (start-up cost).


class Text:
    """A piece of the Makefile with each character's offset."""

    __slots__ = ("chars", "offsets", "foreign")

    def __init__(self, chars: str, offsets: list[int], foreign: bool = False) -> None:
        self.chars = chars
        self.offsets = offsets
        self.foreign = foreign  # from an included file: offsets are those of the reference in this one

    def slice(self, i: int, j: int) -> Text:
        return Text(self.chars[i:j], self.offsets[i:j], self.foreign)

    def strip(self) -> Text:
        left = len(self.chars) - len(self.chars.lstrip())
        right = len(self.chars.rstrip())
        return self.slice(left, max(left, right))


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
    def __init__(self, text: str, path: str | None, reads_words=None) -> None:
        self.text = text
        self.path = path
        self.reads_words = reads_words
        self.variables: dict[str, Variable] = {}
        self.targets: dict[str, Target] = {}
        self.order: list[str] = []
        self.recipe_prefix = "\t"
        self.export_all = False
        self.oauthtoken_refs: list[tuple[int, int]] = []  # `$oauthtoken` that make expands as `$o`
        self._sites: list[tuple[int, int]] | None = None
        self._read(text, local=True, depth=0)

    # ---- reading -------------------------------------------------------------------------------

    def _lines(self, text: str) -> list[tuple[int, int]]:
        out, position = [], 0
        while position <= len(text):
            newline = text.find("\n", position)
            end = newline if newline != -1 else len(text)
            out.append((position, end))
            if newline == -1:
                break
            position = newline + 1
        return out

    def _read(self, text: str, local: bool, depth: int) -> None:
        lines = self._lines(text)
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
            line = logical.chars
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
            if not first and not raw.startswith(self.recipe_prefix):
                start = 0
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
        words = header.chars.split()
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
        if self.path is None or depth > 5:
            return
        base = Path(self.path).parent
        for name in names.split():
            if "$" in name or "*" in name:
                continue
            try:
                included = (base / name).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            self._read(included, local=False, depth=depth + 1)

    def _assign(self, line: Text, match: re.Match, table: dict[str, Variable], local: bool) -> None:
        name, operator = match.group(2), match.group(3)
        value = line.slice(match.end(), len(line.chars)).strip()
        exported = "export" in match.group(1)
        if not local:
            value = Text(value.chars, [-1] * len(value.chars))  # another file: no position here
        if name == ".RECIPEPREFIX":
            self.recipe_prefix = value.chars[:1] or "\t"
            return
        if name == ".EXPORT_ALL_VARIABLES":
            self.export_all = True
            return
        previous = table.get(name)
        if operator == "+=" and previous is not None:
            joined = Text(previous.value.chars + " " + value.chars,
                          previous.value.offsets + [value.offsets[0] if value.offsets else -1] + value.offsets)
            table[name] = Variable(joined, previous.flavor, exported or previous.exported, local)
        elif operator == "?=" and previous is not None:
            return
        else:
            table[name] = Variable(value, operator, exported or (previous.exported if previous else False), local)

    def _rule(self, line: Text) -> list[Target]:
        chars = line.chars
        colon = _rule_colon(chars)
        if colon is None:
            return []
        names_part = line.slice(0, colon)
        rest = line.slice(colon + (2 if chars[colon:colon + 2] == "::" else 1), len(chars))
        targets = []
        for match in re.finditer(r"\S+", names_part.chars):
            name = match.group(0)
            if "%" in name or name.startswith(".") and name.isupper():
                continue
            target = self.targets.get(name)
            if target is None:
                target = Target(name, names_part.offsets[match.start()])
                self.targets[name] = target
                self.order.append(name)
            targets.append(target)
        specific = _ASSIGNMENT.match(rest.chars)
        if specific:
            for target in targets:
                self._assign(rest, specific, target.variables, True)
            return targets
        prerequisites = rest.chars.split(";", 1)[0]
        for match in re.finditer(r"[^\s|]+", prerequisites):
            for target in targets:
                target.prerequisites.append((match.group(0), rest.offsets[match.start()]))
        return targets

    # ---- expansion -----------------------------------------------------------------------------

    def expand_with_sites(self, text: Text, target: Target | None) -> tuple[list[Part], list[tuple[int, int]]]:
        """Like :meth:`expand`, plus where each character is written: a reference's characters are
        written at the reference (`$(IMAGE)`), whatever definition they come from."""
        self._sites = []
        parts = self.expand(text, target, track=True)
        sites, self._sites = self._sites, None
        return parts, sites

    def expand(self, text: Text, target: Target | None, depth: int = 0, seen: frozenset[str] = frozenset(),
               track: bool = False) -> list[Part]:
        """What make hands to the shell: variable references replaced, `$$` made `$`."""
        parts: list[Part] = []
        if track:
            own = parts

            def note(new_parts: list[Part], start: int, end: int) -> None:
                for part in new_parts:
                    size = len(part.text) if part.known else 1
                    self._sites.extend([(start, end)] * size)
                own.extend(new_parts)
        else:
            def note(new_parts: list[Part], start: int, end: int) -> None:
                parts.extend(new_parts)
        chars, offsets = text.chars, text.offsets
        i = 0
        run_start = 0

        def flush(until: int) -> None:
            if until > run_start:
                parts.append(_literal(chars[run_start:until], offsets[run_start:until], text.foreign))
                if track:
                    self._sites.extend((o, o + 1) for o in offsets[run_start:until])

        while i < len(chars):
            if chars[i] != "$" or i + 1 >= len(chars):
                i += 1
                continue
            flush(i)
            following = chars[i + 1]
            if following == "$":
                note([_literal("$", [offsets[i]])], offsets[i], offsets[i] + 2)
                i += 2
            elif following in "({":
                close = _matching(chars, i + 1)
                inner = text.slice(i + 2, close)
                end = _end(offsets, close)
                note(self._reference(inner, target, depth, seen, offsets[i], end), offsets[i], end)
                i = close + 1
            else:
                end = _end(offsets, i + 1)
                if following == "o" and chars.startswith("authtoken", i + 2):
                    # make reads `$o` + "authtoken": keep the text, and remember it for NV302
                    self.oauthtoken_refs.append((offsets[i], _end(offsets, i + 10)))
                    note([_literal("$o", offsets[i:i + 2])], offsets[i], end)
                    if track:
                        self._sites[-2:] = [(offsets[i], offsets[i] + 1), (offsets[i + 1], offsets[i + 1] + 1)]
                else:
                    note(self._single(following, target, depth, seen, offsets[i], end), offsets[i], end)
                i += 2
            run_start = i
        flush(len(chars))
        return parts

    def _reference(self, inner: Text, target, depth, seen, start: int, end: int) -> list[Part]:
        name = inner.chars.strip()
        first = name.split(None, 1)[0] if name else ""
        if not name or first in _FUNCTIONS and " " in name or ":" in name or "$" in name or "=" in name:
            return [unknown_part(f"make:$({name})", start, end)]
        return self._variable(name, target, depth, seen, start, end)

    def _single(self, char: str, target, depth, seen, start: int, end: int) -> list[Part]:
        if char == "@" and target is not None:
            return [_literal(target.name, [start] * len(target.name))]
        if char == "<" and target is not None and target.prerequisites:
            first = target.prerequisites[0][0]
            return [_literal(first, [start] * len(first))]
        if char in "@<^+*?%|":
            return [unknown_part(f"make:${char}", start, end)]
        return self._variable(char, target, depth, seen, start, end)

    def _variable(self, name: str, target, depth, seen, start: int, end: int) -> list[Part]:
        variable = (target.variables.get(name) if target is not None else None) or self.variables.get(name)
        if variable is None or variable.flavor == "!=" or depth > MAX_EXPANSION_DEPTH or name in seen:
            return [unknown_part(f"make:$({name})", start, end)]
        value = variable.value
        if not variable.local:  # defined in an included file: spread it over the reference here
            size = len(value.chars)
            value = Text(value.chars, [start + (k * (end - 1 - start)) // max(size - 1, 1) for k in range(size)],
                         foreign=True)
        return self.expand(value, target, depth + 1, seen | {name})

    # ---- flows ---------------------------------------------------------------------------------

    def recipe_events(self, target: Target) -> list[Event]:
        events: list[Event] = []
        env = {name: Value(self.expand(v.value, target)) for name, v in self.variables.items()
               if v.exported or self.export_all}
        for line in target.recipe:
            before = len(self.oauthtoken_refs)
            parts, sites = self.expand_with_sites(line, target)
            value, skipped = _strip_prefixes(Value(parts))
            snippet = snippet_of_value(value, line.offsets[-1] + 1 if line.offsets else 0, env=env,
                                       dollar_escape="$$")
            if snippet is not None:
                sites = sites[skipped:]
                snippet.sites = sites + [sites[-1] if sites else (snippet.offsets[-1], snippet.offsets[-1])]
            if snippet is not None:
                for flow in shell.flows_of(snippet, self.reads_words)[:1]:
                    events.extend(flow)
            for start, end in self.oauthtoken_refs[before:]:
                marker = Word(Value(()), start, end, "make",
                              (Expansion("oauthtoken", start, end, False, False, by_make=True),))
                events.append(CommandRun(start, end, words=[marker], dollar_escape="$$"))
        return events

    def flows(self) -> list[list[Event]]:
        own: dict[str, list[Event]] = {}

        def events_of(name: str) -> list[Event]:
            if name not in own:
                own[name] = self.recipe_events(self.targets[name])
            return own[name]

        def order(name: str, seen: set[str]) -> list[str]:
            if name in seen or name not in self.targets:
                return []
            seen.add(name)
            out: list[str] = []
            for prerequisite, _ in self.targets[name].prerequisites:
                out.extend(order(prerequisite, seen))
            return out + [name]

        out = []
        for name in self.order:
            flow: list[Event] = []
            for step in order(name, set()):
                flow.extend(events_of(step))
            if flow:
                out.append(flow)
        return out


def _literal(chars: str, offsets: list[int], foreign: bool = False) -> Part:
    return literal_part(chars, offsets[0] if offsets else 0, tuple(offsets), foreign=foreign)


def _end(offsets: list[int], index: int) -> int:
    return (offsets[index] if index < len(offsets) else offsets[-1]) + 1


def _matching(chars: str, open_at: int) -> int:
    opening = chars[open_at]
    closing = ")" if opening == "(" else "}"
    depth = 0
    for k in range(open_at, len(chars)):
        if chars[k] == opening:
            depth += 1
        elif chars[k] == closing:
            depth -= 1
            if depth == 0:
                return k
    return len(chars) - 1


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
        elif char == ":" and depth == 0 and line[k + 1:k + 2] != "=":
            return k
    return None


def _strip_prefixes(value: Value) -> tuple[Value, int]:
    """`@`, `-` and `+` before a recipe line are make's, not the shell's. Returns how many went."""
    template = value.template()
    k = 0
    while k < len(template) and template[k] in "@-+ \t":
        k += 1
    return (value.slice(k) if k else value), k


def flows(text: str, path: str | None, reads_words=None) -> list[list[Event]]:
    return Makefile(text, path if path != "-" else None, reads_words).flows()
