"""`nvlint server`: the language server over stdio (pygls), publishing nvlint's findings as the user types.

Documents are linted on open and save at once, and on change after a short pause (DEBOUNCE_SECONDS) so a
burst of keystrokes is linted once. A save also lints the other open documents again: a configuration
file or a sourced `env.sh` may have changed what they report.
"""

from __future__ import annotations

import asyncio
import logging

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from nvlint import __version__
from nvlint.server import protocol
from nvlint.server.documents import CONFIG_NAMES, ClientSettings, DocumentLinter

DEBOUNCE_SECONDS = 0.15
log = logging.getLogger("nvlint.server")


class Published:
    """What was last published for a document: nvlint's findings beside their LSP form (for code actions
    and hover), the text they were found in, and its kind."""

    __slots__ = ("version", "pairs", "kind")

    def __init__(self, version: int | None, pairs: list, kind: str | None) -> None:
        self.version, self.pairs, self.kind = version, pairs, kind


class NvlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("nvlint", __version__)
        self.linter = DocumentLinter()
        self.published: dict[str, Published] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.versioned_edits = False  # the client checks a document's version in a workspace edit

    # ---- linting ------------------------------------------------------------------------------

    def lint_now(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) or uri
        lines = document.lines
        codec = self.workspace.position_codec
        try:
            outcome = self.linter.lint(path, document.source, document.language_id)
        except Exception as error:  # one document's crash must not take the server down
            log.exception("nvlint failed on %s", uri)
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Error, message=f"nvlint failed on {uri}: {error!r}")
            )
            outcome = _internal_error(error)
        if outcome.config_error is not None:
            self.published[uri] = Published(document.version, [], outcome.kind)
            diagnostics = [protocol.configuration_problem(outcome.config_error)]
        else:
            pairs = [(d, protocol.lsp_diagnostic(lines, codec, d)) for d in outcome.diagnostics]
            self.published[uri] = Published(document.version, pairs, outcome.kind)
            diagnostics = [lsp for _, lsp in pairs]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=diagnostics)
        )
        self._release_soon()

    def _release_soon(self) -> None:
        """Free the last reading's objects once the findings are on their way: on a 5,000-line script that
        took 5-10 ms of the time a user waits for them."""
        try:
            asyncio.get_running_loop().call_soon(self.linter.release)
        except RuntimeError:  # no event loop (a test calling lint_now in process): at once
            self.linter.release()

    def lint_later(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(DEBOUNCE_SECONDS, self._lint_if_open, uri)

    def _lint_if_open(self, uri: str) -> None:
        self.pending.pop(uri, None)
        if uri in self.workspace.text_documents:
            self.lint_now(uri)

    def lint_all_open(self, but: str | None = None) -> None:
        for uri in list(self.workspace.text_documents):
            if uri != but:
                self.lint_later(uri)

    def forget(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        self.published.pop(uri, None)
        self.linter.forget(to_fs_path(uri) or uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def apply_settings(self, values) -> None:
        client, problems = ClientSettings.parse(values)
        for problem in problems:
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=problem))
        self.linter.reconfigure(client)

    # ---- requests -----------------------------------------------------------------------------

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """Each finding's fix and its `disable` comment in the range, and `Fix all` (the safe fixes)."""
        uri = params.text_document.uri
        published = self.published.get(uri)
        document = self.workspace.get_text_document(uri)
        if published is None or published.version != document.version:
            return []  # findings of an older text: their ranges no longer hold
        lines, codec = document.lines, self.workspace.position_codec
        version = document.version if self.versioned_edits else None
        only = params.context.only
        actions: list[types.CodeAction] = []
        if not only or any(kind.startswith(types.CodeActionKind.QuickFix) for kind in only):
            for d, lsp in published.pairs:
                if not protocol.overlaps(lsp.range, params.range):
                    continue
                if d.fix is not None:
                    actions.append(protocol.fix_action(uri, version, lines, codec, d, lsp))
                if published.kind in protocol.COMMENTED_KINDS:
                    actions.append(protocol.disable_action(uri, version, lines, codec, d, lsp))
        fix_all = not only or any(protocol.FIX_ALL_KIND.startswith(kind) for kind in only)
        if fix_all and any(d.fix is not None and d.fix.applicability == "safe" for d, _ in published.pairs):
            fixed = self.linter.fixed_text(to_fs_path(uri) or uri, document.source, document.language_id)
            if fixed is not None:
                actions.append(protocol.fix_all_action(uri, version, lines, codec, fixed))
        return actions

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        """The rule of each finding under the cursor: what it reports, why, and its page."""
        published = self.published.get(params.text_document.uri)
        if published is None:
            return None
        texts = [protocol.hover_text(d) for d, lsp in published.pairs if protocol.contains(lsp.range, params.position)]
        if not texts:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(texts))
        )


def _internal_error(error: Exception):
    from nvlint.check.gate import at_line_one
    from nvlint.rules.engine import internal_error
    from nvlint.server.documents import Outcome

    return Outcome([at_line_one(internal_error("linting this document", error))])


def build() -> NvlintServer:
    server = NvlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: NvlintServer, params: types.InitializeParams) -> None:
        edits = params.capabilities.workspace and params.capabilities.workspace.workspace_edit
        ls.versioned_edits = bool(edits and edits.document_changes)
        if params.initialization_options is not None:
            ls.apply_settings(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: NvlintServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            ls.client_register_capability(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="nvlint-configuration",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NvlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint_now(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NvlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.lint_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NvlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.endswith(tuple(f"/{name}" for name in CONFIG_NAMES)):
            ls.linter.reconfigure()
        ls.lint_now(uri)
        ls.lint_all_open(but=uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NvlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: NvlintServer, params: types.DidChangeConfigurationParams) -> None:
        ls.apply_settings(params.settings)
        ls.lint_all_open()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NvlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.linter.reconfigure()
        ls.lint_all_open()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, protocol.FIX_ALL_KIND], resolve_provider=False
        ),
    )
    def code_action(ls: NvlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NvlintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    return server


def serve() -> None:
    logging.basicConfig(level=logging.WARNING, format="nvlint server: %(levelname)s %(message)s")
    build().start_io()
