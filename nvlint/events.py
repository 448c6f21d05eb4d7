"""Typed events: what a command does, independent of the file kind it was written in.

Rules read these, in execution order for one flow, and never raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nvlint.shell.words import Value, Word


@dataclass
class Event:
    start: int  # span of the command (or field) that caused it
    end: int
    via: tuple[str, int] | None = field(default=None, kw_only=True)  # (function, call offset) if run by a call
    # The if/case branches it runs in: two events whose branches disagree never run in the same execution.
    branch: tuple[tuple[int, int], ...] = field(default=(), kw_only=True)

    def may_run_with(self, other: Event) -> bool:
        """Can both run in one execution of the flow (no if/case branch separates them)?"""
        if not self.branch or not other.branch:
            return True
        mine = dict(self.branch)
        return all(mine.get(construct, taken) == taken for construct, taken in other.branch)


@dataclass
class CommandRun(Event):
    """Any command, with the words as written (for rules about expansions and paths)."""

    words: list[Word] = field(default_factory=list)
    dollar_escape: str = "$"  # how a literal `$` is written in this source (`$$` in Make)


@dataclass
class ImageBuilt(Event):
    """An image now exists locally under this name (`docker build -t`, `docker tag`)."""

    image: Value = None  # type: ignore[assignment]
    word: Word | None = None
    how: str = "built"


@dataclass
class ImagePushed(Event):
    """An image was pushed to its registry. ``image`` None: a push of something we cannot name."""

    image: Value | None = None
    context: str = "docker"  # how the name is read: "docker" or "ngc" (no host means nvcr.io)


@dataclass
class ImagePulled(Event):
    """An image is pulled from its registry (`docker pull`): checked by `--online-scope all`."""

    image: Value | None = None


@dataclass
class Login(Event):
    tool: str = ""
    host: Word | None = None  # the registry or repository URL; None when not given
    host_value: Value | None = None
    username: Word | None = None
    username_value: Value | None = None  # differs from username.value for `--creds user:pass`
    password: Word | None = None  # the word holding the key given on the command line
    password_value: Value | None = None  # the key itself (differs for `--password=KEY`, `--creds u:KEY`)
    password_option: str = ""  # how it was given, for the message
    password_stdin: bool = False
    stdin: tuple[Word, ...] = ()
    defaults_to_docker_hub: bool = False  # no host means Docker Hub (docker/podman login)
    verb: Word | None = None  # the `login` word, where NV304 points


@dataclass
class OptionUse:
    name: str  # canonical option name
    word: Word  # the option word
    value: Value | None  # None for flags
    value_word: Word | None
    value_offset: int = 0  # template index in value_word where the value starts (`--opt=value`)


@dataclass
class NgcCommand(Event):
    """Any `ngc ...` invocation, parsed with the grammar."""

    path: tuple[str, ...] = ()
    options: list[OptionUse] = field(default_factory=list)
    positionals: list[Word] = field(default_factory=list)
    unknown_args: bool = False  # a word whose expansion may be several arguments (`$ARGS`, `"$@"`)
    words: list[Word] = field(default_factory=list)

    def all(self, name: str) -> list[OptionUse]:
        return [o for o in self.options if o.name == name]

    def first(self, name: str) -> OptionUse | None:
        for option in self.options:
            if option.name == name:
                return option
        return None

    def has(self, name: str) -> bool:
        return any(o.name == name for o in self.options)


@dataclass
class Attachment:
    """A model or resource a function or task mounts, by the name it is mounted under."""

    kind: str  # model | resource
    name: str
    version: str | None


@dataclass
class Deploy(Event):
    """A function or task created from artifacts (`ngc cf fn create`, `ngc cf task create`, payloads).

    Payload files are described with the NGC CLI's option names, so one rule reads both.
    """

    kind: str = "function"  # function | task
    ngc: NgcCommand | None = None
    origin: str = "cli"  # cli | payload
    attachments: list[Attachment] | None = None  # payloads: `models[]` / `resources[]`; CLI: from --model
    entries: list[dict] = field(default_factory=list)  # payloads: models[]/resources[] entries' words
    missing_health: list[str] = field(default_factory=list)  # payloads: fields a `health` object lacks
    health_at: Word | None = None  # payloads: the `health` key

    def says(self, option: str) -> str:
        """How this source names an option in messages: the CLI flag, or the payload field."""
        return _PAYLOAD_FIELDS.get(option, option) if self.origin == "payload" else option


_PAYLOAD_FIELDS = {"--container-image": "containerImage", "--helm-chart": "helmChart",
                   "--helm-chart-service": "helmChartServiceName", "--inference-url": "inferenceUrl",
                   "--container-args": "containerArgs", "--gpu-specification": "gpuSpecification",
                   "--name": "name", "--model": "models", "--resource": "resources",
                   "--result-location": "resultsLocation", "--result-handling-strategy": "resultHandlingStrategy",
                   "--inference-port": "inferencePort", "--health-port": "health.port", "--health-uri": "health.uri"}


@dataclass
class ArtifactCreated(Event):
    """A chart, model or resource is created or packaged locally but not yet in the registry."""

    kind: str = ""  # chart | model | resource
    target: Value | None = None  # org/[team/]name, or a bare chart name from `helm package`
    version: Value | None = None
    how: str = ""
    bare_name: bool = False  # `helm package` knows only the chart's name


@dataclass
class ArtifactPushed(Event):
    kind: str = ""
    target: Value | None = None  # None: something unnamed was pushed
    version: Value | None = None
    bare_name: bool = False


@dataclass
class OrgSeen(Event):
    """The file shows this is an NGC org (`--org acme`, `nvcr.io/acme/...`, an ngc registry target)."""

    org: str = ""


@dataclass
class SecretLiteral(Event):
    """A literal NGC API key in the text."""
