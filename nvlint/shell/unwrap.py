"""Wrapper commands (`sudo`, `env`, `xargs`...) and commands that run a script given as a string.

Kept as data: each wrapper lists its options that take a value, so the wrapped command can be found
without guessing.
"""

from __future__ import annotations

from nvlint.model.command import basename
from nvlint.model.words import Part, Value, Word, literal_part
from nvlint.shell.remote import handed_on

# wrapper -> options that consume the next argument
WRAPPERS: dict[str, frozenset[str]] = {
    "sudo": frozenset(
        {
            "-u",
            "-g",
            "-p",
            "-C",
            "-D",
            "-h",
            "-r",
            "-t",
            "-T",
            "-U",
            "--user",
            "--group",
            "--prompt",
            "--chdir",
            "--host",
            "--role",
            "--type",
            "--other-user",
            "--close-from",
            "--command-timeout",
        }
    ),
    "doas": frozenset({"-u", "-C"}),
    "env": frozenset({"-u", "--unset", "-C", "--chdir", "-S", "--split-string"}),
    "time": frozenset({"-f", "--format", "-o", "--output"}),
    "command": frozenset(),
    "builtin": frozenset(),
    "exec": frozenset({"-a"}),
    "nohup": frozenset(),
    "nice": frozenset({"-n", "--adjustment"}),
    "ionice": frozenset({"-c", "-n", "-p", "-t"}),
    "stdbuf": frozenset({"-i", "-o", "-e", "--input", "--output", "--error"}),
    "timeout": frozenset({"-s", "--signal", "-k", "--kill-after"}),
    "xargs": frozenset(
        {
            "-I",
            "-n",
            "-P",
            "-d",
            "-L",
            "-s",
            "-E",
            "-a",
            "--max-args",
            "--max-procs",
            "--delimiter",
            "--max-lines",
            "--arg-file",
            "--replace",
            "--max-chars",
            "--eof",
        }
    ),
    "retry": frozenset({"-t", "--tries", "-d", "--delay"}),
}
# Kubernetes distributions that bring their own tools: `microk8s kubectl ...`, `microk8s helm3 ...`,
# `k3s kubectl ...`, `minikube kubectl -- ...` run the tool with the words that follow (`oc` takes
# kubectl's arguments itself: nvlint.tools.registries). microk8s also installs `microk8s.kubectl`.
TOOL_WRAPPERS: dict[str, frozenset[str]] = {
    "microk8s": frozenset({"kubectl", "helm", "helm3", "ctr"}),
    "k3s": frozenset({"kubectl", "crictl", "ctr"}),
    "minikube": frozenset({"kubectl"}),
}
SHELLS = frozenset({"bash", "sh", "zsh", "dash", "ksh", "ash", "mksh", "busybox"})
SHELL_VALUE_OPTIONS = frozenset({"-o", "+o", "-O", "+O", "--rcfile", "--init-file"})


class Unwrapped:
    __slots__ = ("argv", "script", "script_args", "executes", "stdin_script")

    def __init__(
        self,
        argv: list[Word],
        script: Word | None = None,
        script_args: list[Word] | None = None,
        executes: bool = True,
        stdin_script: bool = False,
    ) -> None:
        self.argv = argv
        self.script = script  # a script given as a string to another shell
        self.script_args = script_args
        self.executes = executes  # False for `command -v x`
        self.stdin_script = stdin_script  # a shell that runs what it reads (`bash <<EOF`, `ssh host <<EOF`)


def unwrap(argv: list[Word], depth: int = 0) -> Unwrapped:
    """Strip wrappers until the real command; find `sh -c SCRIPT`, `ssh host SCRIPT`, `eval`."""
    if not argv or depth > 8:
        return Unwrapped(argv)
    name = basename(argv[0])
    if name is None:
        return Unwrapped(argv)
    if name in WRAPPERS:
        rest = _skip_options(
            argv[1:], WRAPPERS[name], allow_assignments=(name == "env"), positional_before=1 if name == "timeout" else 0
        )
        if name == "command" and argv[1:2] and argv[1].literal in ("-v", "-V"):
            return Unwrapped(argv, executes=False)
        if not rest:
            return Unwrapped(argv)
        return unwrap(rest, depth + 1)
    tool = _wrapped_tool(name, argv)
    if tool is not None:
        return unwrap(tool, depth + 1)
    if name in SHELLS:
        return _shell(argv)
    if name == "su":
        return _su(argv)
    if name == "eval" and len(argv) > 1:
        return Unwrapped(argv, script=join_words(argv[1:]))
    handed = handed_on(name, argv)
    if handed is None:
        if name == "ssh" and any(not (w.literal or "-").startswith("-") for w in argv[1:]):
            return Unwrapped(argv, stdin_script=True)  # `ssh host <<EOF`: the remote shell reads it
        return Unwrapped(argv)
    how, words = handed
    if how == "argv":
        return unwrap(words, depth + 1)
    return Unwrapped(argv, script=join_words(words, "\n" if how == "lines" else " "))


