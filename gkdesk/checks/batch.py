"""Pair each report of a batch with the same agency's previous-year report, when the batch has it."""
from __future__ import annotations

from ..model import Report
from ..schema import normalize_label


def previous_reports(reports: list[Report]) -> list[Report | None]:
    """For each report, the report of the same agency for the year before (or None)."""
    by_key: dict[tuple[str, int], Report] = {}
    for report in reports:
        key = _key(report)
        if key is not None:
            by_key.setdefault(key, report)
    out = []
    for report in reports:
        key = _key(report)
        out.append(by_key.get((key[0], key[1] - 1)) if key is not None else None)
    return out


def _key(report: Report) -> tuple[str, int] | None:
    agency = normalize_label(report.agency)
    if not agency or report.year is None:
        return None
    return agency, report.year
