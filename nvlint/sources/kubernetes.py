"""Kubernetes manifests (a document with `apiVersion` and `kind`, by its shape, never by its name), the
templates of a Helm chart (read as manifests: see nvlint.sources.helm), and a chart's values files.

- Docker-config Secrets (`type: kubernetes.io/dockerconfigjson`, or `dockercfg`): the JSON in `data`
  (base64) or `stringData` is read, and each registry in `auths` is a login: its `username`, or the user
  of its `auth` (base64 `user:password`), is checked as a login's is (NV301), and a key in its password is
  NV305 (never shown). What base64 holds has no position of its own: it is reported at the scalar.
- `env:` entries that set an NGC key to a plain `value:` instead of `valueFrom.secretKeyRef` (NV309), in
  any workload or operator resource (a Deployment, a Job, NVIDIA's NIMService...).
- A container's `command:` and `args:` run as the container runs them: `sh -c SCRIPT` is a script, with
  positions inside the YAML scalar; other commands are their words, no shell in between.
- A chart's `values*.yaml`: NGC keys given inline (`ngcApiKey:`, `ngc: {apiKey: ...}`: NV309), and
  registry credentials (`registry: nvcr.io` beside `username:`) as logins.
"""

from __future__ import annotations

import binascii

from nvlint.model.events import Event
from nvlint.model.words import Word
from nvlint.sources.helm import is_values
from nvlint.sources.kind import Source
from nvlint.sources.manifests import Manifest, placed_word
from nvlint.yamltree.nodes import DocumentText, compose_all, get, is_mapping, is_scalar, is_sequence, items

DOCKER_CONFIG_TYPES = ("kubernetes.io/dockerconfigjson", "kubernetes.io/dockercfg")
DOCKER_CONFIG_KEYS = (".dockerconfigjson", ".dockercfg")
_REGISTRY_KEYS = ("registry", "server", "host", "registryUrl", "url")


def looks_like_a_manifest(root) -> bool:
    kind = get(root, "kind")
    return is_mapping(root) and is_scalar(get(root, "apiVersion")) and is_scalar(kind) and bool(kind.value)


def read_document(source: Source, root) -> list[list[Event]]:
    reader = _Reader(source)
    if is_values(source.path):
        reader.values(root, "")
    else:
        kind = str(get(root, "kind").value)
        if kind == "Secret":
            reader.secret(root)
        reader.walk(root, kind)
    return reader.flows()


class _Reader(Manifest):
    def __init__(self, source: Source) -> None:
        super().__init__(source, source.expressions)

    def walk(self, node, kind: str) -> None:
        """Every mapping of the document: `env` lists, and containers (what has an `image` and runs)."""
        stack = [node]
        while stack:
            current = stack.pop()
            if is_sequence(current):
                stack.extend(reversed(current.value))
                continue
            if not is_mapping(current):
                continue
            env = get(current, "env")
            if is_sequence(env):
                for entry in env.value:
                    name = get(entry, "name")
                    if is_scalar(name):
                        self.plain_secret(str(name.value), self.word(get(entry, "value")), f"this {kind}'s env")
            if get(current, "image") is not None and (get(current, "command") or get(current, "args")):
                self.container(get(current, "command"), get(current, "args"))
            stack.extend(reversed([value for _, _, value in items(current)]))

    def secret(self, root) -> None:
        if not is_scalar(get(root, "type")) or str(get(root, "type").value) not in DOCKER_CONFIG_TYPES:
            return
        for section, encoded in (("data", True), ("stringData", False)):
            block = get(root, section)
            for key in DOCKER_CONFIG_KEYS:
                node = get(block, key)
                if is_scalar(node):
                    self.docker_config(node, encoded)

    def docker_config(self, node, encoded: bool) -> None:
        """`auths` of a Docker config held in a scalar: as base64 (positions: the scalar) or as JSON text
        (positions: each value inside it)."""
        word = self.word(node)
        if word is None or word.literal is None:
            return  # a template expression, an unknown: nothing to read
        start, end = node.start_mark.index, node.end_mark.index
        if encoded:
            text = _base64(word.literal)
            if text is None:
                return
            document = DocumentText(text, [start] * (len(text) + 1))
        else:
            offsets = [part.char_offset(i) for part in word.value.parts for i in range(part.size)]
            document = DocumentText(word.literal, [*offsets, end])
        try:
            roots = compose_all(document.text)
        except Exception:  # noqa: BLE001 - not JSON a registry client would read: nothing to check
            return
        for config in roots:
            auths = get(config, "auths") if is_mapping(get(config, "auths")) else config
            for host, host_node, entry in items(auths):
                if is_mapping(entry):
                    self.auth_entry(document, host, host_node, entry, encoded, (start, end))

    def auth_entry(self, document: DocumentText, host: str, host_node, entry, encoded: bool, span) -> None:
        def at(node) -> Word:
            return placed_word(str(node.value), *span) if encoded else document.word(node)

        host_word = at(host_node)
        username = get(entry, "username")
        password = get(entry, "password")
        user = at(username) if is_scalar(username) else None
        secret = str(password.value) if is_scalar(password) else None
        secret_span = span if encoded or not is_scalar(password) else document.span(password)
        auth = get(entry, "auth")
        if is_scalar(auth):
            pair = _base64(str(auth.value))
            if pair is not None and ":" in pair:
                name, key = pair.split(":", 1)
                where = span if encoded else document.span(auth)
                user = user or placed_word(name, *where)
                if secret is None:
                    secret, secret_span = key, where
        self.registry_login(host_word, user, secret, secret_span, "a Docker-config Secret")

    def values(self, node, path: str) -> None:
        """A chart's values: inline NGC keys, and registry credentials, at any depth."""
        if is_sequence(node):
            for item in node.value:
                self.values(item, path)
            return
        if not is_mapping(node):
            return
        host = next((get(node, key) for key in _REGISTRY_KEYS if is_scalar(get(node, key))), None)
        username = get(node, "username")
        if host is not None and is_scalar(username):
            password = get(node, "password")
            secret = str(password.value) if is_scalar(password) else None
            span = (password.start_mark.index, password.end_mark.index) if is_scalar(password) else (0, 0)
            host_word, user = self.word(host), self.word(username)
            if host_word is not None:
                self.registry_login(host_word, user, secret, span, "a registry credential in Helm values")
        for key, _, value in items(node):
            name = f"{path}.{key}" if path else key
            if is_scalar(value):
                # `ngcApiKey: ...` names the key itself; `ngc: {apiKey: ...}` with its parent
                self.plain_secret(key, self.word(value), "these Helm values")
                if path:
                    self.plain_secret(path.rsplit(".", 1)[-1] + "." + key, self.word(value), "these Helm values")
            else:
                self.values(value, name)
        env = get(node, "env")
        if is_sequence(env):
            for entry in env.value:
                name_node = get(entry, "name")
                if is_scalar(name_node):
                    self.plain_secret(str(name_node.value), self.word(get(entry, "value")), "these Helm values' env")


def _base64(text: str) -> str | None:
    try:
        return binascii.a2b_base64("".join(text.split()).encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        return None


shape = looks_like_a_manifest  # the registry's name (nvlint.sources.kind.FileKind)
claims = is_values  # a Helm chart's values files (nvlint.sources.helm)
