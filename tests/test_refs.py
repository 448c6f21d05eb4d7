from __future__ import annotations

import pytest

from nvlint.reference_grammar import (
    ArtifactRef,
    canonical_docker,
    canonical_ngc,
    is_recognised_host,
    parse_artifact,
    parse_image,
)


@pytest.mark.parametrize(
    "text,host,path,tag,digest",
    [
        ("nginx", None, ("nginx",), None, None),
        ("nginx:1.27", None, ("nginx",), "1.27", None),
        ("vllm/vllm-openai:latest", None, ("vllm", "vllm-openai"), "latest", None),
        ("localhost/app", "localhost", ("app",), None, None),
        ("localhost:5000/app:1", "localhost:5000", ("app",), "1", None),
        ("nvcr.io/acme/team/app:1.0", "nvcr.io", ("acme", "team", "app"), "1.0", None),
        ("nvcr.io/acme/app@sha256:abc", "nvcr.io", ("acme", "app"), None, "sha256:abc"),
        ("docker://nvcr.io/acme/app:1", "nvcr.io", ("acme", "app"), "1", None),
    ],
)
def test_parse_image(text, host, path, tag, digest):
    ref = parse_image(text)
    assert (ref.host, ref.path, ref.tag, ref.digest) == (host, path, tag, digest)


@pytest.mark.parametrize("text", ["", "a b", "$IMAGE", "a//b", "/abs/path", "<org>/x"])
def test_not_references(text):
    assert parse_image(text) is None


def test_canonical_forms():
    assert canonical_docker("nginx") == "docker.io/library/nginx:latest"
    assert canonical_docker("acme/app:1") == "docker.io/acme/app:1"
    assert canonical_ngc("acme/app:1") == "nvcr.io/acme/app:1"
    assert canonical_ngc("nvcr.io/acme/app:1") == "nvcr.io/acme/app:1"


@pytest.mark.parametrize(
    "host,ok",
    [
        ("docker.io", True),
        ("nvcr.io", True),
        ("public.ecr.aws", True),
        ("x.azurecr.io", True),
        ("123456789012.dkr.ecr.eu-west-1.amazonaws.com", True),
        ("a.cr.volces.com", True),
        ("ghcr.io", False),
        ("gcr.io", False),
        ("registry.gitlab.com", False),
        ("nvcr.io.evil.com", False),
    ],
)
def test_recognised_hosts(host, ok):
    assert is_recognised_host(host) is ok


def test_artifacts():
    ref = parse_artifact("w:acme/team/m:1.0", allow_override=True)
    assert isinstance(ref, ArtifactRef)
    assert (ref.override, ref.org, ref.team, ref.name, ref.version) == ("w", "acme", "team", "m", "1.0")
    assert "no org" in parse_artifact("m:1.0")
    assert "more than one" in parse_artifact("w:acme/m:1.0")
