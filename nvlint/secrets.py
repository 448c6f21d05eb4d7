"""NGC API keys in text: finding them (NV305) and keeping them out of every output.

Secret scanners combine a shape, an entropy floor and allow-lists; so does this. A real NGC key is
`nvapi-` and 64 characters of `[A-Za-z0-9_-]` drawn at random (ngcsdk's SCOPED_KEY_PREFIX; the
length is the one public tooling checks). Random text of that length has digits, upper- and
lower-case letters, about 5 bits of entropy per character, and no repeated or sequential runs;
placeholders (`nvapi-1234567890abcdef...`, `nvapi-xxxx`, `nvapi-YOUR_KEY`) miss one of these.
About one real key in a thousand fails a test (measured on random keys; the sums are in the comments).

NGC's legacy keys (issued before `nvapi-`, still committed in READMEs) are 84 letters and digits: the
base64 of 26 letters and digits, a colon, and a UUID (trufflehog's NGC detector, pkg/detectors/ngc/ngc.go,
checks this shape the same way). A key is taken for one only when it decodes to exactly that, which no
run of 84 random letters does (the colon and four dashes at their places alone: 256**-5), so no
placeholder test is needed and the shape is reported wherever it appears.
"""

from __future__ import annotations

import itertools

from nvlint import lazyre

KEY_LENGTH = 64
_KEY = lazyre.compile(r"(?<![A-Za-z0-9_])nvapi-([A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])")
_ANY_KEY = lazyre.compile(r"nvapi-[A-Za-z0-9_-]{4,}")
# The lookbehind rejects every position inside a longer run at once, so the scan stays linear.
_LEGACY_CANDIDATE = lazyre.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9]{84}(?![A-Za-z0-9+/=])")
_LEGACY_DECODED = lazyre.compile(
    r"[A-Za-z0-9]{26}:[A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12}"
)
LEGACY_LENGTH = 84
# Letters and digits to `a`, every other byte to a space: a text with no run of 84 `a`s holds no legacy key.
# Python's re tries a character class at every position (40 ns a character); translating the bytes and
# searching for the run is about seven times faster, and most texts hold no such run.
_RUNS = bytes(97 if chr(i).isascii() and chr(i).isalnum() else 32 for i in range(256))
_LEGACY_RUN = b"a" * LEGACY_LENGTH


def _may_hold_legacy_key(text: str) -> bool:
    return len(text) >= LEGACY_LENGTH and _LEGACY_RUN in text.encode("utf-8", "surrogatepass").translate(_RUNS)


# Words of four letters or more that placeholders use: ~61*16/64**4 < 1e-4 of real keys contain one.
_PLACEHOLDER_WORDS = (
    "your",
    "xxxx",
    "example",
    "sample",
    "dummy",
    "fake",
    "placeholder",
    "redacted",
    "replace",
    "insert",
    "secret",
    "token",
    "changeme",
    "test",
    "here",
)
_MIN_ENTROPY = 4.3  # bits per character; random keys measure 4.8-5.4, `0123456789abcdef` * 4 measures 4.0
_REPEAT = 8  # a substring this long seen twice: ~57**2 / 64**8 for random text
_RUN = 4  # `abcd`, `1234`, `aaaa`: ~3 * 61 / 64**3 < 1e-3 for random text


def find_keys(text: str) -> list[tuple[int, int]]:
    """Spans of literal keys that look real: `nvapi-` keys by shape, entropy and none of the placeholder
    signs; legacy keys by what they decode to."""
    spans = []
    if "nvapi-" in text:
        for match in _KEY.finditer(text):
            if is_plausible_key(match.group(1)) and not _truncated_or_bracketed(text, match.start(), match.end()):
                spans.append(match.span())
    if _may_hold_legacy_key(text):
        spans.extend(match.span() for match in _LEGACY_CANDIDATE.finditer(text) if is_legacy_key(match.group()))
        spans.sort()
    return spans


def is_legacy_key(word: str) -> bool:
    """Is this the base64 of a legacy NGC key's `<26 letters and digits>:<UUID>`?"""
    if len(word) != LEGACY_LENGTH:
        return False
    import binascii  # here: binascii and math are shared libraries, loaded only for a candidate key

    try:
        decoded = binascii.a2b_base64(word)  # 84 letters and digits: no padding, nothing skipped
    except binascii.Error:
        return False
    return _LEGACY_DECODED.fullmatch(decoded.decode("latin-1")) is not None


def is_plausible_key(body: str) -> bool:
    """Could these 64 characters after `nvapi-` be a real key?"""
    if len(body) != KEY_LENGTH:
        return False
    if not (any(c.isdigit() for c in body) and any(c.islower() for c in body) and any(c.isupper() for c in body)):
        return False
    lowered = body.lower()
    if any(word in lowered for word in _PLACEHOLDER_WORDS):
        return False
    if _entropy(body) < _MIN_ENTROPY or _has_run(body):
        return False
    seen = set()
    for i in range(len(body) - _REPEAT + 1):
        piece = body[i : i + _REPEAT]
        if piece in seen:
            return False
        seen.add(piece)
    return True


def _entropy(text: str) -> float:
    counts: dict[str, int] = {}
    for char in text:
        counts[char] = counts.get(char, 0) + 1
    size = len(text)
    import math

    return -sum(n / size * math.log2(n / size) for n in counts.values())


def _has_run(text: str) -> bool:
    """`_RUN` characters that repeat or count up or down by one (`aaaa`, `abcd`, `4321`)."""
    for step in (0, 1, -1):
        length = 1
        for a, b in itertools.pairwise(text):
            length = length + 1 if ord(b) - ord(a) == step else 1
            if length >= _RUN:
                return True
    return False


def _truncated_or_bracketed(text: str, start: int, end: int) -> bool:
    """`nvapi-...` shown cut short (`...`, `…` right after), or a `<nvapi-...>` placeholder."""
    after = text[end : end + 3]
    return after.startswith(("...", "\u2026")) or (start > 0 and text[start - 1] == "<")


def redact(text: str) -> str:
    if "nvapi-" in text:
        text = _ANY_KEY.sub("nvapi-****", text)
    if _may_hold_legacy_key(text):
        text = _LEGACY_CANDIDATE.sub(lambda match: "****" if is_legacy_key(match.group()) else match.group(), text)
    return text
