"""Helm charts: a chart's `templates/` are Kubernetes manifests written with Go templates, and its
`values*.yaml` the values they take.

A template does not parse as YAML until Helm renders it (`name: {{ .Release.Name }}` opens a flow
mapping), so before parsing each `{{ ... }}` becomes a run of one private-use character of its own, as
long as the expression (line breaks kept), and a line holding nothing but template actions (`{{- if ... }}`,
`{{- include ... | nindent 4 }}`) becomes blank. Every offset stays where it was: findings point into the
template, and messages quote it as written. The runs are unknown values when scalars are read: nothing is
ever reported about a template expression, only about what is literal around it.
"""

from __future__ import annotations

import os
import re

from nvlint import lazyre
from nvlint.model.words import PLACEHOLDER, Unknown
from nvlint.yamltree.nodes import Expressions

_ACTION = lazyre.compile(r"\{\{.*?\}\}", re.DOTALL)
_FIRST = 0xF0000  # plane 15, private use: nothing in a real chart, nothing the shell's sentinels use
_LAST = 0xFFFFD
_MARKS = lazyre.compile(f"([{chr(_FIRST)}-{chr(_LAST)}])\\1*")
_ONLY_MARKS = lazyre.compile(
    f"^[ \\t{chr(_FIRST)}-{chr(_LAST)}]*[{chr(_FIRST)}-{chr(_LAST)}][ \\t{chr(_FIRST)}-{chr(_LAST)}]*$"
)


def chart_of(path: str) -> str | None:
    """The chart folder (the one with `Chart.yaml`) a template of it is under (`templates/...`)."""
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        if os.path.basename(folder) == "templates" and os.path.isfile(os.path.join(folder, "..", "Chart.yaml")):
            return os.path.dirname(folder)
        parent = os.path.dirname(folder)
        if parent == folder or os.path.isfile(os.path.join(folder, "Chart.yaml")):
            return None
        folder = parent


def is_template(path: str | None) -> bool:
    return path is not None and path.endswith((".yaml", ".yml", ".tpl")) and chart_of(path) is not None


def is_values(path: str | None) -> bool:
    """`values.yaml`, `values-prod.yaml`... beside the chart's `Chart.yaml`."""
    if path is None:
        return False
    name = os.path.basename(path)
    return (
        name.startswith("values")
        and name.endswith((".yaml", ".yml"))
        and os.path.isfile(os.path.join(os.path.dirname(os.path.abspath(path)), "Chart.yaml"))
    )


class TemplateExpressions(Expressions):
    """Each mark run is the unknown value of the template expression it stands for."""

    __slots__ = ("originals",)

    def __init__(self, originals: dict[str, str]) -> None:
        super().__init__(_MARKS)
        self.originals = originals

    def unknown(self, expression: str) -> Unknown:
        return Unknown(PLACEHOLDER, self.originals.get(expression[:1], "{{ }}"))


def rendered_for_parsing(text: str) -> tuple[str, TemplateExpressions] | None:
    """The template's text as YAML can parse it, and how its expressions read; None when it has none
    (or more than the marks can tell apart)."""
    if "{{" not in text:
        return None
    originals: dict[str, str] = {}
    out: list[str] = []
    last = 0
    for n, match in enumerate(_ACTION.finditer(text)):
        if _FIRST + n > _LAST:
            return None
        mark = chr(_FIRST + n)
        originals[mark] = " ".join(match.group(0).split())
        out.append(text[last : match.start()])
        out.append("".join("\n" if char == "\n" else mark for char in match.group(0)))
        last = match.end()
    out.append(text[last:])
    lines = "".join(out).split("\n")
    blanked = [" " * len(line) if _ONLY_MARKS.match(line) else line for line in lines]
    return "\n".join(blanked), TemplateExpressions(originals)
