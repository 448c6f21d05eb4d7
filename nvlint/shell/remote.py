"""Commands that run a command somewhere else: on another machine, in a container, on a cluster node.

What they run is a script too, with positions inside the words that carry it. Kept as data, as the
NGC CLI grammar is: add a row to RUNNERS, not a branch to the code.
"""

from __future__ import annotations

from nvlint.model.words import Word

# Options of `docker|podman|nerdctl run` that take a value: the image is the first word after them.
_CONTAINER_RUN = frozenset(
    """-a --attach --add-host --annotation --blkio-weight --cap-add --cap-drop --cgroup-parent
--cgroupns --cidfile --cpu-period --cpu-quota --cpu-shares -c --cpus --cpuset-cpus --cpuset-mems --device
--device-cgroup-rule --dns --dns-option --dns-search --domainname --entrypoint -e --env --env-file --expose
--gpus --group-add --health-cmd --health-interval --health-retries --health-start-period --health-timeout
-h --hostname --ip --ip6 --ipc --isolation --kernel-memory -l --label --label-file --link --log-driver
--log-opt --mac-address -m --memory --memory-reservation --memory-swap --mount --name --network --net
--network-alias --oom-score-adj --pid --pids-limit --platform -p --publish --pull --restart --runtime
--security-opt --shm-size --stop-signal --stop-timeout --storage-opt --sysctl --tmpfs --ulimit -u --user
--userns --uts -v --volume --volume-driver --volumes-from -w --workdir --authfile --secret""".split()
)
_CONTAINER_EXEC = frozenset(
    {
        "-e",
        "--env",
        "-u",
        "--user",
        "-w",
        "--workdir",
        "--env-file",
        "--detach-keys",
        "-c",
        "--container",
        "-n",
        "--namespace",
    }
)
_SSH = frozenset("-B -b -c -D -E -e -F -I -i -J -L -l -m -O -o -p -Q -R -S -W -w".split())
_SRUN = frozenset(
    """-A --account -c --cpus-per-task -C --constraint -D --chdir -e --error --export -G --gpus
--gpus-per-node --gpus-per-task --gres -i --input -J --job-name -L --licenses --mem --mem-per-cpu
--mem-per-gpu -N --nodes -n --ntasks --ntasks-per-node -o --output -p --partition -q --qos -t --time -w
--nodelist -x --exclude --container-image --container-mounts --container-name --container-workdir --mpi
--reservation --cpu-bind --distribution -m""".split()
)


class Runner:
    """How one command hands on what it runs.

    ``script_options``: options whose value is a script (`gcloud compute ssh --command '...'`).
    Otherwise the runner's own options (``value_options`` take a value) and ``positionals`` (the host,
    the container, the image) come first, then the rest: a command's words (``rest="argv"``, `docker run
    IMAGE cmd args`) or words joined into one script (``rest="script"``, `ssh host 'cmd; cmd'`). With
    ``after_dashdash``, what follows `--` is that rest (`lxc exec c -- cmd`, `brev exec box -- cmd`, which
    ssh joins into a script); ``only_after_dashdash``
    runners hand on nothing without it (`kubectl exec pod -- cmd`).
    """

    __slots__ = ("value_options", "positionals", "script_options", "rest", "after_dashdash", "only_after_dashdash")

    def __init__(
        self,
        *,
        value_options: frozenset[str] = frozenset(),
        positionals: int = 0,
        script_options: tuple[str, ...] = (),
        rest: str = "argv",
        after_dashdash: bool = True,
        only_after_dashdash: bool = False,
    ) -> None:
        self.value_options = value_options
        self.positionals = positionals
        self.script_options = script_options
        self.rest = rest
        self.after_dashdash = after_dashdash
        self.only_after_dashdash = only_after_dashdash


