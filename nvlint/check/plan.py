"""Which files a run checks, and with what: each file's settings (the nearest configuration, or one for
all) and its enabled rules, made into FileRequests as the paths are walked."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator

from nvlint.check.file import FileRequest, Options

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from nvlint.cache import Cache
    from nvlint.config_values import Option
    from nvlint.settings import Settings, SettingsFinder


def notice(message: str) -> None:
    print(f"nvlint: {message}", file=sys.stderr)


class Plan:
    """Each file's settings and enabled rules, and the requests for the files of a run."""

    def __init__(
        self,
        finder: SettingsFinder,
        options: Options | None = None,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] | None = None,
        extend: tuple[str, ...] = (),
        isolated: bool = False,
        extend_ignore: tuple[str, ...] = (),
        notice: Callable[[str], None] = notice,
    ) -> None:
        from nvlint.settings import Settings

        self.finder = finder
        self.options = options if options is not None else Options()
        self.select, self.extend, self.extend_ignore = select, extend, extend_ignore
        self.ignore = ignore  # None: the configuration's `ignore` applies
        self._rules: dict[tuple, tuple[str, ...]] = {}
        self._by_folder: dict[str, Settings] = {}  # finding a file's settings resolves its folder: once per folder
        self._isolated = Settings() if isolated else None  # one for every file: its cache key made once
        self.notice = notice  # what is skipped, and why: one line on standard error (not with --quiet)
        self.per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # the command line's
        self.exclude: tuple[str, ...] = ()
        self.root = os.getcwd()  # where the command line's globs start

    def command_line(
        self, per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...], exclude: tuple[str, ...], root: str
    ) -> None:
        """`--per-file-ignores GLOB:RULES` and `--extend-exclude GLOBS`, from the current folder ``root``:
        they add to every configuration's."""
        self.per_file_ignores, self.exclude, self.root = per_file_ignores, exclude, root

    def excludes(self, path: str, settings: Settings) -> bool:
        """Excluded by the file's configuration or by the command line."""
        from nvlint.settings import glob_matches

        return settings.excludes(path) or any(glob_matches(path, glob, self.root) for glob in self.exclude)

    def settings(self, path: str) -> Settings:
        if self._isolated is not None:
            return self._isolated
        folder = os.path.dirname(path)
        found = self._by_folder.get(folder)
        if found is None:
            found = self._by_folder[folder] = self.finder.for_file(path)
        return found

    def rules(self, path: str, settings: Settings | None = None) -> tuple[str, ...]:
        """The codes of the rules enabled for this file (rule modules are not loaded here)."""
        from nvlint.rules import select_codes

        settings = settings or self.settings(path)
        select = self.select or settings.select
        ignore = self.ignore if self.ignore is not None else settings.ignore
        ignore = ignore + tuple(c for c in settings.ignores_for(path) if c not in settings.ignore) + self.extend_ignore
        if self.per_file_ignores:
            from nvlint.settings import glob_matches

            ignore += tuple(
                c for glob, codes in self.per_file_ignores if glob_matches(path, glob, self.root) for c in codes
            )
        key = (select, ignore, self.extend + settings.extend_select)
        if key not in self._rules:
            self._rules[key] = select_codes(select, ignore, self.extend + settings.extend_select)
        return self._rules[key]

    def request(
        self,
        display: str,
        path: str,
        kind: str,
        data: bytes | None = None,
        stdin: bool = False,
        settings: Settings | None = None,
        options: Options | None = None,
    ) -> FileRequest:
        settings = settings or self.settings(path)
        codes = self.rules(path, settings)
        return FileRequest(display, path, kind, settings, codes, options or self.options, data, stdin)

    def requests(
        self, paths: list[str], stdin_filename: str | None = None, cache: Cache | None = None
    ) -> Iterator[FileRequest]:
        """One request per file, streamed: a big tree is never held as a list. `-` is standard input. A
        file named on its own also brings the scripts that source it (pre-commit passes only the file that
        changed). Files named on the command line that the configuration excludes are said in one line."""
        excluded: list[str] = []
        named = {os.path.abspath(p) for p in paths if p != "-"}
        yield from self._requests(paths, stdin_filename, cache, excluded, named)
        if excluded:
            self.notice(skipped_line(excluded))

    def _requests(
        self,
        paths: list[str],
        stdin_filename: str | None,
        cache: Cache | None,
        excluded: list[str] | None,
        named: set[str],
    ) -> Iterator[FileRequest]:
        from nvlint.discover import iter_targets

        for given in paths:
            if given == "-":
                yield self._stdin_request(stdin_filename)
                continue
            if not os.path.lexists(given):
                yield from self._missing(given)
                continue
            for target in iter_targets([given], notice=self.notice):
                dependents = cache.dependents_of(target.path) if cache is not None and target.explicit else []
                if target.kind is None:
                    if target.explicit and not dependents:
                        self.notice(f"skipped {target.display}: not a kind of file nvlint reads")
                else:
                    settings = self.settings(target.path)
                    if not self.excludes(target.path, settings):
                        yield self.request(target.display, target.path, target.kind, settings=settings)
                    elif target.explicit and excluded is not None:
                        excluded.append(target.display)
                for script in dependents:
                    if os.path.abspath(script) not in named and os.path.isfile(script):
                        named.add(os.path.abspath(script))
                        # brought in, not named: an exclusion of it goes unsaid
                        yield from self._requests([os.path.relpath(script)], None, None, None, named)

    def _missing(self, given: str) -> Iterator[FileRequest]:
        """A path named on the command line that is not there: its NV000 (reading it says why), and the
        other paths are still checked. Without NV000, one line says it was skipped."""
        request = self.request(given, os.path.abspath(given), "shell")
        if "NV000" in request.codes:
            yield request
        else:
            self.notice(f"skipped {given}: no such file or directory")

    def _stdin_request(self, stdin_filename: str | None) -> FileRequest:
        """Standard input, read whole. Named with --stdin-filename, it is a file like any other: when the
        configuration excludes that name, no rule runs (an editor shows nothing; --fix gives the text back)."""
        from pathlib import Path  # standard input only: a run of files has no need of pathlib (start-up)

        from nvlint.sources import kind_from_shebang, kind_of_name

        name = stdin_filename or "-"
        data = sys.stdin.buffer.read()
        kind = kind_of_name(Path(name).name) if stdin_filename else None
        kind = kind or kind_from_shebang(data.split(b"\n", 1)[0]) or "shell"
        path = str(Path(name).absolute())
        request = self.request(name, path, kind, data, stdin=True)
        if stdin_filename and self.excludes(path, request.settings):
            request.codes = ()
        return request


