"""`nvlint server` end to end: a real LSP client (pytest-lsp) starts it over stdio, opens documents, edits
them, asks for code actions and hovers, applies the edits it gets back, and shuts it down.

The server is an optional extra (pygls, lsprotocol); without it these tests skip, unless
NVLINT_REQUIRE_ALL=1 (set by .ci/run), where that is a failure.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import pytest
from conftest import skip_or_fail

try:
    import pytest_lsp
    from lsprotocol import types
    from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
except ImportError:  # the server extra is not installed
    pytest_lsp = None

if pytest_lsp is None:
    skip_or_fail("the language server's test extras are missing (pip install -e '.[test]')")

BAD = '#!/bin/sh\necho "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin\n'
GOOD = "#!/bin/sh\necho \"$NGC_API_KEY\" | docker login nvcr.io -u '$oauthtoken' --password-stdin\n"
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "nvlint", "server"])


def capabilities(encodings: list[str] | None = None) -> types.ClientCapabilities:
    found = client_capabilities("visual-studio-code")
    if encodings is not None:
        found.general = types.GeneralClientCapabilities(position_encodings=encodings)
    return found


def accept_registrations(client: LanguageClient) -> list:
    """Answer client/registerCapability as an editor does (the server asks to watch configuration files)."""
    received: list = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(*args):
        received.append(args[-1])

    return received


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path):
    lsp_client.registrations = accept_registrations(lsp_client)
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="project")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def until(condition, what: str, timeout: float = 15.0):
    """Wait for what the server sends asynchronously (diagnostics are notifications, not answers)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        await asyncio.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def codes(client: LanguageClient, uri: str) -> list[str] | None:
    found = client.diagnostics.get(uri)
    return None if found is None else [str(d.code) for d in found]


async def published(client: LanguageClient, uri: str, expected: list[str]) -> list[types.Diagnostic]:
    await until(lambda: codes(client, uri) == expected, f"{expected} for {uri} (have {codes(client, uri)})")
    return list(client.diagnostics[uri])


def open_document(client: LanguageClient, path: Path, text: str, language: str = "shellscript") -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions, as VS Code's capabilities ask) to a text."""
    lines = text.splitlines(keepends=True) or [""]

    def offset(position: types.Position) -> int:
        before = sum(len(line) for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units, chars = 0, 0
        while units < position.character and chars < len(line):
            units += 2 if ord(line[chars]) > 0xFFFF else 1
            chars += 1
        return before + chars

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None
    if action.edit.document_changes:
        (change_,) = action.edit.document_changes
        assert change_.text_document.uri == uri
        return list(change_.edits)
    return list(action.edit.changes[uri])


async def actions(client: LanguageClient, uri: str, at: types.Range, only=None) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=at,
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
    )
    return list(found or [])


# ---- diagnostics -------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_bad_script_gets_its_findings_with_everything_an_editor_shows(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "deploy.sh", BAD)
    (found,) = await published(client, uri, ["NV302"])
    assert found.source == "nvlint"
    assert found.severity == types.DiagnosticSeverity.Error
    assert found.range == types.Range(
        start=types.Position(line=1, character=47), end=types.Position(line=1, character=58)
    )  # $oauthtoken
    assert found.code_description.href.endswith("/rules/NV302.md")
    assert "'$oauthtoken'" in found.message


@pytest.mark.asyncio
async def test_edits_are_linted_as_typed_and_findings_clear_when_fixed(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "deploy.sh", GOOD)
    assert await published(client, uri, []) == []
    for version in range(2, 6):  # a burst of keystrokes: the last text is what counts
        change(client, uri, version, BAD if version % 2 else GOOD)
    await published(client, uri, ["NV302"])
    change(client, uri, 6, GOOD)
    await published(client, uri, [])


