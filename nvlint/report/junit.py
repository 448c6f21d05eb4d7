"""JUnit XML: one test case per checked file, failed by its findings (CI test-report views)."""

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
    suites = ElementTree.Element(
        "testsuites", name="nvlint", tests=str(len(by_path)), failures=str(sum(1 for f in by_path.values() if f))
    )
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="nvlint",
        tests=str(len(by_path)),
        failures=str(sum(1 for f in by_path.values() if f)),
        errors="0",
    )
    for path, findings in by_path.items():
        case = ElementTree.SubElement(suite, "testcase", name=xml_text(path), classname="nvlint")
        for d in findings:
            failure = ElementTree.SubElement(
                case, "failure", type=d.code, message=xml_text(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}")
            )
            failure.text = xml_text(
                f"{d.code} {d.name} ({d.severity}) at line {d.line}, column {d.column}: {d.message}"
            )
    stream.write(ElementTree.tostring(suites, encoding="unicode", xml_declaration=True))
    stream.write("\n")
