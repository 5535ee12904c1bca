"""JUnit XML: one test suite per dossier, one test case per requirement.

CI servers (GitLab, GitHub, Jenkins) show this natively. A requirement that
is ``missing``, ``expired`` or ``invalid`` is a ``<failure>`` carrying the
message; a ``warning`` passes, its message in ``<system-out>``; a
``not_applicable`` one is ``<skipped>``. A dossier the tool could not check
at all is a suite with one ``<error>``. The files and their problems go in
the suite's ``<system-out>``, the profile, as-of date and situations in its
``<properties>``. No timestamp and no durations: the same dossier gives the
same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from dossier_check.messages import requirement_title, status_label
from dossier_check.model import BLOCKING, DossierReport, Status
from dossier_check.report.json import report_dict


def _suite(r: DossierReport, lang: str, show: bool) -> ET.Element:
    data = report_dict(r, lang, show)
    suite = ET.Element("testsuite", name=r.dossier)
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("profile", r.profile),
        ("as_of", r.as_of),
        ("complete", "true" if r.complete else "false"),
        ("situations", ",".join(r.situations)),
    ):
        ET.SubElement(props, "property", name=name, value=value)
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if r.error is not None:
        case = ET.SubElement(suite, "testcase", name="dossier", classname=r.dossier)
        ET.SubElement(case, "error", message=r.error, type="unreadable_folder")
        counts["tests"] = counts["errors"] = 1
    for q, qd in zip(r.requirements, data.get("requirements", []), strict=False):
        counts["tests"] += 1
        case = ET.SubElement(suite, "testcase", name=q.id, classname=r.dossier)
        detail = _detail(q.id, q.status.value, qd, lang)
        if q.status in BLOCKING:
            counts["failures"] += 1
            failure = ET.SubElement(case, "failure", message=qd["message"], type=q.status.value)
            failure.text = detail
        elif q.status is Status.NOT_APPLICABLE:
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=qd["message"])
        elif q.status is Status.WARNING:
            ET.SubElement(case, "system-out").text = detail
    files = [_file_line(fd) for fd in data["files"]]
    notes = [f"i {p['message']}" for p in data.get("problems", [])]
    if files or notes:
        ET.SubElement(suite, "system-out").text = "\n".join(notes + files)
    for key, count in counts.items():
        suite.set(key, str(count))
    return suite


def _detail(req_id: str, status: str, qd: dict[str, Any], lang: str) -> str:
    sep = " : " if lang == "fr" else ": "
    lines = [f"{requirement_title(req_id, lang)}{sep}{status_label(status, lang)}"]
    lines += [f"- {p['severity']}: {p['message']}" for p in qd["problems"]]
    if qd["satisfied_by"]:
        lines.append(", ".join(qd["satisfied_by"]))
    return "\n".join(lines)


def _file_line(fd: dict[str, Any]) -> str:
    line = f"{fd['path']}: {fd['type']} ({fd['confidence']:.2f})"
    for p in fd["problems"]:
        line += f"\n  - {p['severity']}: {p['message']}"
    return line


def render_batch(reports: Sequence[DossierReport], lang: str = "fr", show: bool = False) -> str:
    """Every dossier as a ``<testsuite>`` under one ``<testsuites>``."""
    root = ET.Element("testsuites", name="dossier-check")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for r in reports:
        suite = _suite(r, lang, show)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, total in totals.items():
        root.set(key, str(total))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def render_report(r: DossierReport, lang: str = "fr", show: bool = False) -> str:
    """One dossier: a ``<testsuites>`` holding its one suite."""
    return render_batch([r], lang, show)