@pytest.mark.asyncio
async def test_a_line_typed_in_the_middle_of_a_long_script_moves_the_findings_after_it(
    client: LanguageClient, tmp_path
):
    """The server reads past the edit only until it meets its last reading, and takes the rest moved: the
    findings after the edit are shown a line further down, as a whole reading puts them."""
    block = (
        'IMAGE="nvcr.io/acme/app{n}:1"\ndocker push "$IMAGE"\n'
        'ngc cf fn create --name a{n} --inference-url /i --container-image "$IMAGE"\n'
    )
    blocks = [block.format(n=n) for n in range(200)]
    last = "ngc cf fn create --name x --inference-url /i --container-image vllm/vllm-openai:1\n"
    text = "#!/bin/bash\n" + "".join(blocks) + last
    edited = "#!/bin/bash\n" + "".join(blocks[:100]) + BAD.split("\n", 1)[1] + "".join(blocks[100:]) + last
    uri = open_document(client, tmp_path / "deploy.sh", text)
    await published(client, uri, codes_of(text, tmp_path))
    # the first edit splits what the rules keep around it; the next ones find it whole, and move it
    for version, now in enumerate([edited, text, edited], start=2):
        change(client, uri, version, now)
        shown = await published(client, uri, codes_of(now, tmp_path))  # each version's codes differ from the last's
        assert {(str(d.code), d.range.start.line) for d in shown} == lines_of(now, tmp_path)
    assert ("NV101", 601) in lines_of(text, tmp_path) and ("NV101", 602) in lines_of(edited, tmp_path)


def codes_of(text: str, tmp_path) -> list[str]:
    """The codes a whole reading finds, in the order the server sends them."""
    from nvlint.server.documents import DocumentLinter

    return [d.code for d in DocumentLinter().lint(str(tmp_path / "whole.sh"), text).diagnostics]


def lines_of(text: str, tmp_path) -> set[tuple[str, int]]:
    from nvlint.server.documents import DocumentLinter

    return {(d.code, d.line - 1) for d in DocumentLinter().lint(str(tmp_path / "whole.sh"), text).diagnostics}


@pytest.mark.asyncio
async def test_a_quick_fix_applied_clears_the_finding(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "deploy.sh", BAD)
    (found,) = await published(client, uri, ["NV302"])
    offered = await actions(client, uri, found.range)
    (fix,) = [a for a in offered if a.is_preferred]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.title == "Write '$oauthtoken' (NV302)"
    fixed = apply(BAD, edits_of(fix, uri))
    assert fixed == GOOD
    change(client, uri, 2, fixed)
    await published(client, uri, [])


@pytest.mark.asyncio
async def test_unsafe_fixes_are_named_so(client: LanguageClient, tmp_path):
    text = "ngc cf fn create --name app --inference-url /infer --container-image vllm/vllm-openai:v0.6.3\n"
    uri = open_document(client, tmp_path / "deploy.sh", text)
    (found,) = await published(client, uri, ["NV101"])
    (fix,) = [a for a in await actions(client, uri, found.range) if a.title.startswith("Unsafe fix:")]
    assert not fix.is_preferred
    assert "docker.io/vllm/vllm-openai:v0.6.3" in apply(text, edits_of(fix, uri))


@pytest.mark.asyncio
async def test_fix_all(client: LanguageClient, tmp_path):
    text = BAD + "docker login nvcr.io -u oauthtoken --password-stdin < key\n"  # NV302 and NV301
    uri = open_document(client, tmp_path / "deploy.sh", text)
    await published(client, uri, ["NV302", "NV301"])
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=3, character=0))
    (fix_all,) = await actions(client, uri, whole, only=["source.fixAll"])
    assert fix_all.kind == "source.fixAll.nvlint" and fix_all.title == "Fix all nvlint problems"
    fixed = apply(text, edits_of(fix_all, uri))
    assert fixed == GOOD + "docker login nvcr.io -u '$oauthtoken' --password-stdin < key\n"
    change(client, uri, 2, fixed)
    await published(client, uri, [])


@pytest.mark.asyncio
async def test_disable_for_this_line_inserts_a_directive_above_the_command(client: LanguageClient, tmp_path):
    text = '#!/bin/sh\nif true; then\n  docker login nvcr.io \\\n    -u "$oauthtoken" --password-stdin < key\nfi\n'
    uri = open_document(client, tmp_path / "deploy.sh", text)
    (found,) = await published(client, uri, ["NV302"])
    (disable,) = [a for a in await actions(client, uri, found.range) if a.title == "Disable NV302 for this line"]
    disabled = apply(text, edits_of(disable, uri))
    assert disabled.splitlines()[2:4] == ["  # nvlint: disable=NV302 -- ", "  docker login nvcr.io \\"]
    change(client, uri, 2, disabled)
    await published(client, uri, [])  # and no NV001: the directive is used


@pytest.mark.asyncio
async def test_hover_shows_the_rule(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "deploy.sh", BAD)
    (found,) = await published(client, uri, ["NV302"])
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=found.range.start)
    )
    assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**NV302 oauthtoken-expanded** (error)")
    assert "/rules/NV302.md" in hover.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)
        )
    )
    assert nothing is None


