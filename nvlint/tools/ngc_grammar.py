"""The NGC CLI command grammar, as data.

Sources: ngc-cli 4.9.x argparse definitions and the NGC CLI skill references (see the README's
"Sources"). Each command lists its options and whether each takes a value; ``open=True`` marks a
command whose option list is not complete here, so later rules (unknown-option) stay silent on it.
Extend this table, not the parser, when the CLI grows.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

V = True  # takes a value
F = False  # a flag

GLOBAL_OPTIONS: dict[str, bool] = {
    "--org": V,
    "--team": V,
    "--ace": V,
    "--format_type": V,
    "--config-profile": V,
    "--debug": F,
    "-h": F,
    "--help": F,
    "-v": F,
    "--version": F,
}

_FUNCTION_ARTIFACTS: dict[str, bool] = {
    "--container-image": V,
    "--helm-chart": V,
    "--helm-chart-service": V,
    "--model": V,
    "--resource": V,
    "--container-args": V,
    "--container-environment-variable": V,
    "--secret": V,
    "--json-secret-file": V,
    "--tag": V,
    "--description": V,
    "--name": V,
    "--metrics-telemetry-id": V,
    "--logs-telemetry-id": V,
    "--traces-telemetry-id": V,
}
# Helm values for tasks and deployments (newer CLIs, documented by the NGC CLI skill references).
_HELM_VALUES: dict[str, bool] = {"--configuration": V, "--configuration-file": V, "--set": V}
_DEPLOYMENT: dict[str, bool] = {
    "--targeted-deployment-specification": V,
    "--targeted-dep-spec": V,
    "--deployment-specification": V,
    "--dep-spec": V,
    **_HELM_VALUES,
}

FUNCTION_CREATE: dict[str, bool] = {
    **_FUNCTION_ARTIFACTS,
    "--inference-url": V,
    "--inference-port": V,
    "--health-uri": V,
    "--health-port": V,
    "--health-timeout": V,
    "--health-protocol": V,
    "--health-expected-status-code": V,
    "--api-body-format": V,
    "--function-type": V,
    "--rate-limit-pattern": V,
    "--rate-limit-exempt-nca-id": V,
    "--rate-limit-sync-check": F,
}

TASK_CREATE: dict[str, bool] = {
    **_FUNCTION_ARTIFACTS,
    **_HELM_VALUES,
    "--gpu-specification": V,
    "--max-runtime-duration": V,
    "--max-queued-duration": V,
    "--termination-grace-period-duration": V,
    "--result-handling-strategy": V,
    "--result-location": V,
}

_REGISTRY_META = {
    "--short-desc": V,
    "--description": V,
    "--display-name": V,
    "--label": V,
    "--logo": V,
    "--overview-filename": V,
    "--publisher": V,
    "--built-by": V,
    "--label-set": V,
}
_MODEL_META = {
    **_REGISTRY_META,
    "--application": V,
    "--framework": V,
    "--format": V,
    "--precision": V,
    "--bias-filename": V,
    "--explainability-filename": V,
    "--privacy-filename": V,
    "--safety-security-filename": V,
    "--public-dataset-name": V,
    "--public-dataset-link": V,
    "--public-dataset-license": V,
}
_VERSION_META = {
    "--source": V,
    "--dry-run": F,
    "--gpu-model": V,
    "--memory-footprint": V,
    "--num-epochs": V,
    "--batch-size": V,
    "--accuracy-reached": V,
    "--description": V,
    "--link": V,
    "--link-type": V,
    "--base-version": V,
    "--threads": V,
}


class Command:
    __slots__ = ("path", "options", "positionals", "open", "aliases")

    def __init__(
        self,
        path: tuple[str, ...],
        options: dict[str, bool] | None = None,
        positionals: int = 0,
        open: bool = False,
        aliases: tuple[str, ...] = (),
    ) -> None:
        self.path = path  # canonical command path, e.g. ("cloud-function", "function", "create")
        self.options = options if options is not None else {}
        self.positionals = positionals  # how many positional arguments it takes at most
        self.open = open  # its options are not all listed here: unknown ones are not reported
        self.aliases = aliases


class Group:
    """Subcommands by canonical name. A word that names none of them is a command the grammar does not
    list: it is parsed with the global options only (see nvlint.tools.ngc.parse). ``complete`` marks a
    group whose subcommands are all listed, from the CLI's own definitions: there, an unknown or missing
    subcommand is a usage error (NV517); elsewhere the grammar may just not know it."""

    __slots__ = ("aliases", "children", "complete")

    def __init__(
        self,
        aliases: tuple[str, ...] = (),
        children: Mapping[str, Group | Command] | None = None,
        complete: bool = False,
    ) -> None:
        self.aliases = aliases
        self.children: dict[str, Group | Command] = dict(children or {})
        self.complete = complete

    def choices(self) -> tuple[str, ...]:
        """The subcommands' names, sorted (aliases aside)."""
        return tuple(sorted(self.children))