# (command words) -> how it runs what it is given
RUNNERS: dict[tuple[str, ...], Runner] = {
    ("ssh",): Runner(value_options=_SSH, positionals=1, rest="script", after_dashdash=False),
    ("brev", "exec"): Runner(positionals=1, rest="script"),
    ("brev", "shell"): Runner(positionals=1, rest="script"),
    ("gcloud", "compute", "ssh"): Runner(script_options=("--command",)),
    ("gcloud", "beta", "compute", "ssh"): Runner(script_options=("--command",)),
    ("az", "vm", "run-command", "invoke"): Runner(script_options=("--scripts",)),
    ("az", "vm", "run-command", "create"): Runner(script_options=("--script",)),
    ("vagrant", "ssh"): Runner(script_options=("-c", "--command")),
    ("multipass", "exec"): Runner(positionals=1),
    ("lxc", "exec"): Runner(value_options=frozenset({"--env", "--user", "--group", "--cwd"}), positionals=1),
    ("incus", "exec"): Runner(value_options=frozenset({"--env", "--user", "--group", "--cwd"}), positionals=1),
    ("docker", "run"): Runner(value_options=_CONTAINER_RUN, positionals=1, after_dashdash=False),
    ("podman", "run"): Runner(value_options=_CONTAINER_RUN, positionals=1, after_dashdash=False),
    ("nerdctl", "run"): Runner(value_options=_CONTAINER_RUN, positionals=1, after_dashdash=False),
    ("docker", "exec"): Runner(value_options=_CONTAINER_EXEC, positionals=1, after_dashdash=False),
    ("podman", "exec"): Runner(value_options=_CONTAINER_EXEC, positionals=1, after_dashdash=False),
    ("nerdctl", "exec"): Runner(value_options=_CONTAINER_EXEC, positionals=1, after_dashdash=False),
    ("kubectl", "exec"): Runner(only_after_dashdash=True),
    ("oc", "exec"): Runner(only_after_dashdash=True),
    ("srun",): Runner(value_options=_SRUN, after_dashdash=False),
}
_LONGEST = max(len(key) for key in RUNNERS)
_NAMES = frozenset(key[0] for key in RUNNERS)  # every command asks: most are no runner at all


def handed_on(name: str, argv: list[Word]) -> tuple[str, list[Word]] | None:
    """What a runner runs: ("argv", words of the command), ("script", words joined by spaces into one
    script, as ssh joins them) or ("lines", words that are lines of one script), or None when ``argv``
    is not a runner or runs nothing nvlint can see."""
    if name not in _NAMES:
        return None
    for size in range(min(_LONGEST, len(argv)), 0, -1):
        key = (name, *(w.literal or "" for w in argv[1:size]))
        runner = RUNNERS.get(key)
        if runner is not None:
            return _rest(runner, argv[size:])
    return None


def _rest(runner: Runner, words: list[Word]) -> tuple[str, list[Word]] | None:
    if runner.script_options:
        return _script_option(runner.script_options, words)
    if runner.only_after_dashdash:
        for i, word in enumerate(words):
            if word.literal == "--":
                return ("argv", words[i + 1 :]) if words[i + 1 :] else None
        return None
    i, seen = 0, 0
    while i < len(words):
        literal = words[i].literal
        if literal is None:
            if words[i].may_split or seen >= runner.positionals:
                break  # `$OPTIONS` could be any words; past the positionals, the command starts here
            seen += 1  # `ssh "$HOST"`: an unknown host is still the host
            i += 1
            continue
        if literal == "--":
            if runner.after_dashdash:
                return (runner.rest, words[i + 1 :]) if words[i + 1 :] else None
            i += 1
            continue
        if literal.startswith("-") and len(literal) > 1 and seen == 0:
            i += 2 if literal in runner.value_options else 1
            continue
        if seen < runner.positionals:
            seen += 1
            i += 1
            continue
        break
    rest = words[i:]
    if not rest or seen < runner.positionals or (rest[0].literal is None and rest[0].may_split):
        return None
    if runner.rest == "argv" and (rest[0].literal or "").startswith("-"):
        return None  # `docker run IMAGE --port 8000`: arguments for the image's entrypoint, no command
    return (runner.rest, rest)


def _script_option(names: tuple[str, ...], words: list[Word]) -> tuple[str, list[Word]] | None:
    """`--command 'cmd'`, `--command='cmd'`, `-c 'cmd'`; `az --scripts 'a' 'b'` runs each line."""
    for i, word in enumerate(words):
        literal = word.literal or ""
        for name in names:
            if literal == name:
                values = []
                for following in words[i + 1 :]:
                    if (following.literal or "").startswith("-"):
                        break
                    values.append(following)
                return ("lines", values) if values else None
            if literal.startswith(name + "=") and name.startswith("--"):
                return "lines", [
                    Word(
                        word.value.slice(len(name) + 1),
                        word.start,
                        word.end,
                        word.quoting,
                        word.expansions,
                        False,
                        word.raw,
                        word.foreign,
                    )
                ]
    return None
