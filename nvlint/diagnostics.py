"""The diagnostic model shared by rules and reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Edit:
    """Replace file characters [start, end) with ``content``. Positions are filled in later."""

    start: int
    end: int
    content: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


@dataclass(frozen=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    applicability: str = "safe"  # "safe" or "unsafe"


@dataclass
class Diagnostic:
    code: str
    name: str
    severity: str
    message: str
    start: int  # file character offsets; [start, end)
    end: int
    fix: Fix | None = None
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict = field(default_factory=dict)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)
