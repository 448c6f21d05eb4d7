"""Output formats. Each formatter gets the same sorted, redacted diagnostics and a stream.

Add a format by adding a module with `write(diagnostics, stream)` and naming it in FORMATS.
"""

from __future__ import annotations

from typing import Callable, TextIO

from nvlint.diagnostics import Diagnostic

Formatter = Callable[[list[Diagnostic], TextIO], None]


def _text(diagnostics: list[Diagnostic], stream: TextIO) -> None:
    from nvlint.report import text

    text.write(diagnostics, stream)


def _json(diagnostics: list[Diagnostic], stream: TextIO) -> None:
    from nvlint.report import json_format

    json_format.write(diagnostics, stream)


FORMATS: dict[str, Formatter] = {"text": _text, "json": _json}
