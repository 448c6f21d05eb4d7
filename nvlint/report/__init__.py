"""Output formats. Every formatter gets the same Report (sorted, redacted diagnostics) and a stream.

Add a format by adding a module with `write(report, stream)` and naming it in FORMATS.
"""

from __future__ import annotations

from nvlint import import_module
from nvlint.diagnostics import Diagnostic

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO

FORMATS = {
    "text": "text",
    "pretty": "pretty",
    "json": "json_format",
    "jsonl": "json_format:write_lines",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
    "checkstyle": "checkstyle",
}


class Report:
    # A plain class rather than a dataclass: see nvlint/model/record.py (start-up cost).
    def __init__(self, diagnostics: list[Diagnostic], files: list[str] | None = None, color: bool = False) -> None:
        self.diagnostics = diagnostics
        self.files = files if files is not None else []  # every file that was checked
        self.color = color
        self._sources: dict[str, list[str]] = {}

    def source_lines(self, path: str) -> list[str]:
        """The file's lines, for formats that show them (keys redacted)."""
        if path not in self._sources:
            from nvlint.secrets import redact

            try:
                with open(path, encoding="utf-8", errors="replace", newline="") as handle:
                    self._sources[path] = [redact(line.rstrip("\r\n")) for line in handle]
            except OSError:
                self._sources[path] = []
        return self._sources[path]

    def remember_source(self, path: str, text: str) -> None:
        from nvlint.secrets import redact

        self._sources[path] = [redact(line.rstrip("\r")) for line in text.split("\n")]


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def fixable_phrase(diagnostics: list[Diagnostic], unsafe_applied: bool = False) -> str:
    """`; 2 fixable with --fix (1 more with --unsafe-fixes)`, or "" when nothing is fixable."""
    safe = sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability == "safe")
    unsafe = sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability == "unsafe")
    if unsafe_applied:
        safe, unsafe = safe + unsafe, 0
    text = f"; {safe} fixable with --fix" if safe else ""
    if unsafe:
        text += f" ({unsafe} more with --unsafe-fixes)" if safe else f"; {unsafe} fixable with --unsafe-fixes"
    return text


def checked_phrase(files: int) -> str:
    """` (12 files checked)`."""
    return f" ({plural(files, 'file')} checked)"


_NOT_XML = None


def xml_text(text: str) -> str:
    """Text an XML 1.0 document can carry: characters outside its Char production (control characters, lone
    surrogates, U+FFFE/U+FFFF) become U+FFFD. ElementTree escapes markup but writes these as they are."""
    global _NOT_XML
    if _NOT_XML is None:
        import re

        _NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    return _NOT_XML.sub("\ufffd", text)


def write(format_name: str, report: Report, stream: TextIO) -> None:
    module_name, _, function = FORMATS[format_name].partition(":")
    module = import_module(f"nvlint.report.{module_name}")
    getattr(module, function or "write")(report, stream)
