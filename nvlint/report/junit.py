"""JUnit XML for CI test-report views: one test suite per checked file, and in it one failed test case per
finding (as ruff writes it), named by the rule and the position; a file without findings is one passing
test case, so the report counts every file that was checked."""

from __future__ import annotations

from xml.etree import ElementTree

from nvlint.report import xml_text

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO


def write(report, stream: TextIO) -> None:
    by_path: dict[str, list] = {path: [] for path in report.files}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    cases = sum(max(len(findings), 1) for findings in by_path.values())
    failures = len(report.diagnostics)
    suites = ElementTree.Element("testsuites", name="nvlint", tests=str(cases), failures=str(failures))
    for path, findings in by_path.items():
        suite = ElementTree.SubElement(
            suites,
            "testsuite",
            name=xml_text(path),
            tests=str(max(len(findings), 1)),
            failures=str(len(findings)),
            errors="0",
        )
        if not findings:
            ElementTree.SubElement(suite, "testcase", name=xml_text(path), classname=xml_text(path))
        for d in findings:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                name=xml_text(f"{d.code} {d.name} at {d.line}:{d.column}"),
                classname=xml_text(path),
                file=xml_text(path),
                line=str(d.line),
            )
            failure = ElementTree.SubElement(
                case, "failure", type=d.code, message=xml_text(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}")
            )
            failure.text = xml_text(
                f"{d.code} {d.name} ({d.severity}) at line {d.line}, column {d.column}: {d.message}"
            )
    stream.write(ElementTree.tostring(suites, encoding="unicode", xml_declaration=True))
    stream.write("\n")