class _Declared:
    """The options that file kinds and rules declare, found where they are declared. A kind's are at
    hand (discovery imports every kind); the rule modules are imported only when a configuration sets a
    key that is no core key and no kind's option (a warm run loads no rule module)."""

    def option(self, name: str) -> Option | None:
        from nvlint.sources import FILE_KINDS

        for option in (option for kind in FILE_KINDS for option in kind.options):
            if option.name == name:
                return option
        from nvlint.rules import all_rules

        return next((option for rule in all_rules() for option in rule.options if option.name == name), None)

    def names(self) -> list[str]:
        """Every declared name: for the nearest spelling of an unknown key."""
        from nvlint.rules import all_rules
        from nvlint.sources import FILE_KINDS

        kinds = [option.name for kind in FILE_KINDS for option in kind.options]
        return kinds + [option.name for rule in all_rules() for option in rule.options]


DECLARED = _Declared()


def skipped_line(excluded: list[str]) -> str:
    """One line for the named files the configuration excludes."""
    shown = ", ".join(excluded[:3]) + (f" and {len(excluded) - 3} more" if len(excluded) > 3 else "")
    files = "file" if len(excluded) == 1 else "files"
    return f"skipped {len(excluded)} {files} that the configuration excludes: {shown}"


def here() -> str:
    """A path in the current folder: its settings are the run's (online mode, `fail-on` of online findings)."""
    return os.path.join(os.getcwd(), "-")
