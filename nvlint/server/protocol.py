"""nvlint's findings and fixes as Language Server Protocol values.

nvlint counts columns in characters (code points), 1-based; LSP counts 0-based code units of the encoding
the client and server agreed on (UTF-16 unless the client offers another). pygls' PositionCodec converts.
"""

from __future__ import annotations

from lsprotocol import types

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from collections.abc import Sequence

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
SOURCE = "nvlint"
FIX_ALL_KIND = "source.fixAll.nvlint"
# File kinds with `#` comments, where a `# nvlint: disable=...` line can be added. JSON payloads and
# notebooks (JSON too) have no comments.
COMMENTED_KINDS = frozenset(
    {"shell", "makefile", "dockerfile", "yaml", "github", "gitlab", "ansible", "markdown", "rst"}
)


def position(lines: Sequence[str], codec, line: int, column: int) -> types.Position:
    """An LSP position for nvlint's 1-based line and character column."""
    return codec.position_to_client_units(lines, types.Position(line=line - 1, character=column - 1))


def span(lines: Sequence[str], codec, line: int, column: int, end_line: int, end_column: int) -> types.Range:
    return types.Range(start=position(lines, codec, line, column), end=position(lines, codec, end_line, end_column))


def diagnostic_range(lines: Sequence[str], codec, d) -> types.Range:
    return span(lines, codec, d.line, d.column, d.end_line, d.end_column)


def lsp_diagnostic(lines: Sequence[str], codec, d) -> types.Diagnostic:
    from nvlint.diagnostics import rule_url

    return types.Diagnostic(
        range=diagnostic_range(lines, codec, d),
        message=d.message,
        severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
        code=d.code,
        code_description=types.CodeDescription(href=rule_url(d.code)),
        source=SOURCE,
    )


def configuration_problem(message: str) -> types.Diagnostic:
    """A configuration that cannot be read: said at the top of every document it would apply to."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=start, end=start),
        message=f"nvlint did not lint this file: {message}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def fix_action(
    uri: str, version: int | None, lines: Sequence[str], codec, d, lsp: types.Diagnostic
) -> types.CodeAction:
    """A finding's own fix: preferred when it is safe, named as unsafe when it is not."""
    assert d.fix is not None
    edits = [
        types.TextEdit(range=span(lines, codec, e.line, e.column, e.end_line, e.end_column), new_text=e.content)
        for e in d.fix.edits
    ]
    safe = d.fix.applicability == "safe"
    return types.CodeAction(
        title=f"{d.fix.message} ({d.code})" if safe else f"Unsafe fix: {d.fix.message} ({d.code})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp],
        is_preferred=safe,
        edit=_edit(uri, version, edits),
    )


def disable_action(
    uri: str, version: int | None, lines: Sequence[str], codec, d, lsp: types.Diagnostic
) -> types.CodeAction:
    """`# nvlint: disable=NVxxx -- ` on a line of its own above the command the finding is in (above its
    first line when `\\` continues it: a comment line inside a continued command would break it), with the
    command's indentation. Such a line silences the next command, continuation lines included."""
    first = d.line - 1
    while first > 0 and lines[first - 1].rstrip("\r\n").endswith("\\"):
        first -= 1
    text = lines[first] if first < len(lines) else ""
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    newline = "\r\n" if text.endswith("\r\n") else "\n"
    at = types.Position(line=first, character=0)
    edit = types.TextEdit(
        range=types.Range(start=at, end=at), new_text=f"{indent}# nvlint: disable={d.code} -- {newline}"
    )
    return types.CodeAction(
        title=f"Disable {d.code} for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp],
        edit=_edit(uri, version, [edit]),
    )


def fix_all_action(uri: str, version: int | None, lines: Sequence[str], codec, fixed: str) -> types.CodeAction:
    """Every safe fix, as one edit replacing the document (fixes are applied and linted again in rounds:
    the result is not a list of the first round's edits)."""
    end = types.Position(line=len(lines), character=0)
    if lines and not lines[-1].endswith(("\n", "\r")):
        end = codec.position_to_client_units(lines, types.Position(line=len(lines) - 1, character=len(lines[-1])))
    edit = types.TextEdit(range=types.Range(start=types.Position(line=0, character=0), end=end), new_text=fixed)
    return types.CodeAction(title="Fix all nvlint problems", kind=FIX_ALL_KIND, edit=_edit(uri, version, [edit]))


def _edit(uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    """With the document's version when the client can check it (`documentChanges`): an action computed
    for an older text is then refused, not applied to the wrong place."""
    if version is None:
        return types.WorkspaceEdit(changes={uri: list(edits)})
    return types.WorkspaceEdit(
        document_changes=[
            types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                edits=list(edits),
            )
        ]
    )


def hover_text(d) -> str:
    """The rule's short documentation, in Markdown."""
    from nvlint.diagnostics import rule_url
    from nvlint.rules import by_code

    rule = by_code()[d.code]
    return (
        f"**{rule.code} {rule.name}** ({d.severity})\n\n{d.message}\n\n{rule.what}\n\n"
        f"Why: {rule.why}\n\n[{rule.code} documentation]({rule_url(rule.code)})"
    )


def contains(r: types.Range, at: types.Position) -> bool:
    after_start = (at.line, at.character) >= (r.start.line, r.start.character)
    return after_start and (at.line, at.character) <= (r.end.line, r.end.character)


def overlaps(a: types.Range, b: types.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (
        b.start.line,
        b.start.character,
    ) <= (a.end.line, a.end.character)
