"""The checks engine: arithmetic relations, culprit suggestion, narrative claims, structure.

    from gkdesk.checks import check_report, Checker
    findings = check_report(report)              # list[Finding]
    checker = Checker(report); report.set_value(addr, 5); checker.recheck()
"""
from .engine import Checker, check_report, findings_to_json
from .rules import rule_title

__all__ = ["Checker", "check_report", "findings_to_json", "rule_title"]
