"""The benchmark's instruments name nvlint's functions by name: a rename must fail here, not at the end
of a ten-minute benchmark run."""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_the_breakdown_instruments_functions_that_exist():
    code = f"import sys; sys.path.insert(0, {str(BENCH)!r}); import breakdown; breakdown.instrument(breakdown.Timers())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
