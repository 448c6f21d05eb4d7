"""Typed events: what a command does, independent of the file kind it was written in.

Rules read these, in execution order for one flow, and never raw text.
"""

from __future__ import annotations

from nvlint.model.record import Record, fields_repr
from nvlint.model.words import Value, Word

# Plain classes with __slots__ rather than dataclasses: see nvlint/model/record.py (start-up cost).


class Alternative:
    """How a command runs when a variable holds the value one branch gave it (`auth=...` set only when a
    key is set): which alternative (``index``) of ``count``, ``when`` it holds ("when NGC_API_KEY is
    set"), and where it is written (``spans``: the command, and the values chosen), so that a finding can
    say which alternative it is about; ``every``: the alternatives are every way it runs (each branch set
    a known value). Its events are read only by the rules that report what one branch does
    (Rule.alternatives)."""

    __slots__ = ("index", "count", "when", "spans", "every")

    def __init__(
        self, index: int, count: int, when: str, spans: tuple[tuple[int, int], ...], every: bool = False
    ) -> None:
        self.index = index
        self.count = count
        self.when = when
        self.spans = spans
        self.every = every

    def covers(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.spans)

    __repr__ = fields_repr


class Event:
    __slots__ = ("start", "end", "via", "branch", "alternative")

    def __init__(self, start: int, end: int) -> None:
        self.start = start  # span of the command (or field) that caused it
        self.end = end
        self.via: tuple[str, int] | None = None  # (function, call offset) if run by a call
        # The if/case branches it runs in: two events whose branches disagree never run in the same execution.
        self.branch: tuple[tuple[int, int], ...] = ()
        self.alternative: Alternative | None = None  # from one alternative of a command (see Alternative)

    __repr__ = fields_repr

    def may_run_with(self, other: Event) -> bool:
        """Can both run in one execution of the flow (no if/case branch separates them)?"""
        if not self.branch or not other.branch:
            return True
        mine = dict(self.branch)
        return all(mine.get(construct, taken) == taken for construct, taken in other.branch)


class CommandRun(Event):
    """Any command, with the words as written (for rules about expansions and paths)."""

    __slots__ = ("words", "dollar_escape")

    def __init__(self, start: int, end: int, words: list[Word] | None = None, dollar_escape: str = "$") -> None:
        super().__init__(start, end)
        self.words = words if words is not None else []
        self.dollar_escape = dollar_escape  # how a literal `$` is written in this source (`$$` in Make)


class ImageBuilt(Event):
    """An image now exists locally under this name (`docker build -t`, `docker tag`)."""

    __slots__ = ("image", "word", "how")

    def __init__(self, start: int, end: int, image: Value, word: Word | None = None, how: str = "built") -> None:
        super().__init__(start, end)
        self.image = image
        self.word = word
        self.how = how


class ImagePushed(Event):
    """An image was pushed to its registry. ``image`` None: a push of something we cannot name."""

    __slots__ = ("image", "context")

    def __init__(self, start: int, end: int, image: Value | None = None, context: str = "docker") -> None:
        super().__init__(start, end)
        self.image = image
        self.context = context  # how the name is read: "docker" or "ngc" (no host means nvcr.io)


class ImagePulled(Event):
    """An image is pulled from its registry (`docker pull`): checked by `--online-scope all`."""

    __slots__ = ("image",)

    def __init__(self, start: int, end: int, image: Value | None = None) -> None:
        super().__init__(start, end)
        self.image = image


class Login(Event):
    __slots__ = (
        "tool",
        "host",
        "host_value",
        "username",
        "username_value",
        "password",
        "password_value",
        "password_option",
        "password_stdin",
        "stdin_option",
        "safe_form",
        "stdin",
        "defaults_to_docker_hub",
        "verb",
        "dollar_escape",
    )

    def __init__(
        self,
        start: int,
        end: int,
        *,
        tool: str = "",
        host: Word | None = None,
        host_value: Value | None = None,
        username: Word | None = None,
        username_value: Value | None = None,
        password: Word | None = None,
        password_value: Value | None = None,
        password_option: str = "",
        password_stdin: bool = False,
        stdin_option: str = "--password-stdin",
        safe_form: str = "",
        stdin: tuple[Word, ...] = (),
        defaults_to_docker_hub: bool = False,
        verb: Word | None = None,
    ) -> None:
        super().__init__(start, end)
        self.tool = tool
        self.host = host  # the registry or repository URL; None when not given
        self.host_value = host_value
        self.username = username
        self.username_value = username_value  # differs from username.value for `--creds user:pass`
        self.password = password  # the word holding the key given on the command line
        self.password_value = password_value  # the key itself (differs for `--password=KEY`, `--creds u:KEY`)
        self.password_option = password_option  # how it was given, for the message
        self.password_stdin = password_stdin
        self.stdin_option = stdin_option  # the tool's way to read the key from standard input ("": none)
        # how this tool takes the key safely, as advice, where that is not piping it to stdin_option (NV303)
        self.safe_form = safe_form
        self.stdin = stdin
        self.defaults_to_docker_hub = defaults_to_docker_hub  # no host means Docker Hub (docker/podman login)
        self.verb = verb  # the `login` word, where NV304 points
        self.dollar_escape = "$"  # how a literal `$` is written where the login is (`$$` in a Makefile recipe)


