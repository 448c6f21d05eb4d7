"""What the language server asks of nvlint, with no protocol in sight: one document's findings as its buffer
holds them, and its text with every safe fix applied.

Each document gets the configuration the command line would give its file (the nearest pyproject.toml or
.nvlint.toml), read again when one of those files changes, plus the client's settings. A file the
configuration excludes gets nothing, as `--stdin-filename` does.
"""

from __future__ import annotations

import os

from nvlint.config_values import ConfigError

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.check.file import FileRequest
    from nvlint.check.memory import DocumentMemory
    from nvlint.check.plan import Plan

CONFIG_NAMES = (".nvlint.toml", "pyproject.toml")

# Editors' language identifiers, for buffers whose name says nothing (an untitled buffer, `deploy` without
# a shebang yet).
KIND_OF_LANGUAGE = {
    "shellscript": "shell",
    "sh": "shell",
    "bash": "shell",
    "makefile": "makefile",
    "make": "makefile",
    "dockerfile": "dockerfile",
    "markdown": "markdown",
    "restructuredtext": "rst",
    "rst": "rst",
    "yaml": "yaml",
    "json": "json",
}


class ClientSettings:
    """What the editor may set (initializationOptions, or `nvlint` in workspace/didChangeConfiguration):
    `select` replaces the configuration's, `ignore` adds to it, `online` reads cached registry answers."""

    __slots__ = ("select", "ignore", "online")

    def __init__(self, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), online: bool = False) -> None:
        self.select, self.ignore, self.online = select, ignore, online

    @classmethod
    def parse(cls, values) -> tuple[ClientSettings, list[str]]:
        """The settings, and what was wrong with them (each a sentence for the user; the rest still applies)."""
        from nvlint.rules.catalog import code_of, unknown_rule

        problems: list[str] = []
        if isinstance(values, dict) and isinstance(values.get("nvlint"), dict):
            values = values["nvlint"]
        if not isinstance(values, dict):
            return cls(), ([] if values is None else ["nvlint settings must be an object"])
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("select", "ignore"):
            given = values.get(key) or []
            if isinstance(given, str):
                given = [given]
            codes = []
            for selector in given:
                code = code_of(str(selector))
                if code is None:
                    problems.append(f"nvlint setting '{key}': {unknown_rule(str(selector))}")
                else:
                    codes.append(code)
            lists[key] = tuple(codes)
        for key in values:
            if key not in ("select", "ignore", "online"):
                problems.append(f"unknown nvlint setting '{key}' (known: select, ignore, online)")
        return cls(lists["select"], lists["ignore"], bool(values.get("online", False))), problems


class Outcome:
    """One document's findings; or the configuration error that kept it from being linted."""

    __slots__ = ("diagnostics", "config_error", "kind")

    def __init__(self, diagnostics: list, config_error: str | None = None, kind: str | None = None) -> None:
        self.diagnostics = diagnostics
        self.config_error = config_error
        self.kind = kind


