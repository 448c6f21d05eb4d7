"""SHA-256 without importing hashlib: hashlib loads OpenSSL to offer every algorithm, 4 to 5 ms of a
pre-commit run that needs one. CPython also builds SHA-256 in (`_sha256` to 3.11, `_sha2` from
3.12); the digests are the same bytes, so the cache keys do not depend on which one a Python has."""

from __future__ import annotations

try:
    from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - depends on the Python
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
    except ImportError:  # a Python built without them
        from hashlib import sha256  # type: ignore[assignment,unused-ignore]

__all__ = ["sha256"]