def _cmd(
    path: str,
    options: dict[str, bool] | None = None,
    positionals: int = 1,
    open: bool = False,
    aliases: tuple[str, ...] = (),
) -> Command:
    return Command(tuple(path.split()), dict(options or {}), positionals, open, aliases)


def _open(path: str, *names: str) -> dict[str, Command]:
    """Commands whose options are not listed here: the names are known, so aliases and global options work."""
    return {name: _cmd(f"{path} {name}", open=True) for name in names}


_YES = {"-y": F, "--default-yes": F}
_RATE_LIMIT = {"--rate-limit-pattern": V, "--rate-limit-exempt-nca-id": V, "--rate-limit-sync-check": F}
_LICENSE = ("update-license-terms", "accept-license")


def _artifact_group(kind: str, info: dict[str, bool], *more: str) -> Group:
    """`ngc registry model|resource ...`: the two have the same verbs (resources can also be signed)."""
    path = f"registry {kind}"
    return Group(
        children={
            "create": _cmd(f"{path} create", _MODEL_META, open=True),
            "upload-version": _cmd(f"{path} upload-version", _VERSION_META, open=True),
            "download-version": _cmd(f"{path} download-version", {"--dest": V, "--file": V, "--exclude": V}, open=True),
            "info": _cmd(f"{path} info", info, open=True),
            "remove": _cmd(f"{path} remove", _YES, open=True),
            **_open(path, "list", "update", *more),
        }
    )


