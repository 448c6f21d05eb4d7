#!/usr/bin/env python3
"""Precision on real files: run the labelled real-world corpus's scorer on the installed nvlint.

    python bench/corpus.py [path/to/corpus]   (default: ../shared/corpus-dev beside the checkout)

The corpus (other projects' files, with labels) lives outside this repository and is not copied into
it; this is a development harness, not a test. It prints every missed finding, every finding on a line
that must stay silent and every unlabelled finding, then one summary line, and exits as the scorer does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus-dev"
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    scorer = corpus / "score.py"
    if not scorer.is_file():
        print(f"no corpus scorer at {scorer}: nothing to measure here", file=sys.stderr)
        return 2
    return subprocess.run([sys.executable, str(scorer)], check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
