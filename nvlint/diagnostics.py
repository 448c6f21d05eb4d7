"""The diagnostic model shared by rules and reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

# Where each rule's page is published (the `rules/` folder of the repository).
DOCS_URL = "https://github.com/nvlint/nvlint/blob/main/rules/{code}.md"


def rule_url(code: str) -> str:
    return DOCS_URL.format(code=code)


def severity_rank(level: str) -> int:
    """error 2, warning 1, info 0: `fail-on` compares these."""
    return {"error": 2, "warning": 1, "info": 0}.get(level, 0)


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
    fingerprint: str = ""  # stable across edits elsewhere in the file: rule, path, the text it points at
    extra: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return rule_url(self.code)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)
