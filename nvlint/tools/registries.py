"""skopeo, crane, oras, regctl, singularity/apptainer, crictl, ctr, enroot and kubectl: logins, pulls with
credentials, and copies into registries."""

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
# cri-tools' `crictl pull [flags] NAME[:TAG|@DIGEST]` (cmd/crictl/image.go): `--creds USERNAME[:PASSWORD]`
# (also read from CRICTL_CREDS, the safe form), `--auth` (base64 of the same), `-u/--username` (the password
# is asked for on the terminal); crictl's global options come before the verb.
CRICTL_GLOBAL = {"-r": V, "--runtime-endpoint": V, "-i": V, "--image-endpoint": V, "-t": V, "--timeout": V}
CRICTL_GLOBAL |= {"-c": V, "--config": V, "-D": F, "--debug": F}
CRICTL_PULL = {"--creds": V, "--auth": V, "-u": V, "--username": V, "--pod-config": V, "-a": V}
CRICTL_PULL |= {"--annotation": V, "--pull-timeout": V, "--pt": V}
# containerd's `ctr [-n NS] images pull|push [flags] REF` (cmd/ctr/commands RegistryFlags): `-u/--user
# USER[:PASSWORD]`, and no other way to give the key but a terminal prompt.
CTR_GLOBAL = {"-a": V, "--address": V, "-n": V, "--namespace": V, "--timeout": V, "--connect-timeout": V}
CTR_GLOBAL |= {"--debug": F}
CTR_IMAGES = {"-u": V, "--user": V, "-k": F, "--skip-verify": F, "--plain-http": F, "--refresh": V}
CTR_IMAGES |= {"--hosts-dir": V, "--tlscacert": V, "--tlscert": V, "--tlskey": V, "--http-dump": F}
CTR_IMAGES |= {"--http-trace": F, "--snapshotter": V, "--label": V, "--platform": V, "--all-platforms": F}
CTR_IMAGES |= {"--all-metadata": F, "--max-concurrent-downloads": V, "--local": F, "--print-chainid": F}
# enroot's `enroot import [-a ARCH] [-o FILE] docker://[USER@][REGISTRY#]IMAGE[:TAG]`: the user is in the
# URI (the key comes from enroot's credentials file), so `$oauthtoken` there must be quoted too.
ENROOT_IMPORT = {"-a": V, "--arch": V, "-o": V, "--output": V}
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
    if name in _CREDENTIAL_PULLS:
        return _CREDENTIAL_PULLS[name](command, args)
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
        user_value, password_value = _split_creds(creds.value)
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
                safe_form="use an auth file (--authfile) written by 'skopeo login --password-stdin'",
            )
        )
    return events


def _split_creds(value):
    """`USER:PASSWORD` in one argument (skopeo, crictl, ctr): the two halves, each with its own offsets;
    no password half when there is no colon."""
    text = value.template()
    if ":" not in text:
        return value, None
    return value.slice(0, text.find(":")), value.slice(text.find(":") + 1)


# What to do instead of the key on the command line, for tools that cannot read it from standard input.
_SAFE_FORMS = {
    "crictl": "give it in the CRICTL_CREDS environment variable, which crictl reads instead of --creds",
    "ctr": "ctr takes the key only there or at a terminal prompt: pull with 'crictl pull' and the key in CRICTL_CREDS",
}


def _pull_login(command: Command, tool: str, option, image: Word | None) -> Login:
    """A pull that carries its own credentials (`crictl pull --creds`, `ctr images pull --user`): a login
    to the image's registry. Neither reads the key from standard input (their safe forms say instead)."""
    user_value, password_value = _split_creds(option.value)
    has_password = password_value is not None and bool(password_value.parts)
    return Login(
        command.start,
        command.end,
        tool=tool,
        host=image,
        host_value=image.value if image is not None else None,
        username=option.value_word,
        username_value=user_value,
        password=option.value_word if has_password else None,
        password_value=password_value if has_password else None,
        password_option=option.name,
        stdin_option="",
        safe_form=_SAFE_FORMS[tool],
    )


def _crictl(command: Command, args: list[Word]) -> list[Event]:
    _, verb, _ = parse_options(args, CRICTL_GLOBAL, positionals_wanted=1, open_spec=False)
    if not verb or verb[0].literal != "pull":
        return []
    options, positional, _ = parse_options(args[args.index(verb[0]) + 1 :], CRICTL_PULL)
    image = positional[0] if positional else None
    creds = first(options, "--creds")
    if creds is not None and creds.value is not None:
        return [_pull_login(command, "crictl", creds, image)]
    user = first(options, "-u", "--username")
    if user is not None and user.value is not None:
        return [_pull_login(command, "crictl", user, image)]
    return []


def _ctr(command: Command, args: list[Word]) -> list[Event]:
    _, words, _ = parse_options(args, CTR_GLOBAL, positionals_wanted=2, open_spec=False)
    if len(words) < 2 or words[0].literal not in ("images", "image", "i") or words[1].literal not in ("pull", "push"):
        return []
    options, positional, _ = parse_options(args[args.index(words[1]) + 1 :], CTR_IMAGES)
    user = first(options, "-u", "--user")
    if user is None or user.value is None:
        return []
    return [_pull_login(command, "ctr", user, positional[0] if positional else None)]


def _enroot(command: Command, args: list[Word]) -> list[Event]:
    """`enroot import docker://USER@REGISTRY#IMAGE`: a login to REGISTRY as USER (enroot asks its
    credentials file for the key)."""
    if args[0].literal != "import":
        return []
    _, positional, _ = parse_options(args[1:], ENROOT_IMPORT)
    if not positional:
        return []
    uri = positional[0]
    text = uri.value.template()
    if not text.startswith("docker://"):
        return []
    at, hash_, slash = text.find("@"), text.find("#"), text.find("/", len("docker://"))
    if at < 0 or (0 <= hash_ < at) or (0 <= slash < at):
        return []  # no user (an `@` after the host is a digest): a login this is not
    host_end = hash_ if hash_ > at else len(text)
    return [
        Login(
            command.start,
            command.end,
            tool="enroot",
            host=uri,
            host_value=uri.value.slice(at + 1, host_end),
            username=uri,
            username_value=uri.value.slice(len("docker://"), at),
            stdin_option="",
        )
    ]


# Tools whose pulls carry credentials of their own: (command, argv[1:]) -> events.
_CREDENTIAL_PULLS = {"crictl": _crictl, "ctr": _ctr, "enroot": _enroot}
