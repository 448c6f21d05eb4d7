"""The login table: every registry client nvlint reads a login from, in its unsafe form (the key on the
command line, `$oauthtoken` left to the shell) and in its safe one. Each row is checked end to end."""

from __future__ import annotations

import pytest
from conftest import codes as codes_of

from nvlint.tools.commands import REGISTRY_CLIENTS

IMAGE = "nvcr.io/nvidia/pytorch:24.01-py3"
# tool: (login with the user {user} and the key on the command line, the safe form, NV303 reports it)
TABLE = {
    "docker": ('docker login nvcr.io -u {user} -p "$NGC_API_KEY"', "docker login nvcr.io -u {user} --password-stdin"),
    "podman": ('podman login nvcr.io -u {user} -p "$NGC_API_KEY"', "podman login nvcr.io -u {user} --password-stdin"),
    "helm": (
        'helm registry login nvcr.io --username {user} --password "$NGC_API_KEY"',
        "helm registry login nvcr.io --username {user} --password-stdin",
    ),
    "skopeo": ('skopeo login nvcr.io -u {user} -p "$NGC_API_KEY"', "skopeo login nvcr.io -u {user} --password-stdin"),
    "crane": (
        'crane auth login nvcr.io -u {user} -p "$NGC_API_KEY"',
        "crane auth login nvcr.io -u {user} --password-stdin",
    ),
    "oras": ('oras login nvcr.io -u {user} -p "$NGC_API_KEY"', "oras login nvcr.io -u {user} --password-stdin"),
    "regctl": (
        'regctl registry login nvcr.io -u {user} --pass "$NGC_API_KEY"',
        "regctl registry login nvcr.io -u {user} --pass-stdin",
    ),
    "singularity": (
        'singularity remote login -u {user} -p "$NGC_API_KEY" docker://nvcr.io',
        "singularity remote login -u {user} --password-stdin docker://nvcr.io",
    ),
    "apptainer": (
        'apptainer registry login -u {user} -p "$NGC_API_KEY" docker://nvcr.io',
        "apptainer registry login -u {user} --password-stdin docker://nvcr.io",
    ),
    "crictl": (f'crictl pull --creds {{user}}:"$NGC_API_KEY" {IMAGE}', f"crictl pull --username {{user}} {IMAGE}"),
    "ctr": (
        f'ctr -n k8s.io images pull --user {{user}}:"$NGC_API_KEY" {IMAGE}',
        f"ctr images pull -u {{user}} {IMAGE}",
    ),
    "enroot": (None, "enroot import docker://{user}@nvcr.io#nvidia/pytorch:24.01-py3"),
    "kubectl": (
        "kubectl create secret docker-registry ngc --docker-server=nvcr.io --docker-username={user} "
        '--docker-password="$NGC_API_KEY"',
        None,
    ),
}
NO_SAFE_FORM = {"kubectl"}  # its key on the command line is NV308, off by default
ALIASES = {"oc": "kubectl"}


def codes(text: str) -> list[str]:
    return sorted(codes_of(text + "\n"))


def test_the_table_covers_every_registry_client():
    assert {ALIASES.get(name, name) for name in REGISTRY_CLIENTS} <= set(TABLE)


def test_every_docker_like_tool_is_dispatched_to_the_docker_recogniser():
    """The dispatch names each family's commands without importing its module (start-up): the names
    must stay those the module reads."""
    from nvlint.tools import commands, docker

    assert {name for name, family in commands._FAMILY_OF.items() if family == "docker"} >= docker.TOOLS
    for family in set(commands._FAMILY_OF.values()):
        assert callable(commands._recogniser(family))


@pytest.mark.parametrize("tool", sorted(TABLE))
def test_an_expanded_oauthtoken_is_reported_in_every_login(tool):
    for form in TABLE[tool]:
        if form is not None:
            assert "NV302" in codes(form.format(user='"$oauthtoken"')), form
            assert "NV302" not in codes(form.format(user="'$oauthtoken'")), form


@pytest.mark.parametrize("tool", sorted(TABLE))
def test_the_key_on_the_command_line_is_reported_where_the_tool_has_a_safe_form(tool):
    unsafe, safe = TABLE[tool]
    if unsafe is not None:
        assert ("NV303" in codes(unsafe.format(user="'$oauthtoken'"))) == (tool not in NO_SAFE_FORM), unsafe
    if safe is not None:
        assert codes(safe.format(user="'$oauthtoken'")) == [], safe