TREE = Group(
    children={
        "cloud-function": Group(
            aliases=("cf", "picasso"),
            children={
                "function": Group(  # CLI nvcf/command/function.py
                    aliases=("fn",),
                    complete=True,
                    children={
                        "create": _cmd("cloud-function function create", FUNCTION_CREATE),
                        "list": _cmd(
                            "cloud-function function list", {"--access-filter": V, "--name-pattern": V}, aliases=("ls",)
                        ),
                        "info": _cmd("cloud-function function info"),
                        "remove": _cmd("cloud-function function remove", aliases=("rm", "delete")),
                        "update-secret": _cmd(
                            "cloud-function function update-secret", {"--secret": V, "--json-secret-file": V}
                        ),
                        "update-rate-limit": _cmd("cloud-function function update-rate-limit", _RATE_LIMIT),
                        "remove-rate-limit": _cmd("cloud-function function remove-rate-limit"),
                        "invoke": _cmd(
                            "cloud-function function invoke", {"-f": V, "--file": V, "-s": F, "--stream": F}, open=True
                        ),
                        # newer CLIs (NVIDIA's NVCF skills and docs): instances of a function, its auth
                        "instance": Group(
                            children=_open("cloud-function function instance", "list", "logs", "execute")
                        ),
                        "auth": Group(),
                        "deploy": Group(  # CLI nvcf/command/deploy.py
                            complete=True,
                            children={
                                "list": _cmd("cloud-function function deploy list", open=True),
                                "create": _cmd("cloud-function function deploy create", _DEPLOYMENT),
                                "update": _cmd("cloud-function function deploy update", _DEPLOYMENT),
                                "info": _cmd("cloud-function function deploy info"),
                                "remove": _cmd(
                                    "cloud-function function deploy remove", {"--graceful": F}, aliases=("rm", "delete")
                                ),
                                "restart": _cmd("cloud-function function deploy restart", aliases=("redeploy",)),
                                "log": _cmd(
                                    "cloud-function function deploy log",
                                    {"--start-time": V, "--end-time": V, "--duration": V},
                                    open=True,
                                ),
                            },
                        ),
                    },
                ),
                "task": Group(  # CLI nvcf/command/task.py
                    complete=True,
                    children={
                        "create": _cmd("cloud-function task create", TASK_CREATE),
                        "list": _cmd("cloud-function task list", open=True, aliases=("ls",)),
                        "info": _cmd("cloud-function task info", open=True),
                        "delete": _cmd("cloud-function task delete", open=True, aliases=("remove", "rm")),
                        "cancel": _cmd("cloud-function task cancel", open=True),
                        "update-secret": _cmd("cloud-function task update-secret", {"--secret": V}),
                        **_open("cloud-function task", "events", "results", "logs"),
                        "instance": Group(
                            complete=True, children=_open("cloud-function task instance", "list", "logs", "execute")
                        ),
                    },
                ),
                "registry-credential": Group(
                    children={
                        "create": _cmd(
                            "cloud-function registry-credential create",
                            {
                                "--hostname": V,
                                "--name": V,
                                "--key": V,
                                "--aws-access-key": V,
                                "--type": V,
                                "--username": V,
                                "--description": V,
                                "--tag": V,
                            },
                            positionals=0,
                        ),
                        **_open("cloud-function registry-credential", "list", "remove"),
                    }
                ),
                "gpu": Group(children=_open("cloud-function gpu", "list", "capacity", "quota", "info")),
                "cluster": Group(),
                "telemetry-endpoint": Group(),
                "available-gpus": _cmd("cloud-function available-gpus", open=True),
            },
        ),
        "registry": Group(
            children={
                "image": Group(
                    children={
                        "push": _cmd("registry image push", _YES, open=True),
                        "info": _cmd(
                            "registry image info",
                            {"--layers": F, "--history": F, "--details": F, "--scan": F},
                            open=True,
                        ),
                        "remove": _cmd("registry image remove", _YES, open=True),
                        **_open(
                            "registry image",
                            "list",
                            "pull",
                            "update",
                            "set-latest",
                            "create",
                            "sign",
                            "scan",
                            "publickey",
                            *_LICENSE,
                        ),
                        "deploy": Group(),
                    }
                ),
                "chart": Group(
                    children={
                        "create": _cmd("registry chart create", _REGISTRY_META, open=True),
                        "push": _cmd("registry chart push", {"--source": V, "--dry-run": F}),
                        "pull": _cmd("registry chart pull", {"--dest": V}, open=True),
                        "info": _cmd("registry chart info", {"--files": F}, open=True),
                        "remove": _cmd("registry chart remove", _YES, open=True),
                        **_open("registry chart", "list", "update", "publish", *_LICENSE),
                    }
                ),
                "model": _artifact_group("model", {"--files": F, "--credentials": F}),
                "resource": _artifact_group("resource", {"--files": F}, "sign"),
            }
        ),
    }
)

FUNCTION_CREATE_PATH = ("cloud-function", "function", "create")
TASK_CREATE_PATH = ("cloud-function", "task", "create")


def commands(node: Group | Command = TREE) -> Iterator[Command]:
    """Every command of the grammar, depth first."""
    if isinstance(node, Command):
        yield node
        return
    for child in node.children.values():
        yield from commands(child)


def paths_taking(*options: str) -> frozenset[tuple[str, ...]]:
    """The commands that take one of these options: rules about an option find its commands here."""
    return frozenset(command.path for command in commands() if any(o in command.options for o in options))


def resolve(group: Group, word: str) -> tuple[str, Group | Command] | None:
    """The canonical name and the child of ``group`` that ``word`` names (by name or alias)."""
    child = group.children.get(word)
    if child is not None:
        return word, child
    for name, candidate in group.children.items():
        if word in candidate.aliases:
            return name, candidate
    return None


def _node_at(path: tuple[str, ...]) -> Group | Command | None:
    node: Group | Command = TREE
    for name in path:
        if not isinstance(node, Group) or name not in node.children:
            return None
        node = node.children[name]
    return node


def group_at(path: tuple[str, ...]) -> Group | None:
    """The group at a canonical path; None for a path the grammar does not list as one."""
    node = _node_at(path)
    return node if isinstance(node, Group) else None


def lookup(path: tuple[str, ...]) -> Command | None:
    """The command at a canonical path; None for a path the grammar does not list."""
    node = _node_at(path)
    return node if isinstance(node, Command) else None
