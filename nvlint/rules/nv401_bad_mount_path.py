from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.config_values import choice_option
from nvlint.diagnostics import Diagnostic, Edit, Fix
from nvlint.model.events import CommandRun, Deploy
from nvlint.model.words import UNKNOWN_CHAR
from nvlint.rules._mounts import KINDS, MountPath, find_paths, near_kind, nvcf_values
from nvlint.rules.base import Context, Rule

MOUNT_LAYOUT = choice_option(
    "mount-layout",
    ("any", "mount", "config"),
    '`"mount"` (`/mount/models/<name>/<version>`), `"config"` (`/config/models/<name>`) or `"any"` '
    "(the default: both layouts are accepted).",
)

RULE: Rule[CommandRun | Deploy] = Rule(
    code="NV401",
    name="bad-mount-path",
    severity="error",
    summary="A malformed NVCF mount path: `/mount/model/...`, `/mounts/models/...`, `/config/model/...`.",
    what=(
        "Reports paths that look like NVCF mounts but cannot exist: `/mount/model/...`, `/mount/Resources/...` "
        "and other misspellings of `/mount/models/<name>/<version>` and `/mount/resources/<name>/<version>`, "
        "and `/mounts/models/...`, anywhere in a script. Other directories under `/mount/` (`/mount/cache`) are "
        "reported in files that use NGC or NVCF (an `ngc` command, an nvcr.io image, an NGC login). In values "
        "passed to a function or task (`--container-args`, `--container-environment-variable`...) it also "
        "reports misspellings of NVCF's `/config/models/<name>` and "
        "`/config/resources/<name>` layout. Deeper paths and the bare roots are fine."
    ),
    why=(
        "Public sources disagree on the layout: the NGC registry reference says `/mount/models/<name>/"
        "<version>`, NVCF's open-source worker mounts `/config/models/<name>` with no version directory. "
        "Both are accepted by default; `mount-layout` narrows it. A misspelt path fails only at run time, "
        "inside the deployed container, as a missing file."
    ),
    bad="ngc cf fn create --name llm --inference-url /v1/chat/completions \\\n"
    "  --container-image nvcr.io/acme/server:1.0 --model acme/llama:1.0 \\\n"
    "  --container-environment-variable MODEL_DIR:/mount/model/llama/1.0\n",
    good="ngc cf fn create --name llm --inference-url /v1/chat/completions \\\n"
    "  --container-image nvcr.io/acme/server:1.0 --model acme/llama:1.0 \\\n"
    "  --container-environment-variable MODEL_DIR:/mount/models/llama/1.0\n",
    fix=(
        "Where the intended path is plain, replaces its start with it: `/mount/model/` and `/mount/Models/` "
        "with `/mount/models/`, `/mounts/models/` with `/mount/models/`, `/config/model/` with `/config/models/` "
        "(the same for resources). Layout mismatches and other directories under `/mount/` are not fixed: which "
        "path is meant is the author's to say."
    ),
    fix_applicability="safe",
    options=(MOUNT_LAYOUT,),
    reads_words=lambda word: _names_a_mount(word.text),
    reads=(CommandRun, Deploy),
)


def _names_a_mount(text: str) -> bool:
    return "/mount" in text or "/config" in text


@RULE.checker
def check(flow: Sequence[CommandRun | Deploy], ctx: Context) -> Iterator[Diagnostic]:
    layout = ctx.settings.option(MOUNT_LAYOUT)
    found: dict[tuple[int, int], tuple] = {}
    for event in flow:
        if isinstance(event, Deploy):
            for _, value in nvcf_values(event):
                for path in find_paths(value):
                    _judge(path, True, layout, found, ctx)
        elif isinstance(event, CommandRun):
            for word in event.words:
                for path in find_paths(word.value):
                    _judge(path, False, layout, found, ctx)
    for span, (message, _, fix) in found.items():
        yield RULE.at(span, message, fix)


def _judge(path: MountPath, nvcf: bool, layout: str, found: dict, ctx: Context) -> None:
    problem = _problem(path, ctx.quote(path.piece()), nvcf, layout, ctx.ngc_file)
    if problem is None:
        return
    message, intended = problem
    span = path.span()
    if span is None:
        return
    if span not in found or (nvcf and not found[span][1]):
        found[span] = (message, nvcf, _fix(path, intended))


def _fix(path: MountPath, intended: str | None) -> Fix | None:
    """Replace the path's root and kind (`/mount/model`) with the intended ones, where they are written
    as one run of literal characters (not through a variable, not in another file or a quoted YAML scalar)."""
    if intended is None:
        return None
    end = path.index + 1 + len(path.root) + 1 + len(path.components[0])
    span = path.value.contiguous_span(path.index, end)
    if span is None:
        return None
    return RULE.fix_with(f"Write '{intended}'", Edit(span[0], span[1], intended))


def _problem(path: MountPath, shown: str, nvcf: bool, layout: str, ngc_file: bool) -> tuple[str, str | None] | None:
    """What is wrong with the path, and the root and kind it plainly means (None: not plain)."""
    root, parts = path.root, path.components
    if not parts:
        return None
    kind = parts[0]
    if UNKNOWN_CHAR in kind:
        return None  # `/mount/${DIR}/...`: whatever the value is, nvlint cannot know it
    near = near_kind(kind)
    if root == "mounts":
        if kind in KINDS or near:
            message = f"{shown}: the mount root is '/mount' (singular): '/mount/{near or kind}/{'/'.join(parts[1:])}'"
            return message, f"/mount/{near or kind}"
        return None
    if root == "mount":
        if near:
            return f"{shown}: NVCF mounts under '/mount/{near}/', not '/mount/{kind}/'", f"/mount/{near}"
        if kind in KINDS:
            if nvcf and layout == "config":
                return f"{shown}: with mount-layout 'config', NVCF mounts {kind} under '/config/{kind}/<name>'", None
            if nvcf and layout == "mount" and len(parts) == 2 and UNKNOWN_CHAR not in parts[1]:
                return f"{shown}: the mount layout is '/mount/{kind}/<name>/<version>'; the version is missing", None
            return None
        if nvcf or ngc_file:
            return f"{shown}: NVCF mounts only '/mount/models/' and '/mount/resources/' under '/mount/'", None
        return None
    if root == "config" and nvcf:
        if near:
            return f"{shown}: NVCF mounts under '/config/{near}/', not '/config/{kind}/'", f"/config/{near}"
        if kind in KINDS and layout == "mount":
            message = f"{shown}: with mount-layout 'mount', NVCF mounts {kind} under '/mount/{kind}/<name>/<version>'"
            return message, None
    return None