class CredentialText(Event):
    """Text a program reads as a credential, outside a login's own options: a `user:password` string
    (`curl -u`, a value piped to `base64` for an `auth` field), a Docker config written by `echo`,
    `printf` or a here-document, or a variable the tool reads as a username (`SINGULARITY_DOCKER_USERNAME`)."""

    __slots__ = ("word", "how")

    def __init__(self, start: int, end: int, word: Word, how: str) -> None:
        super().__init__(start, end)
        self.word = word
        self.how = how


class KeyArgument(Event):
    """An NGC key given in a command's arguments besides a login's password: a Helm value
    (`helm install ... --set imagePullSecret.password=$NGC_API_KEY`). ``word``: the value, at its place;
    ``written``: the option and the value's key (`--set imagePullSecret.password`); ``tool``, ``verb``: the
    command (`helm`, `install`)."""

    __slots__ = ("word", "written", "tool", "verb")

    def __init__(self, start: int, end: int, *, word: Word, written: str, tool: str, verb: str) -> None:
        super().__init__(start, end)
        self.word = word
        self.written = written
        self.tool = tool
        self.verb = verb


class OptionUse:
    __slots__ = ("name", "word", "value", "value_word", "value_offset")

    def __init__(
        self, name: str, word: Word, value: Value | None, value_word: Word | None, value_offset: int = 0
    ) -> None:
        self.name = name  # canonical option name
        self.word = word  # the option word
        self.value = value  # None for flags
        self.value_word = value_word
        self.value_offset = value_offset  # template index in value_word where the value starts (`--opt=value`)

    __repr__ = fields_repr


class SubcommandError:
    """An `ngc` command that names no subcommand of a group of the grammar: ``word`` is the word that
    names none (None: the command stops at the group); ``complete``: the grammar lists all of the group's
    subcommands (elsewhere a newer CLI may have more)."""

    __slots__ = ("group", "word", "complete")

    def __init__(self, group: tuple[str, ...], word: Word | None, complete: bool = True) -> None:
        self.group = group  # the group's canonical path, ("cloud-function", "function", "deploy")
        self.word = word
        self.complete = complete


_NONE: list[OptionUse] = []  # no use of an option (never changed: NgcCommand.all copies)


class NgcCommand(Event):
    """Any `ngc ...` invocation, parsed with the grammar."""

    __slots__ = (
        "path",
        "options",
        "positionals",
        "unknown_args",
        "words",
        "path_end",
        "subcommand_error",
        "_by_name",
    )

    def __init__(
        self,
        start: int,
        end: int,
        *,
        path: tuple[str, ...] = (),
        options: list[OptionUse] | None = None,
        positionals: list[Word] | None = None,
        unknown_args: bool = False,
        words: list[Word] | None = None,
        path_end: int = 0,
        subcommand_error: SubcommandError | None = None,
    ) -> None:
        super().__init__(start, end)
        self.path = path
        self.subcommand_error = subcommand_error  # no valid subcommand: nothing runs (NV517)
        self.path_end = path_end  # file offset after the last word of the command (`ngc cf fn create`)
        self.options = options if options is not None else []
        self.positionals = positionals if positionals is not None else []
        self.unknown_args = unknown_args  # a word whose expansion may be several arguments (`$ARGS`, `"$@"`)
        self.words = words if words is not None else []
        self._by_name: dict[str, list[OptionUse]] | None = None

    def _uses(self, name: str) -> list[OptionUse]:
        """The uses of an option, in order: the rules ask each create for a dozen options, many times."""
        by_name = self._by_name
        if by_name is None:
            by_name = self._by_name = {}
            for option in self.options:
                by_name.setdefault(option.name, []).append(option)
        return by_name.get(name, _NONE)

    def all(self, name: str) -> list[OptionUse]:
        return list(self._uses(name))

    def first(self, name: str) -> OptionUse | None:
        uses = self._uses(name)
        return uses[0] if uses else None

    def has(self, name: str) -> bool:
        return bool(self._uses(name))


