"""Baselines: today's findings recorded by fingerprint, so a later run reports only new ones."""

from __future__ import annotations

from pathlib import Path


def fingerprint(diagnostic) -> None:
    from nvlint.digest import sha256

    key = "\0".join([diagnostic.code, diagnostic.path, diagnostic.message])
    diagnostic.fingerprint = sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def write(path: Path, diagnostics) -> None:
    import json

    entries = sorted({(d.code, d.path, d.fingerprint) for d in diagnostics})
    data = {"nvlint-baseline": 1, "findings": [{"rule": code, "path": p, "fingerprint": fp} for code, p, fp in entries]}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def read(path: Path) -> set[str]:
    """The fingerprints a baseline records; ConfigError names the file and what is wrong with it."""
    import json

    from nvlint.config_values import ConfigError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(
            f"cannot read baseline {path}: {error.strerror or error} (record one with --write-baseline {path})"
        ) from None
    except ValueError as error:
        raise ConfigError(f"baseline {path} is not JSON: {error}") from None
    try:
        return {entry["fingerprint"] for entry in data["findings"]}
    except (KeyError, TypeError):
        raise ConfigError(f"{path} is not a baseline that nvlint --write-baseline wrote") from None
