"""The tree-sitter-bash parser, created once per process."""

from __future__ import annotations

_parser = None


def parse_bytes(data: bytes):
    """Parse shell source into a tree-sitter tree (error recovery included)."""
    return _the_parser().parse(data)


def parse_from(data: bytes, start: int, end: int | None = None):
    """Parse only ``data[start:end]`` (a script's rest, after statements read before; or up to a place
    where the walk may rejoin its last reading), its nodes at their offsets and rows in the whole of
    ``data``."""
    parser = _the_parser()
    Range = _binding("tree_sitter").Range
    end = len(data) if end is None else end
    row = data.count(b"\n", 0, start)
    column = start - (data.rfind(b"\n", 0, start) + 1)
    end_row = row + data.count(b"\n", start, end)
    end_column = end - (data.rfind(b"\n", 0, end) + 1)
    whole = parser.included_ranges
    parser.included_ranges = [Range((row, column), (end_row, end_column), start, end)]
    try:
        return parser.parse(data)
    finally:
        parser.included_ranges = whole


def _the_parser():
    global _parser
    if _parser is None:
        binding = _binding("tree_sitter")
        _parser = binding.Parser(binding.Language(_bash_language()))
    return _parser


def _bash_language():
    """The grammar's language pointer, from the package's compiled module (see _binding)."""
    return _binding("tree_sitter_bash").language()


def _binding(package: str):
    """``<package>._binding``, the compiled module, loaded without running the package's __init__.

    `import tree_sitter_bash` imports importlib.resources (and with it tempfile, shutil, bz2, lzma,
    random, urllib) only to offer highlight queries nvlint never reads, and `import tree_sitter` imports
    typing for one Protocol: together about a third of a pre-commit run's start-up. Everything nvlint
    uses is in the compiled modules. Each is registered under its own name, so an import of the package
    later (a test, a plugin) finds the same module and the same types. Any surprise in the layout falls
    back to the documented import."""
    import os
    import sys

    name = f"{package}._binding"
    if name in sys.modules:
        return sys.modules[name]
    try:
        # importlib.machinery's classes, from the modules it takes them from (loaded at every start):
        # importing importlib.machinery imports importlib and warnings too, half a millisecond
        machinery, bootstrap = sys.modules["_frozen_importlib_external"], sys.modules["_frozen_importlib"]
        spec = machinery.PathFinder.find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            for suffix in machinery.EXTENSION_SUFFIXES:
                path = os.path.join(folder, "_binding" + suffix)
                if not os.path.isfile(path):
                    continue
                loader = machinery.ExtensionFileLoader(name, path)
                module = loader.create_module(bootstrap.ModuleSpec(name, loader, origin=path))
                loader.exec_module(module)
                sys.modules[name] = module
                return module
    except Exception:  # noqa: BLE001 - any other layout or interpreter: the documented way below
        pass
    from nvlint import import_module

    return import_module(package)
