"""What Kubernetes manifests, Helm charts and compose files have in common: the commands a container
runs (a shell when it is `sh -c SCRIPT`, else words without a shell), NGC keys written as plain values
where a secret reference belongs, and registry credentials for nvcr.io held as data."""

from __future__ import annotations

import re

from nvlint import lazyre
from nvlint.model.events import Event, Login, PlainSecret, SecretLiteral
from nvlint.model.words import PLACEHOLDER_RE, Value, Word, literal_part
from nvlint.sources.kind import Source
from nvlint.yamltree.nodes import Expressions, is_scalar, is_sequence, scalar_value_and_sites

# Variables and keys that hold an NGC (or NVIDIA API) key. Narrower than NV306's names on purpose: a
# manifest's POSTGRES_PASSWORD is its own business, an NGC key is this linter's.
NGC_KEY_NAME = lazyre.compile(
    r"^(?:NGC(?:_CLI)?_API_KEY|NGC_KEY|NVIDIA_API_KEY|NVCF_API_KEY|NGC_TOKEN)$|^ngc[_.-]?api[_.-]?key$",
    re.IGNORECASE,
)
_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh"})
# Signs that a value stands for a key rather than being one: a placeholder, an interpolation, a word
# placeholders use. A real key is long and has none of them.
_NOT_A_VALUE = lazyre.compile(r"[$<>{}]|\.\.\.|xxx|your|example|changeme|replace|placeholder|redacted|dummy", re.I)
MIN_KEY_LENGTH = 20  # NGC keys are 70 (`nvapi-...`) or 84 characters; `"test"` and `"none"` are not keys


class Manifest:
    """Reads one document's pieces into a flow of events, with the expressions its format writes
    (compose's `${VAR}`, a Helm template's `{{ }}`) as unknown values."""

    def __init__(self, source: Source, expressions: Expressions | None = None, dollar_escape: str = "$") -> None:
        self.source = source
        self.dollar_escape = dollar_escape  # how a literal `$` is written here (`$$` in compose)
        self.text = source.text
        self.expressions = expressions
        self.flow: list[Event] = []
        self.extra_flows: list[list[Event]] = []  # functions a container's script defines, never called

    def word(self, node) -> Word | None:
        if node is None or not is_scalar(node):
            return None
        value, _ = scalar_value_and_sites(node, self.text, self.expressions)
        return Word(value, node.start_mark.index, node.end_mark.index, "yaml", raw=value.template())

    def container(self, command, args) -> None:
        """A container's `command` and `args` (lists of scalars): its words, as it runs them. A shell it
        runs with `-c SCRIPT` is unwrapped as on a command line: the script is read, with positions
        inside its scalar."""
        nodes = [*(command.value if is_sequence(command) else ()), *(args.value if is_sequence(args) else ())]
        self.words([word for word in (self.word(node) for node in nodes) if word is not None])

    def words(self, words: list[Word]) -> None:
        from nvlint.sources.session import ShellSession  # here: not needed to find files

        if words:
            session = ShellSession(self.source.reads_words)
            session.run_words(words, words[0].start, words[-1].end, dollar_escape=self.dollar_escape)
            main, *functions = session.finish()
            self.flow.extend(main)
            self.extra_flows.extend(functions)

    def plain_secret(self, name: str, value: Word | None, where: str) -> None:
        """`NGC_API_KEY` set to a literal that could be a key (not empty, not a placeholder)."""
        if value is None or value.literal is None or not NGC_KEY_NAME.search(name):
            return
        literal = value.literal.strip()
        if len(literal) < MIN_KEY_LENGTH or _NOT_A_VALUE.search(literal) or PLACEHOLDER_RE.search(literal):
            return
        self.flow.append(PlainSecret(value.start, value.end, name, value, where))

    def registry_login(
        self, host: Word, username: Word | None, password: str | None, password_span: tuple[int, int], where: str
    ) -> None:
        """A credential for a registry held as data (a Docker config's `auths`): a login with that
        username, and a literal key in its password, at ``password_span``."""
        from nvlint.secrets import find_keys

        if username is not None:
            verb = Word(Value([literal_part(where, host.start)]), host.start, host.end, "yaml", foreign=True)
            self.flow.append(
                Login(
                    username.start,
                    username.end,
                    tool=where,
                    host=host,
                    host_value=host.value,
                    username=username,
                    username_value=username.value,
                    stdin=(),
                    password_stdin=True,  # data, not a command line: no NV303
                    verb=verb,
                )
            )
        keys = find_keys(password) if password else []
        if password and keys:
            self.flow.append(SecretLiteral(*password_span, legacy=not password.startswith("nvapi-", keys[0][0])))

    def flows(self) -> list[list[Event]]:
        return [flow for flow in (self.flow, *self.extra_flows) if flow]


def placed_word(text: str, start: int, end: int) -> Word:
    """Text decoded from elsewhere (base64), placed over the span it came from: its characters have no
    place of their own, so nothing points inside it or edits it."""
    size = len(text)
    spread = tuple(start + k * (end - 1 - start) // max(size - 1, 1) for k in range(size))  # first to last char
    value = Value([literal_part(text, start, spread, foreign=True)]) if text else Value([])
    return Word(value, start, end, "yaml", foreign=True)
