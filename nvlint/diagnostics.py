"""The diagnostic model shared by rules and reporters."""

from __future__ import annotations

from nvlint import REPOSITORY
from nvlint.model.record import Record, field_names

# Where each rule's page is published (the `rules/` folder of the repository).
DOCS_URL = REPOSITORY + "/blob/main/rules/{code}.md"


def rule_url(code: str) -> str:
    return DOCS_URL.format(code=code)


def severity_rank(level: str) -> int:
    """error 2, warning 1, info 0: `fail-on` compares these."""
    return {"error": 2, "warning": 1, "info": 0}.get(level, 0)


# Plain classes rather than dataclasses: see nvlint/model/record.py (start-up cost).


class Edit(Record):
    """Replace file characters [start, end) with ``content``. Positions are filled in later."""

    __slots__ = ("start", "end", "content", "line", "column", "end_line", "end_column")

    def __init__(
        self, start: int, end: int, content: str, line: int = 0, column: int = 0, end_line: int = 0, end_column: int = 0
    ) -> None:
        self.start = start
        self.end = end
        self.content = content
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    def as_dict(self) -> dict:
        return dict(zip(field_names(Edit), self.fields(), strict=True))


class Fix(Record):
    __slots__ = ("message", "edits", "applicability")

    def __init__(self, message: str, edits: tuple[Edit, ...], applicability: str = "safe") -> None:
        self.message = message
        self.edits = edits
        self.applicability = applicability  # "safe" or "unsafe"

    def as_dict(self) -> dict:
        return {
            "message": self.message,
            "edits": [edit.as_dict() for edit in self.edits],
            "applicability": self.applicability,
        }


class Diagnostic(Record):
    __slots__ = (
        "code",
        "name",
        "severity",
        "message",
        "start",
        "end",
        "fix",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "fingerprint",
        "extra",
    )

    def __init__(
        self,
        code: str,
        name: str,
        severity: str,
        message: str,
        start: int,
        end: int,
        fix: Fix | None = None,
        path: str = "",
        line: int = 0,
        column: int = 0,
        end_line: int = 0,
        end_column: int = 0,
        fingerprint: str = "",
        extra: dict | None = None,
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.message = message
        self.start = start  # file character offsets; [start, end)
        self.end = end
        self.fix = fix
        self.path = path
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.fingerprint = fingerprint  # stable across edits elsewhere in the file: rule, path, the text it points at
        self.extra = extra if extra is not None else {}

    def as_dict(self) -> dict:
        """Every field, the fix as nested dicts: what the cache stores and `Diagnostic(**...)` reads back."""
        out = dict(zip(field_names(Diagnostic), self.fields(), strict=True))
        out["fix"] = self.fix.as_dict() if self.fix is not None else None
        out["extra"] = dict(self.extra)
        return out

    __hash__ = None  # type: ignore[assignment]  # mutable: positions are filled in after the rules run

    @property
    def url(self) -> str:
        return rule_url(self.code)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)
