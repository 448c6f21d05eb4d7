"""docker, podman, nerdctl and buildah: builds, tags, pushes and logins."""

from __future__ import annotations

from collections.abc import Callable

from nvlint.model.command import Command
from nvlint.model.events import Event, ImageBuilt, ImagePulled, ImagePushed
from nvlint.model.words import Word
from nvlint.tools.options import REGISTRY_LOGIN_OPTIONS, every, first, login_event, parse_options

V, F = True, False
TOOLS = frozenset({"docker", "podman", "nerdctl", "buildah"})

BUILD_OPTIONS = {
    "-t": V,
    "--tag": V,
    "-f": V,
    "--file": V,
    "--build-arg": V,
    "--target": V,
    "--platform": V,
    "-o": V,
    "--output": V,
    "--push": F,
    "--load": F,
    "--cache-from": V,
    "--cache-to": V,
    "--label": V,
    "--secret": V,
    "--ssh": V,
    "--network": V,
    "--progress": V,
    "--builder": V,
    "--iidfile": V,
    "--metadata-file": V,
    "--add-host": V,
    "--build-context": V,
    "--annotation": V,
    "--attest": V,
    "--provenance": V,
    "--sbom": V,
    "--shm-size": V,
    "--ulimit": V,
    "-m": V,
    "--memory": V,
    "--isolation": V,
    "--cgroup-parent": V,
    "--authfile": V,
    "--format": V,
    "--layers": F,
    "--squash": F,
    "--no-cache": F,
    "--pull": F,
    "-q": F,
    "--quiet": F,
    "--rm": F,
    "--force-rm": F,
}
PUSH_OPTIONS = {
    "-a": F,
    "--all-tags": F,
    "-q": F,
    "--quiet": F,
    "--disable-content-trust": F,
    "--platform": V,
    "--authfile": V,
    "--creds": V,
    "--cert-dir": V,
    "-f": V,
    "--format": V,
    "--digestfile": V,
    "--sign-by": V,
    "--compression-format": V,
    "--encryption-key": V,
    "--retry": V,
    "--retry-delay": V,
    "--signature-policy": V,
    "--tls-verify": F,
    "--remove-signatures": F,
}
LOGIN_OPTIONS = {
    **REGISTRY_LOGIN_OPTIONS,
    "--compat-auth-file": V,
    "--secret": V,
    "--get-login": F,
    "-v": F,
    "--verbose": F,
    "--tls-verify": F,
    "--tls-verify=false": F,
}


def recognise(command: Command) -> list[Event]:
    argv = command.argv
    args = argv[1:]
    if not args:
        return []
    sub, rest = args[0].literal, args[1:]
    if sub in ("image", "builder", "buildx") and rest:
        inner = rest[0].literal
        if sub == "buildx" and inner == "bake":
            return _bake(command, rest[1:])
        if sub == "buildx" and inner == "imagetools" and len(rest) > 1 and rest[1].literal == "create":
            return _imagetools_create(command, rest[2:])
        sub, rest = inner, rest[1:]
    verb = _VERBS.get(sub or "")
    if verb is not None:
        return verb(command, rest)
    if sub == "compose" or (command.name == "docker" and argv[0].literal == "docker-compose"):
        return [ImagePushed(command.start, command.end, None)] if any(w.literal == "push" for w in rest) else []
    if sub == "login":
        return _login(command, rest, args[0])
    return []


def _imagetools_create(command: Command, rest: list[Word]) -> list[Event]:
    options = parse_options(rest, {"-t": V, "--tag": V, "-f": V})[0]
    tags = every(options, "-t", "--tag")
    return [ImagePushed(command.start, command.end, o.value) for o in tags if o.value is not None]


def _tag(command: Command, rest: list[Word]) -> list[Event]:
    _, positional, _ = parse_options(rest, {})
    if command.name == "buildah":  # `buildah tag IMAGE NAME...`
        return [ImageBuilt(command.start, command.end, w.value, w, "tagged") for w in positional[1:]]
    if len(positional) >= 2:
        return [ImageBuilt(command.start, command.end, positional[1].value, positional[1], "tagged")]
    return []


def _commit(command: Command, rest: list[Word]) -> list[Event]:
    _, positional, _ = parse_options(
        rest, {"-a": V, "--author": V, "-c": V, "--change": V, "-m": V, "--message": V, "-p": F, "--pause": F}
    )
    if len(positional) >= 2:
        return [ImageBuilt(command.start, command.end, positional[1].value, positional[1], "committed")]
    return []


def _pull(command: Command, rest: list[Word]) -> list[Event]:
    _, positional, _ = parse_options(rest, {"--platform": V, "-a": F, "--all-tags": F, "-q": F, "--quiet": F})
    return [ImagePulled(command.start, command.end, positional[0].value)] if positional else []


def _manifest(command: Command, rest: list[Word]) -> list[Event]:
    if not rest or rest[0].literal != "push":
        return []
    _, positional, _ = parse_options(rest[1:], {"--purge": F, "--insecure": F, "--all": F, "--authfile": V})
    return [ImagePushed(command.start, command.end, positional[-1].value)] if positional else []


def _build(command: Command, rest: list[Word]) -> list[Event]:
    options, _, _ = parse_options(rest, BUILD_OPTIONS, positionals_wanted=1)
    tags = [o for o in every(options, "-t", "--tag") if o.value is not None]
    pushes = first(options, "--push") is not None
    for output in every(options, "-o", "--output"):
        text = output.value.template() if output.value else ""
        if "type=registry" in text or "push=true" in text or "type=image,push=true" in text:
            pushes = True
    events: list[Event] = [
        ImageBuilt(command.start, command.end, o.value, o.value_word, "built") for o in tags if o.value is not None
    ]
    if pushes:
        events += [ImagePushed(command.start, command.end, o.value) for o in tags]
    return events


def _bake(command: Command, rest: list[Word]) -> list[Event]:
    if any(w.literal == "--push" or ((w.literal or "").startswith("--set") and "push=true" in w.text) for w in rest):
        return [ImagePushed(command.start, command.end, None)]
    return []


def _push(command: Command, rest: list[Word]) -> list[Event]:
    options, positional, unknown = parse_options(rest, PUSH_OPTIONS)
    if not positional:
        return [ImagePushed(command.start, command.end, None)] if unknown else []
    target = positional[1] if len(positional) > 1 else positional[0]  # podman/buildah: SOURCE [DESTINATION]
    value = target.value
    text = value.template()
    for transport in ("docker://",):
        if text.startswith(transport):
            value = value.slice(len(transport))
    if first(options, "-a", "--all-tags"):
        return [ImagePushed(command.start, command.end, None)]
    return [ImagePushed(command.start, command.end, value)]


def _login(command: Command, rest: list[Word], verb: Word) -> list[Event]:
    options, positional, _ = parse_options(rest, LOGIN_OPTIONS)
    host = positional[0] if positional else None
    return [login_event(command, command.name or "docker", options, host, defaults_to_docker_hub=True, verb=verb)]


# The verbs (after `image`/`builder`/`buildx`) that make, push or pull images.
_VERBS: dict[str, Callable[[Command, list[Word]], list[Event]]] = {
    "build": _build,
    "bud": _build,
    "tag": _tag,
    "commit": _commit,
    "push": _push,
    "pull": _pull,
    "manifest": _manifest,
}
