"""nvlint.lazyre: patterns compiled on first use, answering as compiled ones do."""

import re
import subprocess
import sys

import pytest

from nvlint import lazyre


def test_a_lazy_pattern_answers_as_the_compiled_one():
    lazy = lazyre.compile(r"(?P<org>[a-z]+)/(?P<name>[a-z]+)", re.IGNORECASE)
    real = re.compile(r"(?P<org>[a-z]+)/(?P<name>[a-z]+)", re.IGNORECASE)
    text = "NVIDIA/nim and acme/app"
    assert lazy.search(text).groupdict() == real.search(text).groupdict()
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.sub(r"\g<name>", text) == real.sub(r"\g<name>", text)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (real.pattern, real.flags, 2, real.groupindex)
    assert lazy.fullmatch("a/b") and not lazy.match("/b")
    assert isinstance(lazy.compiled, re.Pattern) and lazy.compiled.pattern == real.pattern


def test_nothing_is_compiled_before_the_first_use():
    lazy = lazyre.compile("(unbalanced")  # an error only a compile finds
    with pytest.raises(re.error):
        lazy.search("x")


def test_importing_nvlint_compiles_none_of_its_patterns():
    """The point of it: start-up pays only for the patterns a run uses."""
    code = """
import pkgutil, re._compiler as compiler
import nvlint
from nvlint import lazyre
declared, compiled = [], []
real_lazy, real_compile = lazyre.compile, compiler.compile
lazyre.compile = lambda source, flags=0: (declared.append(source), real_lazy(source, flags))[1]
compiler.compile = lambda source, flags=0: (compiled.append(source), real_compile(source, flags))[1]
for module in pkgutil.walk_packages(nvlint.__path__, "nvlint."):
    if not module.name.startswith(("nvlint.server", "nvlint.__main__")):
        __import__(module.name)
print(len(declared), len(set(declared) & set(compiled)))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    declared, compiled = map(int, result.stdout.split() or (0, 0))
    assert declared > 50 and compiled == 0, result.stderr
