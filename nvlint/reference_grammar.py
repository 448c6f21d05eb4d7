"""Image references (the distribution reference grammar) and NGC artifact references.

Both parsers work on *templates*: text in which ``UNKNOWN_CHAR`` marks a part whose value is not
known. A component containing it is unknown; everything else is judged on its literal text.
"""

from __future__ import annotations

import functools
import re

from nvlint import lazyre
from nvlint.model.record import Record
from nvlint.model.words import UNKNOWN_CHAR

U = UNKNOWN_CHAR

# Registry hosts that NVCF recognises for container images (ngc-facts §7, C4); NGC's staging registry
# stg.nvcr.io is the one NVIDIA/nvcf's own configuration names for NGC (nvcf-service application.yaml).
_RECOGNISED_HOSTS = (
    lazyre.compile(r"docker\.io"),
    lazyre.compile(r"(stg\.)?nvcr\.io"),
    lazyre.compile(r"public\.ecr\.aws"),
    lazyre.compile(r"\d+\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?"),
    lazyre.compile(r"[a-z0-9-]+\.azurecr\.io"),
    lazyre.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)*\.cr\.volces\.com"),
)
_REFERENCE_CHARS = lazyre.compile(r"[A-Za-z0-9._:/@+\x00-]+")
NGC_HOSTS = frozenset({"nvcr.io", "helm.ngc.nvidia.com"})


class ImageRef(Record):
    __slots__ = ("template", "offset", "host", "path", "tag", "digest", "host_unknown")

    def __init__(
        self,
        template: str,
        offset: int,
        host: str | None,
        path: tuple[str, ...],
        tag: str | None,
        digest: str | None,
        host_unknown: bool = False,
    ) -> None:
        self.template = template
        self.offset = offset  # where the reference starts inside the template (after `docker://` etc.)
        self.host = host  # None: no registry host written
        self.path = path  # repository path components
        self.tag = tag
        self.digest = digest
        self.host_unknown = host_unknown  # the first component is (partly) unknown: cannot tell

    @property
    def known_name(self) -> bool:
        return not self.host_unknown and U not in (self.host or "") and all(U not in c for c in self.path)

    @property
    def tag_may_exist(self) -> bool:
        """A tag or digest is present, or could be hidden in an unknown part of the last component."""
        return self.tag is not None or self.digest is not None or U in (self.path[-1] if self.path else U)


@functools.lru_cache(maxsize=4096)
def parse_image(template: str) -> ImageRef | None:
    """Split an image reference; None when the text is not shaped like one. Cached: each image rule parses
    the images of the creates it is given, and an ImageRef is never changed."""
    offset = 0
    for scheme in ("docker://", "oci://", "https://", "http://"):
        if template.startswith(scheme):
            offset = len(scheme)
    text = template[offset:]
    if not text or not _REFERENCE_CHARS.fullmatch(text):
        return None  # `$IMAGE` in single quotes, prose, globs: not a reference we can judge
    digest = None
    if "@" in text:
        text, digest = text.split("@", 1)
    tag = None
    slash = text.rfind("/")
    colon = text.rfind(":")
    if colon > slash:
        text, tag = text[:colon], text[colon + 1 :]
    components = text.split("/")
    if any(c == "" for c in components):
        return None
    first = components[0]
    host_unknown = False
    host = None
    if len(components) > 1:
        if U in first:
            literal = first.replace(U, "")
            host_unknown = not ("." in literal or ":" in literal)
            host = first if not host_unknown else None
        elif "." in first or ":" in first or first == "localhost":
            host = first
    path = tuple(components[1:] if host is not None else components)
    if host_unknown:
        path = tuple(components)
    return ImageRef(template, offset, host, path, tag, digest, host_unknown)


def is_recognised_host(host: str) -> bool:
    return any(pattern.fullmatch(host) for pattern in _RECOGNISED_HOSTS)


# A script names each image several times (build, push, create) and the editor reads it again on every
# edit: parsing the reference is the costly part of comparing two.
@functools.lru_cache(maxsize=4096)
def canonical_docker(template: str) -> str | None:
    """How docker names an image: host, `library/` for official images, `:latest` by default."""
    ref = parse_image(template)
    if ref is None or U in template:
        return None
    return _canonical(ref, ref.host or "docker.io")


@functools.lru_cache(maxsize=4096)
def canonical_ngc(template: str) -> str | None:
    """How the NGC CLI names an image: a reference without a host lives on nvcr.io."""
    ref = parse_image(template)
    if ref is None or U in template:
        return None
    return _canonical(ref, ref.host or "nvcr.io")


def _canonical(ref: ImageRef, host: str) -> str:
    if host in ("index.docker.io", "registry-1.docker.io"):
        host = "docker.io"
    path = ref.path
    if host == "docker.io" and len(path) == 1:
        path = ("library", *path)
    suffix = f"@{ref.digest}" if ref.digest else f":{ref.tag or 'latest'}"
    return f"{host}/{'/'.join(path)}{suffix}"


# --- NGC artifacts: `[override:]org/[team/]name:version` --------------------------------------------

_NGC_SEGMENT = lazyre.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class ArtifactRef(Record):
    __slots__ = ("override", "org", "team", "name", "version", "name_offset")

    def __init__(
        self, override: str | None, org: str, team: str | None, name: str, version: str | None, name_offset: int
    ) -> None:
        self.override = override
        self.org = org
        self.team = team
        self.name = name
        self.version = version
        self.name_offset = name_offset  # template index where org/... starts

    @property
    def target(self) -> str:
        return "/".join(x for x in (self.org, self.team, self.name) if x)


def parse_artifact(template: str, allow_override: bool = False) -> ArtifactRef | str:
    """An NGC model/resource/chart reference, or the reason it is malformed."""
    text = template
    override = None
    offset = 0
    if allow_override and text.count(":") >= 2:
        override, text = text.split(":", 1)
        offset = len(override) + 1
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", override):
            return f"the override name '{override}' is not a plain name"
    if text.count(":") > 1:
        return "it has more than one ':'"
    version = None
    if ":" in text:
        text, version = text.split(":", 1)
        if not version:
            return "the version after ':' is empty"
    segments = text.split("/")
    if text.startswith("/"):
        return "it starts with '/'"
    if len(segments) < 2:
        return "it has no org (expected <org>/[<team>/]<name>)"
    if len(segments) > 3:
        return f"it has {len(segments)} path segments (at most <org>/<team>/<name>)"
    for segment in segments:
        if not _NGC_SEGMENT.fullmatch(segment):
            return f"'{segment}' is not a valid org, team or name"
    org, name = segments[0], segments[-1]
    team = segments[1] if len(segments) == 3 else None
    return ArtifactRef(override, org, team, name, version, offset)
