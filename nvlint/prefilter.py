"""The byte-level prefilter: light enough for a warm run that parses nothing. (The size limit is the
`max-file-size` setting.)"""

from __future__ import annotations

# A file none of whose bytes contain one of these cannot produce a finding: skip it unparsed.
TRIGGERS = (
    b"ngc",
    b"login",
    b"oauthtoken",
    b"nvapi-",
    b"/mount",
    b"password",
    b"nvcr",
    b"--creds",
    b"containerImage",
    b"helmChart",
    b"inferenceUrl",
    b"gpuSpecification",
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def could_match(data: bytes) -> bool:
    return any(trigger in data for trigger in TRIGGERS)
