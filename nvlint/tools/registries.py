"""skopeo, crane, oras, regctl, singularity/apptainer and kubectl: logins and copies into registries."""

from __future__ import annotations

from nvlint.model.command import Command
from nvlint.model.events import Event, ImagePushed, Login
from nvlint.model.words import Word
from nvlint.tools.options import REGISTRY_LOGIN_OPTIONS, first, login_event, parse_options

V, F = True, False
LOGIN = {
    **REGISTRY_LOGIN_OPTIONS,
    "--tls-verify": F,
    "--insecure": F,
    "--registry-config": V,
    "--plain-http": F,
    "--pass-stdin": F,
    "--identity-token": V,
    "--identity-token-stdin": F,
}
# regclient's `regctl registry login [flags] <registry>`: `-u/--user`, `-p/--pass`, `--pass-stdin` (its
# docs/regctl.md); NVIDIA's own CI logs in to nvcr.io with it.
REGCTL_LOGIN = {"-u": V, "--user": V, "-p": V, "--pass": V, "--pass-stdin": F, "--skip-check": F}
COPY = {
    "--src-creds": V,
    "--dest-creds": V,
    "--creds": V,
    "--src-username": V,
    "--src-password": V,
    "--dest-username": V,
    "--dest-password": V,
    "--authfile": V,
    "--src-authfile": V,
    "--dest-authfile": V,
    "--format": V,
    "-f": V,
    "--multi-arch": V,
    "--platform": V,
    "-a": F,
    "--all": F,
    "--retry-times": V,
    "--src-tls-verify": F,
    "--dest-tls-verify": F,
    "--override-os": V,
    "--override-arch": V,
}


def recognise(command: Command) -> list[Event]:
    name = command.name
    args = command.argv[1:]
    if not args:
        return []
    sub = args[0].literal
    if name in ("skopeo", "oras") and sub == "login":
        return [_login(command, args[1:])]
    if name == "crane" and sub == "auth" and len(args) > 1 and args[1].literal == "login":
        return [_login(command, args[2:])]
    if name == "skopeo" and sub != "login":
        return _skopeo(command, sub, args[1:])
    if name == "crane" and sub in ("push", "copy", "cp"):
        _, positional, _ = parse_options(args[1:], {"--platform": V, "--index": F, "--image-refs": V})
        if len(positional) >= 2:
            return [ImagePushed(command.start, command.end, positional[1].value)]
    if name == "crane" and sub == "tag":
        _, positional, _ = parse_options(args[1:], {})
        if len(positional) >= 2:
            repo = positional[0].value.template()
            base = repo.split("@", 1)[0]
            if base.rfind(":") > base.rfind("/"):
                base = base[: base.rfind(":")]
            return [
                ImagePushed(command.start, command.end, positional[0].value.slice(0, len(base)) + _colon(positional[1]))
            ]
    login = len(args) > 1 and args[1].literal == "login"
    if name == "regctl" and sub == "registry" and login:
        options, positional, _ = parse_options(args[2:], REGCTL_LOGIN)
        return [
            login_event(
                command,
                name,
                options,
                positional[0] if positional else None,
                user_options=("-u", "--user"),
                password_options=("-p", "--pass"),
                stdin_options=("--pass-stdin",),  # NV303 advises it
            )
        ]
    if name in ("singularity", "apptainer") and sub in ("remote", "registry") and login:
        return [_login(command, args[2:], tool=name)]
    if (
        name in ("kubectl", "oc")
        and sub == "create"
        and len(args) > 2
        and args[1].literal == "secret"
        and args[2].literal == "docker-registry"
    ):
        options, _, _ = parse_options(
            args[3:],
            {
                "--docker-server": V,
                "--docker-username": V,
                "--docker-password": V,
                "--docker-email": V,
                "-n": V,
                "--namespace": V,
                "-o": V,
                "--output": V,
            },
        )
        server = first(options, "--docker-server")
        return [
            login_event(
                command,
                name,
                options,
                server.value_word if server else None,
                host_value=server.value if server else None,
                user_options=("--docker-username",),
                password_options=("--docker-password",),
                stdin_options=(),
            )
        ]
    return []


def _colon(word: Word):
    from nvlint.model.words import Value, literal_part

    return Value([literal_part(":", word.start)]) + word.value


def _login(command: Command, rest: list[Word], tool: str | None = None) -> Login:
    options, positional, _ = parse_options(rest, LOGIN)
    return login_event(
        command,
        tool or command.name or "",
        options,
        positional[0] if positional else None,
        stdin_options=("--password-stdin", "--pass-stdin"),
    )


def _skopeo(command: Command, verb: str | None, rest: list[Word]) -> list[Event]:
    """Every skopeo verb takes credentials: `copy`/`sync` for both ends, the others for their image."""
    options, positional, _ = parse_options(rest, COPY)
    events: list[Event] = []
    if verb in ("copy", "sync") and len(positional) >= 2:
        destination = positional[1].value
        if destination.template().startswith("docker://"):
            events.append(ImagePushed(command.start, command.end, destination.slice(len("docker://"))))
    for option, index in (("--src-creds", 0), ("--dest-creds", 1), ("--creds", 0)):
        creds = first(options, option)
        if creds is None or creds.value is None or len(positional) <= index:
            continue
        ref = positional[index].value
        text = ref.template()
        if not text.startswith("docker://"):
            continue
        host_value = ref.slice(len("docker://"), len(text))
        host_end = host_value.template().find("/")
        if host_end > 0:
            host_value = host_value.slice(0, host_end)
        creds_text = creds.value.template()
        user_value = creds.value.slice(0, creds_text.find(":")) if ":" in creds_text else creds.value
        password_value = creds.value.slice(creds_text.find(":") + 1) if ":" in creds_text else None
        events.append(
            Login(
                command.start,
                command.end,
                tool="skopeo",
                host=positional[index],
                host_value=host_value,
                username=creds.value_word,
                username_value=user_value,
                password=creds.value_word if password_value is not None and password_value.parts else None,
                password_value=password_value,
                password_option=option,
            )
        )
    return events