@pytest.mark.asyncio
async def test_markdown_and_workflow_documents(client: LanguageClient, tmp_path):
    markdown = '# Deploy\n\n```bash\ndocker login nvcr.io -u "$oauthtoken" --password-stdin < key\n```\n'
    uri = open_document(client, tmp_path / "README.md", markdown, "markdown")
    (found,) = await published(client, uri, ["NV302"])
    assert found.range.start == types.Position(line=3, character=25)
    workflow = (
        "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
        '          docker login nvcr.io -u "$oauthtoken" --password-stdin <<< "$KEY"\n'
    )
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    uri = open_document(client, tmp_path / ".github" / "workflows" / "deploy.yml", workflow, "yaml")
    (found,) = await published(client, uri, ["NV302"])
    assert found.range.start == types.Position(line=6, character=35)  # inside the block scalar


@pytest.mark.asyncio
async def test_a_file_the_configuration_excludes_gets_nothing(client: LanguageClient, tmp_path):
    (tmp_path / ".nvlint.toml").write_text("exclude = ['legacy/']\n")
    (tmp_path / "legacy").mkdir()
    excluded = open_document(client, tmp_path / "legacy" / "old.sh", BAD)
    included = open_document(client, tmp_path / "deploy.sh", BAD)
    await published(client, included, ["NV302"])
    await published(client, excluded, [])


@pytest.mark.asyncio
async def test_each_workspace_folder_has_its_own_configuration(client: LanguageClient, tmp_path):
    text = BAD + "docker login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n"  # NV302, NV303
    for folder, ignored in (("api", "NV302"), ("web", "NV303")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / ".nvlint.toml").write_text(f"ignore = ['{ignored}']\n")
    client.workspace_did_change_workspace_folders(
        types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(
                added=[types.WorkspaceFolder(uri=(tmp_path / f).as_uri(), name=f) for f in ("api", "web")], removed=[]
            )
        )
    )
    api = open_document(client, tmp_path / "api" / "deploy.sh", text)
    web = open_document(client, tmp_path / "web" / "deploy.sh", text)
    await published(client, api, ["NV303"])
    await published(client, web, ["NV302"])


@pytest.mark.asyncio
async def test_a_changed_configuration_applies_at_the_next_save(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "deploy.sh", BAD)
    await published(client, uri, ["NV302"])
    (tmp_path / "pyproject.toml").write_text("[tool.nvlint]\nignore = ['oauthtoken-expanded']\n")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await published(client, uri, [])


@pytest.mark.asyncio
async def test_configuration_files_are_watched(client: LanguageClient, tmp_path):
    """Where the editor can watch files, a configuration edited outside it applies at once."""
    (registration,) = (await until(lambda: client.registrations, "the watch registration"))[0].registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = sorted(
        w["globPattern"] if isinstance(w, dict) else w.glob_pattern
        for w in (
            registration.register_options["watchers"]
            if isinstance(registration.register_options, dict)
            else registration.register_options.watchers
        )
    )
    assert globs == ["**/.nvlint.toml", "**/pyproject.toml"]
    uri = open_document(client, tmp_path / "deploy.sh", BAD)
    await published(client, uri, ["NV302"])
    (tmp_path / ".nvlint.toml").write_text("ignore = ['NV302']\n")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=(tmp_path / ".nvlint.toml").as_uri(), type=types.FileChangeType.Created)]
        )
    )
    await published(client, uri, [])


@pytest.mark.asyncio
async def test_a_broken_configuration_is_said_in_the_document(client: LanguageClient, tmp_path):
    (tmp_path / ".nvlint.toml").write_text("selcet = ['NV3']\n")
    uri = open_document(client, tmp_path / "deploy.sh", BAD)
    (found,) = await until(lambda: client.diagnostics.get(uri), "the configuration problem")
    assert found.message.startswith("nvlint did not lint this file: ") and "did you mean 'select'" in found.message


@pytest.mark.asyncio
async def test_client_settings_select_and_ignore(client: LanguageClient, tmp_path):
    text = BAD + "docker login nvcr.io -u '$oauthtoken' -p \"$NGC_API_KEY\"\n"  # NV302, NV303
    uri = open_document(client, tmp_path / "deploy.sh", text)
    await published(client, uri, ["NV302", "NV303"])
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"nvlint": {"ignore": ["password-on-command-line"]}})
    )
    await published(client, uri, ["NV302"])
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"nvlint": {"select": ["NV303"], "ignore": ["NV3O2"]}})
    )
    await published(client, uri, ["NV303"])
    message = await until(lambda: [m for m in client.messages if "NV3O2" in m.message], "a warning")
    assert "did you mean 'NV302'" in message[0].message


