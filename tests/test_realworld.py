"""Realistic scripts, modelled on public NGC/NVCF repositories, with their expected findings beside them.

Each `tests/fixtures/realworld/NAME.sh` has `NAME.sh.expected`: one `line:column-end_line:end_column CODE
message` per finding, empty when the script is correct. These guard precision (no noise on correct scripts)
as much as recall.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check_golden, lint

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "realworld").glob("*.sh"))


@pytest.mark.parametrize("script", FIXTURES, ids=lambda p: p.name)
def test_expected_findings(script):
    check_golden(str(script) + ".expected", lint(script.read_bytes()))
