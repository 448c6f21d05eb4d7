"""Online answers kept on disk: found and missing answers, one small file per question, written
atomically; never a denial or a failure (they depend on today's credentials and network), never a
credential (a question is a key string; its file is named by the key's digest)."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from nvlint.online.settings import OnlineSettings


class AnswerCache:
    """Found and missing answers on disk, one small file per question, written atomically. A question
    is a key string; an answer may keep data (what an NVCF listing says, never a credential)."""

    def __init__(self, settings: OnlineSettings, refresh: bool) -> None:
        folder = (
            settings.cache_dir
            or os.environ.get("NVLINT_CACHE_DIR")
            or os.path.join(
                os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "nvlint"
            )
        )
        self.folder = Path(folder) / "online"
        self.settings, self.refresh = settings, refresh

    def _path(self, key: str) -> Path:
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()}.json"

    def answer(self, key: str) -> tuple[str, object] | None:
        """(status, data) of a fresh cached answer."""
        if self.refresh:
            return None
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        ttl = self.settings.cache_ttl if entry.get("status") == "found" else self.settings.negative_cache_ttl
        if time.time() - entry.get("time", 0) >= ttl or entry.get("status") not in ("found", "missing"):
            return None
        return entry["status"], entry.get("data")

    def keep(self, key: str, status: str, data: object = None) -> None:
        if status not in ("found", "missing"):
            return  # denials and failures depend on today's credentials and network: ask again
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self._path(key)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            entry = {"status": status, "time": time.time(), **({"data": data} if data is not None else {})}
            temporary.write_text(json.dumps(entry), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            pass
