"""The `[online]` table of the configuration (`[tool.nvlint.online]` in pyproject.toml), checked, and
the settings the online check runs with. Read by nvlint.settings; imports nothing of the online check."""

from __future__ import annotations

import os

from nvlint.config_values import ConfigError, boolean, hint, table
from nvlint.model.record import Record

ONLINE_KEYS = (
    "enabled",
    "registry-endpoints",
    "ngc-api-url",
    "nvcf-api-url",
    "ca-bundle",
    "timeout",
    "deadline",
    "concurrency",
    "cache-dir",
    "cache-ttl",
    "negative-cache-ttl",
)


class OnlineSettings(Record):
    __slots__ = (
        "registry_endpoints",
        "ngc_api_url",
        "nvcf_api_url",
        "ca_bundle",
        "timeout",
        "deadline",
        "concurrency",
        "cache_dir",
        "cache_ttl",
        "negative_cache_ttl",
    )

    def __init__(
        self,
        registry_endpoints: dict | None = None,
        ngc_api_url: str = "https://api.ngc.nvidia.com",
        nvcf_api_url: str = "https://api.nvcf.nvidia.com",
        ca_bundle: str | None = None,
        timeout: float = 10.0,
        deadline: float = 60.0,
        concurrency: int = 8,
        cache_dir: str | None = None,
        cache_ttl: float = 24 * 3600.0,
        negative_cache_ttl: float = 600.0,
    ) -> None:
        self.registry_endpoints = registry_endpoints if registry_endpoints is not None else {}  # host -> base URL
        self.ngc_api_url = ngc_api_url
        self.nvcf_api_url = nvcf_api_url  # the NVCF API: the account's GPUs, registry credentials, functions
        self.ca_bundle = ca_bundle
        self.timeout = timeout
        self.deadline = deadline
        self.concurrency = concurrency
        self.cache_dir = cache_dir
        self.cache_ttl = cache_ttl
        self.negative_cache_ttl = negative_cache_ttl

    def __hash__(self) -> int:  # registry_endpoints is a dict
        return hash((self.ngc_api_url, self.nvcf_api_url, tuple(sorted(self.registry_endpoints.items()))))


def parse_online(path: str, value) -> dict:
    """`online = true`, or an `[online]` table (`[tool.nvlint.online]` in pyproject.toml)."""
    if isinstance(value, bool):
        return {"online": value}
    entries = table(path, "online", value)
    options = []
    for key, item in entries.items():
        if key not in ONLINE_KEYS:
            raise ConfigError(f"{path}: unknown key 'online.{key}'{hint(key, ONLINE_KEYS)}")
        if key == "enabled":
            continue
        if key == "registry-endpoints":
            endpoints = table(path, "online.registry-endpoints", item)
            if not all(isinstance(v, str) and v.startswith(("http://", "https://")) for v in endpoints.values()):
                raise ConfigError(f"{path}: 'online.registry-endpoints' maps hosts to http(s) URLs")
            item = tuple(sorted(endpoints.items()))
        elif key in ("timeout", "deadline", "cache-ttl", "negative-cache-ttl", "concurrency"):
            if not isinstance(item, (int, float)) or isinstance(item, bool) or item <= 0:
                raise ConfigError(f"{path}: 'online.{key}' must be a positive number")
        elif not isinstance(item, str):
            raise ConfigError(f"{path}: 'online.{key}' must be a string")
        elif key.endswith("-url") and not item.startswith(("http://", "https://")):
            raise ConfigError(f"{path}: 'online.{key}' must be an http(s) URL")
        options.append((key, item))
    # the table configures online mode; only `enabled = true` (or --online, NVLINT_ONLINE=1) turns it on
    return {"online": boolean(path, "online.enabled", entries.get("enabled", False)), "online_options": tuple(options)}


def online_settings(options: tuple) -> OnlineSettings:
    """The OnlineSettings of a configuration's checked `[online]` options."""
    kwargs: dict = {}
    for key, item in dict(options).items():
        name = key.replace("-", "_")
        kwargs[name] = dict(item) if key == "registry-endpoints" else item
    if "ngc_api_url" not in kwargs and os.environ.get("NGC_CLI_API_URL"):
        kwargs["ngc_api_url"] = os.environ["NGC_CLI_API_URL"]
    if "nvcf_api_url" not in kwargs and os.environ.get("NVLINT_NVCF_API_URL"):
        kwargs["nvcf_api_url"] = os.environ["NVLINT_NVCF_API_URL"]
    return OnlineSettings(**kwargs)
