"""The language server (`nvlint server`), installed with the `server` extra: pygls and lsprotocol are
imported only here, so the linter's start-up stays as light as before.

- linting.py: one document's findings and fixed text, with its configuration; no protocol.
- protocol.py: findings, fixes and suppressions as LSP values, positions in the negotiated encoding.
- app.py: the pygls server: document events, debouncing, code actions, hover.
"""

from __future__ import annotations

import sys

MISSING_EXTRA = "nvlint server needs the server extra: pip install 'nvlint[server]' (pygls and lsprotocol)"


def main() -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        print(f"nvlint: error: {MISSING_EXTRA}", file=sys.stderr)
        return 2
    from nvlint.server.app import serve

    serve()
    return 0
