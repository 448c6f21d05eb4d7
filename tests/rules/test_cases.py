"""Each rule's own cases, in its own folder: `tests/rules/cases/<CODE>/` (ruff's `test_case(Rule, fixture)`
is the model). Every file there is checked with that rule alone, as the command line checks it:

- its findings must be `<file>.expected`, one line each: span, code and message;
- with the fixes applied (safe ones, and unsafe ones for a rule whose fix is unsafe), the text must be
  `<file>.fixed`; no `.fixed` file means nothing is fixed;
- a line `# ---` divides a file into cases checked one at a time, the others blanked (every character
  but line breaks made a space), so positions stay those of the file and nothing of one case (a variable,
  a build, a push) reaches the next;
- `<file>.toml` holds settings, written as a configuration file holds them; the rules its `extend-select`
  names run beside the rule (their findings are not the case's).

Every rule has a folder, and each folder has cases that report and cases that stay silent. Family files
(`test_credentials.py`...) keep what involves several rules at once or what no fixture can show.
NVLINT_UPDATE_SNAPSHOTS=1 rewrites the `.expected` and `.fixed` files: review the diff.
"""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest
from conftest import golden_lines, lint_bytes

from nvlint.discover import detect_kind
from nvlint.rules import by_code
from nvlint.settings import Settings, parse_settings

CASES = Path(__file__).parent / "cases"
SNAPSHOTS = (".expected", ".fixed", ".toml")
SEPARATOR = re.compile(r"^# ---$", re.MULTILINE)
# Rules no fixture can make report, and where they are tested: NV003 needs nvlint itself to fail (a rule
# broken on purpose), the online rules need a registry (a server the tests start).
ELSEWHERE = {
    "NV003": "tests/rules/test_machinery.py",
    "NV901": "tests/test_online.py",
    "NV902": "tests/test_online.py",
    "NV903": "tests/test_online.py",
    "NV904": "tests/test_online_account.py",
    "NV905": "tests/test_online_account.py",
    "NV906": "tests/test_online_account.py",
    "NV907": "tests/test_online_account.py",
}


def fixtures() -> list[tuple[str, Path]]:
    return [
        (folder.name, path)
        for folder in sorted(CASES.iterdir())
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix not in SNAPSHOTS
    ]


def read(path: Path) -> str:
    """A fixture's text; bytes that are not UTF-8 (NV000's cases) kept as they are."""
    return path.read_bytes().decode("utf-8", "surrogateescape")


def cases_of(text: str) -> list[tuple[str, int, int]]:
    """The file once per case, the other cases blanked, with where the case is: (text, start, end)."""
    bounds = [0, *(match.start() for match in SEPARATOR.finditer(text)), len(text)]
    blank = re.compile(r"[^\n]")
    return [
        (blank.sub(" ", text[:start]) + text[start:end] + blank.sub(" ", text[end:]), start, end)
        for start, end in itertools.pairwise(bounds)
    ]


def settings_for(path: Path) -> Settings:
    from nvlint.check.plan import DECLARED
    from nvlint.rules import CODES

    config = path.with_name(path.name + ".toml")
    if not config.exists():
        return Settings()
    import tomllib

    return parse_settings(config, tomllib.loads(config.read_text(encoding="utf-8")), CODES, DECLARED)


def lint_case(code: str, path: Path, case: str) -> list:
    """The rule's findings in one case (the file's text with the other cases blanked). The rules its
    settings `extend-select` run beside it (NV001 needs a rule whose findings a directive silences)."""
    kind = detect_kind(path)
    assert kind is not None, f"{path}: not a kind of file nvlint reads"
    settings = settings_for(path)
    rules = (by_code()[code], *(by_code()[other] for other in settings.extend_select))
    found = lint_bytes(case.encode("utf-8", "surrogateescape"), str(path.relative_to(CASES)), kind, settings, rules)
    return [d for d in found if d.code == code]


def check(code: str, path: Path, text: str) -> tuple[list, str]:
    """The rule's findings in each case of the file, and the file with every case's fixes applied."""
    from nvlint.fix import apply

    unsafe = by_code()[code].fix_applicability == "unsafe"
    found, fixed = [], ""
    for case, start, end in cases_of(text):
        diagnostics = lint_case(code, path, case)
        found += diagnostics
        after, _ = apply(case, diagnostics, unsafe)
        fixed += after[start : len(after) - (len(text) - end)]  # fixes edit the case only: the blanks stay
    return sorted(found, key=lambda d: d.sort_key()), fixed


def compare(snapshot: Path, actual: str | None) -> None:
    if os.environ.get("NVLINT_UPDATE_SNAPSHOTS") == "1":
        if actual is None:
            snapshot.unlink(missing_ok=True)
        else:
            snapshot.write_bytes(actual.encode("utf-8", "surrogateescape"))
    expected = read(snapshot) if snapshot.exists() else None
    assert actual == expected, f"{snapshot.name} differs (NVLINT_UPDATE_SNAPSHOTS=1 rewrites it)"


@pytest.mark.parametrize(("code", "path"), fixtures(), ids=lambda value: getattr(value, "name", value))
def test_case(code, path):
    text = read(path)
    found, fixed = check(code, path, text)
    compare(path.with_name(path.name + ".expected"), "".join(line + "\n" for line in golden_lines(found)))
    compare(path.with_name(path.name + ".fixed"), fixed if fixed != text else None)


def test_every_rule_has_cases_that_report_and_cases_that_do_not():
    """Each folder holds a case the rule reports and a case it does not (a file whose cases are all
    silent, or a case with no line in `.expected`)."""
    from conftest import ROOT

    homes = {folder.name for folder in CASES.iterdir()}
    assert sorted(set(by_code()) - set(ELSEWHERE) - homes) == []
    for code, module in ELSEWHERE.items():
        assert f'"{code}"' in (Path(ROOT) / module).read_text(encoding="utf-8"), (code, module)
    for code in sorted(homes):
        reported = silent = 0
        for folder_code, path in fixtures():
            if folder_code != code:
                continue
            for case, _, _ in cases_of(read(path)):
                found = lint_case(code, path, case)
                reported += bool(found)
                silent += not found
        assert reported and silent, (code, reported, silent)


def test_cases_are_checked_one_at_a_time_at_the_positions_of_the_file():
    text = 'X=a\ndocker login nvcr.io -u "$X"\n# ---\necho "$X"\n'
    (first, _, end), (second, start, _) = cases_of(text)
    assert len(first) == len(second) == len(text) and end == start == text.index("# ---")
    assert first == 'X=a\ndocker login nvcr.io -u "$X"\n' + "     \n         \n"
    assert second == "   \n" + " " * len('docker login nvcr.io -u "$X"') + '\n# ---\necho "$X"\n'
