"""The tone and length checker for one careful message (no Qt).

``check(text, kind, context=None) -> Report``; the values are in report.py, the rules under
rules/ (listed in registry.py), the verdict in verdict.py.
"""

from reconnect_gui.core.tone.check import check
from reconnect_gui.core.tone.report import Context, Finding, Metrics, Report

__all__ = ["Context", "Finding", "Metrics", "Report", "check"]
