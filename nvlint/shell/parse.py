"""The tree-sitter-bash parser, created once per process."""

from __future__ import annotations

_parser = None


def parse_bytes(data: bytes):
    """Parse shell source into a tree-sitter tree (error recovery included)."""
    global _parser
    if _parser is None:
        from tree_sitter import Language, Parser

        _parser = Parser(Language(_bash_language()))
    return _parser.parse(data)


def _bash_language():
    """The grammar's language pointer, loaded from the package's compiled module.

    `import tree_sitter_bash` runs the package's __init__, which imports importlib.resources (and with
    it tempfile, shutil, bz2, lzma, random, urllib) only to offer highlight queries nvlint never reads:
    about a third of a pre-commit run's start-up. The language is all in `tree_sitter_bash._binding`,
    so that extension module is loaded on its own; any surprise in the layout falls back to the import.
    """
    import os
    from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader, ModuleSpec, PathFinder

    try:
        package = PathFinder.find_spec("tree_sitter_bash")
        for folder in (package.submodule_search_locations or []) if package else []:
            for suffix in EXTENSION_SUFFIXES:
                path = os.path.join(folder, "_binding" + suffix)
                if not os.path.isfile(path):
                    continue
                loader = ExtensionFileLoader("tree_sitter_bash._binding", path)
                module = loader.create_module(ModuleSpec("tree_sitter_bash._binding", loader, origin=path))
                loader.exec_module(module)
                return module.language()
    except Exception:  # noqa: BLE001 - any other layout: the documented way below
        pass
    import tree_sitter_bash

    return tree_sitter_bash.language()
