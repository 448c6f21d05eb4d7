"""Where NVCF mounts models and resources, and how to recognise a path that means to name one.

Two layouts exist in public sources (see the README): `/mount/models/<name>/<version>` (the NGC
registry reference) and `/config/models/<name>` (NVCF's open-source worker). `mount-layout`
picks one or accepts both.
"""

from __future__ import annotations

from collections.abc import Iterator

from nvlint import lazyre
from nvlint.model.events import Attachment, Deploy, OptionUse
from nvlint.model.words import UNKNOWN_CHAR, Value

# A path starting at a word boundary: not the middle of another path or a URL.
_PATH = lazyre.compile(r"(?<![\w.$/~-])/(?:mounts?|config)(?=/|$|[\s:;,'\"=)\]}])[^\s:;,'\"=)\]}]*")
KINDS = {"models": "model", "resources": "resource"}


class MountPath:
    __slots__ = ("text", "value", "index", "root", "components")

    def __init__(self, text: str, value: Value, index: int, root: str, components: list[str]) -> None:
        self.text = text  # the path as a template
        self.value = value
        self.index = index  # template index in value
        self.root = root  # mount | mounts | config
        self.components = components  # after the root

    def piece(self) -> Value:
        """The path as a value (what messages quote)."""
        return self.value.slice(self.index, self.index + len(self.text))

    def span(self, i: int | None = None) -> tuple[int, int] | None:
        """File span of the whole path, or of component ``i``."""
        if i is None:
            start, end = self.index, self.index + len(self.text)
        else:
            start = self.index + 1 + len(self.root) + 1 + sum(len(c) + 1 for c in self.components[:i])
            end = start + len(self.components[i])
        return self.value.contiguous_span(start, end) or self.value.slice(start, end).span()


def find_paths(value: Value) -> Iterator[MountPath]:
    template = value.template()
    if "/mount" not in template and "/config" not in template:
        return
    for match in _PATH.finditer(template):
        text = match.group(0)
        pieces = text.strip("/").split("/")
        components = [c for c in pieces[1:]]
        while components and components[-1] == "":
            components.pop()
        yield MountPath(text, value, match.start(), pieces[0], components)


def near_kind(component: str) -> str | None:
    """'models' or 'resources' when ``component`` is a misspelling of one of them."""
    if UNKNOWN_CHAR in component or not component:
        return None
    lowered = component.lower()
    if lowered in KINDS and component != lowered:
        return lowered
    if component in KINDS:
        return None
    import difflib  # here: only a path that is not spelled right needs it

    match = difflib.get_close_matches(lowered, list(KINDS), n=1, cutoff=0.75)
    return match[0] if match else None


# Options whose values are read inside the function's container.
NVCF_VALUE_OPTIONS = (
    "--container-args",
    "--container-environment-variable",
    "--configuration",
    "--set",
    "--secret",
    "containerEnvironment",
)


def nvcf_values(deploy: Deploy) -> Iterator[tuple[OptionUse, Value]]:
    if deploy.ngc is None:
        return
    for option in deploy.ngc.options:
        if option.name in NVCF_VALUE_OPTIONS and option.value is not None:
            yield option, option.value


def by_name(attached: list[Attachment]) -> dict[str, list[Attachment]]:
    """Attachments by name."""
    found: dict[str, list[Attachment]] = {}
    for attachment in attached:
        found.setdefault(attachment.name, []).append(attachment)
    return found


def attachments(deploy: Deploy) -> list[Attachment] | None:
    """What a function or task attaches; None when any of it is unknown."""
    if deploy.attachments is not None or deploy.origin == "payload":
        return deploy.attachments  # a payload's list, or None when a template leaves a name unknown
    out: list[Attachment] = []
    if deploy.ngc is None:
        return None
    for option in deploy.ngc.options:
        if option.name not in ("--model", "--resource") or option.value is None:
            continue
        text = option.value.literal
        if text is None:
            return None
        kind = option.name[2:]
        override = None
        if kind == "model" and text.count(":") >= 2:
            override, text = text.split(":", 1)
        target, _, version = text.partition(":")
        name = override or target.rsplit("/", 1)[-1]
        out.append(Attachment(kind, name, version or None))
    return out


class MountReference:
    """A path in a function's or task's values that names a model or resource by name."""

    __slots__ = ("path", "kind", "name")

    def __init__(self, path: MountPath, kind: str, name: str) -> None:
        self.path = path
        self.kind = kind  # model | resource
        self.name = name


def mount_references(deploy: Deploy) -> Iterator[MountReference]:
    for _, value in nvcf_values(deploy):
        for path in find_paths(value):
            if path.root not in ("mount", "config") or len(path.components) < 2:
                continue
            kind = KINDS.get(path.components[0])
            if kind is not None:
                yield MountReference(path, kind, path.components[1])


class MountUse:
    """A mount path a function or task uses, beside what it attaches: all of it, and the attachments of
    the path's name of the path's kind (`same_kind`) and of the other kind (`other_kind`)."""

    __slots__ = ("attached", "other_kind", "reference", "same_kind")

    def __init__(
        self,
        reference: MountReference,
        attached: list[Attachment],
        same_kind: list[Attachment],
        other_kind: list[Attachment],
    ) -> None:
        self.reference = reference
        self.attached = attached
        self.same_kind = same_kind
        self.other_kind = other_kind


def mount_uses(deploy: Deploy) -> Iterator[MountUse]:
    """The mount paths of a function or task whose attachments are all known, each beside them."""
    attached = attachments(deploy)
    if attached is None:
        return
    named = by_name(attached)  # each path looks its name up instead of scanning every attachment
    for reference in mount_references(deploy):
        under_name = named.get(reference.name, ())
        same = [a for a in under_name if a.kind == reference.kind]
        other = [a for a in under_name if a.kind != reference.kind]
        yield MountUse(reference, attached, same, other)
