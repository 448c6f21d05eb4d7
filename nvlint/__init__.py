"""nvlint: a linter for NGC registry and NVIDIA Cloud Functions deployments."""

import sys

__version__ = "0.1.0"
# Where nvlint lives: rule pages, SARIF's tool URI and every install snippet of the README name it (a
# test checks that they, pyproject.toml and the editors' manifests agree).
REPOSITORY = "https://github.com/nvlint/nvlint"


def import_module(name: str):
    """importlib.import_module for an absolute name, without importing importlib (and warnings with it):
    half a millisecond of a pre-commit run, which loads the rule and reader modules by name."""
    __import__(name)
    return sys.modules[name]