class DocumentLinter:
    def __init__(self, client: ClientSettings | None = None) -> None:
        self.client = client or ClientSettings()
        self._plan: Plan | None = None
        self._seen: dict[str, int | None] = {}  # configuration files the checker has read: their mtimes
        self._memories: dict[str, DocumentMemory] = {}  # each open document's last reading
        # by document, what its last reading replaced, until release() (the next reading of it replaces it)
        self.retired: dict[str, tuple] = {}

    def reconfigure(self, client: ClientSettings | None = None) -> None:
        """Forget every configuration read (and take new client settings): the next lint reads them again."""
        if client is not None:
            self.client = client
        self._plan = None
        self._seen = {}
        self._memories = {}
        self.retired = {}

    def forget(self, path: str) -> None:
        """The document was closed: its last reading is of no more use."""
        self._memories.pop(path, None)
        self.retired.pop(path, None)

    def release(self) -> None:
        """Free what the last readings replaced: after their findings are published, not before."""
        self.retired = {}

    def kind(self, path: str, text: str, language_id: str | None) -> str | None:
        from nvlint.sources import kind_from_shebang, kind_of_name

        name = os.path.basename(path)
        kind = kind_of_name(name)
        if kind is None and "." not in name.lstrip("."):
            kind = kind_from_shebang(text[:256].split("\n", 1)[0].encode("utf-8", "replace"))
        return kind or KIND_OF_LANGUAGE.get((language_id or "").lower())

    def lint(self, path: str, text: str, language_id: str | None = None) -> Outcome:
        from nvlint.check.file import Options, check_file

        kind, request, config_error = self._request(path, text, language_id)
        if request is None:
            return Outcome([], config_error, kind)
        online = self.client.online or request.settings.online
        request.options = Options(online_scope="deployed" if online else None)
        if kind == "shell":  # the one kind read again from where an edit begins (nvlint.shell.resume)
            from nvlint.check.memory import DocumentMemory

            memory = self._memories.get(path)
            if memory is None:
                memory = self._memories[path] = DocumentMemory()
            request.memory = memory
            self.retired[path] = memory.retired()
        result = check_file(request)
        diagnostics = result.diagnostics
        if online and result.references:
            diagnostics += self._online(result.references, request)
        return Outcome(sorted(diagnostics, key=lambda d: d.sort_key()), None, kind)

    def fixed_text(self, path: str, text: str, language_id: str | None = None) -> str | None:
        """The text with every safe fix applied (linted again until nothing changes), or None if none applies."""
        from nvlint.check.file import Options, check_file

        _, request, _ = self._request(path, text, language_id)
        if request is None:
            return None
        request.options = Options(fix=True)
        result = check_file(request)
        return result.fixed if result.fixed is not None and result.fixed != text else None

    def _request(
        self, path: str, text: str, language_id: str | None
    ) -> tuple[str | None, FileRequest | None, str | None]:
        """(kind, the request for this buffer, configuration error): no request for a buffer of no kind
        nvlint reads, one the configuration excludes, or one whose configuration cannot be read."""
        kind = self.kind(path, text, language_id)
        if kind is None:
            return None, None, None
        try:
            plan = self._current_plan(path)
            settings = plan.settings(path)
        except ConfigError as error:
            return kind, None, str(error)
        if settings.excludes(path):
            return kind, None, None
        try:  # surrogateescape: what the editor could not decode reaches the readers as it did from disk
            data = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # other lone surrogates: kept, and reported as text that is not UTF-8
            data = text.encode("utf-8", "surrogatepass")
        return kind, plan.request(path, path, kind, data, stdin=True, settings=settings), None

    def _current_plan(self, path: str) -> Plan:
        from nvlint.check.plan import DECLARED, Plan
        from nvlint.rules import CODES
        from nvlint.settings import SettingsFinder

        signature = _configuration_files(os.path.dirname(path))
        if any(self._seen.get(name, signature[name]) != signature[name] for name in signature):
            self._plan = None  # a configuration changed (or appeared, or went): read them all again
            self._seen = {}
        self._seen.update(signature)
        if self._plan is None:
            finder = SettingsFinder(None, CODES, DECLARED)
            finder.warn = lambda message: None  # the command line says it; here it would repeat per keystroke
            self._plan = Plan(finder, None, self.client.select, None, (), False, self.client.ignore)
        return self._plan

    def _online(self, references: list, request: FileRequest) -> list:
        """Online findings from cached registry answers only: typing never waits for a registry."""
        from nvlint.online.settings import online_settings
        from nvlint.online.verify import verify

        enabled = set(request.codes)
        found = verify(references, online_settings(request.settings.online_options), cached_only=True)
        return [d for d in found if d.code in enabled]


def _configuration_files(folder: str) -> dict[str, int | None]:
    """Every configuration file that could apply in ``folder`` (its own and its parents'), with its
    modification time (None: not there). A few stat calls per lint: cheaper than watching the tree."""
    found: dict[str, int | None] = {}
    folder = os.path.abspath(folder)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            try:
                found[candidate] = os.stat(candidate).st_mtime_ns
            except OSError:
                found[candidate] = None
        parent = os.path.dirname(folder)
        if parent == folder:
            return found
        folder = parent