@pytest.mark.asyncio
async def test_closing_a_document_clears_its_findings(client: LanguageClient, tmp_path):
    uri = open_document(client, tmp_path / "deploy.sh", BAD)
    await published(client, uri, ["NV302"])
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await published(client, uri, [])


@pytest.mark.asyncio
async def test_bad_input_does_not_end_the_server(client: LanguageClient, tmp_path):
    nasty = open_document(client, tmp_path / "x.yml", "\x00\x01 key: [unclosed\n\ttab: {\n", "yaml")
    await until(lambda: nasty in client.diagnostics, "an answer for the broken YAML")
    binary = open_document(client, tmp_path / "run.sh", "\ud800 docker login \udfff\n")
    await until(lambda: binary in client.diagnostics, "an answer for the lone surrogates")
    uri = open_document(client, tmp_path / "deploy.sh", BAD)  # still serving
    await published(client, uri, ["NV302"])


# ---- position encodings ------------------------------------------------------------------------

NON_ASCII = '#!/bin/sh\necho "héllo 😀"; docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n'


async def start(encodings: list[str], tmp_path: Path):
    client = await SERVER.start()
    accept_registrations(client)
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(encodings),
            workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="p")],
        )
    )
    return client, result.capabilities.position_encoding


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "encodings,encoding,column",
    [
        (None, "utf-16", 42),  # é is one unit, 😀 two
        (["utf-8", "utf-16"], "utf-8", 45),  # é is two bytes, 😀 four
        (["utf-32"], "utf-32", 41),  # one unit per character, as nvlint counts
    ],
)
async def test_non_ascii_positions_in_the_negotiated_encoding(tmp_path, encodings, encoding, column):
    client, negotiated = await start(encodings or [], tmp_path)
    try:
        assert negotiated == encoding
        uri = open_document(client, tmp_path / "deploy.sh", NON_ASCII)
        (found,) = await published(client, uri, ["NV302"])
        assert (found.range.start.line, found.range.start.character) == (1, column)
        assert found.range.end.character - found.range.start.character == len("$oauthtoken")
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest.mark.asyncio
async def test_shutdown_then_exit_ends_the_process_cleanly(tmp_path):
    client, _ = await start([], tmp_path)
    await client.shutdown_session()  # shutdown, exit, and wait for the process
    assert client._server is not None and client._server.returncode == 0
    await client.stop()


def test_a_crash_while_linting_is_logged_and_shown_as_nv003(tmp_path):
    """In process: make the linter fail on one document, as a reader's bug would."""
    from pygls.workspace import Workspace

    from nvlint.server.app import build

    server = build()
    server.protocol._workspace = Workspace(tmp_path.as_uri())
    uri = (tmp_path / "deploy.sh").as_uri()
    server.workspace.put_text_document(types.TextDocumentItem(uri=uri, language_id="shellscript", version=1, text=BAD))
    sent, logged = [], []
    server.text_document_publish_diagnostics = sent.append
    server.window_log_message = logged.append

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    server.linter.lint = broken
    server.lint_now(uri)
    ((diagnostic,),) = [params.diagnostics for params in sent]
    assert (diagnostic.code, diagnostic.severity) == ("NV003", types.DiagnosticSeverity.Error)
    assert "RuntimeError: boom" in diagnostic.message
    assert logged[0].type == types.MessageType.Error and "boom" in logged[0].message


def test_linting_in_process_publishes_then_frees_what_the_reading_replaced(tmp_path):
    """Without an event loop (in process) the release comes at once, after the publishing."""
    from pygls.workspace import Workspace

    from nvlint.server.app import build

    server = build()
    server.protocol._workspace = Workspace(tmp_path.as_uri())
    uri = (tmp_path / "deploy.sh").as_uri()
    server.workspace.put_text_document(types.TextDocumentItem(uri=uri, language_id="shellscript", version=1, text=BAD))
    order = []
    server.text_document_publish_diagnostics = lambda params: order.append(("published", dict(server.linter.retired)))
    server.lint_now(uri)
    server.lint_now(uri)
    (_, held), (_, held_again) = order
    assert list(held) == list(held_again) == [str(tmp_path / "deploy.sh")]  # held while publishing
    assert server.linter.retired == {}  # freed after