class GpuRequest(Event):
    """The GPU a function is deployed on or a task runs on, as written: `--targeted-dep-spec`,
    `--dep-spec`, `--gpu-specification`, a request's `gpuSpecification` or `deploymentSpecifications[]`,
    the SDK's specification objects. Each field is a Word at its place, None when it is not given or not
    fully known; ``written``: what names it in messages (`--targeted-dep-spec`, `gpuSpecification`).
    Only online mode reads it: which GPUs an account has is the account's."""

    __slots__ = ("gpu", "instance_type", "backend", "clusters", "regions", "written")

    def __init__(
        self,
        start: int,
        end: int,
        *,
        gpu: Word | None,
        instance_type: Word | None = None,
        backend: Word | None = None,
        clusters: tuple[Word, ...] = (),
        regions: tuple[Word, ...] = (),
        written: str = "",
    ) -> None:
        super().__init__(start, end)
        self.gpu = gpu
        self.instance_type = instance_type
        self.backend = backend
        self.clusters = clusters
        self.regions = regions
        self.written = written


class FunctionReference(Event):
    """A function ID, and maybe a version ID, written literally where a command or a request names an
    existing function: `ngc cf fn deploy create <fid>:<vid>`, `/v2/nvcf/pexec/functions/<fid>`...
    ``how``: the command or path, for messages. Only online mode reads it."""

    __slots__ = ("function_id", "version_id", "how")

    def __init__(self, start: int, end: int, *, function_id: Word, version_id: Word | None, how: str) -> None:
        super().__init__(start, end)
        self.function_id = function_id
        self.version_id = version_id
        self.how = how


class Attachment(Record):
    """A model or resource a function or task mounts, by the name it is mounted under."""

    __slots__ = ("kind", "name", "version")

    def __init__(self, kind: str, name: str, version: str | None) -> None:
        self.kind = kind  # model | resource
        self.name = name
        self.version = version


class Deploy(Event):
    """A function or task created from artifacts (`ngc cf fn create`, `ngc cf task create`, payloads).

    Payload files are described with the NGC CLI's option names, so one rule reads both.
    """

    __slots__ = ("kind", "ngc", "origin", "attachments", "entries", "missing_health", "health_at", "names")

    def __init__(
        self,
        start: int,
        end: int,
        *,
        kind: str = "function",
        ngc: NgcCommand | None = None,
        origin: str = "cli",
        attachments: list[Attachment] | None = None,
        entries: list[dict] | None = None,
        missing_health: list[str] | None = None,
        health_at: Word | None = None,
    ) -> None:
        super().__init__(start, end)
        self.kind = kind  # function | task
        self.ngc = ngc
        self.origin = origin  # cli | payload
        self.attachments = attachments  # payloads: `models[]` / `resources[]`; CLI: from --model
        self.entries = entries if entries is not None else []  # payloads: models[]/resources[] entries' words
        # payloads: fields a `health` object lacks
        self.missing_health = missing_health if missing_health is not None else []
        self.health_at = health_at  # payloads: the `health` key
        self.names: dict[str, str] | None = None  # how its source names the options (the SDK's parameters)

    def says(self, option: str) -> str:
        """How this source names an option in messages: the CLI flag, or the payload field."""
        if self.names is not None:
            return self.names.get(option, option)
        return _PAYLOAD_FIELDS.get(option, option) if self.origin == "payload" else option


_PAYLOAD_FIELDS = {
    "--container-image": "containerImage",
    "--helm-chart": "helmChart",
    "--helm-chart-service": "helmChartServiceName",
    "--inference-url": "inferenceUrl",
    "--container-args": "containerArgs",
    "--gpu-specification": "gpuSpecification",
    "--name": "name",
    "--model": "models",
    "--resource": "resources",
    "--result-location": "resultsLocation",
    "--result-handling-strategy": "resultHandlingStrategy",
    "--inference-port": "inferencePort",
    "--health-port": "health.port",
    "--health-uri": "health.uri",
}


