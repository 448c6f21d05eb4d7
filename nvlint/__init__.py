"""nvlint: a linter for NGC registry and NVIDIA Cloud Functions deployments."""

__version__ = "0.1.0"
