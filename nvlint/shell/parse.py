"""The tree-sitter-bash parser, created once per process."""

from __future__ import annotations

_parser = None


def parse_bytes(data: bytes):
    """Parse shell source into a tree-sitter tree (error recovery included)."""
    global _parser
    if _parser is None:
        import tree_sitter_bash
        from tree_sitter import Language, Parser

        _parser = Parser(Language(tree_sitter_bash.language()))
    return _parser.parse(data)