class ArtifactCreated(Event):
    """A chart, model or resource is created or packaged locally but not yet in the registry."""

    __slots__ = ("kind", "target", "version", "how", "bare_name")

    def __init__(
        self,
        start: int,
        end: int,
        *,
        kind: str = "",
        target: Value | None = None,
        version: Value | None = None,
        how: str = "",
        bare_name: bool = False,
    ) -> None:
        super().__init__(start, end)
        self.kind = kind  # chart | model | resource
        self.target = target  # org/[team/]name, or a bare chart name from `helm package`
        self.version = version
        self.how = how
        self.bare_name = bare_name  # `helm package` knows only the chart's name


class ArtifactPushed(Event):
    __slots__ = ("kind", "target", "version", "bare_name")

    def __init__(
        self,
        start: int,
        end: int,
        *,
        kind: str = "",
        target: Value | None = None,
        version: Value | None = None,
        bare_name: bool = False,
    ) -> None:
        super().__init__(start, end)
        self.kind = kind
        self.target = target  # None: something unnamed was pushed
        self.version = version
        self.bare_name = bare_name


class OrgSeen(Event):
    """The file shows this is an NGC org (`--org acme`, `nvcr.io/acme/...`, an ngc registry target)."""

    __slots__ = ("org",)

    def __init__(self, start: int, end: int, *, org: str = "") -> None:
        super().__init__(start, end)
        self.org = org


class SecretLiteral(Event):
    """A literal NGC API key in the text (``legacy``: a key of the kind issued before `nvapi-`)."""

    __slots__ = ("legacy",)

    def __init__(self, start: int, end: int, legacy: bool = False) -> None:
        super().__init__(start, end)
        self.legacy = legacy


class NotRead(Event):
    """A part of the file nvlint stopped reading (scripts nested too deep), and why: NV000 says so."""

    __slots__ = ("reason",)

    def __init__(self, start: int, end: int, reason: str) -> None:
        super().__init__(start, end)
        self.reason = reason


class PlainSecret(Event):
    """An NGC key given as a plain value where a secret reference belongs: a Kubernetes `env` entry's
    `value:`, a compose service's `environment`, a Helm value (`ngcApiKey:`). ``name``: the variable or key
    as written; ``word``: the value; ``where``: what holds it, for the message (`this Deployment's env`)."""

    __slots__ = ("name", "where", "word")

    def __init__(self, start: int, end: int, name: str, word: Word, where: str) -> None:
        super().__init__(start, end)
        self.name = name
        self.word = word
        self.where = where


class SyntaxProblem(Event):
    """A script's text does not parse as shell, at tree-sitter's first error. ``text``: the whole script
    as the shell reads it, for NV004 to confirm with `bash -n`; ``lines``: the file span of each of its
    lines, to point at the line bash names when tree-sitter places the error elsewhere (an unclosed quote
    is an error only where the text ends)."""

    __slots__ = ("lines", "text")

    def __init__(self, start: int, end: int, text: str, lines: tuple[tuple[int, int], ...]) -> None:
        super().__init__(start, end)
        self.text = text
        self.lines = lines


class ToolCommand(Event):
    """A command of a tool nvlint recognises (ngc, docker, helm, kubectl, curl...), by its name: the
    command an option written on the next line belonged to (NV516)."""

    __slots__ = ("name",)

    def __init__(self, start: int, end: int, name: str) -> None:
        super().__init__(start, end)
        self.name = name


class OptionRun(Event):
    """A command whose name is an option (`--type CONTAINER` alone on a line): the line before it lost
    its continuation."""

    __slots__ = ("option",)

    def __init__(self, start: int, end: int, option: Word) -> None:
        super().__init__(start, end)
        self.option = option


class Sourced(Event):
    """`source FILE` read a file of the tree (its text is not reported here, and a cached result of this
    file depends on it). ``anchor``: the offset where the sourced text sits in this file. ``posted``: a
    JSON file `curl -d @FILE` posts (what only this script's order shows, pushed before created, is
    reported here, at the `@`)."""

    __slots__ = ("path", "display", "digest", "how", "anchor", "posted")

    def __init__(
        self, start: int, anchor: int, path: str, display: str, digest: str, how: str, posted: bool = False
    ) -> None:
        super().__init__(start, anchor)
        self.path = path  # absolute
        self.display = display
        self.digest = digest
        self.how = how
        self.anchor = anchor
        self.posted = posted