def _wrapped_tool(name: str, argv: list[Word]) -> list[Word] | None:
    """The tool's words in `microk8s kubectl ...`, `minikube kubectl -- ...`, `microk8s.helm3 ...`."""
    if name.startswith("microk8s.") and name[len("microk8s.") :] in TOOL_WRAPPERS["microk8s"]:
        first = argv[0]
        cut = len(first.value.template()) - len(name) + len("microk8s.")  # after any `/snap/bin/` folder
        return [Word(first.value.slice(cut), first.start + cut, first.end, first.quoting), *argv[1:]]
    tools = TOOL_WRAPPERS.get(name)
    if tools is None or len(argv) < 2 or argv[1].literal not in tools:
        return None
    rest = argv[2:]
    if name == "minikube":  # `minikube kubectl -- get pods`: kubectl's own options come after `--`
        literals = [w.literal for w in rest]
        if "--" in literals:
            rest = rest[literals.index("--") + 1 :]
    return [argv[1], *rest]


def _skip_options(
    words: list[Word], takes_value: frozenset[str], allow_assignments=False, positional_before=0
) -> list[Word]:
    i = 0
    while i < len(words):
        lit = words[i].literal
        if lit is None:
            return words[i:]
        if lit == "--":
            i += 1
            break
        if allow_assignments and "=" in lit and not lit.startswith("-") and lit.split("=", 1)[0].isidentifier():
            i += 1
            continue
        if lit.startswith("-") and len(lit) > 1:
            if lit in takes_value:
                i += 2
                continue
            i += 1
            continue
        break
    i += positional_before
    return words[i:]


def _shell(argv: list[Word]) -> Unwrapped:
    i = 1
    if basename(argv[0]) == "busybox":
        if len(argv) < 2 or argv[1].literal not in ("sh", "ash", "bash"):
            return Unwrapped(argv)
        i = 2
    reads_stdin = False
    while i < len(argv):
        lit = argv[i].literal
        if lit is None or not lit.startswith(("-", "+")) or lit == "--":
            return Unwrapped(argv, stdin_script=reads_stdin)  # a script file, unless `-s` said stdin
        if lit in SHELL_VALUE_OPTIONS:
            i += 2
            continue
        if not lit.startswith("--") and "c" in lit[1:]:
            if i + 1 < len(argv):
                return Unwrapped(argv, script=argv[i + 1], script_args=argv[i + 2 :])
            return Unwrapped(argv)
        reads_stdin = reads_stdin or (not lit.startswith("--") and "s" in lit[1:])
        i += 1
    return Unwrapped(argv, stdin_script=True)  # no script file: the commands come from stdin


def _su(argv: list[Word]) -> Unwrapped:
    i = 1
    while i < len(argv):
        lit = argv[i].literal
        if lit is None:
            return Unwrapped(argv)
        if lit in ("-c", "--command") and i + 1 < len(argv):
            return Unwrapped(argv, script=argv[i + 1])
        if lit.startswith("--command="):
            word = argv[i]
            return Unwrapped(argv, script=Word(word.value.slice(len("--command=")), word.start, word.end, word.quoting))
        if lit in ("-s", "--shell", "-g", "--group", "-G", "--supp-group", "-w", "--whitelist-environment"):
            i += 2
            continue
        i += 1
    return Unwrapped(argv)


def join_words(words: list[Word], separator: str = " ") -> Word:
    """Words joined by single spaces, as `eval` and `ssh` hand them to the shell (or by newlines:
    lines of one script)."""
    parts: list[Part] = []
    for n, word in enumerate(words):
        if n:
            parts.append(literal_part(separator, words[n - 1].end))
        parts.extend(word.value.parts)
    return Word(Value(parts), words[0].start, words[-1].end, "mixed")
