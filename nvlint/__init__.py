"""nvlint: a linter for NGC registry and NVIDIA Cloud Functions deployments."""

__version__ = "0.1.0"
# Where nvlint lives: rule pages, SARIF's tool URI and every install snippet of the README name it (a
# test checks that they, pyproject.toml and the editors' manifests agree).
REPOSITORY = "https://github.com/nvlint/nvlint"
