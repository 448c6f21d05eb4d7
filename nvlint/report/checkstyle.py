"""Checkstyle XML, read by Jenkins warnings-ng, reviewdog and many review bots."""

from __future__ import annotations

from xml.etree import ElementTree

from nvlint.report import xml_text

TYPE_CHECKING = False  # typing is not imported at run time: start-up (mypy reads the block below)
if TYPE_CHECKING:
    from typing import TextIO


def write(report, stream: TextIO) -> None:
    root = ElementTree.Element("checkstyle", version="4.3")
    files: dict[str, ElementTree.Element] = {}
    for d in report.diagnostics:
        element = files.get(d.path)
        if element is None:
            element = files[d.path] = ElementTree.SubElement(root, "file", name=xml_text(d.path))
        ElementTree.SubElement(
            element,
            "error",
            line=str(d.line),
            column=str(d.column),
            severity=d.severity,
            message=xml_text(d.message),
            source=f"nvlint.{d.code}",
        )
    stream.write(ElementTree.tostring(root, encoding="unicode", xml_declaration=True))
    stream.write("\n")
