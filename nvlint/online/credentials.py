"""Where credentials come from: NGC's key for nvcr.io and the NGC API, Docker's config for the rest.

Credentials never leave this module except in the Authorization header of a request to the host
they belong to; nothing here is ever printed.
"""

from __future__ import annotations

import base64
import configparser
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

NGC_HOSTS = frozenset({"nvcr.io", "stg.nvcr.io", "helm.ngc.nvidia.com", "api.ngc.nvidia.com"})


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str
    source: str  # where they were found, for messages ("$NGC_CLI_API_KEY", "~/.docker/config.json")

    def __repr__(self) -> str:  # never show the secret, even in a traceback
        return f"Credentials(username={self.username!r}, source={self.source!r})"


def ngc_key() -> tuple[str, str] | None:
    """(key, where it was found)."""
    for name in ("NGC_CLI_API_KEY", "NGC_API_KEY"):
        if os.environ.get(name):
            return os.environ[name], f"${name}"
    home = Path(os.environ["NGC_CLI_HOME"]) if os.environ.get("NGC_CLI_HOME") else Path.home()
    config = home / ".ngc" / "config"
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(config, encoding="utf-8")
    except (configparser.Error, OSError):
        return None
    for section in ("CURRENT", "DEFAULT"):
        if parser.has_option(section, "apikey") and parser.get(section, "apikey").strip():
            return parser.get(section, "apikey").strip(), str(config)
    return None


NGC_SOURCES = "$NGC_CLI_API_KEY, $NGC_API_KEY, ~/.ngc/config ($NGC_CLI_HOME moves it)"


def for_registry(host: str) -> Credentials | None:
    if host in NGC_HOSTS or host.endswith(".nvcr.io"):
        found = ngc_key()
        return Credentials("$oauthtoken", found[0], found[1]) if found else None
    return _docker(host)


def sources_for(host: str) -> str:
    if host in NGC_HOSTS or host.endswith(".nvcr.io"):
        return NGC_SOURCES
    return "the Docker config ($DOCKER_CONFIG or ~/.docker/config.json) and its credential helpers"


def _docker(host: str) -> Credentials | None:
    folder = Path(os.environ["DOCKER_CONFIG"]) if os.environ.get("DOCKER_CONFIG") else Path.home() / ".docker"
    path = folder / "config.json"
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    names = [host] + (
        ["https://index.docker.io/v1/", "index.docker.io", "registry-1.docker.io"] if host == "docker.io" else []
    )
    helper = next(
        (config.get("credHelpers", {}).get(n) for n in names if config.get("credHelpers", {}).get(n)), None
    ) or config.get("credsStore")
    for name in names:
        entry = config.get("auths", {}).get(name) or config.get("auths", {}).get(f"https://{name}")
        if entry and entry.get("auth"):
            try:
                username, _, password = base64.b64decode(entry["auth"]).decode("utf-8").partition(":")
                return Credentials(username, password, str(path))
            except (ValueError, UnicodeDecodeError):
                continue
    if helper:
        return _helper(helper, names[0])
    return None


def _helper(helper: str, host: str) -> Credentials | None:
    try:
        result = subprocess.run(
            [f"docker-credential-{helper}", "get"], input=host, capture_output=True, text=True, timeout=5
        )
        data = json.loads(result.stdout)
        return Credentials(data["Username"], data["Secret"], f"docker-credential-{helper}")
    except (OSError, subprocess.SubprocessError, ValueError, KeyError, TypeError):
        return None
