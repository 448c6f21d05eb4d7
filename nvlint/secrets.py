"""NGC API keys in text: finding them (NV305) and keeping them out of every output."""

from __future__ import annotations

import re

# `nvapi-` and its key characters (64 of [A-Za-z0-9_-] in scoped keys).
_KEY = re.compile(r"nvapi-[A-Za-z0-9_-]{16,}")
_ANY_KEY = re.compile(r"nvapi-[A-Za-z0-9_-]{4,}")


def find_keys(text: str) -> list[tuple[int, int]]:
    """Spans of literal keys; placeholders (`nvapi-xxxx...`, `nvapi-YOUR_KEY`) are not keys."""
    spans = []
    for match in _KEY.finditer(text):
        body = match.group(0)[len("nvapi-"):]
        if len(set(body.lower())) < 8 or "xxxx" in body.lower() or "your" in body.lower() or "key" in body.lower():
            continue
        if not (any(c.isdigit() for c in body) and any(c.isalpha() for c in body)):
            continue
        spans.append(match.span())
    return spans


def redact(text: str) -> str:
    return _ANY_KEY.sub("nvapi-****", text) if "nvapi-" in text else text
