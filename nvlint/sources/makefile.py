"""Makefiles: recipes become shell snippets after make's own expansion, with exact positions.

The reading is in nvlint.sources.make: parse.py (variables, rules, recipes, includes), expand.py
(`$$`, `$(VAR)`, `$@`...), flows.py (a target's flow is its prerequisites' recipes, then its own).
"""

from __future__ import annotations

from nvlint.sources.kind import Reading, Source


def read(source: Source) -> Reading:
    from nvlint.sources.make.flows import flows  # here: the interpreter is not needed to find files
    from nvlint.sources.make.parse import Makefile

    return Reading(
        flows(Makefile(source.text, source.path, source.read_other), source.reads_words, source.sourced_files())
    )
